/**
 * The one pipeline every command runs: plan (given) → inspect → decide →
 * write → report. Commands differ in how they plan and what they do after;
 * what touches the target, and how, is here once.
 *
 * Into a new folder (create), a folder that holds other things is refused as
 * a whole. Into a repository that exists (init, add: `existing` given), each
 * planned file is classed instead: new and merged files are written, identical
 * ones skipped, and clashes left alone unless --force or the user says otherwise.
 */
import type { CommandContext } from "./context.js";
import { classify, type FileClass, occupiedTarget } from "./core/decide.js";
import { CancelledError, UsageError } from "./core/errors.js";
import type { PlannedFile } from "./core/planned-file.js";
import { type Inspection, inspectTarget } from "./io/inspect.js";
import { type WriteReport, writePlan } from "./io/write.js";
import { resolveClashes } from "./options/clashes.js";
import type { Prompter } from "./options/prompter.js";
import { type ClassedRun, formatClassedPlan, formatClassedSummary } from "./ui/classes.js";
import { formatPlan, formatWritten } from "./ui/report.js";

export interface ExistingFiles {
  /** Shared files whose planned contents are the owner's text with ours merged in. */
  merged: ReadonlySet<string>;
  /** Shared files that could not be parsed: never written, their snippet printed. */
  unmergeable: ReadonlyMap<string, { reason: string; snippet: string }>;
}

export interface PipelineJob {
  /** The target folder, absolute. */
  root: string;
  /** The target as the user reads it (`./my-service`, `the current folder`). */
  where: string;
  files: readonly PlannedFile[];
  dryRun: boolean;
  force: boolean;
  /** Asks before writing into a folder that holds other things (or, with `existing`, about each clash). */
  prompter: Prompter | undefined;
  /** Writing into a repository that exists: classes per file instead of one refusal. */
  existing?: ExistingFiles;
}

/** Returns what was written, or undefined for a dry run. */
export async function runPipeline(ctx: CommandContext, job: PipelineJob): Promise<WriteReport | undefined> {
  const { root, where, files } = job;
  const inspection = inspectTarget(ctx.fs, root, where, files);
  if (job.existing) return intoExisting(ctx, job, job.existing, inspection);
  if (job.dryRun) ctx.out.write(formatPlan(files, inspection.statuses, where, ctx.out.paint));

  const occupied = occupiedTarget(inspection, where, job.force);
  if (occupied) {
    if (!job.prompter || job.dryRun) throw new UsageError(occupied.refusal);
    if (!(await job.prompter.confirm(occupied.question, false)))
      throw new CancelledError("Cancelled: nothing was written.");
  }
  if (job.dryRun) return undefined;

  const report = await writePlan(ctx.fs, root, files, inspection, ctx.signal);
  ctx.out.write(formatWritten(report, where, ctx.out.paint));
  return report;
}

async function intoExisting(
  ctx: CommandContext,
  job: PipelineJob,
  existing: ExistingFiles,
  inspection: Inspection,
): Promise<WriteReport | undefined> {
  const { root, where, files } = job;
  const classes = classify(
    inspection.statuses,
    files.map((f) => f.path),
    existing.merged,
  );
  const run = (overwritten: ReadonlySet<string>): ClassedRun => ({
    files,
    classes,
    overwritten,
    unmergeable: existing.unmergeable,
  });
  if (job.dryRun) {
    ctx.out.write(formatClassedPlan(run(new Set()), where, ctx.out.paint));
    return undefined;
  }
  // A file that could not be parsed is never overwritten, not even with --force: its owner fixes it first.
  const clashes = files
    .filter((f, i) => classes[i] === "clash" && !existing.unmergeable.has(f.path))
    .map((f) => f.path);
  const overwritten = await resolveClashes(clashes, {
    force: job.force,
    prompter: job.prompter,
    showDiff: async (path) => {
      const { formatDiff } = await import("./ui/diff.js");
      const ours = files.find((f) => f.path === path)?.contents ?? "";
      const theirs = inspection.previous.get(path)?.bytes.toString("utf8") ?? "";
      ctx.out.write(formatDiff(path, theirs, ours, ctx.out.paint));
    },
  });
  const writes = (c: FileClass, path: string): boolean =>
    c === "new" || c === "merged" || (c === "clash" && overwritten.has(path));
  const chosen = files.flatMap((file, i) => (writes(classes[i] as FileClass, file.path) ? [i] : []));
  const report =
    chosen.length === 0
      ? { created: [], overwritten: [], identical: [] }
      : await writePlan(
          ctx.fs,
          root,
          chosen.map((i) => files[i] as PlannedFile),
          { ...inspection, statuses: chosen.map((i) => inspection.statuses[i] ?? "new") },
          ctx.signal,
        );
  ctx.out.write(formatClassedSummary(run(overwritten), where, ctx.out.paint));
  return report;
}
