/**
 * Junie (JetBrains): it reads AGENTS.md (choosing it writes the hub), custom
 * subagents in `.junie/agents/`, the steps as skills in `.junie/skills/`, and
 * `.junie/mcp/mcp.json` (docs/targets.md; no npm client: checked by format).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.junie/agents/${AGENT.slug}.md`;
const MCP = ".junie/mcp/mcp.json";

export const target: Target<"junie"> = {
  id: "junie",
  label: "Junie (JetBrains)",
  description: "AGENTS.md (its guidelines), the backend-engineer subagent, the steps as skills, .junie/mcp/mcp.json",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Junie" },
  start:
    "open it with Junie (JetBrains IDEs or its CLI): the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes: "`.junie/agents/backend-engineer.md`, `.junie/skills/`, `.junie/mcp/mcp.json`",
    readBy: "Junie (JetBrains)",
    provenBy: "format only (no client on npm)",
  },
  readme: [
    ["Junie", `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`, "skills in `.junie/skills/`", `\`${MCP}\``],
  ],
  layout: [[".junie/", "agents/backend-engineer.md, skills/, mcp/mcp.json"]],
  skills: { home: ".junie/skills", substitutes: false },
  drops: ["Junie subagents get no tool list here: the agent has Junie's own tools"],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: MCP, contents: json({ mcpServers: { ...MCP_SERVERS } }) },
    ];
  },
  check: {
    folders: [".junie"],
    kinds: [
      {
        label: "a Junie subagent",
        match: /^\.junie\/agents\/[^/]+\.md$/,
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
    ],
    skillHomes: [".junie/skills", ".agents/skills"],
    settings: [MCP],
    rules: [/^\.junie\/AGENTS\.md$/, /^\.junie\/agents\/[^/]+\.md$/],
  },
};
