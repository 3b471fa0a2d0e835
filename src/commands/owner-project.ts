/**
 * A project that exists, as init and update read it: the statements about it
 * and its tasks come from what its pyproject.toml and tree declare, and where
 * the team keeps its own Taskfile.yml, from the tasks that Taskfile has.
 */

import { readYaml } from "../core/check/yaml.js";
import { sameText } from "../core/line-endings.js";
import { readProjectFacts } from "../core/project-facts.js";
import type { FileSystem } from "../io/fs.js";
import { projectSourcesAt } from "../io/project-files.js";
import { teamTasks } from "../targets/owner-tasks.js";
import { type OwnerProject, ownerTexts } from "../targets/owner-texts.js";

/** Undefined without a pyproject.toml, or where it holds exactly `ours` (the preset's own, from create or an earlier init). */
export function ownerProjectAt(
  fs: FileSystem,
  root: string,
  name: string,
  ours?: string,
  teamTaskfile?: string,
): OwnerProject | undefined {
  const sources = projectSourcesAt(fs, root);
  // Ours in a CRLF checkout is still ours: line endings are not edits.
  if (sources === undefined || (ours !== undefined && sameText(sources.pyproject, ours))) return undefined;
  const names = teamTaskfile === undefined ? undefined : taskNames(teamTaskfile);
  return ownerTexts(readProjectFacts(sources), name, names && teamTasks(names));
}

/** The tasks a Taskfile defines; undefined where it does not parse as one. */
export function taskNames(taskfile: string): string[] | undefined {
  const read = readYaml(taskfile);
  const tasks = read.ok ? (read.value as { tasks?: unknown } | null)?.tasks : undefined;
  return typeof tasks === "object" && tasks !== null && !Array.isArray(tasks) ? Object.keys(tasks) : undefined;
}
