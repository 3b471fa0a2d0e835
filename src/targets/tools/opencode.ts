/**
 * opencode: it reads AGENTS.md as its instructions (choosing it writes the
 * hub), the subagent in `.opencode/agents/`, the steps as skills in
 * `.agents/skills/`, and the MCP servers in the root `opencode.json`
 * (docs/targets.md; `npm run e2e:clients` runs the real opencode).
 * Its defaults are as read in opencode 1.18.33's binary (hub-reader.ts says what `opencode.json` changes).
 */
import { AGENT } from "../agents.js";
import { rootConfigReader } from "../hub-reader.js";

const CONFIG = "opencode.json";

export const target = rootConfigReader({
  id: "opencode",
  label: "opencode",
  forWhom: "opencode",
  hub: "its instructions",
  agent: {
    path: `.opencode/agents/${AGENT.slug}.md`,
    kind: {
      label: "an opencode agent",
      match: /^\.opencode\/agents?\/[^/]+\.md$/,
      keys: [
        "description",
        "mode",
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
        "maxSteps",
        "options",
      ],
    },
  },
  skills: ".agents/skills",
  config: { path: CONFIG, schema: "https://opencode.ai/config.json" },
  start: "run opencode there",
  about: { readBy: "opencode", provenBy: "opencode 1.18.33, the real client" },
  layout: [
    [".opencode/", "agents/backend-engineer.md"],
    [CONFIG, "MCP servers for opencode, .env not read"],
  ],
  drops: ["opencode subagents take no tool list: the agent has opencode's own tools"],
  check: { folders: [".opencode"], skillHomes: [".opencode/skills", ".agents/skills"] },
});
