/**
 * The conflict markers an update writes (git's, with our labels), and where a file still holds them: the next
 * update and check name such a file, so that a conflict nobody resolved is never taken for the owner's text.
 */
import { shownName } from "./check/problems.js";
import type { MergeLabels } from "./three-way.js";

export const updateLabels = (version: string): MergeLabels => ({
  ours: "yours",
  theirs: `create-spec-agent ${version}`,
});

const OPENING = /^<<<<<<< yours\r?$/m;
const CLOSING = /^>>>>>>> create-spec-agent [^\n]*$/m;

/** The line (1-based) of the first conflict an update left in `text`, opening and closing markers both there. */
export function conflictLeftAt(text: string): number | undefined {
  const opening = OPENING.exec(text);
  if (!opening || !CLOSING.test(text.slice(opening.index))) return undefined;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < opening.index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The first file that still holds an update's conflict, as a one-line refusal; undefined when none does. */
export function unresolvedConflict(current: ReadonlyMap<string, string | undefined>): string | undefined {
  for (const [path, text] of current) {
    const line = text === undefined ? undefined : conflictLeftAt(text);
    if (line !== undefined)
      return `${shownName(path)}:${line} still holds the conflict markers of an update: resolve them, git add the file, then run update again`;
  }
  return undefined;
}
