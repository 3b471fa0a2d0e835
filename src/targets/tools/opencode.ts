/**
 * opencode: it reads AGENTS.md as its instructions (choosing it writes the
 * hub), the subagent in `.opencode/agents/`, the steps as skills in
 * `.agents/skills/`, and the MCP servers in the root `opencode.json`
 * (docs/targets.md; `npm run e2e:clients` runs the real opencode).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { commandLineMcp, json } from "../mcp.js";
import { ENV_READS_DENIED } from "../permissions.js";
import type { Target } from "../target.js";

const AGENT_FILE = `.opencode/agents/${AGENT.slug}.md`;
const CONFIG = "opencode.json";
/** How opencode offers an MCP server's tool: `SERVER_TOOL`. */
export const REFERENCE = "sequentialthinking_sequentialthinking";

/**
 * opencode 1.18.33's own defaults (its binary): every tool `allow`, so the tasks already run without asking, and
 * `read` of `*.env` / `*.env.*` only `ask`. The project's `permission` is merged after them, the last matching
 * rule winning: reading `.env` becomes `deny` (`.env.example` stays readable).
 */
export const PERMISSION = { read: ENV_READS_DENIED };

/** `opencode.json`: its MCP servers are `local` (a command line as one list) or `remote`. */
export const config = (): string =>
  json({ $schema: "https://opencode.ai/config.json", mcp: commandLineMcp(), permission: PERMISSION });

export const target: Target<"opencode"> = {
  id: "opencode",
  label: "opencode",
  description: "AGENTS.md (its instructions), the backend-engineer subagent, the steps as skills, opencode.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "opencode" },
  start: "run opencode there: the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes: "`.opencode/agents/backend-engineer.md`, `.agents/skills/`, `opencode.json` (MCP; `.env` not read)",
    readBy: "opencode",
    provenBy: "opencode 1.18.33, the real client",
  },
  readme: [
    ["opencode", `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`, "skills in `.agents/skills/`", `\`${CONFIG}\``],
  ],
  layout: [
    [".opencode/", "agents/backend-engineer.md"],
    [CONFIG, "MCP servers for opencode, .env not read"],
  ],
  skills: { home: ".agents/skills", substitutes: false },
  // opencode's agent `tools` map only turns tools off (and gives way to `permission`): the agent keeps them all.
  drops: ["opencode subagents take no tool list: the agent has opencode's own tools"],
  files: (sources) => {
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
    folders: [".opencode"],
    kinds: [
      {
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
        required: ["description"],
      },
    ],
    skillHomes: [".opencode/skills", ".agents/skills"],
    settings: [CONFIG],
    rules: [/^\.opencode\/agents?\/[^/]+\.md$/],
  },
};
