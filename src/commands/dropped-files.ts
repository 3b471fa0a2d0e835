/**
 * The tools the record lists and --agents no longer does (issue 25): init finds their files (as an earlier
 * run wrote them: removed; edited: kept and named); update renders the record with the tools given.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { UsageError } from "../core/errors.js";
import { agentsFromManifest } from "../core/existing.js";
import { toLf } from "../core/line-endings.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { asWritten } from "../core/merge/plan.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { RepositoryRecord } from "../core/record.js";
import { readIfFile } from "../io/root.js";
import type { Answers } from "../options/table.js";
import { checkTargets, HUB_FILES, normalizeTargets, TARGET_RULES } from "../targets/table.js";
import type { DroppedFiles } from "../ui/report.js";

/**
 * The files of the tools the record lists and --agents no longer does: what an earlier run wrote and nobody edited
 * is removed; an edited one stays, and is said. A file the remaining tools write too (`.mcp.json`) is not the
 * dropped tool's.
 */
export function droppedFiles(
  ctx: CommandContext,
  root: string,
  answers: Answers,
  bases: ReadonlyMap<string, string>,
  files: readonly PlannedFile[],
  planFor: (agents: Answers["agents"]) => readonly PlannedFile[],
): DroppedFiles {
  const recorded = agentsFromManifest(readIfFile(ctx.fs, join(root, MANIFEST_PATH)), TARGET_RULES);
  const none: DroppedFiles = { removals: [], kept: [] };
  if (recorded === undefined || recorded.every((id) => answers.agents.includes(id))) return none;
  const planned = new Set(files.map((f) => f.path));
  const before = planFor(recorded).filter((f) => !planned.has(f.path) && bases.has(f.path));
  for (const { path } of before) {
    const text = readIfFile(ctx.fs, join(root, path));
    if (text === undefined) continue;
    if (asWritten(path, toLf(text), bases.get(path), HUB_FILES)) none.removals.push({ path, contents: text });
    else none.kept.push(path);
  }
  return none;
}

/** update --agents: the record's answers with these tools instead (their rules checked as create checks them). */
export function withAgents(record: RepositoryRecord, agents: readonly string[] | undefined): RepositoryRecord {
  if (agents === undefined) return record;
  const problem = checkTargets(agents);
  if (problem) throw new UsageError(`${problem}: pass a valid --agents`);
  return { ...record, answers: { ...record.answers, agents: normalizeTargets(agents) } };
}
