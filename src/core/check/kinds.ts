/**
 * The AI tools' files that carry frontmatter, and the keys each tool knows
 * (formats.md, from the tools' own docs): a key outside these is ignored by
 * the tool, so check reports it.
 */

export interface Kind {
  label: string;
  match: RegExp;
  keys: readonly string[];
  /** Keys without which the tool skips the file or cannot offer it. */
  required?: readonly string[];
  /** The `name` must equal the file's folder (a skill) or its file name without `.md` (a subagent). */
  nameIs?: "folder" | "file";
  /** How its tools name an MCP server, and which settings configure it. */
  mcp?: { server(tool: string): string | undefined; settings: readonly (readonly [string, string])[] };
}

/** Copilot's tool sets, and the servers GitHub provides itself: `x/*` for these is not an MCP server of the repository. */
const NOT_SERVERS = new Set([
  "read",
  "search",
  "edit",
  "execute",
  "web",
  "agent",
  "todo",
  "vscode",
  "shell",
  "github",
  "playwright",
]);
const COPILOT_MCP = {
  server: (tool: string) => {
    const server = /^([^/]+)\/\*$/.exec(tool)?.[1];
    return server === undefined || NOT_SERVERS.has(server) ? undefined : server;
  },
  settings: [
    [".vscode/mcp.json", "servers"],
    [".mcp.json", "mcpServers"],
  ] as const,
};
const SKILL_KEYS = [
  "name",
  "description",
  "argument-hint",
  "disable-model-invocation",
  "user-invocable",
  "allowed-tools",
  "license",
  "compatibility",
  "metadata",
];

export const KINDS: readonly Kind[] = [
  {
    label: "a Copilot custom agent",
    match: /^\.github\/agents\/[^/]+\.agent\.md$/,
    keys: [
      "description",
      "name",
      "tools",
      "model",
      "argument-hint",
      "target",
      "handoffs",
      "user-invocable",
      "disable-model-invocation",
      "agents",
      "mcp-servers",
      "metadata",
      "hooks",
    ],
    required: ["description"],
    mcp: COPILOT_MCP,
  },
  {
    label: "an instructions file",
    match: /^\.github\/instructions\/[^/]+\.instructions\.md$/,
    keys: ["applyTo", "description", "name", "excludeAgent"],
  },
  {
    label: "a prompt file",
    match: /^\.github\/prompts\/[^/]+\.prompt\.md$/,
    keys: ["description", "name", "argument-hint", "agent", "model", "tools"],
    mcp: COPILOT_MCP,
  },
  {
    label: "a skill",
    match: /^(\.github|\.agents|\.claude|\.cursor|\.gemini)\/skills\/[^/]+\/SKILL\.md$/,
    keys: SKILL_KEYS,
    required: ["name", "description"],
    nameIs: "folder",
  },
  {
    label: "a Claude Code subagent",
    match: /^\.claude\/agents\/[^/]+\.md$/,
    keys: [
      "name",
      "description",
      "tools",
      "model",
      "disallowedTools",
      "permissionMode",
      "mcpServers",
      "skills",
      "color",
      "hooks",
    ],
    required: ["name", "description"],
    mcp: {
      server: (tool) => /^mcp__([^_]+(?:_[^_]+)*)__/.exec(tool.trim())?.[1],
      settings: [[".mcp.json", "mcpServers"]],
    },
  },
  { label: "a Cursor rule", match: /^\.cursor\/rules\/[^/]+\.mdc$/, keys: ["description", "globs", "alwaysApply"] },
  {
    label: "a Cursor subagent",
    match: /^\.cursor\/agents\/[^/]+\.md$/,
    keys: ["name", "description", "model", "readonly"],
  },
  {
    label: "a Gemini CLI subagent",
    match: /^\.gemini\/agents\/[^/]+\.md$/,
    keys: ["name", "description", "tools", "model", "temperature", "max_turns", "timeout_mins", "kind"],
    required: ["name", "description"],
  },
];
