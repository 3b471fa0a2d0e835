/**
 * The instruction files: the project's rules (templates/agents/rules.md) are
 * written once, in AGENTS.md when that is chosen (the hub every tool reads or
 * imports), and each tool's own file then points to it instead of repeating
 * it. Without AGENTS.md, each tool's file holds the rules itself.
 */
import type { RenderedFile } from "../core/plan.js";
import type { TargetId } from "../core/targets.js";
import { AGENT_FILES } from "./agents.js";
import { withFrontmatter } from "./frontmatter.js";
import { linksFrom } from "./links.js";
import { codexCloudSetup } from "./permissions.js";

export interface Sources {
  agent: string;
  rules: string;
  python: string;
  steps: ReadonlyMap<string, string>;
}

export interface Project {
  name: string;
  targets: readonly TargetId[];
  /** For a project that exists: what its code is checked with, and the checks a change must pass (targets/owner-texts.ts). */
  checks?: string;
  mustPass?: string;
}

export const PYTHON_RULES = ".github/instructions/python.instructions.md";
export const COPILOT_INSTRUCTIONS = ".github/copilot-instructions.md";

const LABELS: Readonly<Record<keyof typeof AGENT_FILES, string>> = {
  copilot: "GitHub Copilot",
  claude: "Claude Code",
  cursor: "Cursor",
  gemini: "Gemini CLI",
  codex: "Codex",
};

const folderOf = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
export const hasHub = (project: Project): boolean => project.targets.includes("agents-md");

type AgentTool = keyof typeof AGENT_FILES;

/**
 * The links every instruction file ends with, from the root (`linksFrom` then
 * bases them on the file): a tool's own file names its own agent, a shared one every agent.
 */
function more(path: string, project: Project, tool: AgentTool | undefined): string {
  const links: [string, string][] = [];
  for (const [id, file] of Object.entries(AGENT_FILES) as [AgentTool, string][]) {
    if (project.targets.includes(id) && (tool === undefined || tool === id))
      links.push([file, `the Backend Engineer for ${LABELS[id]}, with the whole workflow`]);
  }
  links.push([PYTHON_RULES, "the Python rules"]);
  for (const folder of ["context", "plan", "task"])
    links.push([`spec/${folder}/README.md`, `what spec/${folder}/ holds`]);
  if (hasHub(project)) links.push(["AGENTS.md", "the rules for every coding agent"]);
  const lines = links.filter(([file]) => file !== path).map(([file, what]) => `- [${file}](${file}): ${what}`);
  return `## More\n\n${lines.join("\n")}\n`;
}

/** A Markdown instruction file: its title, an introduction, the body, the links; based on its own folder. */
function document(
  path: string,
  title: string,
  intro: string,
  body: string,
  project: Project,
  tool?: AgentTool,
): RenderedFile {
  const parts = [`# ${title}`, intro, body.trim(), more(path, project, tool).trim()].filter((part) => part !== "");
  const text = `${parts.join("\n\n")}\n`;
  return { path, contents: linksFrom(text, folderOf(path)) };
}

const POINTER = (tool: string, project: Project) =>
  `The rules for every coding agent in this repository, ${tool} included, are in [AGENTS.md](AGENTS.md): read them first. Before any change is presented, ${project.mustPass ?? "`task test` and `task lint`"} must both pass (\`task --list\` shows every task; all of them run through uv, never pip).`;

/** The `## heading` section of the rules, up to the next one: what AGENTS.md says, not a copy of it kept by hand. */
function rulesSection(rules: string, heading: string): string {
  const start = rules.indexOf(`## ${heading}\n`);
  if (start === -1) return "";
  const end = rules.indexOf("\n## ", start + 1);
  return rules.slice(start, end === -1 ? undefined : end).trim();
}

/** What code review needs within its first 4,000 characters: the commands and the key rules. */
const REVIEW_SECTIONS = ["Commands", "Key rules"];

