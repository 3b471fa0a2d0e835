/**
 * The one pipeline every command runs: plan (given) → inspect → decide →
 * write → report. Commands differ in how they plan and what they do after;
 * what touches the target, and how, is here once: a journal an interrupted
 * run left is undone first, the target is locked after the last answer and
 * inspected again, and the writes run under the journal (io/write.ts).
 */
import { join } from "node:path";
import type { CommandContext } from "./context.js";
import { occupiedTarget } from "./core/decide.js";
import { CancelledError, UsageError } from "./core/errors.js";
import type { PlannedFile } from "./core/planned-file.js";
import { mergeIgnoreFiles } from "./io/gitignore.js";
import { changedSince, inspectTarget } from "./io/inspect.js";
import { recoverJournal } from "./io/journal.js";
import { JOURNAL_NAME, journalState, releaseLock, takeLock } from "./io/lock.js";
import { type WriteReport, writePlan } from "./io/write.js";
import type { Prompter } from "./options/prompter.js";
import { formatPlan, formatRecovered, formatWritten } from "./ui/report.js";

export interface PipelineJob {
  /** The target folder, absolute. */
  root: string;
  /** The target as the user reads it (`./my-service`, `the current folder`). */
  where: string;
  files: readonly PlannedFile[];
  dryRun: boolean;
  force: boolean;
  /** Asks before writing into a folder that holds other things; without one, that is refused. */
  prompter: Prompter | undefined;
}

/** Returns what was written, or undefined for a dry run. */
export async function runPipeline(ctx: CommandContext, job: PipelineJob): Promise<WriteReport | undefined> {
  const { root, where } = job;
  if (journalState(ctx.fs, root, where, ctx.lockOwner) === "stale") {
    if (job.dryRun)
      ctx.out.write(
        `note: an interrupted run left its journal in ${where}; a run without --dry-run first restores from it\n`,
      );
    else {
      const undone = recoverJournal(ctx.fs, root, join(root, JOURNAL_NAME));
      // A journal without a record is one whose run had changed nothing, or had completed.
      if (undone.removed + undone.restored > 0) ctx.out.write(formatRecovered(undone, where, ctx.out.paint));
    }
  }
  // The user's .gitignore is kept, with the preset's missing lines appended.
  const { files, inspection } = mergeIgnoreFiles(
    ctx.fs,
    root,
    job.files,
    inspectTarget(ctx.fs, root, where, job.files),
  );
  if (job.dryRun) ctx.out.write(formatPlan(files, inspection.statuses, where, ctx.out.paint));

  const occupied = occupiedTarget(inspection, where, job.force);
  if (occupied) {
    if (!job.prompter || job.dryRun) throw new UsageError(occupied.refusal);
    if (!(await job.prompter.confirm(occupied.question, false)))
      throw new CancelledError("Cancelled: nothing was written.");
  }
  if (job.dryRun) return undefined;
  if (ctx.signal.aborted) throw new CancelledError();

  // From here on a signal rolls back rather than ending the process.
  const release = ctx.signal.hold?.();
  try {
    const lock = takeLock(ctx.fs, root, where, ctx.lockOwner);
    let current = { files, inspection };
    if (!lock.createdRoot) {
      // The last answer may have come long after the inspection: what changed meanwhile is a clash.
      try {
        current = mergeIgnoreFiles(ctx.fs, root, job.files, inspectTarget(ctx.fs, root, where, job.files));
        const changed = changedSince(inspection, current.inspection, job.files);
        if (changed)
          throw new UsageError(`${changed} changed in ${where} while the run waited: nothing was written; run again`);
      } catch (error) {
        releaseLock(ctx.fs, root, lock, true);
        throw error;
      }
    }
    const report = await writePlan(ctx.fs, root, current.files, current.inspection, ctx.signal, lock);
    ctx.out.write(formatWritten(report, where, ctx.out.paint));
    return report;
  } finally {
    release?.();
  }
}
