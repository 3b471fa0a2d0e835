/**
 * Writes the plan so that nothing half-written remains, under the run's
 * journal (journal.ts): it is on disk before the first byte changes, and
 * removed once the last file is written. A new file is created exclusively
 * (never through a link, never over something that appeared since the
 * inspection), and the manifest, which records the others, is written
 * last. A file that is overwritten is written to a new name in the journal
 * and renamed into place, so the user's version is whole until the new one
 * is. On a failure or an interruption, the run waits for what is under way,
 * then undoes the journal, and the error says what it undid.
 */
import { dirname, join, sep } from "node:path";
import { confinementProblem } from "../../core/confine.js";
import { CancelledError, GenerateError, UsageError } from "../../core/errors.js";
import { MANIFEST_PATH } from "../../core/manifest.js";
import type { PlannedFile, PlannedRemoval } from "../../core/planned-file.js";
import { CREATE_EXCLUSIVE, type FileSystem } from "../fs.js";
import type { Interruption } from "../host.js";
import { confinedOnDisk } from "./confined.js";
import type { Inspection } from "./inspect.js";
import { beginJournal, commitJournal, undoJournal } from "./journal.js";
import { JOURNAL_NAME, type Lock, releaseLock } from "./lock.js";
import { encodedNewFiles, foldersFromRoot, parentOf, recordOf, writeOrder } from "./write-order.js";
import { describeUndo, reportOf, type WriteReport } from "./write-report.js";

export type { WriteReport };

