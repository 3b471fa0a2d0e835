/**
 * The repository a command works in (the nearest folder up from here that holds `.git`, else here), reading it, and
 * paths in it as the plan and the user read them: with `/` on every platform.
 */
import { isUtf8 } from "node:buffer";
import { dirname, join, type PlatformPath, relative, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { quoted } from "../core/quote.js";
import type { FileSystem } from "./fs.js";
import { blockedWay } from "./target/confined.js";

export function findRoot(fs: FileSystem, cwd: string): string {
  for (let folder = cwd; ; folder = dirname(folder)) {
    // A file named .git is a worktree's or a submodule's pointer: that folder is a root too.
    if (fs.lstatSync(join(folder, ".git"), { throwIfNoEntry: false })) return folder;
    if (dirname(folder) === folder) return cwd;
  }
}

/** The repository update works in: the nearest folder up from `cwd` that holds our record. */
export function findRecordedRoot(fs: FileSystem, cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (fs.lstatSync(join(dir, MANIFEST_PATH), { throwIfNoEntry: false })?.isFile()) return dir;
    if (dirname(dir) === dir)
      throw new UsageError(
        `no ${MANIFEST_PATH} here or above: run update inside a repository that create-spec-agent made, or add the preset to this one with create-spec-agent init`,
      );
  }
}

/**
 * A file's text, or undefined when there is none, it is not a file, or it is
 * not UTF-8 text: decoding would replace its bytes, and a merge would then
 * write them back changed. The pipeline sees such a file differ from the
 * plan, a clash it leaves alone.
 */
export function readIfFile(fs: FileSystem, path: string): string | undefined {
  const stat = fs.lstatSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const bytes = fs.readFileSync(path);
  return isUtf8(bytes) ? bytes.toString("utf8") : undefined;
}

/** `to` from `from`, its parts joined by `/` ("" for the same folder). `path`: Windows' rules, in a test. */
export const relativeWithSlashes = (
  from: string,
  to: string,
  path: Pick<PlatformPath, "relative" | "sep"> = { relative, sep },
): string => path.relative(from, to).split(path.sep).join("/");

/** The root as the user reads it, with `/` on every platform (`path`: Windows' rules, in a test). */
export function whereOf(cwd: string, root: string, path?: Pick<PlatformPath, "relative" | "sep">): string {
  return root === cwd ? "the current folder" : `the repository at ${relativeWithSlashes(cwd, root, path) || "."}`;
}

/**
 * The owner's file as text, its bytes when they are not UTF-8 text (decoding would replace them), or undefined
 * when there is none; anything but a plain file is refused, and so is a path through a linked folder (the
 * record's paths are the repository's: a link would take them elsewhere).
 */
export function readRepositoryFile(fs: FileSystem, root: string, path: string): string | Buffer | undefined {
  const blocked = blockedWay(fs, root, path);
  if (blocked?.kind === "a symbolic link")
    throw new UsageError(
      `${quoted(path)} is reached through a link (${quoted(blocked.folder)}): move the link away and run again`,
    );
  if (blocked) return undefined;
  const stat = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isFile()) throw new UsageError(`${path} is not a plain file: move it away and run again`);
  const bytes = fs.readFileSync(join(root, path));
  return isUtf8(bytes) ? bytes.toString("utf8") : bytes;
}

/** The owner's files as text, and those that are not UTF-8 text (theirs to keep: a merge would re-encode them). */
export function readRepositoryFiles(
  fs: FileSystem,
  root: string,
  paths: Iterable<string>,
): { current: Map<string, string | undefined>; notText: Set<string> } {
  const current = new Map<string, string | undefined>();
  const notText = new Set<string>();
  for (const path of paths) {
    const read = readRepositoryFile(fs, root, path);
    if (typeof read === "object") notText.add(path);
    current.set(path, typeof read === "string" ? read : undefined);
  }
  return { current, notText };
}
