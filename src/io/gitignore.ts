/**
 * The user's .gitignore and .gitattributes are merged, never replaced: a rule such as `secrets/` or
 * `*.bat eol=crlf` must survive --force.
 */
import { join } from "node:path";
import { mergeGitignore } from "../core/gitignore.js";
import { lineEndingOf, toLf, withLineEnding } from "../core/line-endings.js";
import { mergeGitattributes } from "../core/merge/gitattributes.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "./fs.js";
import type { Inspection } from "./target/inspect.js";
import { readSmall } from "./target/lock.js";

/** Each shared file and how the user's text takes ours: LF text in and out. */
const MERGES: readonly [string, (user: string, ours: string) => string][] = [
  [".gitignore", mergeGitignore],
  [".gitattributes", mergeGitattributes],
];
/** Larger than any such file people write; one beyond it is left alone and the preset's is not written. */
const LIMIT = 4 * 1024 * 1024;

export function mergeIgnoreFiles(
  fs: FileSystem,
  root: string,
  files: readonly PlannedFile[],
  inspection: Inspection,
): { files: readonly PlannedFile[]; inspection: Inspection } {
  let result = { files, inspection };
  for (const [path, merge] of MERGES) result = mergeOne(fs, root, path, merge, result.files, result.inspection);
  return result;
}

function mergeOne(
  fs: FileSystem,
  root: string,
  path: string,
  merge: (user: string, ours: string) => string,
  files: readonly PlannedFile[],
  inspection: Inspection,
): { files: readonly PlannedFile[]; inspection: Inspection } {
  const i = files.findIndex((file) => file.path === path);
  const planned = files[i];
  if (!planned || inspection.statuses[i] !== "differs") return { files, inspection };
  const user = readSmall(fs, join(root, path), LIMIT);
  // Merged as LF text, written back in the user's line endings, never a mix.
  const lf = user === undefined ? undefined : toLf(user);
  const ending = (user === undefined ? undefined : lineEndingOf(user)) ?? "\n";
  const added = lf === undefined ? undefined : merge(lf, toLf(planned.contents));
  const merged = added === undefined || added === lf ? user : withLineEnding(added, ending);
  const statuses = [...inspection.statuses];
  if (merged === undefined || merged === user) statuses[i] = "identical";
  const contents = merged ?? user ?? planned.contents;
  return {
    files: files.map((file, n) => (n === i ? { ...file, contents } : file)),
    inspection: { ...inspection, statuses },
  };
}
