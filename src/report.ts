/** What the user reads: the plan for --dry-run, the summary after writing, errors. */
import { CancelledError, CliError } from "./errors.js";
import { paint } from "./paint.js";
import type { PlannedFile } from "./plan.js";
import type { FileStatus } from "./target.js";
import type { WriteReport } from "./write.js";

/** NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal (asked only when it decides). */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: () => boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return env.TERM !== "dumb" && isTTY();
}

const STATUS_LABEL: Record<FileStatus, string> = { new: "new", identical: "identical", differs: "overwrite" };

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatPlan(files: readonly PlannedFile[], statuses: readonly FileStatus[], where: string): string {
  const lines = files.map((file, i) => {
    const status = statuses[i] ?? "new";
    const label = STATUS_LABEL[status].padEnd(10);
    const painted =
      status === "new" ? paint.green(label) : status === "differs" ? paint.yellow(label) : paint.dim(label);
    return `  ${painted}${file.path}  ${paint.dim(`(${size(Buffer.byteLength(file.contents))})`)}`;
  });
  const count = (status: FileStatus): number => statuses.filter((s) => s === status).length;
  return [
    `${paint.bold("Dry run")}: nothing is written. create-spec-agent would write into ${where}:`,
    ...lines,
    `${files.length} files: ${count("new")} new, ${count("identical")} identical, ${count("differs")} to overwrite.`,
    "",
  ].join("\n");
}

export function formatWritten(report: WriteReport, where: string): string {
  const lines = [`${paint.green("✔")} Wrote ${where}: ${report.created.length} new files`];
  if (report.overwritten.length) lines.push(`  overwritten: ${report.overwritten.join(", ")}`);
  if (report.identical.length) lines.push(`  ${report.identical.length} files already identical, left as they were`);
  return `${lines.join("\n")}\n`;
}

export function formatNextSteps(steps: readonly string[]): string {
  return `\n${paint.bold("Next steps:")}\n${steps.map((s) => `  ${s}`).join("\n")}\n`;
}

export function formatError(error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const line =
    error instanceof CliError ? message : `unexpected error: ${message} (run again with --verbose to see where)`;
  const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  // Cancelling is the user's choice, not an error.
  const label = error instanceof CancelledError ? paint.yellow("✖") : `${paint.red("error")}:`;
  return `${label} ${line}${stack}\n`;
}
