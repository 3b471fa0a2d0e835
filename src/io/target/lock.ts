/**
 * One run at a time in a folder: the run's journal folder is the lock. mkdir
 * is atomic and never follows a link, so of two runs only one makes it; the
 * other finds the owner's process id inside, alive (exit 2) or gone (its
 * journal is stale, and the next run restores from it).
 */
import { join } from "node:path";
import { JOURNAL_NAME } from "../../core/confine.js";
import { GenerateError, UsageError } from "../../core/errors.js";
import { CREATE_EXCLUSIVE, type FileSystem, READ_NO_FOLLOW } from "../fs.js";

export { JOURNAL_NAME };

const OWNER = "owner";
/** `.spec-agent-journal.starting-<pid>`: a lock being made. */
const STARTING = ".starting-";

/** Who runs: this process, and how to tell whether another one still does. */
export interface LockOwner {
  pid: number;
  isRunning(pid: number): boolean;
}

export interface Lock {
  /** The journal folder, absolute. */
  dir: string;
  /** The run made the target itself: a rollback removes it. */
  createdRoot: boolean;
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Reads a small file of ours without following a link or waiting on a FIFO; undefined when it is not one. */
export function readSmall(fs: FileSystem, path: string, limit: number): string | undefined {
  return readSmallBytes(fs, path, limit)?.toString("utf8");
}

/** The same, as bytes. */
export function readSmallBytes(fs: FileSystem, path: string, limit: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, READ_NO_FOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < buffer.length) {
      const read = fs.readSync(fd, buffer, offset, buffer.length - offset, null);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where and when this machine made the lock's owner file: its inode and its change time, which the kernel
 * sets when the file is written and no one can set by hand (tar, zip, cp and git all get new ones). The
 * journal's record carries it, so recovery can tell a journal a run left here from one that came with the files.
 */
export function madeHere(fs: FileSystem, dir: string): { ino: number; ctimeMs: number } | undefined {
  const stat = fs.lstatSync(join(dir, OWNER), { throwIfNoEntry: false });
  return stat?.isFile() ? { ino: stat.ino, ctimeMs: stat.ctimeMs } : undefined;
}

/** Whether the target holds a journal, and whose: "busy" is refused, "stale" is restored from. */
export function journalState(fs: FileSystem, root: string, where: string, owner: LockOwner): "none" | "stale" {
  if (!fs.lstatSync(root, { throwIfNoEntry: false })?.isDirectory()) return "none";
  removeStaleStarts(fs, root, owner);
  const dir = join(root, JOURNAL_NAME);
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!stat) return "none";
  if (!stat.isDirectory())
    throw new UsageError(`${where}/${JOURNAL_NAME} is not a journal of create-spec-agent: move it away and run again`);
  const pid = Number.parseInt(readSmall(fs, join(dir, OWNER), 32) ?? "", 10);
  if (pid > 0 && pid !== owner.pid && owner.isRunning(pid))
    throw new UsageError(
      `another run (process ${pid}) is writing into ${where}: wait for it to finish, then run again`,
    );
  return "stale";
}

/** A lock whose maker died before it was renamed into place: it never changed anything. */
function removeStaleStarts(fs: FileSystem, root: string, owner: LockOwner): void {
  const prefix = `${JOURNAL_NAME}${STARTING}`;
  for (const entry of fs.readdirSync(root)) {
    const pid = entry.startsWith(prefix) ? Number(entry.slice(prefix.length)) : Number.NaN;
    if (!(pid > 0) || (pid !== owner.pid && owner.isRunning(pid))) continue;
    const making = join(root, entry);
    if (!fs.lstatSync(making, { throwIfNoEntry: false })?.isDirectory()) continue;
    removeFile(fs, join(making, OWNER));
    removeIfEmpty(fs, making);
  }
}

/** Takes the lock, making the target (whose parent exists) when it is missing. */
export function takeLock(fs: FileSystem, root: string, where: string, owner: LockOwner): Lock {
  try {
    return lock(fs, root, where, owner);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new GenerateError(`could not write ${root}: ${reason}; nothing was written`, { cause: error });
  }
}

function lock(fs: FileSystem, root: string, where: string, owner: LockOwner): Lock {
  let createdRoot = false;
  try {
    fs.mkdirSync(root);
    createdRoot = true;
  } catch (error) {
    if (code(error) !== "EEXIST") throw error;
    if (!fs.lstatSync(root, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`${where} changed while the run waited: it is no longer a folder; nothing was written`);
  }
  // The lock appears whole, its owner inside: made under a name of this process's own, then renamed
  // into place, which fails when a journal (never empty) is already there.
  const dir = join(root, JOURNAL_NAME);
  const making = `${dir}${STARTING}${owner.pid}`;
  fs.mkdirSync(making);
  try {
    fs.writeFileSync(join(making, OWNER), `${owner.pid}\n`, { mode: 0o644, flag: CREATE_EXCLUSIVE });
    fs.renameSync(making, dir);
  } catch (error) {
    removeFile(fs, join(making, OWNER));
    removeIfEmpty(fs, making);
    if (createdRoot) removeIfEmpty(fs, root);
    if (code(error) !== "EEXIST" && code(error) !== "ENOTEMPTY" && code(error) !== "EPERM") throw error;
    journalState(fs, root, where, owner);
    throw new UsageError(`another run left its journal in ${where} just now: run again to restore from it`);
  }
  return { dir, createdRoot };
}

/** Empties and removes the journal folder (everything in it is the run's), and the target when the run made it and wants it gone. */
export function releaseLock(fs: FileSystem, root: string, lock: Lock, removeRoot: boolean): void {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(lock.dir);
  } catch (error) {
    if (code(error) !== "ENOENT") throw error;
  }
  // The owner goes last: until then, another run sees a live lock.
  for (const entry of entries.sort((a, b) => Number(a === OWNER) - Number(b === OWNER)))
    removeFile(fs, join(lock.dir, entry));
  removeIfEmpty(fs, lock.dir);
  if (removeRoot && lock.createdRoot) removeIfEmpty(fs, root);
}

/** unlink, where a missing file is fine; not rmSync, which loads Node's rimraf on first use (milliseconds). */
export function removeFile(fs: FileSystem, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch (error) {
    if (code(error) !== "ENOENT") throw error;
  }
}

export function removeIfEmpty(fs: FileSystem, folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch (error) {
    if (code(error) !== "ENOENT" && code(error) !== "ENOTEMPTY" && code(error) !== "EEXIST") throw error;
  }
}
