/** The repository a command works in: the nearest folder up from here that holds `.git`, else here. */
import { dirname, join, relative } from "node:path";
import type { FileSystem } from "./fs.js";

export function findRoot(fs: FileSystem, cwd: string): string {
  for (let folder = cwd; ; folder = dirname(folder)) {
    // A file named .git is a worktree's or a submodule's pointer: that folder is a root too.
    if (fs.lstatSync(join(folder, ".git"), { throwIfNoEntry: false })) return folder;
    if (dirname(folder) === folder) return cwd;
  }
}

/** A file's text, or undefined when there is none (or it is not a file). */
export function readIfFile(fs: FileSystem, path: string): string | undefined {
  const stat = fs.lstatSync(path, { throwIfNoEntry: false });
  return stat?.isFile() ? fs.readTextSync(path) : undefined;
}

/** The root as the user reads it. */
export function whereOf(cwd: string, root: string): string {
  return root === cwd ? "the current folder" : `the repository at ${relative(cwd, root) || "."}`;
}
