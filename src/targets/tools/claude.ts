/**
 * Claude Code: CLAUDE.md (importing AGENTS.md when there is one), the subagent, skills that substitute
 * `$ARGUMENTS`, `.mcp.json`, and settings that allow the project's tasks and set a web session up.
 */
import type { Problem } from "../../core/check/problems.js";
import { isRecord } from "../../core/json-input.js";
import { AGENT, agentBody, link } from "../agents.js";
import { document, hasHub } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { json, rootMcp } from "../mcp.js";
import { CLOUD_SETUP } from "../permissions.js";
import type { Target } from "../target.js";
import { type ToolNames, translateTools, untranslatedTools } from "../tools.js";

const AGENT_FILE = `.claude/agents/${AGENT.slug}.md`;
const SETTINGS = ".claude/settings.json";
export const REFERENCE = "mcp__sequentialthinking__sequentialthinking";
export const SKILL_TOOL = "Skill";

/**
 * CLAUDE.md's import of AGENTS.md, for Claude Code alone. Copilot CLI reads AGENTS.md itself and CLAUDE.md too,
 * and would import AGENTS.md a second time through this line (measured with 1.0.102: it dedupes imports within
 * one file only). It reads the file line by line and skips lines between code fences, HTML comments included; Claude
 * Code (and GitHub's rendering) drops HTML comments and sees the line alone. So a fence line inside a comment before
 * the import and another after it hide the import from Copilot CLI only. The acceptance checker wants a root
 * CLAUDE.md with this line: `.claude/CLAUDE.md`, which Copilot CLI does not read beside a root one, cannot replace it.
 */
export const AGENTS_IMPORT = [
  "<!-- Claude Code imports AGENTS.md through the line after this comment. Copilot CLI reads AGENTS.md itself: it skips a line inside a code fence, and takes the fence lines in these two comments for one.",
  "```",
  "-->",
  "@AGENTS.md",
  "<!--",
  "```",
  "-->",
].join("\n");

/**
 * The seed's tools as Claude Code's headless sessions offer them (`npm run e2e:clients` records them); a name a
 * session lacks is dropped without a word. Claude Code 2.1.332 has no Grep, Glob or Task* tools there and searches through Bash.
 */
export const TOOL_NAMES: ToolNames = {
  "execute/testFailure": ["Bash"],
  "execute/getTerminalOutput": ["Bash"],
  "execute/runInTerminal": ["Bash"],
  "execute/runTests": ["Bash"],
  "read/problems": undefined,
  "read/readFile": ["Read"],
  "read/terminalSelection": undefined,
  "read/terminalLastCommand": undefined,
  "edit/createDirectory": ["Write"],
  "edit/createFile": ["Write"],
  "edit/editFiles": ["Edit"],
  search: ["Bash"],
  "web/fetch": ["WebFetch"],
  "context7/*": ["mcp__context7__*"],
  "sequentialthinking/*": ["mcp__sequentialthinking__*"],
  agent: ["Agent"],
  todo: undefined,
};

/**
 * `.claude/settings.json`: Claude Code runs the tasks without asking, never reads `.env`; on the web
 * (CLAUDE_CODE_REMOTE=true) each session starts with the setup, and on a developer's machine the hook does nothing.
 */
const SETUP_HOOK = `[ "$CLAUDE_CODE_REMOTE" != "true" ] || { ${CLOUD_SETUP.join("; ")}; }`;

export const settings = (): string => json(settingsOf(true));

/** In another language's project: no `task` or uv to allow, no setup to run; `.env` still never read. */
const settingsOf = (python: boolean) => ({
  $schema: "https://json.schemastore.org/claude-code-settings.json",
  permissions: {
    ...(python ? { allow: ["Bash(task:*)", "Bash(uv run:*)", "Bash(uv sync:*)"] } : {}),
    deny: ["Read(./.env)", "Read(./.env.*)"],
  },
  ...(python ? { hooks: { SessionStart: [{ hooks: [{ type: "command", command: SETUP_HOOK }] }] } } : {}),
});

const PERMISSION_KEYS = [
  "allow",
  "ask",
  "deny",
  "defaultMode",
  "additionalDirectories",
  "disableBypassPermissionsMode",
];
const RULE_LISTS = ["allow", "ask", "deny"];
const lineOf = (text: string, key: string): number =>
  text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1 || 1;

