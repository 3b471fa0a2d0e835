/** The user's .gitignore is merged, never replaced: a rule such as `secrets/` must survive --force. */
import { join } from "node:path";
import { mergeGitignore } from "../core/gitignore.js";
import { lineEndingOf, toLf, withLineEnding } from "../core/line-endings.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "./fs.js";
import type { Inspection } from "./inspect.js";
import { readSmall } from "./lock.js";

const GITIGNORE = ".gitignore";
/** Larger than any .gitignore people write; one beyond it is left alone and the preset's is not written. */
const LIMIT = 4 * 1024 * 1024;

export function mergeIgnoreFiles(
  fs: FileSystem,
  root: string,
  files: readonly PlannedFile[],
  inspection: Inspection,
): { files: readonly PlannedFile[]; inspection: Inspection } {
  const i = files.findIndex((file) => file.path === GITIGNORE);
  const planned = files[i];
  if (!planned || inspection.statuses[i] !== "differs") return { files, inspection };
  const user = readSmall(fs, join(root, GITIGNORE), LIMIT);
  // Merged as LF text, written back in the user's line endings, never a mix.
  const lf = user === undefined ? undefined : toLf(user);
  const ending = (user === undefined ? undefined : lineEndingOf(user)) ?? "\n";
  const added = lf === undefined ? undefined : mergeGitignore(lf, toLf(planned.contents));
  const merged = added === undefined || added === lf ? user : withLineEnding(added, ending);
  const statuses = [...inspection.statuses];
  if (merged === undefined || merged === user) statuses[i] = "identical";
  const contents = merged ?? user ?? planned.contents;
  return {
    files: files.map((file, n) => (n === i ? { ...file, contents } : file)),
    inspection: { ...inspection, statuses },
  };
}
