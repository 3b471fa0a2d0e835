/**
 * The tools the record lists and --agents no longer does (issue 25): init finds their files (as an earlier
 * run wrote them: removed; edited: kept and named); update renders the record with the tools given.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { folderPath, folderProblem } from "../core/confine.js";
import { UsageError } from "../core/errors.js";
import { agentsFromManifest } from "../core/existing.js";
import { isRecord } from "../core/json-input.js";
import { toLf } from "../core/line-endings.js";
import { FOLDER_ANSWERS, MANIFEST_PATH, recordedFolders } from "../core/manifest.js";
import { asWritten } from "../core/merge/plan.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { RepositoryRecord } from "../core/record.js";
import { readIfFile } from "../io/root.js";
import { FOLDER_QUESTIONS } from "../options/folders.js";
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
  planFor: (previous: PreviousAnswers) => readonly PlannedFile[],
): DroppedFiles {
  const record = readIfFile(ctx.fs, join(root, MANIFEST_PATH));
  const recorded = agentsFromManifest(record, TARGET_RULES);
  const none: DroppedFiles = { removals: [], kept: [] };
  if (recorded === undefined) return none;
  // Folders the user named anew (`--rules-dir`…): the files in the old ones are dropped like a tool's.
  const folders = foldersFromRecord(record);
  const moved = FOLDER_ANSWERS.some(
    (key) => folders[key] !== undefined && folderPath(folders[key]) !== folderPath(answers[key] ?? ""),
  );
  if (!moved && recorded.every((id) => answers.agents.includes(id))) return none;
  const planned = new Set(files.map((f) => f.path));
  const before = planFor({ agents: recorded, ...folders }).filter((f) => !planned.has(f.path) && bases.has(f.path));
  for (const { path } of before) {
    const text = readIfFile(ctx.fs, join(root, path));
    if (text === undefined) continue;
    if (asWritten(path, toLf(text), bases.get(path), HUB_FILES)) none.removals.push({ path, contents: text });
    else none.kept.push(path);
  }
  return none;
}

/** The answers an earlier run planned with, as far as they decide which files a tool wrote. */
export type PreviousAnswers = Pick<Answers, "agents" | (typeof FOLDER_ANSWERS)[number]>;

/** The record's folders, each checked as its flag is (one that is not is left out: parseRecord refuses it). */
function foldersFromRecord(record: string | undefined): Partial<Record<(typeof FOLDER_ANSWERS)[number], string>> {
  try {
    const answers = JSON.parse(record ?? "null")?.answers;
    return isRecord(answers) ? recordedFolders(answers, (_key, value) => folderProblem(value)).folders : {};
  } catch {
    return {};
  }
}

/**
 * update --agents, --rules-dir, --commands-dir: the record's answers with these instead, each checked as create
 * checks it. Folders named anew move the files written there: the unedited ones in the old folders are removed.
 */
export function withGiven(record: RepositoryRecord, given: Partial<Answers>): RepositoryRecord {
  let answers = record.answers;
  if (given.agents !== undefined) {
    const problem = checkTargets(given.agents);
    if (problem) throw new UsageError(`${problem}: pass a valid --agents`);
    answers = { ...answers, agents: normalizeTargets(given.agents) };
  }
  for (const q of FOLDER_QUESTIONS) {
    const value = given[q.key];
    if (value === undefined) continue;
    if (!q.needed(answers))
      throw new UsageError(`--${q.key} is for a tool that takes folders: ${q.help}; leave it out`);
    const problem = q.validate(value);
    if (problem) throw new UsageError(`${problem}: pass a valid --${q.key}`);
    answers = { ...answers, [q.key]: value };
  }
  return { ...record, answers };
}
