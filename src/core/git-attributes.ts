/**
 * The attributes git gives a path from `.gitattributes` files, as attr.c
 * computes them (gitattributes(5)): the files from the lowest precedence to
 * the highest, a later line over an earlier one, a later attribute on a line
 * over an earlier one, and macros (`binary`, `[attr]name …`) expanded where a
 * line sets them. Written by hand: no npm library reads attributes with
 * git's macros and precedence, and git itself would cost a process. Pure.
 */

import { type Assignment, type AttributeValue, parseLines } from "./git-attribute-lines.js";
import { type Budget, type GitPattern, hasUpper, patternMatches } from "./wildmatch.js";

export type { AttributeValue } from "./git-attribute-lines.js";

/** One `.gitattributes` file: the folder it lies in (`""` for the root's, `a/b` below it) and its text. */
export interface AttributesFile {
  folder: string;
  text: string;
}

/** git's one built-in macro, which any file that may define macros can define again. */
const BINARY: readonly Assignment[] = [
  ["diff", false],
  ["merge", false],
  ["text", false],
];

const encoder = new TextEncoder();

/**
 * Whether `pattern` matches, with ASCII case folded where core.ignorecase is true. The config is asked only when
 * the answer depends on it: a plain repository (lower case names, no capitals in its patterns) has it not read.
 */
function matches(pattern: GitPattern, path: Uint8Array, ignoreCase: (() => boolean) | undefined, budget: Budget) {
  const exact = patternMatches(pattern, path, false, budget);
  if (!ignoreCase || (!pattern.upper && !hasUpper(path))) return exact;
  return patternMatches(pattern, path, true, budget) === exact ? exact : ignoreCase() ? !exact : exact;
}

/**
 * wildmatch's steps for one line, and for all the lines one path is matched against (a few milliseconds): past
 * them a pattern matches nothing, where git would still be backtracking, so a hostile file costs bounded time.
 */
const LINE_STEPS = 20_000;
const PATH_STEPS = 2_000_000;

/**
 * Every attribute a matching line gives `path`, over `files` in git's precedence, lowest first (the root's,
 * each folder's down to the path's own, `.git/info/attributes` as the root's). A file's patterns match from its
 * own folder; a file whose folder does not hold the path says nothing of it. Macros may be defined only where
 * git reads them (the files of folder `""`), and one definition serves every file; a later one wins.
 */
export function attributesFor(
  files: readonly AttributesFile[],
  path: string,
  ignoreCase?: () => boolean,
): Map<string, AttributeValue> {
  const macros = new Map<string, readonly Assignment[]>([["binary", BINARY]]);
  const matching: Assignment[][] = [];
  const budget: Budget = { steps: 0 };
  let steps = PATH_STEPS;
  for (const { folder, text } of files) {
    if (folder !== "" && !path.startsWith(`${folder}/`)) continue;
    const relative = encoder.encode(folder === "" ? path : path.slice(folder.length + 1));
    for (const { pattern, macro, assignments } of parseLines(text, folder === "")) {
      if (macro !== undefined) macros.set(macro, assignments);
      else if (pattern) {
        budget.steps = Math.min(LINE_STEPS, steps);
        if (matches(pattern, relative, ignoreCase, budget)) matching.push(assignments);
        steps -= Math.min(LINE_STEPS, steps) - Math.max(budget.steps, 0);
      }
    }
  }
  // attr.c's fill: from the highest precedence down, the first to name an attribute decides it; a macro set
  // (not unset, not given a value) fills its attributes there, at once, below what was already decided. A stack,
  // not recursion: a chain of a hundred thousand macros must not overflow; each name is decided once.
  const decided = new Map<string, AttributeValue>();
  const todo: [readonly Assignment[], number][] = matching.map((assignments) => [assignments, assignments.length]);
  for (let top = todo.at(-1); top; top = todo.at(-1)) {
    if (top[1] === 0) {
      todo.pop();
      continue;
    }
    const [name, value] = top[0][--top[1]] as Assignment;
    if (decided.has(name)) continue;
    decided.set(name, value);
    const macro = macros.get(name);
    if (value === true && macro) todo.push([macro, macro.length]);
  }
  return decided;
}
