/**
 * Kiro: it reads AGENTS.md beside its steering files (choosing it writes the
 * hub), the CLI's custom agent as JSON in `.kiro/agents/`, the steps as skills
 * in `.kiro/skills/`, and `.kiro/settings/mcp.json` (docs/targets.md; Kiro's
 * CLI is a native download, not an npm package: checked by format).
 */
import { AGENT, link } from "../agents.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE, TOOL_REFERENCE } from "../tools.js";

const AGENT_FILE = `.kiro/agents/${AGENT.slug}.json`;
const MCP = ".kiro/settings/mcp.json";

/** The CLI's agent: the body is its `prompt`, read from the root, so its links stay as the source writes them. */
function agentFile(body: string) {
  const agent = {
    name: AGENT.slug,
    description: AGENT.description,
    prompt: body.replaceAll(TOOL_REFERENCE, PLAIN_REFERENCE),
    tools: ["*"],
    resources: ["file://AGENTS.md"],
    includeMcpJson: true,
  };
  return { path: AGENT_FILE, contents: json(agent) };
}

export const target: Target<"kiro"> = {
  id: "kiro",
  label: "Kiro",
  description: "AGENTS.md (its instructions), the backend-engineer agent (Kiro CLI), the steps as skills, MCP settings",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Kiro" },
  start: "run kiro-cli there (or open it in Kiro): the backend-engineer agent and the spec-context skill are ready",
  about: {
    writes: "`.kiro/agents/backend-engineer.json` (Kiro CLI), `.kiro/skills/`, `.kiro/settings/mcp.json`",
    readBy: "Kiro (IDE and CLI)",
    provenBy: "format only (no client on npm)",
  },
  readme: [
    ["Kiro", `the \`${AGENT.slug}\` agent (Kiro CLI), ${link(AGENT_FILE)}`, "skills in `.kiro/skills/`", `\`${MCP}\``],
  ],
  layout: [[".kiro/", "agents/backend-engineer.json (Kiro CLI), skills/, settings/mcp.json"]],
  skills: { home: ".kiro/skills", substitutes: false },
  drops: ["Kiro's IDE reads agents as Markdown, its CLI as JSON: the agent is written for the CLI"],
  files: (sources) => [agentFile(sources.agent), { path: MCP, contents: json({ mcpServers: { ...MCP_SERVERS } }) }],
  check: {
    folders: [".kiro"],
    skillHomes: [".kiro/skills"],
    settings: [MCP, AGENT_FILE],
  },
};
