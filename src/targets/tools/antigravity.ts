/**
 * Antigravity (Google's agent IDE and its `agy` CLI, 2.0): it reads AGENTS.md
 * as its instructions (choosing it writes the hub), custom agents in
 * `.agents/agents/`, the steps as skills in `.agents/skills/`, and
 * `.agents/mcp_config.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT } from "../agents.js";
import { hubReader } from "../hub-reader.js";
import { json, MCP_SERVERS } from "../mcp.js";
import { PLAIN_REFERENCE } from "../tools.js";

/** `.agents/mcp_config.json`: a remote server's address is `serverUrl` there. */
const mcp = (): string =>
  json({
    mcpServers: {
      context7: { serverUrl: MCP_SERVERS.context7.url },
      sequentialthinking: { ...MCP_SERVERS.sequentialthinking },
    },
  });

export const target = hubReader({
  id: "antigravity",
  label: "Antigravity",
  forWhom: "Antigravity",
  hub: "its instructions",
  agent: {
    path: `.agents/agents/${AGENT.slug}.md`,
    called: "agent",
    reference: PLAIN_REFERENCE,
    kind: {
      label: "an Antigravity agent",
      keys: ["name", "description", "tools", "model", "mcpServers", "skills", "plugins", "mainAgent", "subagent"],
      required: ["name", "description"],
    },
  },
  skills: ".agents/skills",
  mcp: { path: ".agents/mcp_config.json", contents: mcp },
  start: "open it in Antigravity",
  slashSkills: true,
  about: { readBy: "Antigravity (the IDE and `agy`)", provenBy: "format only (no client on npm)" },
  layout: [[".agents/", "agents/backend-engineer.md, mcp_config.json (MCP servers for Antigravity)"]],
  drops: ["Antigravity agents get no tool list here: the agent has Antigravity's own tools"],
  check: { folders: [".agents"], skillHomes: [".agents/skills"] },
});
