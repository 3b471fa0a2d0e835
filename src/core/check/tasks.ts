/**
 * The tasks in spec/task/: each number used once, its plan link and its
 * dependencies pointing at files that exist. The lines are the ones the task
 * template writes (`- **Plan**: ...`, `- **Depends on**: ...`).
 */
import { markdownLinks, resolveLink } from "./markdown.js";
import { type CheckedTree, type Problem, shownName } from "./problems.js";

const TASK_FOLDER = "spec/task/";
const DEPENDENCY = /\b\d{3,}-[a-z0-9]+(?:-[a-z0-9]+)*\b/g;

/**
 * Each task number's first file so far, by its place among the names of spec/task/ (the tree gives the name back
 * while the walk is there): check reads spec/task/ in sorted order, so the first is the one a sort puts first. A
 * number is a small integer where it is one (a string of its digits past 15 of them, where a double is no longer
 * exact). Only the numbers written with a leading zero (`042-…`) are kept, in a map: every name that starts with
 * 0 sorts before those that start with 1 to 9, and among those, the names with the same digits sort next to each
 * other (`-` sorts before every digit), so a number met again there is either in the map or the one of the names
 * just before. 100,000 tasks numbered from 1 keep 99 numbers, not 100,000 (a map of them was 6 MB of heap).
 */
export class TaskNumbers {
  private readonly withZero = new Map<number | string, number>();
  private runKey: number | string | undefined;
  private runFirst = -1;

  /** The place of an earlier file with this number, or undefined when this is the first; `index` is this file's. */
  firstOf(key: number | string, leadingZero: boolean, index: number): number | undefined {
    const kept = this.withZero.get(key);
    if (leadingZero) {
      if (kept === undefined) this.withZero.set(key, index);
      return kept;
    }
    if (kept !== undefined) return kept;
    if (this.runKey === key) return this.runFirst;
    this.runKey = key;
    this.runFirst = index;
    return undefined;
  }
}

/** Where a task's file name (`042-parse-input.md`: TASK_FILE's shape) has its number: its digits without leading zeros. */
function numberAt(name: string): { from: number; to: number } | undefined {
  let to = 0;
  while (to < name.length && name.charCodeAt(to) >= 48 && name.charCodeAt(to) <= 57) to++;
  // Digits, a dash, anything, `.md`.
  if (to === 0 || name.charCodeAt(to) !== 45 || name.length < to + 4 || !name.endsWith(".md")) return undefined;
  let from = 0;
  while (from < to - 1 && name.charCodeAt(from) === 48) from++;
  return { from, to };
}

/** A number as the map keeps it: exact at any size, a double holding 15 digits exactly (past them, two numbers would read as one). */
function numberKey(name: string, { from, to }: { from: number; to: number }): number | string {
  if (to - from > 15) return name.slice(from, to);
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + name.charCodeAt(i) - 48;
  return value;
}

const PLAN = "**Plan**:";
const DEPENDS = "**Depends on**:";
/** Where `.` stops and `^`, `$` match in a regex with the m flag. */
const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** The start of the line of a field's name at `at`, when only `[ \t]*[-*] ` comes before it on its line; else -1. */
function fieldStart(text: string, at: number): number {
  const bullet = text.charCodeAt(at - 2);
  if (at < 2 || text.charCodeAt(at - 1) !== 32 || (bullet !== 45 && bullet !== 42)) return -1;
  let start = at - 2;
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
  return start === 0 || isBreak(text.charCodeAt(start - 1)) ? start : -1;
}

/**
 * The `- **Plan**:` and `- **Depends on**:` lines, with their numbers: what `/^[ \t]*[-*] \*\*(Plan|Depends
 * on)\*\*:.*$/gm` finds, found by looking for the two names (a regex with ^ under m tries every position of every
 * file, and check reads thousands).
 */
export function fieldLines(text: string): { content: string; line: number }[] {
  const found: { content: string; line: number }[] = [];
  let line = 1;
  let counted = 0;
  let plan = text.indexOf(PLAN);
  let depends = text.indexOf(DEPENDS);
  while (plan !== -1 || depends !== -1) {
    const isPlan = depends === -1 || (plan !== -1 && plan < depends);
    const at = isPlan ? plan : depends;
    if (isPlan) plan = text.indexOf(PLAN, at + 1);
    else depends = text.indexOf(DEPENDS, at + 1);
    const start = fieldStart(text, at);
    if (start === -1) continue;
    let end = at + (isPlan ? PLAN.length : DEPENDS.length);
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    for (let nl = text.indexOf("\n", counted); nl !== -1 && nl < start; nl = text.indexOf("\n", nl + 1)) {
      line++;
      counted = nl + 1;
    }
    found.push({ content: text.slice(start, end), line });
  }
  return found;
}

/**
 * One file's task problems, and the lines whose links this check judged (undefined when the file is no
 * task). `numbers` carries what the tasks before it used.
 */
export function checkTask(
  file: string,
  name: string,
  index: number,
  text: string,
  tree: CheckedTree,
  numbers: TaskNumbers,
): { problems: Problem[]; judged: Set<number> } | undefined {
  if (file.length !== TASK_FOLDER.length + name.length || !file.startsWith(TASK_FOLDER)) return undefined;
  const number = numberAt(name);
  if (number === undefined) return undefined;
  const problems: Problem[] = [];
  const judged = new Set<number>();
  const key = numberKey(name, number);
  const first = numbers.firstOf(key, name.charCodeAt(0) === 48, index);
  if (first !== undefined)
    problems.push({
      file,
      line: 1,
      message: `task number ${name.slice(number.from, number.to).padStart(3, "0")} is used twice (also by ${shownName(TASK_FOLDER + tree.nameAt(first))}): renumber one`,
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
    const prose = content.includes("](") ? content.replace(/\]\([^)]*\)/g, "]") : content;
    const named = new Set<string>();
    DEPENDENCY.lastIndex = 0;
    for (let match = DEPENDENCY.exec(prose); match !== null; match = DEPENDENCY.exec(prose)) named.add(match[0]);
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
