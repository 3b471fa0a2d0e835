/**
 * The instruction files: the project's rules (templates/agents/rules.md) are
 * written once, in the hub (AGENTS.md) when that is chosen (the file every tool
 * reads or imports), and each tool's own file then points to it instead of
 * repeating it. Without the hub, each tool's file holds the rules itself.
 */
import type { RenderedFile } from "../core/plan.js";
import { linksFrom } from "./links.js";
import type { Project, Target } from "./target.js";

export type { Project, Sources } from "./target.js";

/** The Python rules, written whichever tools are chosen: the other files link to them. */
export const PYTHON_RULES = ".github/instructions/python.instructions.md";
export const HUB = "AGENTS.md";

const folderOf = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
export const hasHub = (project: Project): boolean => project.tools.some((t) => t.hub === true);

/**
 * The links every instruction file ends with, from the root (`linksFrom` then
 * bases them on the file): a tool's own file names its own agent, a shared one every agent.
 */
function more(path: string, project: Project, tool: Target | undefined): string {
  const links: [string, string][] = [];
  for (const chosen of project.tools) {
    if (chosen.agent !== undefined && (tool === undefined || tool === chosen))
      links.push([chosen.agent.path, `the Backend Engineer for ${chosen.agent.forWhom}, with the whole workflow`]);
  }
  if (project.otherLanguage !== true) links.push([PYTHON_RULES, "the Python rules"]);
  for (const folder of ["context", "plan", "task"])
    links.push([`spec/${folder}/README.md`, `what spec/${folder}/ holds`]);
  if (hasHub(project)) links.push([HUB, "the rules for every coding agent"]);
  const lines = links.filter(([file]) => file !== path).map(([file, what]) => `- [${file}](${file}): ${what}`);
  return `## More\n\n${lines.join("\n")}\n`;
}

/** A Markdown instruction file: its title, an introduction, the body, the links; based on its own folder. */
export function document(
  path: string,
  title: string,
  intro: string,
  body: string,
  project: Project,
  tool?: Target,
): RenderedFile {
  const parts = [`# ${title}`, intro, body.trim(), more(path, project, tool).trim()].filter((part) => part !== "");
  const text = `${parts.join("\n\n")}\n`;
  return { path, contents: linksFrom(text, folderOf(path)) };
}

/** The introduction of a tool's own file when the hub holds the rules. */
export const pointer = (tool: string, project: Project) =>
  project.otherLanguage
    ? `The rules for every coding agent in this repository, ${tool} included, are in [AGENTS.md](AGENTS.md): read them first. Before any change is presented, run ${project.mustPass} and fix what fails.`
    : `The rules for every coding agent in this repository, ${tool} included, are in [AGENTS.md](AGENTS.md): read them first. Before any change is presented, ${project.mustPass ?? "`task test` and `task lint`"} must both pass (\`task --list\` shows every task; all of them run through uv, never pip).`;

/** The `## heading` section of the rules, up to the next one: what AGENTS.md says, not a copy of it kept by hand. */
export function rulesSection(rules: string, heading: string): string {
  const start = rules.indexOf(`## ${heading}\n`);
  if (start === -1) return "";
  const end = rules.indexOf("\n## ", start + 1);
  return rules.slice(start, end === -1 ? undefined : end).trim();
}
