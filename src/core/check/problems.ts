/** What check finds: one problem per file and line, in one order, so the same tree prints the same bytes. */
import { quoted, unicodeEscape } from "../quote.js";

export interface Problem {
  /** From the repository root, with / separators. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/**
 * The files check reads and whether a path (a file or a folder) exists. The walk visits each file in sorted
 * order, and a file's text is read when asked for: check holds one file at a time, and the walk no paths of
 * the files it has passed.
 */
export interface CheckedTree {
  /**
   * Calls `visit` with each file check reads, its path, its name (the path's last part) and its place among the
   * names of its folder; returns how many. A file or folder whose name is not valid UTF-8 cannot be opened by
   * the path Node decodes it to: `unnamed` gets its path instead, each bad byte as a lone surrogate (U+DC80 to
   * U+DCFF, as Python's os.fsdecode reads it), and no folder's is walked.
   */
  walk(visit: (path: string, name: string, index: number) => void, unnamed: (path: string) => void): number;
  /** While the walk visits a file: the name at `index` among the names of the file's folder. */
  nameAt(index: number): string;
  /** Whether `path` is one of the files the walk visits, whether it has come to it or not. */
  isChecked(path: string): boolean;
  /** The files at the root the walk visits, in its order. */
  rootFiles: readonly string[];
  read(path: string): string;
  exists(path: string): boolean;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem): string => `${p.file}\u0000${String(p.line).padStart(9, "0")}\u0000${p.message}`;
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Line breaks, control characters, bidirectional controls and quotes: a name holding one is printed quoted. */
const UNSAFE = /["\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * A name from the repository (a file, a link's target) as a problem prints it: as it is when it is plain,
 * quoted with escapes otherwise, so that a newline cannot split a problem and no escape sequence reaches the terminal.
 * A name's bad bytes (lone surrogates) are escaped, and so are the combining marks of a name not in NFC, which
 * would print like its NFC twin (`cafe\u0301.md` beside `café.md`): two names are never shown alike.
 */
export function shownName(name: string): string {
  if (name !== name.normalize("NFC"))
    return quoted(name).replace(/\p{M}/gu, (mark) => mark.split("").map(unicodeEscape).join(""));
  return UNSAFE.test(name) || !name.isWellFormed() ? quoted(name) : name;
}

export const formatProblem = (p: Problem): string => `${shownName(p.file)}:${p.line}: ${p.message}`;

/** The line of `offset` in `text`, 1-based. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
