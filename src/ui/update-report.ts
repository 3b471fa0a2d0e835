/** What `update` did, or would do (--dry-run, with a unified diff per change), one line a file. */
import { createTwoFilesPatch } from "diff";
import type { Fate, FileFate } from "../core/update-plan.js";
import type { Paint } from "./paint.js";

export const FATE_SAYS: Record<Fate, string> = {
  current: "up to date",
  added: "new",
  replaced: "replaced (you had not edited it)",
  merged: "merged with your edits",
  block: "our block rewritten (your text around it kept)",
  conflict: "CONFLICT: your edits and ours overlap",
  kept: "kept (your edits; ours did not change)",
  "deleted-by-owner": "stays deleted (you removed it)",
  clash: "left alone (yours, not one we wrote; ours would differ)",
  removed: "removed (gone from the preset, and you had not edited it)",
  "kept-unlisted": "kept (gone from the preset, but you edited it)",
};

const colour = (fate: Fate, paint: Paint): ((text: string) => string) =>
  fate === "conflict" ? paint.red : fate === "clash" || fate === "kept-unlisted" ? paint.yellow : paint.green;

/** A diff per file that would change, coloured like git's. */
function diffOf(fate: FileFate, before: string | undefined, paint: Paint): string {
  const after = fate.fate === "removed" ? "" : (fate.contents ?? "");
  const patch = createTwoFilesPatch(`a/${fate.path}`, `b/${fate.path}`, before ?? "", after, "", "", { context: 3 });
  return patch
    .split("\n")
    .slice(1)
    .map((line) =>
      line.startsWith("+") && !line.startsWith("+++")
        ? paint.green(line)
        : line.startsWith("-") && !line.startsWith("---")
          ? paint.red(line)
          : line.startsWith("@@")
            ? paint.dim(line)
            : line,
    )
    .join("\n");
}

const CHANGES: readonly Fate[] = ["added", "replaced", "merged", "block", "conflict", "removed"];

/** "from 0.2.0 to 0.2.0" reads as a mistake: an update within one version (new --agents, a pack) says so. */
export function updateHeader(where: string, from: string, to: string, dryRun: boolean): string {
  const versions =
    from === to ? `(create-spec-agent ${to}, the version it records)` : `from create-spec-agent ${from} to ${to}`;
  return `${dryRun ? "Would update" : "Updating"} ${where} ${versions}:`;
}

export function formatUpdate(
  fates: readonly FileFate[],
  current: ReadonlyMap<string, string | undefined>,
  header: string,
  dryRun: boolean,
  paint: Paint,
): string {
  const shown = fates.filter((f) => f.fate !== "current");
  const lines = [header];
  for (const f of shown) {
    lines.push(`  ${colour(f.fate, paint)(FATE_SAYS[f.fate])}  ${f.path}`);
    if (dryRun && CHANGES.includes(f.fate)) lines.push(diffOf(f, current.get(f.path), paint));
  }
  if (shown.length === 0) lines.push("  every file is up to date: nothing to do");
  return `${lines.join("\n")}\n`;
}

export function countFates(fates: readonly FileFate[]): Partial<Record<Fate, number>> {
  const counts: Partial<Record<Fate, number>> = {};
  for (const f of fates) counts[f.fate] = (counts[f.fate] ?? 0) + 1;
  return counts;
}
