/**
 * The user's .gitignore and .gitattributes are merged, never replaced: a rule such as `secrets/` or
 * `*.bat eol=crlf` must survive --force.
 */
import { join } from "node:path";
import { mergeGitignore } from "../core/gitignore.js";
import { lineEndingOf, toLf, withLineEnding } from "../core/line-endings.js";
import { mergeGitattributes } from "../core/merge/gitattributes.js";
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

export function mergeIgnoreFiles(fs: FileSystem, root: string, inspection: Inspection): Inspection {
  let result = inspection;
  for (const [path, merge] of MERGES) result = mergeOne(fs, root, path, merge, result);
  return result;
}

function mergeOne(
  fs: FileSystem,
  root: string,
  path: string,
  merge: (user: string, ours: string) => string,
  inspection: Inspection,
): Inspection {
  const i = inspection.entries.findIndex(({ file }) => file.path === path);
  const entry = inspection.entries[i];
  if (entry?.status !== "differs") return inspection;
  const user = readSmall(fs, join(root, path), LIMIT);
  // Merged as LF text, written back in the user's line endings, never a mix.
  const lf = user === undefined ? undefined : toLf(user);
  const ending = (user === undefined ? undefined : lineEndingOf(user)) ?? "\n";
  const added = lf === undefined ? undefined : merge(lf, toLf(entry.file.contents));
  const merged = added === undefined || added === lf ? user : withLineEnding(added, ending);
  const status = merged === undefined || merged === user ? "identical" : entry.status;
  const file = { ...entry.file, contents: merged ?? user ?? entry.file.contents };
  return { ...inspection, entries: inspection.entries.map((e, n) => (n === i ? { ...entry, file, status } : e)) };
}
