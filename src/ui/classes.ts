/** What init and add tell about a repository that exists: each planned file's class, before and after writing. */
import type { FileClass } from "../core/decide.js";
import type { PlannedFile } from "../core/planned-file.js";
import { CLI_ROUTE } from "../core/route.js";
import type { Paint } from "./paint.js";

export interface ClassedRun {
  files: readonly PlannedFile[];
  classes: readonly FileClass[];
  /** Clashes the user or --force chose to overwrite. */
  overwritten: ReadonlySet<string>;
  /** Shared files that could not be parsed: left alone, with what to add by hand. */
  unmergeable: ReadonlyMap<string, { reason: string; snippet: string }>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : word.endsWith("h") ? "es" : "s"}`;

function counts({ classes }: ClassedRun): Record<FileClass, number> {
  const count: Record<FileClass, number> = { new: 0, identical: 0, merged: 0, updated: 0, clash: 0 };
  for (const c of classes) count[c]++;
  return count;
}

const pathsOf = (run: ClassedRun, wanted: FileClass): string[] =>
  run.files.filter((_, i) => run.classes[i] === wanted).map((f) => f.path);

function unmergeableNotes(run: ClassedRun, paint: Paint): string[] {
  return [...run.unmergeable].map(
    ([path, { reason, snippet }]) =>
      `${paint.yellow("!")} ${path} could not be read as JSON (${reason}): left as it is; add these entries by hand:\n${snippet.replace(/\n$/, "")}`,
  );
}

export function formatClassedPlan(run: ClassedRun, where: string, paint: Paint): string {
  const label = (c: FileClass): string => {
    const text = c.padEnd(10);
    return c === "new"
      ? paint.green(text)
      : c === "clash"
        ? paint.yellow(text)
        : c === "merged" || c === "updated"
          ? text
          : paint.dim(text);
  };
  const lines = run.files.map((file, i) => {
    const c = run.classes[i] as FileClass;
    const note =
      c === "clash"
        ? paint.dim(run.unmergeable.has(file.path) ? "  (left alone)" : "  (left alone; --force overwrites)")
        : "";
    return `  ${label(c)}${file.path}${note}`;
  });
  const n = counts(run);
  return [
    `${paint.bold("Dry run")}: nothing is written. create-spec-agent would write into ${where}:`,
    ...lines,
    `${plural(run.files.length, "file")}: ${n.new} new, ${n.merged} merged, ${n.updated ? `${n.updated} updated, ` : ""}${n.identical} identical, ${plural(n.clash, "clash")}.`,
    ...unmergeableNotes(run, paint),
    "",
  ].join("\n");
}

/** `overClashes` says how the user's route overwrites a clash left alone (the CLI's --force and prompt). */
export function formatClassedSummary(
  run: ClassedRun,
  where: string,
  paint: Paint,
  overClashes: string = CLI_ROUTE.overClashes,
): string {
  const n = counts(run);
  const clashes = pathsOf(run, "clash");
  const kept = clashes.filter((path) => !run.overwritten.has(path));
  const overwritten = clashes.filter((path) => run.overwritten.has(path));
  const lines: string[] = [];
  if (n.new + n.merged + n.updated + overwritten.length === 0) {
    lines.push(
      `${paint.green("✔")} ${where} already has the preset: nothing changed (${plural(n.identical, "file")} identical${kept.length ? `, ${plural(kept.length, "clash")} left alone` : ""})`,
    );
  } else {
    // Only the counts that are not zero: add's one new plan is "1 new", not "1 new, 0 merged, 0 identical".
    const parts = [
      ...(n.new ? [`${n.new} new`] : []),
      ...(n.merged ? [`${n.merged} merged`] : []),
      ...(n.updated ? [`${n.updated} updated`] : []),
      ...(n.identical ? [`${n.identical} identical`] : []),
    ];
    if (overwritten.length) parts.push(`${overwritten.length} overwritten`);
    if (kept.length) parts.push(`${plural(kept.length, "clash")} left alone`);
    lines.push(`${paint.green("✔")} Wrote ${where}: ${parts.join(", ")}`);
  }
  const created = pathsOf(run, "new");
  // A few new files are named (add writes one); the preset's dozens are counted.
  if (created.length > 0 && created.length <= 3) lines.push(`  new: ${created.join(", ")}`);
  const merged = pathsOf(run, "merged");
  if (merged.length) lines.push(`  merged: ${merged.join(", ")}`);
  const updated = pathsOf(run, "updated");
  if (updated.length) lines.push(`  updated (as the last run wrote them, unedited since): ${updated.join(", ")}`);
  if (overwritten.length) lines.push(`  overwritten: ${overwritten.join(", ")}`);
  const plain = kept.filter((path) => !run.unmergeable.has(path));
  if (plain.length)
    lines.push(
      `  ${paint.yellow("clash")}, left as it is: ${plain.join(", ")} (they differ from the preset; ${overClashes})`,
    );
  lines.push(...unmergeableNotes(run, paint));
  return `${lines.join("\n")}\n`;
}
