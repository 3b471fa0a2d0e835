/**
 * The one pipeline every command runs: plan (given) → inspect → decide →
 * write → report. Commands differ in how they plan and what they do after;
 * what touches the target is one module's (io/target/): opening it undoes a
 * journal an interrupted run left, and a write locks it after the last
 * answer, inspects it again and writes under the journal, all or nothing.
 *
 * Into a new folder (create), a folder that holds other things is refused as
 * a whole. Into a repository that exists (init, add: mode `existing`), each
 * planned file is classed instead: new and merged files are written, identical
 * ones skipped, and clashes left alone unless --force or the user says otherwise.
 */
import { join } from "node:path";
import type { CommandContext } from "./context.js";
import { classify, type FileClass, occupiedTarget } from "./core/decide.js";
import { CancelledError, UsageError } from "./core/errors.js";
import { MANIFEST_PATH, settleRecord } from "./core/manifest.js";
import type { PlannedFile, PlannedRemoval } from "./core/planned-file.js";
import type { Route } from "./core/route.js";
import { mergeIgnoreFiles } from "./io/gitignore.js";
import { fitLineEndings } from "./io/line-style.js";
import { type Inspection, openTarget, type Target, type WriteReport } from "./io/target/target.js";
import { resolveClashes } from "./options/clashes.js";
import type { Prompter } from "./options/prompter.js";
import { type ClassedRun, formatClassedPlan, formatClassedSummary } from "./ui/classes.js";
import { formatPlan, formatRecovered, formatWritten } from "./ui/report.js";

export interface ExistingFiles {
  /** Shared files whose planned contents are the owner's text with ours merged in. */
  merged: ReadonlySet<string>;
  /** Files as an earlier run wrote them, unedited since: brought up to date, not left as a clash. */
  updated?: ReadonlySet<string>;
  /** Files an earlier run wrote, for a tool no longer chosen, that nobody edited: removed in the same write. */
  removals?: readonly PlannedRemoval[];
  /** Shared files that could not be parsed: never written, their snippet printed. */
  unmergeable: ReadonlyMap<string, { reason: string; snippet: string }>;
  /** The files as the repository's record lists them (an earlier run's bases), for the record this run writes. */
  recorded?: ReadonlyMap<string, string>;
}

/**
 * Where the plan goes. A new folder (create): one that holds other things is refused as a whole. A repository
 * that exists (init, add): each file classed. An update: each file's contents were decided against its recorded
 * base, written as planned (none merged again, nothing asked), with the dropped files removed in the same write.
 */
export type PipelineMode =
  | { kind: "new" }
  | ({ kind: "existing" } & ExistingFiles)
  | {
      kind: "update";
      removals: readonly PlannedRemoval[];
      /** Run as the write's last step, undone with it (the conflicts staged in git's index). */
      beforeCommit?: () => Promise<void>;
    };

export interface PipelineJob {
  /** The target folder, absolute. */
  root: string;
  /** The target as the user reads it (`./my-service`, `the current folder`). */
  where: string;
  files: readonly PlannedFile[];
  dryRun: boolean;
  force: boolean;
  /** Asks before writing into a folder that holds other things (or, into a repository, about each clash). */
  prompter: Prompter | undefined;
  mode: PipelineMode;
  /** The target a command opened before reading it (init, update: openInterrupted); otherwise opened here. */
  target?: Target;
  /** How the messages name what the user can do: the CLI's flags unless given (plop's prompts). */
  route?: Route;
}

/**
 * Opens the target, undoing the journal an interrupted run left: a command that plans from the repository's
 * files (init, update) calls it before reading them and hands the target to runPipeline. A dry run only says so.
 */
export async function openForRun(ctx: CommandContext, root: string, where: string, dryRun: boolean): Promise<Target> {
  const target = await openTarget(ctx, root, where, dryRun);
  const { recovered } = target;
  if (recovered.kind === "pending")
    ctx.out.write(
      `note: an interrupted run left its journal in ${where}; a run without --dry-run first restores from it\n`,
    );
  // A journal without a record is one whose run had changed nothing, or had completed.
  if (recovered.kind === "undone" && recovered.undone.removed + recovered.undone.restored > 0)
    ctx.out.write(formatRecovered(recovered.undone, where, ctx.out.paint));
  return target;
}

/**
 * Each file in the line-ending style it belongs in (a CRLF checkout of ours is identical, not a clash); the user's
 * .gitignore is kept, with the preset's missing lines appended (unless update already merged it).
 */
