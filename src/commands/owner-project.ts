/**
 * A project that exists, as init and update read it: the statements about it
 * and its tasks come from what its pyproject.toml and tree declare, and where
 * the team keeps its own Taskfile.yml, from the tasks that Taskfile has.
 */
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

/**
 * The tasks a Taskfile defines: the keys one level under `tasks:`, by their indentation; undefined without
 * a `tasks:` map. By hand, not js-yaml: init then loads no YAML library (check does, to report where a
 * Taskfile does not parse), and a key is all it needs.
 */
export function taskNames(taskfile: string): string[] | undefined {
  const lines = taskfile.split(/\r?\n/);
  const start = lines.findIndex((line) => /^tasks:\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  const names: string[] = [];
  let indent: string | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = /^(\s+)(['"]?)([\w:.-]+)\2:(\s|$)/.exec(line);
    const lead = /^\s*/.exec(line)?.[0] ?? "";
    if (lead === "") break;
    indent ??= match?.[1];
    if (match && match[1] === indent) names.push(match[3] as string);
  }
  return names.length > 0 ? names : undefined;
}
