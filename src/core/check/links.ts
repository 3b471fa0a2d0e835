/** Every relative link in the Markdown that check reads must point at a file or folder that exists. */
import { markdownLinks, resolveLink } from "./markdown.js";
import { type CheckedTree, type Problem, shownName } from "./problems.js";

export const isMarkdown = (path: string): boolean => path.endsWith(".md") || path.endsWith(".mdc");

/** One file's links. `skip` names lines another check reports on (a task's plan and dependencies): one problem, one line. */
/** `hubs`: the rule files at the root; any other root document is the team's, where `/path` is the repository's root. */
export function checkLinks(
  file: string,
  text: string,
  tree: CheckedTree,
  skip: (line: number) => boolean,
  hubs: readonly string[] = [],
): Problem[] {
  const rootRelative = !file.includes("/") && !hubs.includes(file);
  const problems: Problem[] = [];
  if (!isMarkdown(file)) return problems;
  for (const { target, line } of markdownLinks(text, skip)) {
    const resolved = resolveLink(file, target, rootRelative);
    if (!resolved) continue;
    if ("problem" in resolved) problems.push({ file, line, message: resolved.problem });
    else if (!tree.exists(resolved.path))
      problems.push({
        file,
        line,
        message: `link ${shownName(target)} points nowhere (${shownName(resolved.path || ".")} does not exist)`,
      });
  }
  return problems;
}