function inspect(ctx: CommandContext, job: PipelineJob, target: Target): Inspection {
  const inspection = target.inspect(fitLineEndings(ctx.fs, job.root, job.files, job.mode.kind === "new"));
  return job.mode.kind === "update" ? inspection : mergeIgnoreFiles(ctx.fs, job.root, inspection);
}

/** Returns what was written, or undefined for a dry run. */
export async function runPipeline(ctx: CommandContext, job: PipelineJob): Promise<WriteReport | undefined> {
  const { where, mode } = job;
  const target = job.target ?? (await openForRun(ctx, job.root, where, job.dryRun));
  const inspection = inspect(ctx, job, target);
  if (mode.kind === "existing") return intoExisting(ctx, job, mode, target, inspection);
  if (job.dryRun) ctx.out.write(formatPlan(inspection.entries, where, ctx.out.paint));

  // An update's plan was decided file by file: a folder that holds other things is what it expects.
  const occupied =
    mode.kind === "new" ? occupiedTarget(inspection, where, job.force, job.route?.intoOccupied) : undefined;
  if (occupied) {
    if (!job.prompter || job.dryRun) throw new UsageError(occupied.refusal);
    if (!(await job.prompter.confirm(occupied.question, false)))
      throw new CancelledError("Cancelled: nothing was written.");
  }
  if (job.dryRun) return undefined;
  const update = mode.kind === "update" ? mode : { removals: [], beforeCommit: undefined };
  const report = await target.write({
    inspection,
    removals: update.removals,
    beforeCommit: update.beforeCommit,
    again: () => inspect(ctx, job, target),
  });
  ctx.out.write(formatWritten(report, where, ctx.out.paint));
  return report;
}

async function intoExisting(
  ctx: CommandContext,
  job: PipelineJob,
  existing: ExistingFiles,
  target: Target,
  inspection: Inspection,
): Promise<WriteReport | undefined> {
  const { root, where } = job;
  const files = inspection.entries.map(({ file }) => file);
  const classes = classify(inspection.entries, existing.merged, existing.updated);
  const run = (overwritten: ReadonlySet<string>, settled: readonly FileClass[] = classes): ClassedRun => ({
    files,
    classes: settled,
    overwritten,
    unmergeable: existing.unmergeable,
  });
  // A file that could not be parsed is never overwritten, not even with --force: its owner fixes it first.
  const clashes = files
    .filter((f, i) => classes[i] === "clash" && !existing.unmergeable.has(f.path))
    .map((f) => f.path);
  // The record lists what this run writes as ours: a clash left alone is not (an earlier run's base stays).
  // Settled, it may be the record there already (a second init, its clashes still the owner's).
  const settle = (overwritten: ReadonlySet<string>) => {
    const leftAlone = new Set(clashes.filter((path) => !overwritten.has(path)));
    const recorded = job.files.some((f) => f.path === MANIFEST_PATH);
    const settled =
      leftAlone.size === 0 || !recorded
        ? job
        : { ...job, files: settleRecord(job.files, leftAlone, existing.recorded) };
    const planned = settled === job ? inspection : inspect(ctx, settled, target);
    const settledClasses = classes.map((c, i) =>
      files[i]?.path === MANIFEST_PATH && planned.entries[i]?.status === "identical" ? "identical" : c,
    );
    return { settled, planned, settledClasses };
  };
  if (job.dryRun) {
    const { settledClasses } = settle(new Set(job.force ? clashes : []));
    ctx.out.write(formatClassedPlan(run(new Set(), settledClasses), where, ctx.out.paint));
    return undefined;
  }
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
    c === "new" || c === "merged" || c === "updated" || (c === "clash" && overwritten.has(path));
  const { settled, planned, settledClasses } = settle(overwritten);
  const chosen = files.flatMap((file, i) => (writes(settledClasses[i] as FileClass, file.path) ? [i] : []));
  const only = (all: Inspection): Inspection => ({
    ...all,
    entries: chosen.map((i) => all.entries[i] as Inspection["entries"][number]),
  });
  const report =
    chosen.length + (existing.removals?.length ?? 0) === 0
      ? { created: [], overwritten: [], identical: [], removed: [] }
      : await target.write({
          inspection: only(planned),
          removals: existing.removals ?? [],
          again: () => only(inspect(ctx, settled, target)),
        });
  ctx.out.write(formatClassedSummary(run(overwritten, settledClasses), where, ctx.out.paint, job.route?.overClashes));
  return report;
}
