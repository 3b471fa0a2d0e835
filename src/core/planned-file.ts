/** One file of a plan, and the rules every planned path follows. */
import { checkPathSegment } from "./names.js";

export interface PlannedFile {
  /** Relative to the target, with / separators. */
  readonly path: string;
  readonly contents: string;
  readonly mode: number;
}

/** A file the run removes (update: ours, unedited, dropped by the new version), while it still holds `contents`. */
export interface PlannedRemoval {
  readonly path: string;
  readonly contents: string;
}

export const FILE_MODE = 0o644;

const PIECES = Symbol("the text in pieces");

/**
 * A text kept in pieces (the record: one for each file) and joined only when read: the writer encodes the pieces
 * (textPieces), so ASCII ones stay one-byte strings (docs/performance.md, part I). A copy is a plain file again.
 */
export function fileInPieces(path: string, pieces: readonly string[], mode = FILE_MODE): PlannedFile {
  let joined: string | undefined;
  const file = {
    path,
    get contents(): string {
      joined ??= pieces.join("");
      return joined;
    },
    mode,
  };
  return Object.defineProperty(file, PIECES, { value: pieces });
}

/** The file's text as pieces whose join is its contents. */
export const textPieces = (file: PlannedFile): readonly string[] =>
  (file as { [PIECES]?: readonly string[] })[PIECES] ?? [file.contents];

/** Paths from a template pack must stay inside the target and be valid on every OS. */
export function checkPlannedPath(path: string): string | undefined {
  if (path.startsWith("/")) return `${path} is absolute`;
  for (const segment of path.split("/")) {
    const problem = checkPathSegment(segment);
    if (problem) return `${path}: ${problem}`;
  }
  if (path.split("/")[0] === ".git") return `${path} is inside .git`;
  return undefined;
}

export const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** The longest path each platform opens without long-path support: PATH_MAX less its NUL, macOS's, Windows' MAX_PATH. */
const PATH_LIMIT: Partial<Record<NodeJS.Platform, number>> = { linux: 4095, darwin: 1023, win32: 259 };

/** The first planned file whose whole path, under `root`, is beyond what the platform opens; undefined when all fit. */
export function pathBeyondLimit(
  root: string,
  paths: readonly string[],
  platform: NodeJS.Platform,
): { path: string; bytes: number; limit: number } | undefined {
  const limit = PATH_LIMIT[platform] ?? 4095;
  const separator = platform === "win32" ? "\\" : "/";
  for (const path of paths) {
    const bytes = Buffer.byteLength(`${root}${separator}${path}`);
    if (bytes > limit) return { path, bytes, limit };
  }
  return undefined;
}