/** Writes under `lock`, the caller's (target.ts), which this releases. */
export async function writePlan(
  fs: FileSystem,
  root: string,
  inspection: Inspection,
  lock: Lock,
  signal?: Interruption,
  removals: readonly PlannedRemoval[] = [],
  beforeCommit?: () => Promise<void>,
): Promise<WriteReport> {
  const { entries } = inspection;
  const files = entries.map(({ file }) => file);
  const order = writeOrder(entries);
  /** Folders there, as plan paths: those the inspection saw, then each one this run makes. */
  const knownFolders = foldersFromRoot(root, inspection);
  const encoded = encodedNewFiles(entries);
  const record = recordOf(entries, order, lock, knownFolders, removals, encoded);
  const inRoot = (path: string): string => (root.endsWith(sep) ? root + path : root + sep + path);
  const madeFolders = new Set<string>();
  const overwritten = new Set<string>();
  const removed = new Set<string>();
  /** New files written whole, and those a failed write may have left in part: both are removed on rollback. */
  const created = new Set<string>();
  const partlyWritten = new Set<string>();
  /** New files under way; each settles without rejecting (a rejection nobody awaits yet would end the process). */
  const writes: Promise<void>[] = [];
  const writeErrors: unknown[] = [];

  try {
    // The inspection looked at every planned file's way on disk; a removal's is looked at here.
    const outside =
      files.map((file) => confinementProblem(file.path)).find(Boolean) ??
      removals.map((removal) => confinedOnDisk(fs, root, removal.path)).find(Boolean);
    if (outside) throw new UsageError(`cannot write ${outside}: nothing was written`);
    const seen = new Map(entries.flatMap(({ file, identity }) => (identity ? [[file.path, identity] as const] : [])));
    beginJournal(fs, root, lock, record, seen, new Map(removals.map((r) => [r.path, r.contents])));
  } catch (error) {
    releaseLock(fs, root, lock, true);
    if (error instanceof UsageError) throw error;
    throw new GenerateError(`could not start writing ${root}: ${message(error)}; nothing was written`, {
      cause: error,
    });
  }

  const ensureFolder = (folder: string): void => {
    if (knownFolders.has(folder)) return;
    ensureFolder(parentOf(folder));
    try {
      fs.mkdirSync(inRoot(folder));
      madeFolders.add(folder);
    } catch (error) {
      // Made since the inspection: fine if it is a real folder, and not ours to remove.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST" || !fs.lstatSync(inRoot(folder), { throwIfNoEntry: false })?.isDirectory()) throw error;
    }
    knownFolders.add(folder);
  };

  const writeNew = (file: PlannedFile, path: string, bytes: Uint8Array): void => {
    const failed = (error: unknown): void => {
      // A file someone made meanwhile (EEXIST) is not ours to remove.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") partlyWritten.add(file.path);
      writeErrors.push(error);
    };
    try {
      writes.push(fs.writeNewFile(path, bytes, file.mode).then(() => void created.add(file.path), failed));
    } catch (error) {
      failed(error);
    }
  };

  /** Once the new files are there, the dropped ones go (the journal keeps each): then the manifest. */
  const removeAll = async (): Promise<boolean> => {
    await Promise.all(writes);
    if (writeErrors.length > 0) return false;
    for (const { path } of removals.filter((r) => !removed.has(r.path))) {
      fs.unlinkSync(inRoot(path));
      removed.add(path);
    }
    return true;
  };

  const writeAll = async (): Promise<void> => {
    for (const i of order) {
      const file = files[i] as PlannedFile;
      // The record of a complete run goes to disk only once every other file is there.
      if (file.path === MANIFEST_PATH && !(await removeAll())) return;
      if (signal?.aborted) throw new CancelledError();
      const path = inRoot(file.path);
      ensureFolder(parentOf(file.path));
      if (entries[i]?.status === "differs") {
        const temporary = join(lock.dir, `${i}.new`);
        fs.writeFileSync(temporary, file.contents, { mode: file.mode, flag: CREATE_EXCLUSIVE });
        fs.renameSync(temporary, path);
        overwritten.add(file.path);
      } else {
        writeNew(file, path, encoded[i] as Uint8Array);
      }
    }
    await removeAll();
  };

  let failure: { error: unknown } | undefined;
  try {
    await writeAll();
  } catch (error) {
    failure = { error };
  }
  // Nothing is undone while a write is still under way; the first failure is the one reported.
  await Promise.all(writes);
  // The writes may all have been synchronous (the real file system's are): a signal that came meanwhile must
  // still roll the run back, not arrive after it.
  if (signal && !signal.aborted) await pollSignals();
  if (!failure && writeErrors.length > 0) failure = { error: writeErrors[0] };
  if (!failure && signal?.aborted) failure = { error: new CancelledError() };
  // The last step of the transaction (update's conflicts staged in git's index): a signal during it undoes all.
  if (!failure && beforeCommit) {
    try {
      await beforeCommit();
    } catch (error) {
      failure = { error: signal?.aborted ? new CancelledError() : error };
    }
  }

  if (!failure) {
    commitJournal(fs, root, lock);
    removeEmptied(fs, [...removed].map(inRoot), root);
    return reportOf(entries, created, overwritten, removed);
  }
  const { error } = failure;
  const report = reportOf(entries, created, overwritten, removed);
  try {
    undoJournal(fs, root, lock, record, { files: new Set([...created, ...partlyWritten]), folders: madeFolders });
  } catch (undoError) {
    throw new GenerateError(
      `could not undo a failed run in ${root}: ${message(undoError)}; its journal (${JOURNAL_NAME}) keeps your files: run the same command again to restore them`,
      { cause: error },
    );
  }
  const undone = describeUndo(report);
  if (error instanceof CancelledError) throw new CancelledError(`Cancelled: ${undone}.`, { cause: error });
  throw new GenerateError(`could not write ${root}: ${message(error)}; ${undone}`, { cause: error });
}

/**
 * The folders the removals left empty (a dropped tool's `.claude/skills/spec-plan/`), up to the root, once the
 * write is committed (an undo puts files back into them). Tidying only: one that cannot go stays.
 */
function removeEmptied(fs: FileSystem, removed: readonly string[], root: string): void {
  for (const path of removed)
    for (let folder = dirname(path); folder.length > root.length && folder.startsWith(root); folder = dirname(folder)) {
      try {
        fs.rmdirSync(folder);
      } catch {
        break;
      }
    }
}

/**
 * Lets the event loop run the handlers of signals that came while this thread was busy: libuv reads them in its
 * poll phase, and an immediate runs in the check phase after it, of this turn or the next; the second immediate
 * comes after a poll whichever phase the first was queued from.
 */
async function pollSignals(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((turned) => setImmediate(turned));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
