/**
 * The disk's half of the confinement check (core/confine.ts is the pure half): a path the writer touches,
 * whatever its source (the plan, a journal, the record), reaches its file through real folders only. A folder
 * on the way that is a link would lead outside the target; one that is a file would be replaced by --force.
 */
import { join } from "node:path";
import { confinementProblem } from "../../core/confine.js";
import { quoted } from "../../core/quote.js";
import type { FileSystem } from "../fs.js";

/** Folders already looked at in one pass (plan form), and the absolute paths of those that exist. */
export interface WaySeen {
  checked: Set<string>;
  existing: Set<string>;
}

export interface Blocked {
  folder: string;
  kind: "a symbolic link" | "a file";
}

/** The first folder on `path`'s way that is a link or not a folder; undefined when each is a real folder, or missing. */
export function blockedWay(
  fs: FileSystem,
  root: string,
  path: string,
  seen: WaySeen = { checked: new Set(), existing: new Set() },
): Blocked | undefined {
  for (let end = path.indexOf("/"); end !== -1; end = path.indexOf("/", end + 1)) {
    const folder = path.slice(0, end);
    if (seen.checked.has(folder)) continue;
    seen.checked.add(folder);
    const absolute = join(root, folder);
    const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return { folder, kind: "a symbolic link" };
    if (!stat.isDirectory()) return { folder, kind: "a file" };
    seen.existing.add(absolute);
  }
  return undefined;
}

/** Why `path` may not be touched inside `root`: outside it, in git's files or the journal, or through a link. */
export function confinedOnDisk(fs: FileSystem, root: string, path: unknown): string | undefined {
  const problem = confinementProblem(path);
  if (problem) return problem;
  const blocked = blockedWay(fs, root, path as string);
  return blocked && `${quoted(blocked.folder)} on the way to ${quoted(path as string)} is ${blocked.kind}`;
}
