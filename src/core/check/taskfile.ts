/** The Taskfile must hold the five tasks the agent and the README name. */
import { parseDocument } from "yaml";
import { type CheckedTree, lineAt, type Problem } from "./problems.js";

export const FIVE_TASKS = ["install", "run", "test", "lint", "format"] as const;

export function checkTaskfile(tree: CheckedTree): Problem[] {
  const file = ["Taskfile.yml", "Taskfile.yaml"].find((name) => tree.files.has(name));
  if (file === undefined)
    return [{ file: "Taskfile.yml", line: 1, message: "there is no Taskfile.yml: run init to add one" }];
  const doc = parseDocument(tree.files.get(file) as string, { prettyErrors: false });
  const error = doc.errors[0];
  if (error)
    return [
      {
        file,
        line: lineAt(tree.files.get(file) as string, error.pos[0]),
        message: `YAML does not parse: ${error.message.split("\n")[0]}`,
      },
    ];
  const tasks = (doc.toJS() as { tasks?: unknown } | null)?.tasks;
  const names = typeof tasks === "object" && tasks !== null ? Object.keys(tasks) : [];
  const missing = FIVE_TASKS.filter((task) => !names.includes(task));
  if (missing.length === 0) return [];
  const text = tree.files.get(file) as string;
  const line = text.split("\n").findIndex((l) => /^tasks:/.test(l)) + 1 || 1;
  return [
    {
      file,
      line,
      message: `missing the task${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: the agent runs all five (${FIVE_TASKS.join(", ")})`,
    },
  ];
}
