/** What a write did, for the report, and what undoing it did, for the error. */
import type { TargetEntry } from "./inspect.js";

export interface WriteReport {
  created: string[];
  overwritten: string[];
  identical: string[];
  removed: string[];
}

/** What was written, in plan order. */
export function reportOf(
  entries: readonly TargetEntry[],
  created: ReadonlySet<string>,
  overwritten: ReadonlySet<string>,
  removed: ReadonlySet<string>,
): WriteReport {
  const paths = entries.map(({ file }) => file.path);
  return {
    created: paths.filter((path) => created.has(path)),
    overwritten: paths.filter((path) => overwritten.has(path)),
    identical: entries.filter(({ status }) => status === "identical").map(({ file }) => file.path),
    removed: [...removed],
  };
}

const count = (n: number): string => `${n} file${n === 1 ? "" : "s"}`;

export function describeUndo({ created, overwritten, removed }: WriteReport): string {
  if (created.length + overwritten.length + removed.length === 0) return "nothing was written";
  const parts = [];
  if (created.length > 0) parts.push(`removed the ${count(created.length)} this run had written`);
  if (overwritten.length > 0) parts.push(`put back the ${count(overwritten.length)} it had overwritten`);
  if (removed.length > 0) parts.push(`put back the ${count(removed.length)} it had removed`);
  return parts.join(" and ");
}