/** Claude Code's settings are plain JSON, and its permissions take only the keys it knows, each rule list an array of strings. */
function checkSettings(text: string): Problem[] {
  const file = SETTINGS;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ file, line: 1, message: `is not valid JSON, so Claude Code ignores it: ${reason}` }];
  }
  const permissions = isRecord(data) ? data.permissions : undefined;
  if (!isRecord(permissions)) return [];
  const problems: Problem[] = [];
  for (const key of Object.keys(permissions)) {
    const line = lineOf(text, key);
    if (!PERMISSION_KEYS.includes(key))
      problems.push({ file, line, message: `permissions has no key "${key}": use ${PERMISSION_KEYS.join(", ")}` });
    else if (RULE_LISTS.includes(key)) {
      const rules = permissions[key];
      if (!Array.isArray(rules) || rules.some((rule) => typeof rule !== "string"))
        problems.push({ file, line, message: `permissions.${key} must be a list of rules such as "Bash(task:*)"` });
    }
  }
  return problems;
}

const AGENT_KEYS = "name description tools model disallowedTools permissionMode mcpServers skills color hooks";

export const target: Target<"claude"> = {
  id: "claude",
  label: "Claude Code",
  description: "CLAUDE.md, the backend-engineer subagent, the steps as skills, .mcp.json, permissions for the tasks",
  agent: { path: AGENT_FILE, forWhom: "Claude Code" },
  start: "run claude there: the backend-engineer subagent and /spec-context are ready",
  about: {
    writes:
      "`CLAUDE.md` (imports `@AGENTS.md`, self-contained without it), `.claude/agents/backend-engineer.md`, `.claude/skills/spec-*/`, `.claude/settings.json` (permissions; the web's setup hook), `.mcp.json`; `.gitignore` keeps `CLAUDE.local.md` and `.claude/settings.local.json` out",
    readBy: "Claude Code",
    provenBy: "Claude Code 2.1.332, the real client",
  },
  readme: [
    [
      "Claude Code",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.claude/skills/`",
      "`.mcp.json`",
    ],
  ],
  layout: [
    ["CLAUDE.md", "Claude Code's instructions (imports AGENTS.md when there is one)"],
    [".claude/", "agents/backend-engineer.md, skills/ (the four steps), settings.json (permissions, web setup)"],
    [".mcp.json", "MCP servers for Claude Code"],
  ],
  skills: { home: ".claude/skills", substitutes: true },
  ignored: ["CLAUDE.local.md", ".claude/settings.local.json"],
  once: "**Claude Code**: approve the project's MCP servers (`.mcp.json`) when it asks on first start (`claude mcp list` shows them pending until then).",
  drops: [`tools with no Claude Code equivalent: ${untranslatedTools(TOOL_NAMES).join(", ")}`],
  files: (sources, project) => {
    // Claude Code reads CLAUDE.md, not AGENTS.md: the import line brings the shared rules in.
    const claudeMd = hasHub(project)
      ? document(
          "CLAUDE.md",
          "CLAUDE.md",
          `${AGENTS_IMPORT}\n\nThe line above imports the rules every agent here follows. For Claude Code, the Backend Engineer is a subagent, the workflow steps are the skills \`/spec-context\`, \`/spec-plan\`, \`/spec-tasks\` and \`/spec-implement\`, and the MCP servers are in \`.mcp.json\` (approved on first use). Personal notes go in \`CLAUDE.local.md\`, which git ignores.`,
          "",
          project,
          target,
        )
      : document("CLAUDE.md", "CLAUDE.md", "", sources.rules, project, target);
    const entries = [
      ["name", AGENT.slug],
      ["description", sources.agentDescription],
      // Claude's `tools` is a comma-separated string.
      ["tools", translateTools(TOOL_NAMES, SKILL_TOOL).join(", ")],
    ] as const;
    return [
      claudeMd,
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, REFERENCE)) },
      { path: ".mcp.json", contents: rootMcp() },
      { path: SETTINGS, contents: json(settingsOf(project.otherLanguage !== true)) },
    ];
  },
  check: {
    folders: [".claude"],
    kinds: [
      {
        label: "a Claude Code subagent",
        match: /^\.claude\/agents\/[^/]+\.md$/,
        keys: AGENT_KEYS.split(" "),
        required: ["name", "description"],
        mcp: {
          server: (tool) => /^mcp__([^_]+(?:_[^_]+)*)__/.exec(tool.trim())?.[1],
          settings: [[".mcp.json", "mcpServers"]],
        },
      },
    ],
    skillHomes: [".claude/skills"],
    settings: [".mcp.json"],
    files: [{ path: SETTINGS, check: checkSettings }],
    rules: [/^CLAUDE\.md$/, /^\.claude\/agents\/[^/]+\.md$/],
    hubs: ["CLAUDE.md"],
  },
};
