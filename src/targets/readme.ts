/** The texts that name the chosen AI tools' files in the generated README and the rules' layout. */
import { type Project, PYTHON_RULES } from "./docs.js";
import type { Target } from "./target.js";

const COLUMN = 39;

/** A layout line as a project of another language has it: no pytest settings, no Python rule. */
const withoutPython = (what: string): string =>
  what.replace(/, settings\.json \(pytest[^)]*\)/, "").replace("rules/ (project, python)", "rules/project.mdc");

/** The layout lines for the AI files, `.github/` first, as the `text` blocks of the README and the rules show them. */
export function layoutBlock(
  lines: readonly (readonly [string, string])[],
  chosen: readonly Target[],
  python = true,
): string {
  const entries: (readonly [string, string])[] = python
    ? [...lines]
    : lines.filter(([path]) => path !== PYTHON_RULES).map(([path, what]) => [path, withoutPython(what)] as const);
  if (chosen.some((t) => t.skills?.home === ".agents/skills")) {
    entries.push([".agents/skills/", "the four steps as skills (Copilot, Codex, Cursor, Gemini CLI)"]);
  }
  const seen = new Set<string>();
  const unique = entries.filter(([path]) => !seen.has(path) && seen.add(path));
  const github = unique.filter(([path]) => path.startsWith(".github/"));
  const rest = unique.filter(([path]) => !path.startsWith(".github/"));
  const line = (indent: string, path: string, what: string): string =>
    `${`${indent}${path}`.padEnd(COLUMN - 1)} ${what}\n`;
  return [
    ".github/\n",
    ...github.map(([path, what]) => line("  ", path.slice(".github/".length), what)),
    ...rest.map(([path, what]) => line("", path, what)),
  ].join("");
}

/** The agent file that spec READMEs point to: the first chosen tool's, or the rules when no tool has one. */
export function primaryAgentFile(project: Project): string {
  return project.tools.find((t) => t.agent !== undefined)?.agent?.path ?? project.rulesFile;
}

/** The generated README's "AI tools" section: where each chosen tool finds the agent, the steps and the MCP servers. */
export function aiToolsSection(chosen: readonly Target[], project: Project): string {
  // Without the tools' own sections (a project of another language, below), no cell points to them.
  const cell = (c: string): string => (project.otherLanguage === true ? c.replace(/ \(below\)$/, "") : c) || "—";
  const rows = chosen.flatMap((t) => t.readme).map((cells) => `| ${cells.map(cell).join(" | ")} |`);
  const rules = `[${project.rulesFile}](${project.rulesFile})`;
  const once = chosen.flatMap((t) => (t.once ? [`- ${t.once}`] : []));
  const onceSection = once.length ? `\nOnce per tool, before it loads what is here:\n\n${once.join("\n")}\n` : "";
  // A tool's own section (Copilot's cloud agent) tells of the uv setup that a project of another language is not given.
  const sections =
    project.otherLanguage === true ? [] : chosen.flatMap((t) => (t.readmeSection ? [t.readmeSection()] : []));
  return `## AI tools

The agent that follows this workflow is the Backend Engineer, written for each AI tool this repository was set up for. The rules every agent follows are in ${rules}.

| tool | the agent | the steps | MCP servers |
| --- | --- | --- | --- |
${rows.join("\n")}
${onceSection}
The MCP servers are context7 (library documentation) and sequentialthinking. Context7 works without a key, with a lower rate limit; to use a key, keep it in an environment variable and reference it from your tool's MCP settings, never in a file that git tracks.
${sections.join("")}`;
}