/**
 * Always written: Copilot reads it, and the other files link to it. Code review
 * reads only its first 4,000 characters and follows no link, so beside the
 * pointer to AGENTS.md it carries the commands and the key rules themselves,
 * taken from the same rules AGENTS.md holds.
 */
export function copilotInstructions(sources: Sources, project: Project): RenderedFile {
  const title = `Copilot instructions for ${project.name}`;
  if (!hasHub(project)) return document(COPILOT_INSTRUCTIONS, title, "", sources.rules, project);
  const review = REVIEW_SECTIONS.map((heading) => rulesSection(sources.rules, heading)).join("\n\n");
  return document(COPILOT_INSTRUCTIONS, title, POINTER("Copilot", project), review, project);
}

/** Always written: the Python rules, applied to every .py file. */
export function pythonInstructions(sources: Sources, project: Project): RenderedFile {
  const checks = project.checks ?? "checked with ruff, mypy (strict) and pytest via uv";
  const entries = [
    ["applyTo", "**/*.py"],
    [
      "description",
      `Python code quality rules for this project: type hints, docstrings, specific exceptions, logging, tests; ${checks}.`,
    ],
  ] as const;
  return { path: PYTHON_RULES, contents: withFrontmatter(entries, linksFrom(sources.python, folderOf(PYTHON_RULES))) };
}

export function agentsMd(sources: Sources, project: Project): RenderedFile {
  const intro = `Instructions for coding agents (Copilot, Claude Code, Codex, Cursor, Gemini CLI and others) working on \`${project.name}\`.`;
  const body = project.targets.includes("codex") ? `${sources.rules.trim()}\n\n${codexCloudSetup()}` : sources.rules;
  return document("AGENTS.md", "AGENTS.md", intro, body, project);
}

export function claudeMd(sources: Sources, project: Project): RenderedFile {
  if (!hasHub(project)) return document("CLAUDE.md", "CLAUDE.md", "", sources.rules, project, "claude");
  // Claude Code reads CLAUDE.md, not AGENTS.md: the import line brings the shared rules in.
  const intro = `@AGENTS.md\n\nThe line above imports the rules every agent here follows. For Claude Code, the Backend Engineer is a subagent, the workflow steps are the skills \`/spec-context\`, \`/spec-plan\`, \`/spec-tasks\` and \`/spec-implement\`, and the MCP servers are in \`.mcp.json\` (approved on first use). Personal notes go in \`CLAUDE.local.md\`, which git ignores.`;
  return document("CLAUDE.md", "CLAUDE.md", intro, "", project, "claude");
}

/** Gemini CLI reads GEMINI.md unless its settings name other files: written only when there is no AGENTS.md to name. */
export function geminiMd(sources: Sources, project: Project): RenderedFile {
  return document("GEMINI.md", "GEMINI.md", "", sources.rules, project, "gemini");
}

/** Cursor reads AGENTS.md itself; its always-on rule then only points there. */
export function cursorRules(sources: Sources, project: Project): RenderedFile[] {
  const projectRule = hasHub(project)
    ? document(".cursor/rules/project.mdc", project.name, POINTER("Cursor", project), "", project, "cursor")
    : document(".cursor/rules/project.mdc", project.name, "", sources.rules, project, "cursor");
  const always = [
    ["description", `The rules of ${project.name}: commands, key rules, layout and conventions`],
    ["alwaysApply", true],
  ] as const;
  const python = [
    ["description", "Python code quality rules: type hints, docstrings, specific exceptions, logging, tests"],
    ["globs", "**/*.py"],
    ["alwaysApply", false],
  ] as const;
  return [
    { path: projectRule.path, contents: withFrontmatter(always, projectRule.contents) },
    {
      path: ".cursor/rules/python.mdc",
      contents: withFrontmatter(python, linksFrom(sources.python, ".cursor/rules")),
    },
  ];
}
