/**
 * Gemini CLI: settings that name AGENTS.md as a context file (GEMINI.md with
 * the rules when there is none) and hold the MCP servers, the subagent, and
 * the steps as commands.
 */
import { tomlMultiline, tomlString } from "../../core/quote.js";
import { AGENT, agentBody, link } from "../agents.js";
import { document, HUB, hasHub } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { servers } from "../mcp.js";
import { PROJECT_TASKS } from "../permissions.js";
import { ARGUMENT, STEPS, type Step, stepText } from "../steps.js";
import type { Target } from "../target.js";
import { type ToolNames, translateTools, untranslatedTools } from "../tools.js";

const AGENT_FILE = `.gemini/agents/${AGENT.slug}.md`;
export const REFERENCE = "mcp_sequentialthinking_sequentialthinking";
export const SKILL_TOOL = "activate_skill";

/**
 * The seed's tools as Gemini CLI's headless sessions offer them (`npm run e2e:clients` records them). Gemini CLI
 * 0.61 renamed search_file_content to grep_search and does not offer read_many_files. Its steps are commands, but
 * it reads `.agents/skills/` too when another chosen tool puts the steps there: `activate_skill` runs them.
 */
export const TOOL_NAMES: ToolNames = {
  "execute/testFailure": ["run_shell_command"],
  "execute/getTerminalOutput": ["run_shell_command"],
  "execute/runInTerminal": ["run_shell_command"],
  "execute/runTests": ["run_shell_command"],
  "read/problems": undefined,
  "read/readFile": ["read_file"],
  "read/terminalSelection": undefined,
  "read/terminalLastCommand": undefined,
  "edit/createDirectory": ["write_file"],
  "edit/createFile": ["write_file"],
  "edit/editFiles": ["replace"],
  search: ["glob", "grep_search", "list_directory"],
  "web/fetch": ["web_fetch"],
  "context7/*": ["mcp_context7_*"],
  "sequentialthinking/*": ["mcp_sequentialthinking_*"],
  agent: undefined,
  todo: ["write_todos"],
};

/** The `mcpServers` of `.gemini/settings.json` (streamable HTTP is `httpUrl` there). */
export const mcp = () => servers({}, {}, "httpUrl");

/**
 * `tools.allowed` of `.gemini/settings.json` (read in a trusted folder): the project's tasks run without the
 * confirmation dialog, matched by command prefix. `.env` needs no rule: Gemini CLI's file tools refuse git-ignored
 * files (`context.fileFiltering.respectGitIgnore`, on by default) and the generated `.gitignore` lists `.env`.
 */
export const ALLOWED = PROJECT_TASKS.map((task) => `run_shell_command(${task})`);

/** `.gemini/commands/NAME.toml`: Gemini CLI puts the argument where `{{args}}` is; it runs from the root. */
function command(step: Step, body: string) {
  const contents = `description = ${tomlString(step.description)}\nprompt = ${tomlMultiline(body.replaceAll(ARGUMENT, "{{args}}"))}\n`;
  return { path: `.gemini/commands/${step.name}.toml`, contents };
}

export const target: Target<"gemini"> = {
  id: "gemini",
  label: "Gemini CLI",
  description:
    "settings with AGENTS.md as context, the MCP servers and the tasks allowed, the backend-engineer subagent, /spec-… commands",
  agent: { path: AGENT_FILE, forWhom: "Gemini CLI" },
  start: "run gemini there: the backend-engineer subagent and /spec-context are ready",
  about: {
    writes:
      "`.gemini/agents/backend-engineer.md`, `.gemini/commands/spec-*.toml`, `.gemini/settings.json` (MCP, the tasks allowed without asking, and `AGENTS.md` as its context file when chosen; `GEMINI.md` otherwise)",
    readBy: "Gemini CLI",
    provenBy: "Gemini CLI 0.61.0, the real client",
  },
  readme: [
    [
      "Gemini CLI",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "`/spec-…` commands in `.gemini/commands/`",
      "`.gemini/settings.json`",
    ],
  ],
  layout: [[".gemini/", "settings.json (context files, MCP, tasks allowed), agents/backend-engineer.md, commands/"]],
  drops: [`tools with no Gemini CLI equivalent: ${untranslatedTools(TOOL_NAMES).join(", ")}`],
  once: `**Gemini CLI**: trust the folder, and accept the project's agent when it asks: it loads \`${AGENT.slug}\` only once you have, and asks again after every change to ${link(AGENT_FILE)} (\`update\` included), since it accepts the file by its hash.`,
  files: (sources, project) => {
    // Gemini CLI reads GEMINI.md unless its settings name other files: written only when there is no hub to name.
    const settings = {
      ...(hasHub(project) ? { context: { fileName: [HUB, "GEMINI.md"] } } : {}),
      mcpServers: mcp(),
      ...(project.otherLanguage ? {} : { tools: { allowed: ALLOWED } }),
    };
    const entries = [
      ["name", AGENT.slug],
      ["description", sources.agentDescription],
      ["tools", translateTools(TOOL_NAMES, SKILL_TOOL)],
    ] as const;
    return [
      ...(hasHub(project) ? [] : [document("GEMINI.md", "GEMINI.md", "", sources.rules, project, target)]),
      { path: ".gemini/settings.json", contents: `${JSON.stringify(settings, null, 2)}\n` },
      { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(sources.agent, AGENT_FILE, REFERENCE)) },
      ...STEPS.map((s) => command(s, stepText(sources.steps, s.name))),
    ];
  },
  check: {
    folders: [".gemini"],
    kinds: [
      {
        label: "a Gemini CLI subagent",
        match: /^\.gemini\/agents\/[^/]+\.md$/,
        keys: ["name", "description", "tools", "model", "temperature", "max_turns", "timeout_mins", "kind"],
        required: ["name", "description"],
      },
    ],
    skillHomes: [".gemini/skills", ".agents/skills"],
    settings: [".gemini/settings.json"],
    rules: [/^GEMINI\.md$/, /^\.gemini\/agents\/[^/]+\.md$/],
    hubs: ["GEMINI.md"],
  },
};
