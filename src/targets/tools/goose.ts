/**
 * Goose: it reads AGENTS.md beside `.goosehints` (choosing it writes the hub),
 * custom agents in `.goose/agents/`, and the steps as skills in
 * `.goose/skills/`; its MCP servers (extensions) are the user's alone
 * (docs/targets.md; a native binary, no npm client: checked by format).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { withFrontmatter } from "../frontmatter.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.goose/agents/${AGENT.slug}.md`;

export const target: Target<"goose"> = {
  id: "goose",
  label: "Goose",
  description: "AGENTS.md (its hints), the backend-engineer agent, the steps as skills",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Goose" },
  start: "run goose there: the backend-engineer agent and the spec-context skill are ready",
  about: {
    writes: "`.goose/agents/backend-engineer.md`, `.goose/skills/` (its MCP servers are the user's extensions)",
    readBy: "Goose",
    provenBy: "format only (no client on npm)",
  },
  readme: [
    [
      "Goose",
      `the \`${AGENT.slug}\` agent, ${link(AGENT_FILE)}`,
      "skills in `.goose/skills/`",
      "your own Goose extensions",
    ],
  ],
  layout: [[".goose/", "agents/backend-engineer.md, skills/"]],
  skills: { home: ".goose/skills", substitutes: false },
  drops: [
    "Goose reads MCP servers (extensions) from the user's config only: add context7 and sequentialthinking there",
    "Goose agents take no tool list: the agent has Goose's own tools",
  ],
  files: (sources) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
    ];
  },
  check: {
    folders: [".goose"],
    kinds: [
      {
        label: "a Goose agent",
        match: /^\.goose\/agents\/[^/]+\.md$/,
        keys: ["name", "description", "model"],
        required: ["name"],
      },
    ],
    skillHomes: [".goose/skills", ".agents/skills"],
    rules: [/^\.goosehints$/, /^\.goose\/agents\/[^/]+\.md$/],
  },
};
