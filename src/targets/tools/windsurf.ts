/**
 * Windsurf, now Devin Desktop (its files moved from `.windsurf/` to `.devin/`):
 * it reads AGENTS.md (choosing it writes the hub), subagent profiles in
 * `.devin/agents/NAME/AGENT.md`, the steps as skills in `.devin/skills/`, and
 * `.devin/mcp_config.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.devin/agents/${AGENT.slug}/AGENT.md`;
const MCP = ".devin/mcp_config.json";

export const target: Target<"windsurf"> = {
  id: "windsurf",
  label: "Windsurf (Devin Desktop)",
  description: "AGENTS.md (its rules), the backend-engineer subagent, the steps as skills, .devin/mcp_config.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Windsurf (Devin Desktop)" },
  start: "open it in Windsurf (Devin Desktop): the backend-engineer subagent and the /spec-context skill are ready",
  about: {
    writes: "`.devin/agents/backend-engineer/AGENT.md`, `.devin/skills/`, `.devin/mcp_config.json`",
    readBy: "Windsurf, now Devin Desktop",
    provenBy: "format only (an editor)",
  },
  readme: [
    [
      "Windsurf (Devin Desktop)",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.devin/skills/`",
      `\`${MCP}\``,
    ],
  ],
  layout: [[".devin/", "agents/backend-engineer/AGENT.md, skills/, mcp_config.json"]],
  skills: { home: ".devin/skills", substitutes: false },
  drops: ["Windsurf (Devin Desktop) subagents get no tool list here: the agent has its own tools"],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: MCP, contents: json({ mcpServers: { ...MCP_SERVERS } }) },
    ];
  },
  check: {
    folders: [".devin", ".windsurf"],
    kinds: [
      {
        label: "a Devin Desktop subagent",
        match: /^\.devin\/agents\/[^/]+\/AGENT\.md$/,
        keys: ["name", "description", "model", "allowed-tools", "permissions", "max-nesting"],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".devin/skills"],
    settings: [MCP],
    rules: [/^\.devin\/rules\/[^/]+\.md$/, /^\.windsurf\/rules\/[^/]+\.md$/, /^\.devin\/agents\/[^/]+\/AGENT\.md$/],
  },
};
