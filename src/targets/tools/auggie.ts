/**
 * Augment's Auggie CLI: it reads AGENTS.md (choosing it writes the hub),
 * subagents in `.augment/agents/`, the steps as skills in `.agents/skills/`,
 * and the MCP servers in `.augment/settings.json` (docs/targets.md; every turn
 * goes through Augment's servers: checked by format).
 */
import { AGENT } from "../agents.js";
import { hubReader } from "../hub-reader.js";
import { rootMcp } from "../mcp.js";
import { PLAIN_REFERENCE } from "../tools.js";

export const target = hubReader({
  id: "auggie",
  label: "Augment (Auggie CLI)",
  forWhom: "Augment",
  hub: "its instructions",
  agent: {
    path: `.augment/agents/${AGENT.slug}.md`,
    called: "subagent",
    reference: PLAIN_REFERENCE,
    kind: {
      label: "an Augment subagent",
      keys: ["name", "description", "model", "color", "tools"],
      required: ["name", "description"],
    },
  },
  skills: ".agents/skills",
  mcp: { path: ".augment/settings.json", contents: rootMcp, about: "MCP" },
  start: "run auggie there",
  about: {
    readBy: "Augment (Auggie CLI, the editor extensions)",
    provenBy: "format only (every turn goes through Augment's servers)",
  },
  layout: [[".augment/", "agents/backend-engineer.md, settings.json (MCP servers)"]],
  drops: ["Augment subagents get no tool list here: the agent has Augment's own tools"],
  check: {
    folders: [".augment"],
    skillHomes: [".augment/skills", ".agents/skills"],
    rules: [/^\.augment\/rules\/[^/]+\.md$/],
  },
});
