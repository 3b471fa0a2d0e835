/** Every check over one tree, in one order: the same tree gives the same problems, byte for byte. */
import { checkAgentFiles } from "./agents.js";
import { checkLinks } from "./links.js";
import { type CheckedTree, type Problem, sortProblems } from "./problems.js";
import { checkTaskfile } from "./taskfile.js";
import { checkTasks } from "./tasks.js";
import { checkWorkflows } from "./workflows.js";

export function checkTree(tree: CheckedTree): Problem[] {
  const tasks = checkTasks(tree);
  return sortProblems([
    ...tasks.problems,
    ...checkLinks(tree, (file, line) => tasks.judged.has(`${file}:${line}`)),
    ...checkAgentFiles(tree),
    ...checkTaskfile(tree),
    ...checkWorkflows(tree),
  ]);
}
