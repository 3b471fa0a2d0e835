/** The texts that name the chosen AI tools' files in the generated README and the rules' layout. */
import { AGENT_FILES } from "./agents.js";
import { COPILOT_INSTRUCTIONS, hasHub, type Project, PYTHON_RULES } from "./docs.js";
import { cloudAgentMcp } from "./mcp.js";
import type { Target } from "./table.js";

const COLUMN = 39;

/** The layout lines for the AI files, `.github/` first, as the `text` blocks of the README and the rules show them. */
export function layoutBlock(chosen: readonly Target[]): string {
  const entries: (readonly [string, string])[] = [
    [COPILOT_INSTRUCTIONS, "project instructions (Copilot reads them; the other files link here)"],
    [PYTHON_RULES, "Python rules, applied to **/*.py"],
    ...chosen.flatMap((t) => t.layout),
  ];
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
  const tool = (Object.keys(AGENT_FILES) as (keyof typeof AGENT_FILES)[]).find((id) => project.targets.includes(id));
  return tool ? AGENT_FILES[tool] : hasHub(project) ? "AGENTS.md" : COPILOT_INSTRUCTIONS;
}

/** The generated README's "AI tools" section: where each chosen tool finds the agent, the steps and the MCP servers. */
export function aiToolsSection(chosen: readonly Target[], project: Project): string {
  const rows = chosen.flatMap((t) => t.readme).map((cells) => `| ${cells.map((c) => c || "—").join(" | ")} |`);
  const rules = hasHub(project) ? "[AGENTS.md](AGENTS.md)" : `[${COPILOT_INSTRUCTIONS}](${COPILOT_INSTRUCTIONS})`;
  const once = chosen.flatMap((t) => (t.once ? [`- ${t.once}`] : []));
  const onceSection = once.length ? `\nOnce per tool, before it loads what is here:\n\n${once.join("\n")}\n` : "";
  return `## AI tools

The agent that follows this workflow is the Backend Engineer, written for each AI tool this repository was set up for. The rules every agent follows are in ${rules}.

| tool | the agent | the steps | MCP servers |
| --- | --- | --- | --- |
${rows.join("\n")}
${onceSection}
The MCP servers are context7 (library documentation) and sequentialthinking. Context7 works without a key, with a lower rate limit; to use a key, keep it in an environment variable and reference it from your tool's MCP settings, never in a file that git tracks.
${project.targets.includes("copilot") ? cloudAgentSection() : ""}`;
}

/** The cloud agent reads no MCP file of the repository: its servers are JSON in the repository's settings. */
function cloudAgentSection(): string {
  return `
### The Copilot cloud agent

Before the agent starts, GitHub runs [.github/workflows/copilot-setup-steps.yml](.github/workflows/copilot-setup-steps.yml): it installs uv and go-task and runs \`task install\`, so the agent's \`task test\` and \`task lint\` work behind its firewall. The agent reads no MCP file of the repository: a repository administrator pastes its MCP servers into the repository's settings on GitHub (**Settings**, then **Copilot**, then the MCP configuration):

\`\`\`json
${cloudAgentMcp()}\`\`\`

A secret a server needs goes into the repository's \`copilot\` environment, under a name that starts with \`COPILOT_MCP_\`.
`;
}
