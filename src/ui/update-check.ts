/**
 * `update --check`: whether a repository is behind this version (or its packs), for a CI step. One line a file
 * that `update` would change, with its fate; the record alone counts too, since `update` would write it.
 */
import { MANIFEST_PATH } from "../core/manifest.js";
import type { Fate, FileFate } from "../core/update-plan.js";
import type { Paint } from "./paint.js";
import { FATE_SAYS } from "./update-report.js";

/** The fates that write or remove a file. */
const CHANGING: ReadonlySet<Fate> = new Set(["added", "replaced", "merged", "block", "conflict", "removed"]);

/** A pack whose version (or contents, under one version) the update would move to; `from` absent for a new pack. */
export interface PackMove {
  name: string;
  from?: string;
  to: string;
}

export interface BehindReport {
  behind: boolean;
  from: string;
  to: string;
  /** The packs that moved since the record: a repository can be behind its packs alone. */
  packs: PackMove[];
  /** Each file update would change, in path order; the record when only it would. */
  files: { path: string; fate: Fate | "record" }[];
  conflicts: number;
}

export function behindReport(
  fates: readonly FileFate[],
  recordChanged: boolean,
  from: string,
  to: string,
  packs: readonly PackMove[] = [],
): BehindReport {
  const files: BehindReport["files"] = fates.flatMap((f) =>
    CHANGING.has(f.fate) ? [{ path: f.path, fate: f.fate }] : [],
  );
  // The record follows every file it lists; alone, it still says the repository is behind (its version).
  if (recordChanged && files.length === 0) files.push({ path: MANIFEST_PATH, fate: "record" });
  const conflicts = fates.filter((f) => f.fate === "conflict").length;
  return { behind: files.length > 0, from, to, packs: [...packs], files, conflicts };
}

/** What is behind: this version, when the record's is older, and each pack that moved. */
function behindWhat(report: BehindReport): string {
  const packs = report.packs.map((p) => `pack ${p.name} ${p.to}`);
  return [...(report.from === report.to && packs.length > 0 ? [] : [`create-spec-agent ${report.to}`]), ...packs].join(
    " and ",
  );
}

/** The record's line: from which versions to which, naming only what moved. */
function recordMove(report: BehindReport): string {
  const from = [
    ...(report.from === report.to ? [] : [report.from]),
    ...report.packs.map((p) => `${p.name} ${p.from ?? "(none)"}`),
  ];
  const to = [...(report.from === report.to ? [] : [report.to]), ...report.packs.map((p) => `${p.name} ${p.to}`)];
  return from.length === 0 ? "the record would change" : `recorded as ${from.join(", ")}, would be ${to.join(", ")}`;
}

export function formatBehind(report: BehindReport, paint: Paint): string {
  if (!report.behind) return `${paint.green("✔")} up to date with create-spec-agent ${report.to}\n`;
  const says = (fate: Fate | "record"): string => (fate === "record" ? recordMove(report) : FATE_SAYS[fate]);
  const colour = (fate: Fate | "record") => (fate === "conflict" ? paint.red : paint.yellow);
  return report.files.map((f) => `${colour(f.fate)(says(f.fate))}  ${f.path}\n`).join("");
}

export function behindMessage(report: BehindReport): string {
  const n = report.files.length;
  const conflicts = report.conflicts ? `, ${report.conflicts} with conflicts` : "";
  return `behind ${behindWhat(report)}: update would change ${n} file${n === 1 ? "" : "s"}${conflicts}; run npx create-spec-agent@latest update`;
}
