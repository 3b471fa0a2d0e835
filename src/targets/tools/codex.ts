/**
 * Codex: it reads AGENTS.md as its instructions (choosing it writes the hub),
 * the subagent as TOML, the MCP servers in `.codex/config.toml` of a trusted
 * project, and the steps as skills in `.agents/skills/`.
 */
import { tomlMultiline, tomlString } from "../../core/quote.js";
import { AGENT, link } from "../agents.js";
import { MCP_SERVERS } from "../mcp.js";
import { CLOUD_SETUP, PROJECT_TASKS } from "../permissions.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE, TOOL_REFERENCE } from "../tools.js";

const AGENT_FILE = `.codex/agents/${AGENT.slug}.toml`;
const { context7, sequentialthinking } = MCP_SERVERS;

/** `.codex/config.toml` (read for trusted projects). */
export const config = (): string =>
  [
    "# MCP servers for Codex; Codex reads this file in projects you trust.",
    "[mcp_servers.context7]",
    `url = ${tomlString(context7.url)}`,
    "",
    "[mcp_servers.sequentialthinking]",
    `command = ${tomlString(sequentialthinking.command)}`,
    `args = [${sequentialthinking.args.map(tomlString).join(", ")}]`,
    "",
  ].join("\n");

const RULES_FILE = ".codex/rules/spec-agent.rules";

/**
 * `.codex/rules/spec-agent.rules`: Codex loads every `.rules` file of a trusted project's `.codex/rules/`
 * (`codex exec --ignore-rules` skips "user or project execpolicy `.rules` files"). One prefix rule lets the
 * project's tasks run without asking; `match`/`not_match` are examples Codex validates when it loads the file.
 * Rules match commands only: Codex has no rule that keeps a file from being read, so `.env` has none here.
 */
export const rules = (): string => {
  // Starlark strings: JSON's quoting is valid there.
  const subcommands = PROJECT_TASKS.map((task) => JSON.stringify(task.split(" ")[1] ?? ""));
  return [
    "# The project's own tasks (Taskfile.yml) run without asking; Codex reads this in a project you trust.",
    "prefix_rule(",
    `    pattern = ["task", [${subcommands.join(", ")}]],`,
    '    decision = "allow",',
    `    justification = "the project's own tasks, from Taskfile.yml",`,
    '    match = ["task test", "task run -- --help"],',
    '    not_match = ["task", "task --global test", "rm -rf ."],',
    ")",
    "",
  ].join("\n");
};

/** Codex keeps the body as `developer_instructions`, read from the root: its links stay as the source writes them. */
function agentFile(body: string, description: string) {
  const contents = [
    `name = ${tomlString(AGENT.slug)}`,
    `description = ${tomlString(description)}`,
    `developer_instructions = ${tomlMultiline(body.replaceAll(TOOL_REFERENCE, PLAIN_REFERENCE))}`,
    "",
  ].join("\n");
  return { path: AGENT_FILE, contents };
}

/** AGENTS.md's section for Codex cloud, whose setup script lives in its environment settings, not in the repository. */
const cloudSetup = (): string =>
  [
    "## Setup in Codex cloud",
    "",
    "Codex cloud sets up npm, pip and poetry projects by itself, not uv ones. In the environment's settings on chatgpt.com/codex, give this setup script, which installs uv and go-task only where they are missing:",
    "",
    "```sh",
    ...CLOUD_SETUP,
    "```",
  ].join("\n");

export const target: Target<"codex"> = {
  id: "codex",
  label: "Codex",
  description: "AGENTS.md (its instructions), the backend-engineer subagent, the steps as skills, .codex/config.toml",
  readsHub: true,
  agent: { path: AGENT_FILE, forWhom: "Codex" },
  start:
    "run codex there (trust the project to load its MCP servers): the backend-engineer subagent and $spec-context are ready",
  about: {
    writes:
      "`.codex/agents/backend-engineer.toml`, `.codex/config.toml` (MCP; Codex reads it in trusted projects), `.codex/rules/spec-agent.rules` (the tasks run without asking), `.agents/skills/`",
    readBy: "Codex",
    provenBy: "Codex 0.171.0, the real client",
  },
  readme: [
    [
      "Codex",
      `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILE)}`,
      "skills in `.agents/skills/`",
      "`.codex/config.toml` (trusted projects)",
    ],
  ],
  layout: [[".codex/", "agents/backend-engineer.toml, config.toml (MCP servers), rules/ (tasks allowed)"]],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Codex subagents take no tool list: the agent has Codex's own tools"],
  once: "**Codex**: trust the project when it asks on first start: only then does it read `.codex/agents/` (the agent) and `.codex/config.toml` (the MCP servers).",
  files: (sources, project) => [
    agentFile(sources.agent, sources.agentDescription),
    { path: ".codex/config.toml", contents: config() },
    ...(project.otherLanguage ? [] : [{ path: RULES_FILE, contents: rules() }]),
  ],
  hubSection: cloudSetup,
  check: { folders: [".codex"], skillHomes: [".agents/skills"], rules: [/^\.codex\/agents\/[^/]+\.toml$/] },
};
