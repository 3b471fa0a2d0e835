/**
 * Junie (JetBrains): it reads AGENTS.md (choosing it writes the hub), custom
 * subagents in `.junie/agents/`, the steps as skills in `.junie/skills/`, and
 * `.junie/mcp/mcp.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT } from "../agents.js";
import { hubReader } from "../hub-reader.js";
import { json, MCP_SERVERS } from "../mcp.js";
import { PLAIN_REFERENCE } from "../tools.js";

export const target = hubReader({
  id: "junie",
  label: "Junie (JetBrains)",
  forWhom: "Junie",
  readmeName: "Junie",
  hub: "its guidelines",
  agent: {
    path: `.junie/agents/${AGENT.slug}.md`,
    called: "subagent",
    reference: PLAIN_REFERENCE,
    kind: {
      label: "a Junie subagent",
      keys: [
        "name",
        "description",
        "tools",
        "disallowedTools",
        "mcpServers",
        "model",
        "reasoningLevel",
        "maxTurns",
        "skills",
        "allowPromptArgument",
      ],
      required: ["description"],
    },
  },
  skills: ".junie/skills",
  mcp: { path: ".junie/mcp/mcp.json", contents: () => json({ mcpServers: { ...MCP_SERVERS } }) },
  start: "open it with Junie (JetBrains IDEs or its CLI)",
  about: { readBy: "Junie (JetBrains)", provenBy: "format only (no client on npm)" },
  layout: [[".junie/", "agents/backend-engineer.md, skills/, mcp/mcp.json"]],
  drops: ["Junie subagents get no tool list here: the agent has Junie's own tools"],
  check: {
    folders: [".junie"],
    skillHomes: [".junie/skills", ".agents/skills"],
    rules: [/^\.junie\/AGENTS\.md$/],
  },
});
