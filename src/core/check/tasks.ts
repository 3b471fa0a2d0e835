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

export interface TaskCheck {
  problems: Problem[];
  /** The lines whose links this check has judged. */
  judged: Set<string>;
}

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

export function checkTasks(tree: CheckedTree): TaskCheck {
  const problems: Problem[] = [];
  const judged = new Set<string>();
  // BigInt: exact at any size (past 2^53, two numbers would read as one).
  const byNumber = new Map<bigint, string[]>();
  for (const [file, text] of tree.files) {
    const name = TASK_PATH.exec(file)?.[1];
    const number = name === undefined ? undefined : TASK_FILE.exec(name)?.[1];
    if (number === undefined) continue;
    byNumber.set(BigInt(number), [...(byNumber.get(BigInt(number)) ?? []), file]);
    for (const { content, line } of fieldLines(text)) {
      judged.add(`${file}:${line}`);
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
  }
  for (const [number, files] of byNumber) {
    if (files.length < 2) continue;
    const [first, ...rest] = [...files].sort();
    for (const file of rest)
      problems.push({
        file,
        line: 1,
        message: `task number ${String(number).padStart(3, "0")} is used twice (also by ${first}): renumber one`,
      });
  }
  return { problems, judged };
}
