/** What is already at the target, compared with the plan. Reads only; decides nothing. */
import { join } from "node:path";
import type { FileStatus, TargetState } from "../core/decide.js";
import { UsageError } from "../core/errors.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "./fs.js";

export type { FileStatus };

export interface Inspection extends TargetState {
  /** The current bytes and mode of each file that differs, to restore on rollback. */
  previous: Map<string, { bytes: Buffer; mode: number }>;
  /** The target and the folders on the plan's paths that already exist, as absolute paths: no need to create them. */
  existingFolders: Set<string>;
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
    return { occupants: [], statuses: files.map(() => "new"), previous: new Map(), existingFolders: new Set() };

  const occupants = fs
    .readdirSync(root)
    .filter((entry) => entry !== ".git")
    .sort();
  const previous: Inspection["previous"] = new Map();
  const checkedFolders = new Set<string>();
  const existingFolders = new Set([root]);
  const statuses = files.map((file): FileStatus => {
    assertFoldersOnTheWay(fs, root, file.path, checkedFolders, existingFolders);
    const path = join(root, file.path);
    const existing = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!existing) return "new";
    if (existing.isDirectory())
      throw new UsageError(`${file.path} is a folder where the preset writes a file: move it away and run again`);
    if (existing.isSymbolicLink())
      throw new UsageError(
        `${file.path} is a symbolic link where the preset writes a file: move it away and run again`,
      );
    const bytes = fs.readFileSync(path);
    if (bytes.equals(Buffer.from(file.contents))) return "identical";
    previous.set(file.path, { bytes, mode: existing.mode & 0o7777 });
    return "differs";
  });
  return { occupants, statuses, previous, existingFolders };
}

/** Every folder on a file's way must be a real folder: --force never replaces someone's file with a folder. */
function assertFoldersOnTheWay(
  fs: FileSystem,
  root: string,
  path: string,
  checked: Set<string>,
  existing: Set<string>,
): void {
  const segments = path.split("/").slice(0, -1);
  for (let i = 1; i <= segments.length; i++) {
    const folder = segments.slice(0, i).join("/");
    if (checked.has(folder)) continue;
    checked.add(folder);
    const absolute = join(root, folder);
    const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isSymbolicLink()) {
      throw new UsageError(
        `${folder} is a symbolic link where the preset needs a folder of its own: move it away and run again`,
      );
    }
    if (!stat.isDirectory()) {
      throw new UsageError(`${folder} is a file where the preset needs a folder: move it away and run again`);
    }
    existing.add(absolute);
  }
}
