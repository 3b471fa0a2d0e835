/**
 * The file-system calls the core makes, so tests can inject failures.
 * Synchronous, all of them: a new file's write returns a promise only so that
 * a test's file system may hold it back (an interruption mid-write).
 */
import type * as NodeFs from "node:fs";
import { nodeRequire } from "#location";

export const nodeFs = nodeRequire("node:fs") as typeof NodeFs;

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = nodeFs.constants;
/** Opens a file to read without following a link or waiting on a FIFO or a device. */
export const READ_NO_FOLLOW = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
/** Creates a file that must not exist: never through a link, never over someone's file. */
export const CREATE_EXCLUSIVE = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;

export interface FileSystem {
  lstatSync(path: string, options: { throwIfNoEntry: false }): NodeFs.Stats | undefined;
  statSync(path: string, options: { throwIfNoEntry: false }): NodeFs.Stats | undefined;
  readdirSync(path: string): string[];
  /** Names with their kinds, in one call: a walk of thousands of files then needs no lstat for each. */
  readdirEntriesSync(path: string): NodeFs.Dirent[];
  /**
   * A folder's entries one at a time, in the order the disk gives them: a folder of 100,000 is never held as
   * 100,000 entries at once (readdirSync's list, and the C library's, made the heap grow for good).
   */
  eachEntrySync(path: string, visit: (entry: NodeFs.Dirent) => void): void;
  /** eachEntrySync with names as their bytes: a name that is not UTF-8 is told from the one Node decodes it to. */
  eachEntryBytesSync(path: string, visit: (entry: NodeFs.Dirent<Buffer>) => void): void;
  readFileSync(path: string): Buffer;
  /** UTF-8 text: Node's fast path, which skips the Buffer a first readFileSync sets up. */
  readTextSync(path: string): string;
  writeFileSync(path: string, data: string | Uint8Array, options: { mode: number; flag: string | number }): void;
  /** Creates `path`, which must not exist yet (EEXIST otherwise), holding `data`; settled once it is written whole. */
  writeNewFile(path: string, data: string | Uint8Array, mode: number): Promise<void>;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  rmdirSync(path: string): void;
  unlinkSync(path: string): void;
  /** A second name for a file: the journal keeps the user's file itself this way, inode, owner and all. */
  linkSync(existing: string, newPath: string): void;
  /** Copies with the source's mode; fails if `to` exists. */
  copyFileExclusiveSync(from: string, to: string): void;
  openSync(path: string, flags: number, mode?: number): number;
  fstatSync(fd: number): NodeFs.Stats;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
}

/** A folder this large on disk (ext4: 13,000 names or so; tmpfs: 26,000) is listed one entry at a time. */
const LARGE_FOLDER = 512 * 1024;

export const realFileSystem: FileSystem = {
  lstatSync: (path, options) => nodeFs.lstatSync(path, options),
  statSync: (path, options) => nodeFs.statSync(path, options),
  readdirSync: (path) => nodeFs.readdirSync(path),
  readdirEntriesSync: (path) => nodeFs.readdirSync(path, { withFileTypes: true }),
  eachEntrySync: (path, visit) => {
    // A folder of a few thousand entries is listed in one call: Node's Dir, one entry at a time, cost 9 M
    // instructions more for check of 1,000 files. A folder's size says roughly how many it holds (4 KB blocks of
    // about 128 names on ext4, 20 bytes a name on tmpfs); where a file system says less, it is listed in one call.
    if (nodeFs.statSync(path).size < LARGE_FOLDER) {
      for (const entry of nodeFs.readdirSync(path, { withFileTypes: true })) visit(entry);
      return;
    }
    const dir = nodeFs.opendirSync(path);
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) visit(entry);
    } finally {
      dir.closeSync();
    }
  },
  eachEntryBytesSync: (path, visit) => {
    // Node's types take no "buffer" here, nor give a Dir Buffer names, though Node does both.
    const dir = nodeFs.opendirSync(path, { encoding: "buffer" as BufferEncoding });
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) visit(entry as never);
    } finally {
      dir.closeSync();
    }
  },
  readFileSync: (path) => nodeFs.readFileSync(path),
  readTextSync: (path) => nodeFs.readFileSync(path, "utf8"),
  // Node takes numeric open flags here too (its types say only strings): O_EXCL | O_NOFOLLOW has no string form.
  writeFileSync: (path, data, { mode, flag }) => nodeFs.writeFileSync(path, data, { mode, flag: flag as string }),
  // Synchronously: on libuv's thread each file was three requests (open, write, close), each a wake-up and a
  // callback here, and this thread has had nothing to do meanwhile since it stopped hashing (docs/performance.md).
  writeNewFile: (path, data, mode) => {
    try {
      nodeFs.writeFileSync(path, data, { mode, flag: CREATE_EXCLUSIVE as unknown as string });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  },
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  mkdirSync: (path) => nodeFs.mkdirSync(path),
  rmSync: (path, options) => nodeFs.rmSync(path, options),
  rmdirSync: (path) => nodeFs.rmdirSync(path),
  unlinkSync: (path) => nodeFs.unlinkSync(path),
  linkSync: (existing, newPath) => nodeFs.linkSync(existing, newPath),
  copyFileExclusiveSync: (from, to) => nodeFs.copyFileSync(from, to, nodeFs.constants.COPYFILE_EXCL),
  openSync: (path, flags, mode) => nodeFs.openSync(path, flags, mode),
  fstatSync: (fd) => nodeFs.fstatSync(fd),
  readSync: (fd, buffer, offset, length, position) => nodeFs.readSync(fd, buffer, offset, length, position),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
};
