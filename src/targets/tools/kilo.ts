/**
 * Kilo Code (its CLI is a fork of opencode, under its own names): it reads
 * AGENTS.md as its instructions (choosing it writes the hub), the subagent in
 * `.kilo/agents/`, the steps as skills in `.agents/skills/`, and the MCP
 * servers in the root `kilo.json` (docs/targets.md; `npm run e2e:clients` runs the real `kilo`).
 * Its defaults, as read in Kilo CLI 7.7.7's binary, are opencode's (hub-reader.ts says what `kilo.json` changes).
 */
import { AGENT } from "../agents.js";
import { rootConfigReader } from "../hub-reader.js";

const CONFIG = "kilo.json";

export const target = rootConfigReader({
  id: "kilo",
  label: "Kilo Code",
  forWhom: "Kilo Code",
  hub: "its instructions",
  agent: {
    path: `.kilo/agents/${AGENT.slug}.md`,
    kind: {
      label: "a Kilo Code agent",
      match: /^\.kilo\/agents?\/[^/]+\.md$/,
      keys: [
        "description",
        "mode",
        "displayName",
        "model",
        "variant",
        "temperature",
        "top_p",
        "prompt",
        "tools",
        "permission",
        "disable",
        "hidden",
        "color",
        "steps",
        "options",
      ],
    },
  },
  skills: ".agents/skills",
  config: { path: CONFIG, schema: "https://app.kilo.ai/config.json" },
  start: "run kilo there",
  about: {
    readBy: "Kilo Code (its CLI; the editor extensions read the same files)",
    provenBy: "Kilo CLI 7.7.7, the real client",
  },
  layout: [
    [".kilo/", "agents/backend-engineer.md"],
    [CONFIG, "MCP servers for Kilo Code, .env not read"],
  ],
  drops: ["Kilo Code subagents take no tool list: the agent has Kilo's own tools"],
  check: { folders: [".kilo"], skillHomes: [".kilo/skills", ".agents/skills"] },
});
