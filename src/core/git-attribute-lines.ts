/**
 * `.gitattributes` lines as git's attr.c reads them, on UTF-8 bytes: a C-quoted pattern (quote.c), the
 * blanks that separate (space, tab, CR, nothing else), a line of 2,048 bytes or more dropped, a NUL ending the
 * line, a first line's BOM dropped, and each attribute word as parse_attr takes it. Pure.
 */

import { type GitPattern, parsePattern } from "./wildmatch.js";

/** Set (`name`), unset (`-name`), a value (`name=v`), or unspecified again (`!name`, null). */
export type AttributeValue = true | false | string | null;

export type Assignment = readonly [name: string, value: AttributeValue];

export interface Line {
  /** The pattern, or undefined for a macro's definition. */
  pattern?: GitPattern;
  macro?: string;
  assignments: Assignment[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** attr.c's blanks: no other space separates (a no-break space, \v or \f is part of a word). */
const blank = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13 || c === 10;
/** attr.c drops a longer line (with a warning): its bound, in bytes. */
const MAX_LINE = 2048;
const MACRO = encoder.encode("[attr]");

/** attr.c's attr_name_valid: ASCII letters, digits, `-._`, not first `-`; ours refuses git 2.44's `builtin_` too. */
function attributeName(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || bytes[0] === 45) return undefined;
  for (const c of bytes)
    if (!(c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)))
      return undefined;
  const name = String.fromCharCode(...bytes);
  return name.startsWith("builtin_") ? undefined : name;
}

/** attr.c's parse_attr: `name`, `-name`, `!name` (either with an `=value` git reads past), `name=value`. */
function assignment(word: Uint8Array): Assignment | undefined {
  const sign = word[0] === 45 || word[0] === 33 ? word[0] : 0;
  const equals = word.indexOf(61);
  const name = attributeName(word.subarray(sign ? 1 : 0, equals === -1 ? word.length : equals));
  if (name === undefined) return undefined;
  if (sign) return [name, sign === 45 ? false : null];
  return equals === -1 ? [name, true] : [name, decoder.decode(word.subarray(equals + 1))];
}

const OCTAL = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 55;
const ESCAPES: Record<number, number> = { 97: 7, 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11, 92: 92, 34: 34 };

/** quote.c's unquote_c_style from `"` at `from`: the bytes and where they end, or undefined (then taken as is). */
function unquote(line: Uint8Array, from: number): [Uint8Array, number] | undefined {
  const out: number[] = [];
  for (let at = from + 1; at < line.length; ) {
    const c = line[at++] as number;
    if (c === 34) return [Uint8Array.from(out), at];
    if (c !== 92) {
      out.push(c);
      continue;
    }
    const e = line[at++] ?? 0;
    if (e >= 48 && e <= 51 && OCTAL(line[at]) && OCTAL(line[at + 1]))
      out.push(((e - 48) << 6) | (((line[at++] as number) - 48) << 3) | ((line[at++] as number) - 48));
    else if (ESCAPES[e] !== undefined) out.push(ESCAPES[e]);
    else return undefined;
  }
  return undefined;
}

/** attr.c's parse_attr_line: undefined for a line git drops (with a warning, or silently for a comment). */
function parseLine(line: Uint8Array, macrosAllowed: boolean): Line | undefined {
  let at = line.findIndex((c) => !blank(c));
  if (at === -1 || line[at] === 35 || line.length >= MAX_LINE) return undefined;
  const quoted = line[at] === 34 ? unquote(line, at) : undefined;
  let end = at;
  while (end < line.length && !blank(line[end])) end++;
  let [name, states] = quoted ?? [line.subarray(at, end), end];
  if (name.includes(0)) name = name.subarray(0, name.indexOf(0));
  let macro: string | undefined;
  if (name.length > MACRO.length && MACRO.every((c, i) => name[i] === c)) {
    // Only the root's file and .git/info/attributes may define one: a folder's definition is dropped whole.
    if (!macrosAllowed) return undefined;
    const rest = name.subarray(name.findIndex((c, i) => i >= MACRO.length && !blank(c)));
    const word = rest.findIndex(blank);
    macro = attributeName(word === -1 ? rest : rest.subarray(0, word));
    if (macro === undefined) return undefined;
  } else if (name[0] === 33) return undefined; // a negated pattern: git warns and drops it
  const assignments: Assignment[] = [];
  for (at = states; at < line.length; at = end) {
    while (at < line.length && blank(line[at])) at++;
    if (at === line.length) break;
    for (end = at; end < line.length && !blank(line[end]); ) end++;
    const one = assignment(line.subarray(at, end));
    if (one === undefined) return undefined;
    assignments.push(one);
  }
  return macro === undefined ? { pattern: parsePattern(name), assignments } : { macro, assignments };
}

/** Each file's lines, parsed once for every path a run asks about (a plan of many files, a 1 MiB file). */
const parsed = [new Map<string, Line[]>(), new Map<string, Line[]>()] as const;

/** The lines git keeps, as strbuf_getline gives them: a leading BOM dropped, a line cut at a NUL. */
export function parseLines(text: string, macrosAllowed: boolean): Line[] {
  const cache = parsed[macrosAllowed ? 1 : 0];
  let lines = cache.get(text);
  if (lines === undefined) {
    if (cache.size >= 64) cache.clear();
    lines = parseAll(text, macrosAllowed);
    cache.set(text, lines);
  }
  return lines;
}

function parseAll(text: string, macrosAllowed: boolean): Line[] {
  const bytes = encoder.encode(text);
  const lines: Line[] = [];
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length) {
    const newline = bytes.indexOf(10, at);
    const next = newline === -1 ? bytes.length : newline + 1;
    let end = newline === -1 ? bytes.length : newline;
    // strbuf_getline drops a CR before the LF only: a last line's CR counts toward its length.
    if (newline !== -1 && end > at && bytes[end - 1] === 13) end--;
    const nul = bytes.subarray(at, end).indexOf(0);
    const line = parseLine(bytes.subarray(at, nul === -1 ? end : at + nul), macrosAllowed);
    if (line) lines.push(line);
    at = next;
  }
  return lines;
}
