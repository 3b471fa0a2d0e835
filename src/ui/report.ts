/** What the user reads: the plan for --dry-run, the summary after writing, errors. */
import { CancelledError, CliError } from "../core/errors.js";
import type { PlannedRemoval } from "../core/planned-file.js";
import type { Ignored } from "../io/git-ignored.js";
import type { FileStatus, TargetEntry } from "../io/target/inspect.js";
import type { Undone } from "../io/target/journal.js";
import type { WriteReport } from "../io/target/write.js";
import type { Paint } from "./paint.js";

const STATUS_LABEL: Record<FileStatus, string> = { new: "new", identical: "identical", differs: "overwrite" };

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatPlan(entries: readonly TargetEntry[], where: string, paint: Paint): string {
  const lines = entries.map(({ file, status }) => {
    const label = STATUS_LABEL[status].padEnd(10);
    const painted =
      status === "new" ? paint.green(label) : status === "differs" ? paint.yellow(label) : paint.dim(label);
    return `  ${painted}${file.path}  ${paint.dim(`(${size(Buffer.byteLength(file.contents))})`)}`;
  });
  const count = (status: FileStatus): number => entries.filter((e) => e.status === status).length;
  return [
    `${paint.bold("Dry run")}: nothing is written. create-spec-agent would write into ${where}:`,
    ...lines,
    `${entries.length} files: ${count("new")} new, ${count("identical")} identical, ${count("differs")} to overwrite.`,
    "",
  ].join("\n");
}

export function formatWritten(report: WriteReport, where: string, paint: Paint): string {
  if (report.created.length === 0 && report.overwritten.length === 0) {
    return `${paint.green("✔")} ${where} already holds every file of the preset as it would be written: nothing needed writing\n`;
  }
  // No "0 new files": an update that only rewrites files names them below.
  const created = report.created.length ? `: ${report.created.length} new files` : "";
  const lines = [`${paint.green("✔")} Wrote ${where}${created}`];
  if (report.overwritten.length) lines.push(`  overwritten: ${report.overwritten.join(", ")}`);
  if (report.identical.length) lines.push(`  ${report.identical.length} files already identical, left as they were`);
  return `${lines.join("\n")}\n`;
}

export function formatNextSteps(steps: readonly string[], paint: Paint): string {
  return `\n${paint.bold("Next steps:")}\n${steps.map((s) => `  ${s}`).join("\n")}\n`;
}

/** Line breaks, control characters and bidirectional controls, from the disk or the user: escaped, so an error stays one line and reads as it is. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const escapeUnsafe = (text: string): string =>
  text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function formatRecovered({ restored, removed }: Undone, where: string, paint: Paint): string {
  const files = (n: number): string => `${n} file${n === 1 ? "" : "s"}`;
  return `${paint.yellow("↺")} ${escapeUnsafe(where)}: an interrupted run's journal was found and undone (put back ${files(restored)}, removed ${files(removed)})\n`;
}

export function formatError(error: unknown, verbose: boolean, paint: Paint): string {
  const message = escapeUnsafe(error instanceof Error ? error.message : String(error));
  const line =
    error instanceof CliError ? message : `unexpected error: ${message} (run again with --verbose to see where)`;
  const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  // Cancelling is the user's choice, not an error.
  const label = error instanceof CancelledError ? paint.yellow("✖") : `${paint.red("error")}:`;
  return `${label} ${line}${stack}\n`;
}

/** The AI tools written for, and what each cannot take of the agent. */
export function formatTargets(targets: readonly string[], notes: readonly string[], paint: Paint): string {
  const lines = [`${paint.bold("AI tools")}: ${targets.join(", ")}`, ...notes.map((note) => `  ${paint.dim(note)}`)];
  return `${lines.join("\n")}\n`;
}

/** What init read from the project and found missing for the workflow, one line each, and what the tasks do instead. */
export function formatProjectNotes(notes: readonly string[], paint: Paint): string {
  return `${[`${paint.bold("Your project")}:`, ...notes.map((note) => `  ${paint.dim(note)}`)].join("\n")}\n`;
}

/** What to do about an ignored file, in one line. */
function ignoredFix({ pattern, path }: Ignored): string {
  const folder = /^\/?([^*?[\]!]+)\/$/.exec(pattern)?.[1];
  if (folder !== undefined && path.startsWith(`${folder.replace(/^\//, "")}/`))
    return `write \`${pattern.replace(/\/$/, "/*")}\` for \`${pattern}\`, so that \`!${path}\` can bring it back`;
  return `remove or narrow that line, or add \`!${path}\` after it`;
}

/** Files a run wrote that the repository's ignore rules keep out of git: never shared with the team until fixed. */
export function formatIgnored(ignored: readonly Ignored[], paint: Paint): string {
  return ignored
    .map(
      (i) =>
        `${paint.yellow("!")} ${i.path} is ignored by git (${i.source}: ${i.pattern}), so it does not reach your team: ${ignoredFix(i)}\n`,
    )
    .join("");
}

/** The files of a tool no longer chosen: removed where nobody edited them, kept (and said) where someone did. */
export interface DroppedFiles {
  removals: PlannedRemoval[];
  kept: string[];
}

export function formatDropped({ removals, kept }: DroppedFiles, dryRun: boolean, paint: Paint): string {
  const lines: string[] = [];
  if (removals.length > 0)
    lines.push(
      `  ${dryRun ? "would remove" : "removed"} (of a tool no longer chosen, unedited): ${removals.map((r) => escapeUnsafe(r.path)).join(", ")}`,
    );
  if (kept.length > 0)
    lines.push(
      `  ${paint.yellow("kept")} (of a tool no longer chosen, but edited: yours to remove): ${kept.map(escapeUnsafe).join(", ")}`,
    );
  return lines.map((line) => `${line}\n`).join("");
}
