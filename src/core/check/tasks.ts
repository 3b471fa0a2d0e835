/**
 * The tasks in spec/task/: each number used once, its plan link and its
 * dependencies pointing at files that exist. The lines are the ones the task
 * template writes (`- **Plan**: ...`, `- **Depends on**: ...`).
 */
import { TASK_FILE } from "../spec-docs.js";
import { markdownLinks, resolveLink } from "./markdown.js";
import { type CheckedTree, type Problem, shownName } from "./problems.js";

const TASK_PATH = /^spec\/task\/([^/]+)$/;
const DEPENDENCY = /\b\d{3,}-[a-z0-9]+(?:-[a-z0-9]+)*\b/g;

/** Each task number's first file so far: check reads spec/task/ in sorted order, so the first is the one a sort puts first. */
export type TaskNumbers = Map<bigint, string>;

const FIELD = /^[ \t]*[-*] \*\*(Plan|Depends on)\*\*:.*$/gm;

/** The `- **Plan**:` and `- **Depends on**:` lines, with their numbers: found by one search, not line by line. */
function fieldLines(text: string): { content: string; line: number }[] {
  const found: { content: string; line: number }[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(FIELD)) {
    for (let nl = text.indexOf("\n", counted); nl !== -1 && nl < match.index; nl = text.indexOf("\n", nl + 1)) {
      line++;
      counted = nl + 1;
    }
    found.push({ content: match[0], line });
  }
  return found;
}

/**
 * One file's task problems, and the lines whose links this check judged (undefined when the file is no
 * task). `numbers` carries what the tasks before it used.
 */
export function checkTask(
  file: string,
  text: string,
  tree: CheckedTree,
  numbers: TaskNumbers,
): { problems: Problem[]; judged: Set<number> } | undefined {
  const name = TASK_PATH.exec(file)?.[1];
  const number = name === undefined ? undefined : TASK_FILE.exec(name)?.[1];
  if (number === undefined) return undefined;
  const problems: Problem[] = [];
  const judged = new Set<number>();
  // BigInt: exact at any size (past 2^53, two numbers would read as one).
  const first = numbers.get(BigInt(number));
  if (first === undefined) numbers.set(BigInt(number), file);
  else
    problems.push({
      file,
      line: 1,
      message: `task number ${String(BigInt(number)).padStart(3, "0")} is used twice (also by ${shownName(first)}): renumber one`,
    });
  for (const { content, line } of fieldLines(text)) {
    judged.add(line);
    if (content.includes("**Plan**")) {
      for (const { target } of markdownLinks(content)) {
        const resolved = resolveLink(file, target);
        if (resolved && "problem" in resolved) problems.push({ file, line, message: resolved.problem });
        else if (resolved && !tree.exists(resolved.path))
          problems.push({
            file,
            line,
            message: `the task's plan ${shownName(target)} points nowhere: link a plan in spec/plan/`,
          });
      }
      continue;
    }
    const prose = content.replace(/\]\([^)]*\)/g, "]");
    const named = new Set([...prose.matchAll(DEPENDENCY)].map((m) => m[0]));
    for (const { target } of markdownLinks(content)) {
      const resolved = resolveLink(file, target);
      if (resolved && "path" in resolved && !tree.exists(resolved.path))
        problems.push({ file, line, message: `dependency ${shownName(target)} points nowhere` });
    }
    for (const dependency of named)
      if (!tree.exists(`spec/task/${dependency}.md`))
        problems.push({ file, line, message: `dependency ${dependency} names no task in spec/task/` });
  }
  return { problems, judged };
}
