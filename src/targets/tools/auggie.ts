/**
 * Augment's Auggie CLI: it reads AGENTS.md (choosing it writes the hub),
 * subagents in `.augment/agents/`, the steps as skills in `.agents/skills/`,
 * and the MCP servers in `.augment/settings.json` (docs/targets.md; every turn
 * goes through Augment's servers: checked by format).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { rootMcp } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.augment/agents/${AGENT.slug}.md`;
const SETTINGS = ".augment/settings.json";

export const target: Target<"auggie"> = {
  id: "auggie",
  label: "Augment (Auggie CLI)",
  description:
    "AGENTS.md (its instructions), the backend-engineer subagent, the steps as skills, .augment/settings.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Augment" },
  start: "run auggie there: the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes: "`.augment/agents/backend-engineer.md`, `.agents/skills/`, `.augment/settings.json` (MCP)",
    readBy: "Augment (Auggie CLI, the editor extensions)",
    provenBy: "format only (every turn goes through Augment's servers)",
  },
  readme: [
    [
      "Augment (Auggie CLI)",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.agents/skills/`",
      `\`${SETTINGS}\``,
    ],
  ],
  layout: [[".augment/", "agents/backend-engineer.md, settings.json (MCP servers)"]],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Augment subagents get no tool list here: the agent has Augment's own tools"],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: SETTINGS, contents: rootMcp() },
    ];
  },
  check: {
    folders: [".augment"],
    kinds: [
      {
        label: "an Augment subagent",
        match: /^\.augment\/agents\/[^/]+\.md$/,
        keys: ["name", "description", "model", "color", "tools"],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".augment/skills", ".agents/skills"],
    settings: [SETTINGS],
    rules: [/^\.augment\/rules\/[^/]+\.md$/, /^\.augment\/agents\/[^/]+\.md$/],
  },
};
