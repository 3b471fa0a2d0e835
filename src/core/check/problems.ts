/** What check finds: one problem per file and line, in one order, so the same tree prints the same bytes. */
export interface Problem {
  /** From the repository root, with / separators. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/**
 * The files check reads, by path in the order it reads them, and whether a path (a file or a folder)
 * exists. A file's text is read when asked for: check holds one file at a time.
 */
export interface CheckedTree {
  files: ReadonlySet<string>;
  read(path: string): string;
  exists(path: string): boolean;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem): string => `${p.file}\u0000${String(p.line).padStart(9, "0")}\u0000${p.message}`;
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;

/** The line of `offset` in `text`, 1-based. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
