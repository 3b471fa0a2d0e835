/**
 * Cursor: an always-on project rule (pointing to AGENTS.md, which Cursor
 * reads itself, when there is one), the Python rule, the subagent, the steps
 * as skills in `.agents/skills/`, and `.cursor/mcp.json`.
 */
import { AGENT, agentBody } from "../agents.js";
import { document, hasHub, pointer } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { linksFrom } from "../links.js";
import { json, servers } from "../mcp.js";
import type { Project, Sources, Target } from "../target.js";
import { PLAIN_REFERENCE } from "../tools.js";

const AGENT_FILE = `.cursor/agents/${AGENT.slug}.md`;
const PROJECT_RULE = ".cursor/rules/project.mdc";

function rules(sources: Sources, project: Project) {
  const projectRule = hasHub(project)
    ? document(PROJECT_RULE, project.name, pointer("Cursor", project), "", project, target)
    : document(PROJECT_RULE, project.name, "", sources.rules, project, target);
  const always = [
    ["description", `The rules of ${project.name}: commands, key rules, layout and conventions`],
    ["alwaysApply", true],
  ] as const;
  const python = [
    ["description", "Python code quality rules: type hints, docstrings, specific exceptions, logging, tests"],
    ["globs", "**/*.py"],
    ["alwaysApply", false],
  ] as const;
  const rule = { path: projectRule.path, contents: withFrontmatter(always, projectRule.contents) };
  if (project.otherLanguage) return [rule];
  return [
    rule,
    { path: ".cursor/rules/python.mdc", contents: withFrontmatter(python, linksFrom(sources.python, ".cursor/rules")) },
  ];
}

/**
 * `.cursor/cli.json`, the project's layer of Cursor CLI's permissions (only `permissions` is read there):
 * `Shell(task)` runs the Taskfile's tasks, the project's own, without asking; `Read(.env*)` is refused.
 */
export const cliPermissions = (python: boolean): string =>
  json({ permissions: { ...(python ? { allow: ["Shell(task)"] } : {}), deny: ["Read(.env*)"] } });

/** `.cursor/mcp.json`. */
export const mcp = (): string => json({ mcpServers: servers({}) });

export const target: Target<"cursor"> = {
  id: "cursor",
  label: "Cursor",
  description: "always-on project rules, the backend-engineer subagent, the steps as skills, .cursor/mcp.json",
  agent: { path: AGENT_FILE, forWhom: "Cursor" },
  start: "open it in Cursor: its rules, the backend-engineer subagent and the /spec-context skill are ready",
  about: {
    writes:
      "`.cursor/rules/project.mdc`, `.cursor/rules/python.mdc`, `.cursor/agents/backend-engineer.md`, `.agents/skills/`, `.cursor/mcp.json`, `.cursor/cli.json` (the CLI's permissions: tasks allowed, `.env` denied)",
    readBy: "Cursor",
    provenBy: "format only (Cursor is an editor, with no headless client here)",
  },
  readme: [
    [
      "Cursor",
      `rules in \`.cursor/rules/\`, the \`${AGENT.slug}\` subagent`,
      "skills in `.agents/skills/`",
      "`.cursor/mcp.json`",
    ],
  ],
  layout: [[".cursor/", "rules/ (project, python), agents/backend-engineer.md, mcp.json, cli.json (permissions)"]],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Cursor subagents take no tool list: the agent has Cursor's own tools"],
  files: (sources, project) => {
    const entries = [
      ["name", AGENT.slug],
      ["description", sources.agentDescription],
    ] as const;
    return [
      ...rules(sources, project),
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, PLAIN_REFERENCE)) },
      { path: ".cursor/mcp.json", contents: mcp() },
      { path: ".cursor/cli.json", contents: cliPermissions(project.otherLanguage !== true) },
    ];
  },
  check: {
    folders: [".cursor"],
    kinds: [
      { label: "a Cursor rule", match: /^\.cursor\/rules\/[^/]+\.mdc$/, keys: ["description", "globs", "alwaysApply"] },
      {
        label: "a Cursor subagent",
        match: /^\.cursor\/agents\/[^/]+\.md$/,
        keys: ["name", "description", "model", "readonly"],
      },
    ],
    skillHomes: [".cursor/skills", ".agents/skills"],
    settings: [".cursor/mcp.json", ".cursor/cli.json"],
    rules: [/^\.cursor\/rules\/[^/]+\.mdc$/, /^\.cursor\/agents\/[^/]+\.md$/],
  },
};
