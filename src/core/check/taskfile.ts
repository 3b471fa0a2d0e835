/** The Taskfile must hold the five tasks the agent and the README name. */
import type { CheckedTree, Problem } from "./problems.js";
import { readYaml } from "./yaml.js";

export const FIVE_TASKS = ["install", "run", "test", "lint", "format"] as const;

export function checkTaskfile(tree: CheckedTree): Problem[] {
  const file = ["Taskfile.yml", "Taskfile.yaml"].find((name) => tree.files.has(name));
  if (file === undefined)
    return [{ file: "Taskfile.yml", line: 1, message: "there is no Taskfile.yml: run init to add one" }];
  const text = tree.read(file);
  const read = readYaml(text);
  if (!read.ok) return [{ file, line: read.line, message: `YAML does not parse: ${read.reason}` }];
  const tasks = (read.value as { tasks?: unknown } | null)?.tasks;
  const names = typeof tasks === "object" && tasks !== null ? Object.keys(tasks) : [];
  const missing = FIVE_TASKS.filter((task) => !names.includes(task));
  if (missing.length === 0) return [];
  const line = text.split("\n").findIndex((l) => /^tasks:/.test(l)) + 1 || 1;
  return [
    {
      file,
      line,
      message: `missing the task${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: the agent runs all five (${FIVE_TASKS.join(", ")})`,
    },
  ];
}
