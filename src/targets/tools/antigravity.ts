/**
 * Antigravity (Google's agent IDE and its `agy` CLI, 2.0): it reads AGENTS.md
 * as its instructions (choosing it writes the hub), custom agents in
 * `.agents/agents/`, the steps as skills in `.agents/skills/`, and
 * `.agents/mcp_config.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.agents/agents/${AGENT.slug}.md`;
const MCP = ".agents/mcp_config.json";

/** `.agents/mcp_config.json`: a remote server's address is `serverUrl` there. */
export const mcp = (): string =>
  json({
    mcpServers: {
      context7: { serverUrl: MCP_SERVERS.context7.url },
      sequentialthinking: { ...MCP_SERVERS.sequentialthinking },
    },
  });

export const target: Target<"antigravity"> = {
  id: "antigravity",
  label: "Antigravity",
  description: "AGENTS.md (its instructions), the backend-engineer agent, the steps as skills, .agents/mcp_config.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Antigravity" },
  start: "open it in Antigravity: the backend-engineer agent and the /spec-context skill are ready",
  about: {
    writes: "`.agents/agents/backend-engineer.md`, `.agents/skills/`, `.agents/mcp_config.json`",
    readBy: "Antigravity (the IDE and `agy`)",
    provenBy: "format only (no client on npm)",
  },
  readme: [
    ["Antigravity", `the \`${AGENT.slug}\` agent, ${link(AGENT_FILE)}`, "skills in `.agents/skills/`", `\`${MCP}\``],
  ],
  layout: [[".agents/", "agents/backend-engineer.md, mcp_config.json (MCP servers for Antigravity)"]],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Antigravity agents get no tool list here: the agent has Antigravity's own tools"],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: MCP, contents: mcp() },
    ];
  },
  check: {
    folders: [".agents"],
    kinds: [
      {
        label: "an Antigravity agent",
        match: /^\.agents\/agents\/[^/]+\.md$/,
        keys: ["name", "description", "tools", "model", "mcpServers", "skills", "plugins", "mainAgent", "subagent"],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".agents/skills"],
    settings: [MCP],
    rules: [/^\.agents\/agents\/[^/]+\.md$/],
  },
};
