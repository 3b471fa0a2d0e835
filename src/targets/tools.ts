/**
 * The seed's tools, and what each of them is called in every tool that has
 * subagents with a tool list. `undefined` means that tool has no equivalent
 * there: the target's capability notes say so, nothing is dropped silently.
 */

/** The Backend Engineer's tools, as the seed lists them (VS Code's names). */
export const SEED_TOOLS = [
  "execute/testFailure",
  "execute/getTerminalOutput",
  "execute/runInTerminal",
  "execute/runTests",
  "read/problems",
  "read/readFile",
  "read/terminalSelection",
  "read/terminalLastCommand",
  "edit/createDirectory",
  "edit/createFile",
  "edit/editFiles",
  "search",
  "web/fetch",
  "context7/*",
  "sequentialthinking/*",
  "agent",
  "todo",
] as const;

export type SeedTool = (typeof SEED_TOOLS)[number];

/**
 * On GitHub.com and in Copilot CLI only tool-set aliases count: beside the
 * seed's single VS Code tools, the agent lists the sets they belong to, so it
 * can read, edit, run and fetch on every Copilot surface. (In VS Code a set
 * is a superset of its single tools.)
 */
export const COPILOT_ALIASES = ["read", "edit", "execute", "web"] as const;

type Names = readonly string[] | undefined;

/**
 * Claude Code (`tools` of `.claude/agents/*.md`) and Gemini CLI (`tools` of `.gemini/agents/*.md`), named as their
 * headless sessions offer them (`npm run e2e:clients` records them); a name a session lacks is dropped without a
 * word. Claude Code 2.1.332 has no Grep, Glob or Task* tools there and searches through Bash; Gemini CLI 0.61
 * renamed search_file_content to grep_search and does not offer read_many_files.
 */
export const TOOL_NAMES: Readonly<Record<SeedTool, { claude: Names; gemini: Names }>> = {
  "execute/testFailure": { claude: ["Bash"], gemini: ["run_shell_command"] },
  "execute/getTerminalOutput": { claude: ["Bash"], gemini: ["run_shell_command"] },
  "execute/runInTerminal": { claude: ["Bash"], gemini: ["run_shell_command"] },
  "execute/runTests": { claude: ["Bash"], gemini: ["run_shell_command"] },
  "read/problems": { claude: undefined, gemini: undefined },
  "read/readFile": { claude: ["Read"], gemini: ["read_file"] },
  "read/terminalSelection": { claude: undefined, gemini: undefined },
  "read/terminalLastCommand": { claude: undefined, gemini: undefined },
  "edit/createDirectory": { claude: ["Write"], gemini: ["write_file"] },
  "edit/createFile": { claude: ["Write"], gemini: ["write_file"] },
  "edit/editFiles": { claude: ["Edit"], gemini: ["replace"] },
  search: { claude: ["Bash"], gemini: ["glob", "grep_search", "list_directory"] },
  "web/fetch": { claude: ["WebFetch"], gemini: ["web_fetch"] },
  "context7/*": { claude: ["mcp__context7__*"], gemini: ["mcp_context7_*"] },
  "sequentialthinking/*": { claude: ["mcp__sequentialthinking__*"], gemini: ["mcp_sequentialthinking_*"] },
  agent: { claude: ["Agent"], gemini: undefined },
  todo: { claude: undefined, gemini: ["write_todos"] },
};

/**
 * The tool that runs a skill, where the tool has skills the agent should reach: a subagent gets only the tools its
 * list names, and the spec steps are skills in Claude Code and Copilot CLI (`npm run e2e:clients` shows each
 * subagent running one). VS Code ignores a name it does not know. Gemini CLI's steps are commands, but it reads
 * `.agents/skills/` too when another chosen tool puts the steps there.
 */
export const SKILL_TOOL = { copilot: "skill", claude: "Skill", gemini: "activate_skill" } as const;

/** The seed's tools in one tool's names, each once, in the seed's order; then the tool that runs skills. */
export function translateTools(tool: "claude" | "gemini"): string[] {
  return [...new Set([...SEED_TOOLS.flatMap((name) => TOOL_NAMES[name][tool] ?? []), SKILL_TOOL[tool]])];
}

/** The seed's tools that tool has no equivalent for. */
export function untranslatedTools(tool: "claude" | "gemini"): SeedTool[] {
  return SEED_TOOLS.filter((name) => TOOL_NAMES[name][tool] === undefined);
}

/** How the agent's body names the sequential-thinking tool (VS Code writes `#tool:server/tool`). */
export const TOOL_REFERENCE = "#tool:sequentialthinking/sequentialthinking";
export const TOOL_REFERENCES: Readonly<Record<"copilot" | "claude" | "gemini" | "plain", string>> = {
  copilot: TOOL_REFERENCE,
  claude: "mcp__sequentialthinking__sequentialthinking",
  gemini: "mcp_sequentialthinking_sequentialthinking",
  plain: "sequentialthinking",
};
