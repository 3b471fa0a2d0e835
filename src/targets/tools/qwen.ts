/**
 * Qwen Code (a fork of Gemini CLI): settings that name AGENTS.md as a context
 * file (QWEN.md with the rules when there is none) and hold the MCP servers,
 * the subagent in `.qwen/agents/`, and the steps as skills in `.agents/skills/`
 * (docs/targets.md; `npm run e2e:clients` runs the real `qwen`).
 */
import { AGENT, agentBody, link } from "../agents.js";
import { document, HUB, hasHub } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { json, MCP_SERVERS } from "../mcp.js";
import { PROJECT_TASKS } from "../permissions.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.qwen/agents/${AGENT.slug}.md`;
const SETTINGS = ".qwen/settings.json";
const OWN_RULES = "QWEN.md";

/** The `mcpServers` of `.qwen/settings.json` (Gemini CLI's shape: streamable HTTP is `httpUrl`). */
export const mcp = () => ({
  context7: { httpUrl: MCP_SERVERS.context7.url },
  sequentialthinking: { ...MCP_SERVERS.sequentialthinking },
});

/**
 * `permissions` of `.qwen/settings.json` (Qwen Code 0.24.4's settings schema: allow, ask, deny; deny wins).
 * `Bash(task test)` matches the command or it followed by arguments; `Read(/.env)` is a path from the project
 * root, and `Read` also covers its grep, glob and list tools.
 */
export const permissions = (python: boolean) => ({
  ...(python ? { allow: PROJECT_TASKS.map((task) => `Bash(${task})`) } : {}),
  deny: ["Read(/.env)", "Read(/.env.*)"],
});

export const target: Target<"qwen"> = {
  id: "qwen",
  label: "Qwen Code",
  description:
    "settings with AGENTS.md as context and the MCP servers, the backend-engineer subagent, the steps as skills",
  agent: { path: AGENT_FILE, forWhom: "Qwen Code" },
  start: "run qwen there: the backend-engineer subagent and the spec-context skill are ready",
  about: {
    writes:
      "`.qwen/agents/backend-engineer.md`, `.agents/skills/`, `.qwen/settings.json` (MCP, permissions: the tasks allowed, `.env` denied; and `AGENTS.md` as its context file when chosen; `QWEN.md` otherwise)",
    readBy: "Qwen Code",
    provenBy: "Qwen Code 0.24.4, the real client",
  },
  readme: [
    [
      "Qwen Code",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.agents/skills/`",
      `\`${SETTINGS}\``,
    ],
  ],
  layout: [[".qwen/", "settings.json (context files, MCP, permissions), agents/backend-engineer.md"]],
  skills: { home: ".agents/skills", substitutes: false },
  // A tool name Qwen Code does not know could make it refuse the agent, as Gemini CLI does: it keeps Qwen's own.
  drops: ["Qwen Code subagents get no tool list here: the agent has Qwen Code's own tools"],
  once: "**Qwen Code**: approve the project's MCP servers (`qwen mcp approve`): `qwen mcp list` shows them pending until then.",
  files: (sources, project) => {
    const settings = {
      ...(hasHub(project) ? { context: { fileName: [HUB, OWN_RULES] } } : {}),
      mcpServers: mcp(),
      permissions: permissions(project.otherLanguage !== true),
    };
    const entries = [
      ["name", AGENT.slug],
      ["description", AGENT.description],
    ] as const;
    return [
      ...(hasHub(project) ? [] : [document(OWN_RULES, OWN_RULES, "", sources.rules, project, target)]),
      { path: SETTINGS, contents: json(settings) },
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
    ];
  },
  check: {
    folders: [".qwen"],
    kinds: [
      {
        label: "a Qwen Code subagent",
        match: /^\.qwen\/agents\/[^/]+\.md$/,
        keys: [
          "name",
          "description",
          "tools",
          "disallowedTools",
          "model",
          "approvalMode",
          "maxTurns",
          "color",
          "mcpServers",
          "hooks",
        ],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".qwen/skills", ".agents/skills"],
    settings: [SETTINGS],
    rules: [/^QWEN\.md$/, /^\.qwen\/agents\/[^/]+\.md$/],
    hubs: [OWN_RULES],
  },
};
