/**
 * The folders a tool that takes them writes into (`--agents generic`, as spec-kit's `--integration generic
 * --commands-dir`): asked only when such a tool is chosen, required then, each checked by the one confinement
 * check, and recorded so that `update` writes into the same folders (or, given them, moves the files there).
 */
import { folderProblem } from "../core/confine.js";
import type { Target } from "../targets/table.js";
import { toolTable } from "./tool-table.js";

const folderTools = (): string =>
  toolTable()
    .TARGETS.filter((t: Target) => t.folders === true)
    .map((t) => `--agents ${t.id}`)
    .join(", ");

// Typed where table.ts spreads them into its questions (no import back: no cycle).
export const FOLDER_QUESTIONS = (["rules", "commands"] as const).map((what) => ({
  kind: "text" as const,
  commands: ["create", "init", "update"] as const, // update takes the flag alone (the record has them otherwise)
  key: `${what}-dir` as const,
  placeholder: "DIR",
  get help() {
    return `the folder for the ${what === "rules" ? "rules file" : "four steps as commands"} of a tool that takes one (${folderTools()}), e.g. .myai/${what}`;
  },
  message: `Folder for the ${what === "rules" ? "rules" : "commands"}`,
  initial: () => undefined,
  validate: folderProblem,
  askIf: () => true,
  needed: (answers: { agents?: readonly string[] }) =>
    toolTable()
      .chosenTargets(answers.agents ?? [])
      .some((t) => t.folders === true),
}));
