/**
 * Factory Droid: it reads AGENTS.md as its instructions (choosing it writes
 * the hub), the subagent as a custom droid in `.factory/droids/`, the steps as
 * skills in `.agents/skills/`, and `.factory/mcp.json` (docs/targets.md;
 * `npm run e2e:clients` runs the real `droid`).
 */
import { AGENT } from "../agents.js";
import { hubReader } from "../hub-reader.js";
import { rootMcp } from "../mcp.js";
import { PLAIN_REFERENCE } from "../tools.js";

export const target = hubReader({
  id: "droid",
  label: "Factory Droid",
  forWhom: "Factory Droid",
  hub: "its instructions",
  agent: {
    path: `.factory/droids/${AGENT.slug}.md`,
    called: "droid",
    frontmatter: [
      ["name", AGENT.slug],
      ["description", AGENT.description],
      ["model", "inherit"],
    ],
    reference: PLAIN_REFERENCE,
    kind: {
      label: "a Factory Droid custom droid",
      keys: ["name", "description", "model", "reasoningEffort", "tools", "mcpServers"],
      required: ["name"],
      nameIs: "file",
    },
  },
  skills: ".agents/skills",
  mcp: { path: ".factory/mcp.json", contents: rootMcp },
  start: "run droid there",
  about: { readBy: "Factory Droid", provenBy: "Droid 0.225.2, the real client" },
  layout: [[".factory/", "droids/backend-engineer.md, mcp.json (MCP servers)"]],
  // Without `tools` a droid has every tool its session has: a list in Droid's names would only narrow it.
  drops: ["Factory Droid's droid takes no tool list here: it has Droid's own tools"],
  check: { folders: [".factory"], skillHomes: [".factory/skills", ".agents/skills"] },
});
