/**
 * Windsurf, now Devin Desktop (its files moved from `.windsurf/` to `.devin/`):
 * it reads AGENTS.md (choosing it writes the hub), subagent profiles in
 * `.devin/agents/NAME/AGENT.md`, the steps as skills in `.devin/skills/`, and
 * `.devin/mcp_config.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT } from "../agents.js";
import { hubReader } from "../hub-reader.js";
import { json, MCP_SERVERS } from "../mcp.js";
import { PLAIN_REFERENCE } from "../tools.js";

export const target = hubReader({
  id: "windsurf",
  label: "Windsurf (Devin Desktop)",
  forWhom: "Windsurf (Devin Desktop)",
  hub: "its rules",
  agent: {
    path: `.devin/agents/${AGENT.slug}/AGENT.md`,
    called: "subagent",
    reference: PLAIN_REFERENCE,
    kind: {
      label: "a Devin Desktop subagent",
      keys: ["name", "description", "model", "allowed-tools", "permissions", "max-nesting"],
      required: ["name", "description"],
    },
  },
  skills: ".devin/skills",
  mcp: { path: ".devin/mcp_config.json", contents: () => json({ mcpServers: { ...MCP_SERVERS } }) },
  start: "open it in Windsurf (Devin Desktop)",
  slashSkills: true,
  about: { readBy: "Windsurf, now Devin Desktop", provenBy: "format only (an editor)" },
  layout: [[".devin/", "agents/backend-engineer/AGENT.md, skills/, mcp_config.json"]],
  drops: ["Windsurf (Devin Desktop) subagents get no tool list here: the agent has its own tools"],
  check: {
    folders: [".devin", ".windsurf"],
    skillHomes: [".devin/skills"],
    rules: [/^\.devin\/rules\/[^/]+\.md$/, /^\.windsurf\/rules\/[^/]+\.md$/],
  },
});
