/** One file of a plan, and the rules every planned path follows. */
import { checkPathSegment } from "./names.js";

export interface PlannedFile {
  /** Relative to the target, with / separators. */
  readonly path: string;
  readonly contents: string;
  readonly mode: number;
}

export const FILE_MODE = 0o644;

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
