/**
 * What the user said yes to when asked, right after naming the folder, whether to write into a folder that is
 * not empty: the folder as it was then. The other answers come after, so the plan is not known yet; every file
 * is noted (by identity, not read), and once the plan is, a planned path that changed since, or an entry
 * added or gone, stops the run as the pipeline's own second look does.
 */
import { join } from "node:path";
import type { FileSystem } from "./fs.js";
import { type FileIdentity, identity, occupantsOf } from "./target/inspect.js";

export interface Approval {
  occupants: readonly string[];
  files: ReadonlyMap<string, FileIdentity>;
}

/** Past this many entries the folder is not noted whole: the pipeline asks again, after the last answer. */
const MOST_ENTRIES = 20_000;

/** The folder's top-level entries; undefined when there is no folder there to write into (nothing to approve). */
export function occupantsIfFolder(fs: FileSystem, root: string): string[] | undefined {
  const stat = fs.lstatSync(root, { throwIfNoEntry: false });
  return stat?.isDirectory() ? occupantsOf(fs, root) : undefined;
}

/** The folder as the user saw it when asked; undefined when it holds too much to note. */
export function noteApproval(fs: FileSystem, root: string, occupants: readonly string[]): Approval | undefined {
  const files = new Map<string, FileIdentity>();
  const pending = occupants.map((name) => name);
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (files.size >= MOST_ENTRIES) return undefined;
    const stat = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
    if (!stat) continue;
    files.set(path, identity(stat));
    if (stat.isDirectory()) for (const name of fs.readdirSync(join(root, path))) pending.push(`${path}/${name}`);
  }
  return { occupants, files };
}

/** The first planned path (or top-level entry) that is not as it was when approved; undefined when none. */
export function changedSinceApproval(
  fs: FileSystem,
  root: string,
  approval: Approval,
  paths: readonly string[],
): string | undefined {
  const now = occupantsIfFolder(fs, root);
  // Not a folder any more: the pipeline's inspection says what it is.
  if (now === undefined) return undefined;
  const entry =
    now.find((name) => !approval.occupants.includes(name)) ?? approval.occupants.find((name) => !now.includes(name));
  if (entry !== undefined) return entry;
  for (const path of paths) {
    const stat = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
    const before = approval.files.get(path);
    if (!stat && !before) continue;
    const after = stat && identity(stat);
    if (!after || !before || Object.entries(before).some(([k, v]) => after[k as keyof FileIdentity] !== v)) return path;
  }
  return undefined;
}
