/**
 * What is already at the target, compared with the plan. Reads only; decides
 * nothing. Nothing here can wait: entries are judged by lstat first, only
 * regular files are opened (without following links, non-blocking, so a FIFO
 * swapped in meanwhile cannot hang the run), and a file is read only when its
 * size is the planned one, at most that many bytes, in chunks.
 */

import type { Stats } from "node:fs";
import { join } from "node:path";
import type { FileStatus, TargetState } from "../../core/decide.js";
import { UsageError } from "../../core/errors.js";
import type { PlannedFile } from "../../core/planned-file.js";
import { quoted } from "../../core/quote.js";
import { type FileSystem, READ_NO_FOLLOW } from "../fs.js";
import { blockedWay, type WaySeen } from "./confined.js";
import { JOURNAL_NAME } from "./lock.js";

export type { FileStatus };

/** What a file was when inspected: anything else at write time is a clash. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
}

/** A planned file against the disk: its status, and for one that differs, what it was when inspected. */
export interface TargetEntry {
  file: PlannedFile;
  status: FileStatus;
  /** Checked again just before writing: anything else then is a change meanwhile. */
  identity?: FileIdentity;
}

export interface Inspection extends TargetState {
  /** One per planned file, in plan order. */
  entries: TargetEntry[];
  /** The target and the folders on the plan's paths that already exist, as absolute paths: no need to create them. */
  existingFolders: Set<string>;
}

export const identity = (s: Stats): FileIdentity => ({
  dev: s.dev,
  ino: s.ino,
  size: s.size,
  mtimeMs: s.mtimeMs,
  ctimeMs: s.ctimeMs,
  mode: s.mode & 0o7777,
});

/** A name from the disk or the plan, safe in a one-line message. */
const shown = (path: string): string => (/^[\w./@+-]+$/.test(path) ? path : quoted(path));

function kindOf(s: Stats): string {
  if (s.isDirectory()) return "a folder";
  if (s.isSymbolicLink()) return "a symbolic link";
  if (s.isFIFO()) return "a FIFO";
  if (s.isSocket()) return "a socket";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "a device";
  return "not a regular file";
}

export function inspectTarget(
  fs: FileSystem,
  root: string,
  display: string,
  files: readonly PlannedFile[],
): Inspection {
  const stat = fs.lstatSync(root, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink())
    throw new UsageError(`${display} is a symbolic link: give the folder it points to, or another name`);
  if (stat && !stat.isDirectory()) throw new UsageError(`${display} is a file, not a folder: choose another name`);
  if (!stat)
    return { occupants: [], entries: files.map((file) => ({ file, status: "new" })), existingFolders: new Set() };

  const git = fs.lstatSync(join(root, ".git"), { throwIfNoEntry: false });
  // git would follow a linked .git into another repository; a gitdir file (worktree, submodule) is git's own.
  if (git && !git.isDirectory() && !git.isFile())
    throw new UsageError(`${display}/.git is ${kindOf(git)}, not git's folder: move it away and run again`);

  const occupants = occupantsOf(fs, root);
  const existingFolders = new Set([root]);
  const seen: WaySeen = { checked: new Set(), existing: existingFolders };
  const entries = files.map((file): TargetEntry => {
    assertFoldersOnTheWay(fs, root, file.path, seen);
    const path = join(root, file.path);
    const existing = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!existing) return { file, status: "new" };
    if (!existing.isFile())
      throw new UsageError(
        `${shown(file.path)} is ${kindOf(existing)} where the preset writes a file: move it away and run again`,
      );
    if (sameBytes(fs, path, existing, file)) return { file, status: "identical" };
    return { file, status: "differs", identity: identity(existing) };
  });
  return { occupants, entries, existingFolders };
}

/** The target's top-level entries that count as its contents: a lone `.git`, or our own journal, leaves it empty. */
export function occupantsOf(fs: FileSystem, root: string): string[] {
  return fs
    .readdirSync(root)
    .filter((entry) => entry !== ".git" && !entry.startsWith(JOURNAL_NAME))
    .sort();
}

const CHUNK = 64 * 1024;

/** Size first; then the bytes, streamed, never more than the plan holds. */
function sameBytes(fs: FileSystem, path: string, seen: Stats, file: PlannedFile): boolean {
  if (seen.size !== Buffer.byteLength(file.contents)) return false;
  const expected = Buffer.from(file.contents);
  const fd = fs.openSync(path, READ_NO_FOLLOW);
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.ino !== seen.ino || opened.dev !== seen.dev)
      throw new UsageError(`${shown(path)} changed while it was inspected: run again`);
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, expected.length + 1));
    let offset = 0;
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return offset === expected.length;
      if (offset + read > expected.length) return false;
      if (!chunk.subarray(0, read).equals(expected.subarray(offset, offset + read))) return false;
      offset += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Every folder on a file's way must be a real folder: --force never replaces someone's file with a folder. */
function assertFoldersOnTheWay(fs: FileSystem, root: string, path: string, seen: WaySeen): void {
  const blocked = blockedWay(fs, root, path, seen);
  if (blocked?.kind === "a symbolic link")
    throw new UsageError(
      `${shown(blocked.folder)} is a symbolic link where the preset needs a folder of its own: move it away and run again`,
    );
  if (blocked)
    throw new UsageError(
      `${shown(blocked.folder)} is a file where the preset needs a folder: move it away and run again`,
    );
}

/** What changed between two inspections of the same plan, as one line; undefined when nothing did. */
export function changedSince(before: Inspection, after: Inspection): string | undefined {
  for (const [i, { file, status, identity: a }] of before.entries.entries()) {
    const b = after.entries[i]?.identity;
    const same =
      status === after.entries[i]?.status &&
      (a === undefined) === (b === undefined) &&
      (a === undefined || (b !== undefined && Object.entries(a).every(([k, v]) => b[k as keyof FileIdentity] === v)));
    if (!same) return shown(file.path);
  }
  const added = after.occupants.find((entry) => !before.occupants.includes(entry));
  const gone = before.occupants.find((entry) => !after.occupants.includes(entry));
  if (added !== undefined || gone !== undefined) return shown((added ?? gone) as string);
  return undefined;
}
