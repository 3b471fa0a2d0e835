/**
 * The write journal, in the run's lock folder inside the target, on the model
 * of SQLite's rollback journal. Before the first byte changes it records what
 * the run will create, and keeps each file it will overwrite as a second name
 * (a hard link: the user's file itself, its bytes, mode, owner and inode,
 * nothing copied), or as a copy where links are not allowed. Made durable
 * (fsync) when it holds the user's files. Undoing puts each file back by
 * renaming that name over the new one, which needs no free space. The next
 * run finds a journal whose process is gone and undoes it before anything else.
 */
import { join } from "node:path";
import { UsageError } from "../../core/errors.js";
import { quoted } from "../../core/quote.js";
import { CREATE_EXCLUSIVE, type FileSystem, nodeFs } from "../fs.js";
import type { FileIdentity } from "./inspect.js";
import { type JournalRecord, type PlannedRecord, RECORD, textHash } from "./journal-record.js";
import { type Lock, madeHere, readSmall, readSmallBytes, releaseLock, removeFile, removeIfEmpty } from "./lock.js";

export type { JournalRecord };

/** What the run itself knows it made; without it (a later run), the record's rules decide. */
export interface Made {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

const changed = (path: string): UsageError =>
  new UsageError(`${quoted(path)} changed while the run waited: nothing was written; run again`);

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

function syncPath(fs: FileSystem, path: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, nodeFs.constants.O_RDONLY);
    fs.fsyncSync(fd);
  } catch {
    // A folder cannot be opened to sync everywhere (Windows): the rename order still holds there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeDurably(fs: FileSystem, path: string, text: string, durable: boolean): void {
  fs.writeFileSync(path, text, { mode: 0o644, flag: CREATE_EXCLUSIVE });
  if (durable) syncPath(fs, path);
}

/** Keeps the originals and writes the record; until it returns, nothing of the user's has changed. */
export function beginJournal(
  fs: FileSystem,
  root: string,
  lock: Lock,
  record: PlannedRecord,
  seen: ReadonlyMap<string, FileIdentity>,
  decided: ReadonlyMap<string, string> = new Map(),
): void {
  for (const { path, backup } of record.removed ?? []) {
    // A file to remove is kept like one to overwrite; it must still hold what the run decided on (`decided`).
    const kept = keep(fs, root, lock, path, backup);
    const contents = decided.get(path) ?? "";
    if (readSmall(fs, kept.name, Buffer.byteLength(contents)) !== contents) throw changed(path);
  }
  for (const { path, backup } of record.overwritten) {
    const { name: kept, linked } = keep(fs, root, lock, path, backup);
    // What is kept must be the file inspected: anything else changed after the last look.
    const now = fs.lstatSync(linked ? kept : join(root, path), { throwIfNoEntry: false });
    const was = seen.get(path);
    if (!now || !was || now.ino !== was.ino || now.size !== was.size || now.mtimeMs !== was.mtimeMs)
      throw changed(path);
  }
  const durable = record.overwritten.length + (record.removed?.length ?? 0) > 0;
  const here = madeHere(fs, lock.dir);
  if (!here) throw new Error(`the lock's owner file is gone from ${lock.dir}`);
  writeDurably(fs, join(lock.dir, RECORD), JSON.stringify({ ...record, madeHere: here }), durable);
  if (durable) syncPath(fs, lock.dir);
}

/** The user's file under a second name in the journal: a hard link, or a durable copy where links fail. */
function keep(fs: FileSystem, root: string, lock: Lock, path: string, backup: string) {
  const kept = join(lock.dir, backup);
  let linked = true;
  try {
    fs.linkSync(join(root, path), kept);
  } catch (error) {
    if (code(error) === "ENOENT") throw changed(path);
    // No hard links here (another file system under the target, FAT, some FUSE): a durable copy.
    fs.copyFileExclusiveSync(join(root, path), kept);
    syncPath(fs, kept);
    linked = false;
  }
  return { name: kept, linked };
}

/** The run is complete: the record goes first (the commit point), then the rest of the journal. */
export function commitJournal(fs: FileSystem, root: string, lock: Lock): void {
  removeFile(fs, join(lock.dir, RECORD));
  releaseLock(fs, root, lock, false);
}

export interface Undone {
  removed: number;
  restored: number;
}

/** Puts the target back as the record found it, then removes the journal (and the target, if the run made it). */
export function undoJournal(fs: FileSystem, root: string, lock: Lock, record: PlannedRecord, made?: Made): Undone {
  let restored = 0;
  for (const { path, backup } of record.removed ?? []) {
    const kept = join(lock.dir, backup);
    // Put back only where the run had removed it: nothing is ever written at a removed path.
    if (!isFile(fs, kept) || fs.lstatSync(join(root, path), { throwIfNoEntry: false })) continue;
    fs.renameSync(kept, join(root, path));
    restored += 1;
  }
  for (const { path, backup } of record.overwritten) {
    const kept = join(lock.dir, backup);
    const original = fs.lstatSync(kept, { throwIfNoEntry: false });
    // A backup of ours is the user's file itself or a copy: never a link or anything else.
    if (!original?.isFile()) continue;
    const now = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
    // Still the same file (the run stopped before overwriting it): nothing to put back.
    if (now && now.ino === original.ino && now.dev === original.dev) continue;
    fs.renameSync(kept, join(root, path));
    restored += 1;
  }
  let removed = 0;
  for (const entry of record.created) {
    const { path } = entry;
    const stat = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
    const ours = made ? made.files.has(path) : stat?.isFile() === true && holdsWhatTheRunWrote(fs, root, entry);
    if (!stat || !ours) continue;
    fs.rmSync(join(root, path), { force: true });
    removed += 1;
  }
  for (const folder of [...record.folders].reverse()) {
    // A folder the run made is a real one; a link (or a file) at that path is someone else's.
    const real = fs.lstatSync(join(root, folder), { throwIfNoEntry: false })?.isDirectory() === true;
    if (real && (!made || made.folders.has(folder))) removeIfEmpty(fs, join(root, folder));
  }
  releaseLock(fs, root, lock, true);
  return { removed, restored };
}

const isFile = (fs: FileSystem, path: string): boolean =>
  fs.lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;

/**
 * A later run knows only that the path was free: the file there is the run's while it holds what the run wrote,
 * or nothing yet (a write cut off after the file was made): its size, and its hash where the record has one (a
 * run into a folder it made records none: nothing of anyone else's was there).
 */
function holdsWhatTheRunWrote(fs: FileSystem, root: string, { path, size, hash }: JournalRecord["created"][0]) {
  const bytes = readSmallBytes(fs, join(root, path), size);
  if (bytes === undefined) return false;
  return bytes.length === 0 || (bytes.length === size && (hash === undefined || textHash(bytes.toString()) === hash));
}
