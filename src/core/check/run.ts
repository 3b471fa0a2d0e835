/**
 * Every check over one tree, in one order: the same tree gives the same problems, byte for byte.
 * Each file is read, checked by every check that applies to it, and dropped before the next one; what is
 * carried from file to file is the task numbers seen, the MCP servers the settings name and the rule files.
 */
import { checkAgentFile, checkSettingsLimit, configuredServers } from "./agents.js";
import type { CheckKnowledge } from "./knowledge.js";
import { checkLicenseAgreement } from "./license.js";
import { checkLinks } from "./links.js";
import { type CheckedTree, type Problem, sortProblems } from "./problems.js";
import { checkSettings } from "./settings.js";
import { checkTaskfile } from "./taskfile.js";
import { checkTask, TaskNumbers } from "./tasks.js";
import { checkWorkflow } from "./workflows.js";

const NONE = (): boolean => false;
const UNNAMED =
  "this name is not valid UTF-8 (each bad byte XX shown as \\udcXX, as Python's os.fsdecode reads it), so check cannot read it: rename it";

/** The problems, and how many files were checked. */
export function checkTree(tree: CheckedTree, knowledge: CheckKnowledge): { files: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const numbers = new TaskNumbers();
  const servers = configuredServers(tree);
  const ruleFiles: string[] = [];
  const files = tree.walk(
    (file, name, index) => {
      const text = tree.read(file);
      if (knowledge.rules(file)) ruleFiles.push(file);
      const task = checkTask(file, name, index, text, tree, numbers);
      if (task) problems.push(...task.problems);
      problems.push(...checkLinks(file, text, tree, task ? (line) => task.judged.has(line) : NONE, knowledge.hubs));
      problems.push(...checkAgentFile(file, text, servers, knowledge.kinds));
      problems.push(...checkSettingsLimit(file, text));
      problems.push(...checkWorkflow(file, text, knowledge.setups));
      problems.push(...checkSettings(file, text, knowledge.settings));
      for (const own of knowledge.files) if (own.path === file) problems.push(...own.check(text));
    },
    (file) => problems.push({ file, line: 1, message: UNNAMED }),
  );
  problems.push(...checkTaskfile(tree, knowledge, ruleFiles));
  problems.push(...checkLicenseAgreement(tree));
  return { files, problems: sortProblems(problems) };
}
