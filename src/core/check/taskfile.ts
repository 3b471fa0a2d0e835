/**
 * The Taskfile must hold every task the rules name (`task test`): the agent
 * runs what they say. A project that exists may have fewer than the preset's
 * five (a library has no `run`), and its rules then name fewer; a project of another language, whose rules
 * name its own commands and no task, needs no Taskfile at all.
 */
import { FIVE_TASKS } from "../project-commands.js";
import type { CheckKnowledge } from "./knowledge.js";
import type { CheckedTree, Problem } from "./problems.js";
import { readYaml } from "./yaml.js";

/**
 * Each task the rules name, with the first file that names it; the five when there are no rules to read.
 * Empty where there are rules and they name no task: a project of another language runs its own commands.
 */
function namedTasks(
  tree: CheckedTree,
  hubs: readonly string[],
  ruleFiles: readonly string[],
): Map<string, string | undefined> {
  const named = new Map<string, string | undefined>();
  // The hubs first: the message names the file a person reads.
  const rank = (path: string) => (hubs.indexOf(path) + hubs.length + 1) % (hubs.length + 1);
  const files = [...ruleFiles];
  files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  for (const file of files)
    for (const match of tree.read(file).matchAll(/`task ([a-z][\w:-]*)/g))
      if (!named.has(match[1] as string)) named.set(match[1] as string, file);
  if (named.size === 0 && files.length === 0) for (const task of FIVE_TASKS) named.set(task, undefined);
  return named;
}

/** `ruleFiles`: the files the walk visited that agents read rules from (`knowledge.rules`), in its order. */
export function checkTaskfile(tree: CheckedTree, knowledge: CheckKnowledge, ruleFiles: readonly string[]): Problem[] {
  const file = ["Taskfile.yml", "Taskfile.yaml"].find((name) => tree.isChecked(name));
  const named = namedTasks(tree, knowledge.hubs, ruleFiles);
  if (named.size === 0) return [];
  if (file === undefined)
    return [{ file: "Taskfile.yml", line: 1, message: "there is no Taskfile.yml: run init to add one" }];
  const text = tree.read(file);
  const read = readYaml(text);
  if (!read.ok) return [{ file, line: read.line, message: `YAML does not parse: ${read.reason}` }];
  const tasks = (read.value as { tasks?: unknown } | null)?.tasks;
  const names = typeof tasks === "object" && tasks !== null ? Object.keys(tasks) : [];
  const missing = [...named.keys()].filter((task) => !names.includes(task));
  if (missing.length === 0) return [];
  const line = text.split("\n").findIndex((l) => /^tasks:/.test(l)) + 1 || 1;
  const plural = missing.length > 1;
  return [
    {
      file,
      line,
      message: `missing the task${plural ? "s" : ""} ${missing.join(", ")}: ${[...new Set(missing.map((t) => named.get(t)))].map((f) => (f === undefined ? "the agent runs all five" : `${f} names ${plural ? "them" : "it"}`)).join(", ")}; add ${plural ? "them" : "it"} to ${file}`,
    },
  ];
}
