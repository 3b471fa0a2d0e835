/**
 * Cline: a project rule in `.clinerules/` (pointing to AGENTS.md when there is
 * one), the subagent in `.cline/agents/` (YAML frontmatter and the prompt), and
 * the steps as skills in `.agents/skills/`. Its MCP servers are the user's
 * alone (docs/targets.md; `npm run e2e:clients` runs the real `cline`).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { document, hasHub, pointer } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.cline/agents/${AGENT.slug}.yaml`;
const PROJECT_RULE = ".clinerules/project.md";

export const target: Target<"cline"> = {
  id: "cline",
  label: "Cline",
  description: "a project rule in .clinerules/, the backend-engineer subagent, the steps as skills",
  agent: { path: AGENT_FILE, forWhom: "Cline" },
  start:
    "run cline there (or open it in VS Code with Cline): its rules, the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes:
      "`.clinerules/project.md`, `.cline/agents/backend-engineer.yaml`, `.agents/skills/` (MCP servers are the user's own in Cline)",
    readBy: "Cline (its CLI, and the editor extension)",
    provenBy: "Cline CLI 3.0.65, the real client",
  },
  readme: [
    [
      "Cline",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.agents/skills/`",
      "your own Cline settings",
    ],
  ],
  layout: [
    [".clinerules/", "project.md (the rules for Cline)"],
    [".cline/", "agents/backend-engineer.yaml"],
  ],
  skills: { home: ".agents/skills", substitutes: false },
  drops: [
    "Cline reads MCP servers from the user's settings only: add context7 and sequentialthinking there",
    "Cline subagents get no tool list here: the agent has Cline's own tools",
  ],
  files: (sources, project) => {
    const rule = hasHub(project)
      ? document(PROJECT_RULE, project.name, pointer("Cline", project), "", project, target)
      : document(PROJECT_RULE, project.name, "", sources.rules, project, target);
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      rule,
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
    ];
  },
  check: {
    folders: [".cline", ".clinerules"],
    kinds: [
      {
        label: "a Cline subagent",
        match: /^\.cline\/agents\/[^/]+\.ya?ml$/,
        keys: ["name", "description", "tools", "skills", "providerId", "modelId", "maxIterations"],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".cline/skills", ".agents/skills"],
    rules: [/^\.clinerules\/[^/]+\.md$/, /^\.cline\/agents\/[^/]+\.ya?ml$/],
  },
};
