/**
 * The file-system calls the core makes, so tests can inject failures.
 * Synchronous, but for new files, which are written on libuv's thread while
 * the caller goes on.
 */
import type * as NodeFs from "node:fs";
import { nodeRequire } from "#location";

export const nodeFs = nodeRequire("node:fs") as typeof NodeFs;

export interface FileSystem {
  lstatSync(path: string, options: { throwIfNoEntry: false }): NodeFs.Stats | undefined;
  statSync(path: string, options: { throwIfNoEntry: false }): NodeFs.Stats | undefined;
  readdirSync(path: string): string[];
  /** Names with their kinds, in one call: a walk of thousands of files then needs no lstat for each. */
  readdirEntriesSync(path: string): NodeFs.Dirent[];
  readFileSync(path: string): Buffer;
  /** UTF-8 text: Node's fast path, which skips the Buffer a first readFileSync sets up. */
  readTextSync(path: string): string;
  writeFileSync(path: string, data: string | Uint8Array, options: { mode: number; flag: string }): void;
  /** Creates `path`, which must not exist yet (EEXIST otherwise), holding `data`. */
  writeNewFile(path: string, data: string, mode: number): Promise<void>;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  rmdirSync(path: string): void;
}

export const realFileSystem: FileSystem = {
  lstatSync: (path, options) => nodeFs.lstatSync(path, options),
  statSync: (path, options) => nodeFs.statSync(path, options),
  readdirSync: (path) => nodeFs.readdirSync(path),
  readdirEntriesSync: (path) => nodeFs.readdirSync(path, { withFileTypes: true }),
  readFileSync: (path) => nodeFs.readFileSync(path),
  readTextSync: (path) => nodeFs.readFileSync(path, "utf8"),
  writeFileSync: (path, data, options) => nodeFs.writeFileSync(path, data, options),
  writeNewFile: (path, data, mode) =>
    new Promise((resolve, reject) =>
      nodeFs.writeFile(path, data, { mode, flag: "wx" }, (error) => (error ? reject(error) : resolve())),
    ),
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  mkdirSync: (path) => nodeFs.mkdirSync(path),
  rmSync: (path, options) => nodeFs.rmSync(path, options),
  rmdirSync: (path) => nodeFs.rmdirSync(path),
};
