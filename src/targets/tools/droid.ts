/**
 * Factory Droid: it reads AGENTS.md as its instructions (choosing it writes
 * the hub), the subagent as a custom droid in `.factory/droids/`, the steps as
 * skills in `.agents/skills/`, and `.factory/mcp.json` (docs/targets.md;
 * `npm run e2e:clients` runs the real `droid`).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { rootMcp } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.factory/droids/${AGENT.slug}.md`;
const MCP = ".factory/mcp.json";

export const target: Target<"droid"> = {
  id: "droid",
  label: "Factory Droid",
  description: "AGENTS.md (its instructions), the backend-engineer droid, the steps as skills, .factory/mcp.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Factory Droid" },
  start: "run droid there: the backend-engineer droid and the spec-context skill are ready",
  about: {
    writes: "`.factory/droids/backend-engineer.md`, `.agents/skills/`, `.factory/mcp.json`",
    readBy: "Factory Droid",
    provenBy: "Droid 0.225.2, the real client",
  },
  readme: [
    ["Factory Droid", `the \`${AGENT.slug}\` droid, ${link(AGENT_FILE)}`, "skills in `.agents/skills/`", `\`${MCP}\``],
  ],
  layout: [[".factory/", "droids/backend-engineer.md, mcp.json (MCP servers)"]],
  skills: { home: ".agents/skills", substitutes: false },
  // Without `tools` a droid has every tool its session has: a list in Droid's names would only narrow it.
  drops: ["Factory Droid's droid takes no tool list here: it has Droid's own tools"],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
      ["model", "inherit"],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: MCP, contents: rootMcp() },
    ];
  },
  check: {
    folders: [".factory"],
    kinds: [
      {
        label: "a Factory Droid custom droid",
        match: /^\.factory\/droids\/[^/]+\.md$/,
        keys: ["name", "description", "model", "reasoningEffort", "tools", "mcpServers"],
        required: ["name"],
        nameIs: "file",
      },
    ],
    skillHomes: [".factory/skills", ".agents/skills"],
    settings: [MCP],
    rules: [/^\.factory\/droids\/[^/]+\.md$/],
  },
};
