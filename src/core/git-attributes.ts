/**
 * The attributes git gives a path from `.gitattributes` files, as attr.c
 * computes them (gitattributes(5)): the files from the lowest precedence to
 * the highest, a later line over an earlier one, a later attribute on a line
 * over an earlier one, and macros (`binary`, `[attr]name …`) expanded where a
 * line sets them. Written by hand: no npm library reads attributes with
 * git's macros and precedence, and git itself would cost a process. Pure.
 */

/** One `.gitattributes` file: the folder it lies in (`""` for the root's, `a/b` below it) and its text. */
export interface AttributesFile {
  folder: string;
  text: string;
}

/** Set (`name`), unset (`-name`), a value (`name=v`), or unspecified again (`!name`, null). */
export type AttributeValue = true | false | string | null;

type Assignment = readonly [name: string, value: AttributeValue];

/** git's one built-in macro, which any file that may define macros can define again. */
const BINARY: readonly Assignment[] = [
  ["diff", false],
  ["merge", false],
  ["text", false],
];

/** attr.c's attr_name_valid: a name git would not read makes it drop the whole line. */
const NAME = /^[-._0-9a-zA-Z]+$/;

function assignment(word: string): Assignment | undefined {
  const [sign, rest] = word[0] === "-" || word[0] === "!" ? [word[0], word.slice(1)] : ["", word];
  const equals = rest.indexOf("=");
  const name = sign === "" && equals !== -1 ? rest.slice(0, equals) : rest;
  if (!NAME.test(name) || name.startsWith("-") || name.startsWith("builtin_")) return undefined;
  if (sign === "-") return [name, false];
  if (sign === "!") return [name, null];
  return equals === -1 ? [name, true] : [name, rest.slice(equals + 1)];
}

/** A `.gitattributes` glob as git matches it: without a `/`, against the file's name; with one, against its path. */
function globMatches(pattern: string, path: string): boolean {
  const anchored = pattern.replace(/^\//, "");
  const subject = pattern.includes("/") ? path : (path.split("/").pop() ?? path);
  const source = anchored
    .split(/(\*\*\/?|\*|\?|\[!?\]?[^\]]*\])/)
    .map((part) => {
      // A bracket expression, `[!…]` negated as in fnmatch; its characters taken literally but for a range's `-`.
      if (part.startsWith("[") && part.length > 2)
        return `[${part.startsWith("[!") ? "^" : ""}${part
          .slice(part.startsWith("[!") ? 2 : 1, -1)
          .replace(/[\\^\]]/g, "\\$&")}]`;
      if (part === "**/") return "(?:.*/)?";
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  try {
    return new RegExp(`^${source}$`).test(subject);
  } catch {
    // A range git would not read either (`[z-a]`): the line matches nothing.
    return false;
  }
}

interface Line {
  /** The pattern, or undefined for a macro's definition. */
  pattern?: string;
  macro?: string;
  assignments: Assignment[];
}

/** The lines git keeps: a blank, a comment, a negated pattern or a name it cannot read drops the line (with a warning). */
function parseLines(text: string, macrosAllowed: boolean): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split("\n")) {
    const [first, ...words] = raw.trim().split(/\s+/);
    if (!first || first.startsWith("#") || first.startsWith("!")) continue;
    const assignments = words.map(assignment);
    if (assignments.some((a) => a === undefined)) continue;
    // `[attr]` alone is a pattern (a bracket expression), as in attr.c: a name must follow at once.
    if (first.startsWith("[attr]") && first.length > "[attr]".length) {
      // Only the root's file and .git/info/attributes may define one: a folder's definition is dropped whole.
      const macro = assignment(first.slice("[attr]".length));
      if (macrosAllowed && macro?.[1] === true)
        lines.push({ macro: macro[0], assignments: assignments as Assignment[] });
      continue;
    }
    lines.push({ pattern: first, assignments: assignments as Assignment[] });
  }
  return lines;
}

/**
 * Every attribute a matching line gives `path`, over `files` in git's precedence, lowest first (the root's,
 * each folder's down to the path's own, `.git/info/attributes` as the root's). A file's patterns match from its
 * own folder; a file whose folder does not hold the path says nothing of it. Macros may be defined only where
 * git reads them (the files of folder `""`), and one definition serves every file; a later one wins.
 */
export function attributesFor(files: readonly AttributesFile[], path: string): Map<string, AttributeValue> {
  const macros = new Map<string, readonly Assignment[]>([["binary", BINARY]]);
  const matching: Assignment[][] = [];
  for (const { folder, text } of files) {
    if (folder !== "" && !path.startsWith(`${folder}/`)) continue;
    const relative = folder === "" ? path : path.slice(folder.length + 1);
    // Replaced only where there is a CRLF: a global replace is compiled to machine code at once (V8), for nothing.
    const lf = text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
    for (const line of parseLines(lf, folder === "")) {
      if (line.macro !== undefined) macros.set(line.macro, line.assignments);
      else if (line.pattern !== undefined && globMatches(line.pattern, relative)) matching.push(line.assignments);
    }
  }
  // attr.c's fill: from the highest precedence down, the first to name an attribute decides it; a macro set
  // (not unset, not given a value) fills its attributes there, below what was already decided.
  const decided = new Map<string, AttributeValue>();
  const fill = (assignments: readonly Assignment[]): void => {
    for (let i = assignments.length - 1; i >= 0; i--) {
      const [name, value] = assignments[i] as Assignment;
      if (decided.has(name)) continue;
      decided.set(name, value);
      const macro = macros.get(name);
      if (value === true && macro) fill(macro);
    }
  };
  for (let i = matching.length - 1; i >= 0; i--) fill(matching[i] as Assignment[]);
  return decided;
}
