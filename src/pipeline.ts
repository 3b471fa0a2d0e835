/**
 * The one pipeline every command runs: plan (given) → inspect → decide →
 * write → report. Commands differ in how they plan and what they do after;
 * what touches the target, and how, is here once.
 */
import type { CommandContext } from "./context.js";
import { occupiedTarget } from "./core/decide.js";
import { CancelledError, UsageError } from "./core/errors.js";
import type { PlannedFile } from "./core/planned-file.js";
import { inspectTarget } from "./io/inspect.js";
import { type WriteReport, writePlan } from "./io/write.js";
import type { Prompter } from "./options/prompter.js";
import { formatPlan, formatWritten } from "./ui/report.js";

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
  const { root, where, files } = job;
  const inspection = inspectTarget(ctx.fs, root, where, files);
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
