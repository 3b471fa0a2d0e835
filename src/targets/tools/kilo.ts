/**
 * Kilo Code (its CLI is a fork of opencode, under its own names): it reads
 * AGENTS.md as its instructions (choosing it writes the hub), the subagent in
 * `.kilo/agents/`, the steps as skills in `.agents/skills/`, and the MCP
 * servers in the root `kilo.json` (docs/targets.md; `npm run e2e:clients` runs the real `kilo`).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { commandLineMcp, json } from "../mcp.js";
import { ENV_READS_DENIED } from "../permissions.js";
import type { Target } from "../target.js";

const AGENT_FILE = `.kilo/agents/${AGENT.slug}.md`;
const CONFIG = "kilo.json";
/** How Kilo offers an MCP server's tool: `SERVER_TOOL`. */
export const REFERENCE = "sequentialthinking_sequentialthinking";

/**
 * Kilo CLI 7.7.7's built-in rules (its binary), as opencode's: every tool `allow`, so the tasks already run
 * without asking, and `read` of `*.env` / `*.env.*` only `ask`; `permission` here turns those reads to `deny`.
 */
export const PERMISSION = { read: ENV_READS_DENIED };

/** `kilo.json`: MCP servers `local` (a command line as one list) or `remote`. */
export const config = (): string =>
  json({ $schema: "https://app.kilo.ai/config.json", mcp: commandLineMcp(), permission: PERMISSION });

export const target: Target<"kilo"> = {
  id: "kilo",
  label: "Kilo Code",
  description: "AGENTS.md (its instructions), the backend-engineer subagent, the steps as skills, kilo.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Kilo Code" },
  start: "run kilo there: the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes: "`.kilo/agents/backend-engineer.md`, `.agents/skills/`, `kilo.json` (MCP; `.env` not read)",
    readBy: "Kilo Code (its CLI; the editor extensions read the same files)",
    provenBy: "Kilo CLI 7.7.7, the real client",
  },
  readme: [
    [
      "Kilo Code",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.agents/skills/`",
      `\`${CONFIG}\``,
    ],
  ],
  layout: [
    [".kilo/", "agents/backend-engineer.md"],
    [CONFIG, "MCP servers for Kilo Code, .env not read"],
  ],
  skills: { home: ".agents/skills", substitutes: false },
  // Kilo's agent `tools` map only turns tools off: the agent keeps them all.
  drops: ["Kilo Code subagents take no tool list: the agent has Kilo's own tools"],
  files: (sources) => {
    // A user's agent is `mode: all` by default (a primary agent too): ours is a subagent, as in the other tools.
    const entries = [
      ["description", AGENT.description],
      ["mode", "subagent"],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, REFERENCE)) },
      { path: CONFIG, contents: config() },
    ];
  },
  check: {
    folders: [".kilo"],
    kinds: [
      {
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
        required: ["description"],
      },
    ],
    skillHomes: [".kilo/skills", ".agents/skills"],
    settings: [CONFIG],
    rules: [/^\.kilo\/agents?\/[^/]+\.md$/],
  },
};
