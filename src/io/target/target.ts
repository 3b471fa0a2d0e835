/**
 * The one module that writes into the target (test/architecture.test.ts holds it): a journal an interrupted
 * run left is undone once, when the target is opened, before the command reads anything; then a write is one
 * transaction: the lock, a second look at what the inspection saw, the journal, the writes and removals, the
 * release. Every path it touches, whatever its source (the plan, a journal, the record), passes the one
 * confinement check (core/confine.ts) and the disk's no-link check (confined.ts).
 */
import { CancelledError, UsageError } from "../../core/errors.js";
import type { PlannedFile, PlannedRemoval } from "../../core/planned-file.js";
import type { FileSystem } from "../fs.js";
import type { Exec, Interruption } from "../host.js";
import { changedSince, type Inspection, inspectTarget } from "./inspect.js";
import type { Undone } from "./journal.js";
import { JOURNAL_NAME, journalState, type LockOwner, releaseLock, takeLock } from "./lock.js";
import { recoverJournal } from "./recover.js";
import { type WriteReport, writePlan } from "./write.js";

export type { Inspection, Undone, WriteReport };

export interface TargetContext {
  fs: FileSystem;
  exec: Exec;
  lockOwner: LockOwner;
  signal: Interruption;
}

/** What opening found: no journal, a journal a dry run leaves for the next run, or one undone. */
export type Recovered = { kind: "none" } | { kind: "pending" } | { kind: "undone"; undone: Undone };

export interface Transaction {
  /** Each planned file with its status and identity, as inspected before the lock. */
  inspection: Inspection;
  /** Files to remove in the same journaled write (update's dropped files), each while it holds what was decided on. */
  removals: readonly PlannedRemoval[];
  /** The second look, under the lock: the same plan inspected (and merged) anew. */
  again(): Inspection;
  /** The last step before the journal commits (update stages its conflicts): when it throws, everything is undone. */
  beforeCommit?: () => Promise<void>;
}

export interface Target {
  /** The target folder, absolute. */
  root: string;
  /** The target as the user reads it. */
  where: string;
  recovered: Recovered;
  inspect(files: readonly PlannedFile[]): Inspection;
  /** All or nothing: on a failure or a signal, what was written is undone and the error says so. */
  write(transaction: Transaction): Promise<WriteReport>;
}

/** Whether git tracks anything in the journal folder: only a commit puts it there (our own git step never does). */
async function trackedByGit(exec: Exec, root: string): Promise<boolean> {
  const listed = await exec("git", ["ls-files", "-z", "--", JOURNAL_NAME], root);
  return listed.status === 0 && listed.stdout !== "";
}

/**
 * Opens the target: undoes the journal an interrupted run left, before anything reads it (a command that plans
 * from the repository's files would otherwise decide on what the killed run half wrote). A dry run only notes it.
 */
export async function openTarget(ctx: TargetContext, root: string, where: string, dryRun: boolean): Promise<Target> {
  const { fs } = ctx;
  let recovered: Recovered = { kind: "none" };
  if (journalState(fs, root, where, ctx.lockOwner) === "stale") {
    const undone = await recoverJournal(fs, root, where, () => trackedByGit(ctx.exec, root), !dryRun);
    recovered = undone ? { kind: "undone", undone } : { kind: "pending" };
  }
  return {
    root,
    where,
    recovered,
    inspect: (files) => inspectTarget(fs, root, where, files),
    write: (transaction) => transact(ctx, root, where, transaction),
  };
}

/**
 * Locks the target, looks again at what the inspection saw (the last answer may have come long after it: what
 * changed meanwhile stops the run), and writes under the journal. From here on a signal rolls back.
 */
async function transact(ctx: TargetContext, root: string, where: string, job: Transaction): Promise<WriteReport> {
  if (ctx.signal.aborted) throw new CancelledError();
  const { fs } = ctx;
  const release = ctx.signal.hold?.();
  try {
    const lock = takeLock(fs, root, where, ctx.lockOwner);
    let current = job.inspection;
    if (!lock.createdRoot) {
      try {
        current = job.again();
        const changed = changedSince(job.inspection, current);
        if (changed)
          throw new UsageError(`${changed} changed in ${where} while the run waited: nothing was written; run again`);
      } catch (error) {
        releaseLock(fs, root, lock, true);
        throw error;
      }
    }
    return await writePlan(fs, root, current, lock, ctx.signal, job.removals, job.beforeCommit);
  } finally {
    release?.();
  }
}
