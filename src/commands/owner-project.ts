/**
 * A project that exists, as init and update read it: the statements about it
 * and its tasks come from what its pyproject.toml and tree declare, and where
 * the team keeps its own Taskfile.yml, from the tasks that Taskfile has.
 */

import { join } from "node:path";
import { agentsFromManifest, licenseFromManifest } from "../core/existing.js";
import { foreignProject } from "../core/foreign-commands.js";
import { sameText } from "../core/line-endings.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { otherLanguage } from "../core/other-language.js";
import type { PlannedFile } from "../core/planned-file.js";
import { FIVE_TASKS, versionWithoutGit } from "../core/project-commands.js";
import { readProjectFacts } from "../core/project-facts.js";
import { declaredPython, namesFromPyproject } from "../core/pyproject.js";
import type { Facts } from "../io/facts.js";
import type { FileSystem } from "../io/fs.js";
import { projectSourcesAt } from "../io/project-files.js";
import { readIfFile } from "../io/root.js";
import type { Answers } from "../options/table.js";
import { foreignTexts } from "../targets/foreign-texts.js";
import { teamTasks } from "../targets/owner-tasks.js";
import { type OwnerProject, ownerTexts } from "../targets/owner-texts.js";
import { TARGET_RULES } from "../targets/table.js";

/** What a repository says of itself before init asks anything: the facts its questions read. */
export type OwnerFacts = Pick<Facts, "ownerProject" | "ownerPython" | "otherLanguage">;

/**
 * What init's questions start from in the repository at `root`, for the CLI's init and plop's spec:init alike:
 * the answers its pyproject.toml and our record (its text, `record`) give, and what it declares of its Python and its
 * language.
 */
export function ownerAnswers(
  fs: FileSystem,
  root: string,
): { known: Partial<Answers>; owner: OwnerFacts; record: string | undefined } {
  const pyproject = readIfFile(fs, join(root, "pyproject.toml"));
  const known: Partial<Answers> = pyproject === undefined ? {} : namesFromPyproject(pyproject);
  const record = readIfFile(fs, join(root, MANIFEST_PATH));
  const agents = agentsFromManifest(record, TARGET_RULES);
  if (agents) known.agents = agents;
  const license = licenseFromManifest(record);
  if (license) known.license = license;
  const rootEntries = new Set(fs.readdirSync(root));
  const owner: OwnerFacts = {
    ownerProject: pyproject !== undefined,
    ownerPython: pyproject === undefined ? undefined : declaredPython(pyproject, rootEntries),
    otherLanguage: otherLanguage(rootEntries) !== undefined,
  };
  return { known, owner, record };
}

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
  const facts = readProjectFacts(sources);
  const texts = ownerTexts(facts, name, names && teamTasks(names));
  // Of this folder, not of the project: printed, never written into the rules.
  const noCheckout = versionWithoutGit(facts.version, new Set(fs.readdirSync(root)));
  if (noCheckout !== undefined) texts.notes.push(noCheckout);
  return texts;
}

/** Their README under another name (`readme.md`, `README.rst`) is their README: ours is not written beside it. */
export const hasOtherReadme = (rootEntries: readonly string[], recorded: ReadonlyMap<string, unknown>): boolean =>
  rootEntries.some((entry) => /^readme(\.[a-z]+)?$/i.test(entry) && entry !== "README.md" && !recorded.has(entry));

/** A project of another language (`manifest` at its root): the rules name the commands its own files define. */
export function foreignProjectAt(fs: FileSystem, root: string, manifest: string, name: string): OwnerProject {
  const files = new Set(fs.readdirSync(root));
  const read = (file: string): string | undefined => readIfFile(fs, join(root, file));
  const taskfile = files.has("Taskfile.yml") ? read("Taskfile.yml") : undefined;
  const names = taskfile === undefined ? undefined : taskNames(taskfile);
  return foreignTexts(foreignProject(manifest, files, read, names), name);
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

/**
 * A Taskfile of the owner's left alone as a clash (not kept for its tasks, as above): the rules we wrote name
 * tasks it may not have, and the agent would run them. Said now, rather than first by `check`.
 */
export function taskfileKeptNote(files: readonly PlannedFile[], theirs: string | undefined): string[] {
  const ours = files.find((f) => f.path === "Taskfile.yml")?.contents;
  if (ours === undefined || theirs === undefined || sameText(theirs, ours)) return [];
  const named = new Set(
    files.flatMap((f) => [...f.contents.matchAll(/`task ([a-z][\w:-]*)/g)].map((m) => m[1] as string)),
  );
  const has = new Set(taskNames(theirs) ?? []);
  // The five in their order; any other the rules name after them (-1 read as the largest unsigned).
  const rank = (task: string): number => (FIVE_TASKS as readonly string[]).indexOf(task) >>> 0;
  const lacking = [...named].filter((task) => !has.has(task)).sort((a, b) => rank(a) - rank(b));
  return lacking.length === 0
    ? []
    : [
        `your Taskfile.yml is kept, without the task${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")} that the rules name: add ${lacking.length > 1 ? "them" : "it"} (check lists what is missing)`,
      ];
}
