/**
 * The one pipeline every command runs: plan (given) → inspect → decide →
 * write → report. Commands differ in how they plan and what they do after;
 * what touches the target, and how, is here once: a journal an interrupted
 * run left is undone first, the target is locked after the last answer and
 * inspected again, and the writes run under the journal (io/write.ts).
 *
 * Into a new folder (create), a folder that holds other things is refused as
 * a whole. Into a repository that exists (init, add: `existing` given), each
 * planned file is classed instead: new and merged files are written, identical
 * ones skipped, and clashes left alone unless --force or the user says otherwise.
 */
import { join } from "node:path";
import type { CommandContext } from "./context.js";
import { classify, type FileClass, occupiedTarget } from "./core/decide.js";
import { CancelledError, UsageError } from "./core/errors.js";
import type { PlannedFile, PlannedRemoval } from "./core/planned-file.js";
import { mergeIgnoreFiles } from "./io/gitignore.js";
import { changedSince, type Inspection, inspectTarget } from "./io/inspect.js";
import { recoverJournal } from "./io/journal.js";
import { fitLineEndings } from "./io/line-style.js";
import { JOURNAL_NAME, journalState, releaseLock, takeLock } from "./io/lock.js";
import { type WriteReport, writePlan } from "./io/write.js";
import { resolveClashes } from "./options/clashes.js";
import type { Prompter } from "./options/prompter.js";
import { type ClassedRun, formatClassedPlan, formatClassedSummary } from "./ui/classes.js";
import { formatPlan, formatRecovered, formatWritten } from "./ui/report.js";

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
  /** Each file's contents were decided against its recorded base (update): written as planned, none merged again. */
  decided?: boolean;
  /** Files to remove in the same journaled write (update's dropped files), each while it holds what was decided on. */
  removals?: readonly PlannedRemoval[];
}

/**
 * Each file in the line-ending style it belongs in (a CRLF checkout of ours is identical, not a clash); the user's
 * .gitignore is kept, with the preset's missing lines appended (unless update already merged it).
 */
function inspect(ctx: CommandContext, job: PipelineJob, planned: readonly PlannedFile[]) {
  const files = fitLineEndings(ctx.fs, job.root, planned);
  const inspection = inspectTarget(ctx.fs, job.root, job.where, files);
  return job.decided ? { files, inspection } : mergeIgnoreFiles(ctx.fs, job.root, files, inspection);
}

/**
 * Undoes the journal an interrupted run left, before anything reads the target: a command that plans from
 * the repository's files (init, update) calls it first, or it would decide on what the killed run half wrote.
 * A dry run only says so.
 */
export function recoverInterrupted(ctx: CommandContext, root: string, where: string, dryRun: boolean): void {
  if (journalState(ctx.fs, root, where, ctx.lockOwner) !== "stale") return;
  if (dryRun) {
    ctx.out.write(
      `note: an interrupted run left its journal in ${where}; a run without --dry-run first restores from it\n`,
    );
    return;
  }
  const undone = recoverJournal(ctx.fs, root, join(root, JOURNAL_NAME));
  // A journal without a record is one whose run had changed nothing, or had completed.
  if (undone.removed + undone.restored > 0) ctx.out.write(formatRecovered(undone, where, ctx.out.paint));
}

/** Returns what was written, or undefined for a dry run. */
export async function runPipeline(ctx: CommandContext, job: PipelineJob): Promise<WriteReport | undefined> {
  const { root, where } = job;
  recoverInterrupted(ctx, root, where, job.dryRun);
  const { files, inspection } = inspect(ctx, job, job.files);
  if (job.existing) return intoExisting(ctx, job, job.existing, files, inspection);
  if (job.dryRun) ctx.out.write(formatPlan(files, inspection.statuses, where, ctx.out.paint));

  const occupied = occupiedTarget(inspection, where, job.force);
  if (occupied) {
    if (!job.prompter || job.dryRun) throw new UsageError(occupied.refusal);
    if (!(await job.prompter.confirm(occupied.question, false)))
      throw new CancelledError("Cancelled: nothing was written.");
  }
  if (job.dryRun) return undefined;
  const report = await lockedWrite(ctx, job, files, inspection);
  ctx.out.write(formatWritten(report, where, ctx.out.paint));
  return report;
}

/**
 * Locks the target, looks again at what the inspection saw (the last answer may have come long after it: what
 * changed meanwhile stops the run), and writes under the journal. From here on a signal rolls back.
 */
async function lockedWrite(
  ctx: CommandContext,
  job: PipelineJob,
  files: readonly PlannedFile[],
  inspection: Inspection,
): Promise<WriteReport> {
  if (ctx.signal.aborted) throw new CancelledError();
  const { root, where } = job;
  const release = ctx.signal.hold?.();
  try {
    const lock = takeLock(ctx.fs, root, where, ctx.lockOwner);
    let current = { files, inspection };
    if (!lock.createdRoot) {
      try {
        current = inspect(ctx, job, files);
        const changed = changedSince(inspection, current.inspection, files);
        if (changed)
          throw new UsageError(`${changed} changed in ${where} while the run waited: nothing was written; run again`);
      } catch (error) {
        releaseLock(ctx.fs, root, lock, true);
        throw error;
      }
    }
    return await writePlan(ctx.fs, root, current.files, current.inspection, ctx.signal, lock, job.removals);
  } finally {
    release?.();
  }
}

async function intoExisting(
  ctx: CommandContext,
  job: PipelineJob,
  existing: ExistingFiles,
  files: readonly PlannedFile[],
  inspection: Inspection,
): Promise<WriteReport | undefined> {
  const { root, where } = job;
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
      const theirs = ctx.fs.readTextSync(join(root, path));
      ctx.out.write(formatDiff(path, theirs, ours, ctx.out.paint));
    },
  });
  const writes = (c: FileClass, path: string): boolean =>
    c === "new" || c === "merged" || (c === "clash" && overwritten.has(path));
  const chosen = files.flatMap((file, i) => (writes(classes[i] as FileClass, file.path) ? [i] : []));
  const report =
    chosen.length === 0
      ? { created: [], overwritten: [], identical: [], removed: [] }
      : await lockedWrite(
          ctx,
          job,
          chosen.map((i) => files[i] as PlannedFile),
          { ...inspection, statuses: chosen.map((i) => inspection.statuses[i] ?? "new") },
        );
  ctx.out.write(formatClassedSummary(run(overwritten), where, ctx.out.paint));
  return report;
}
