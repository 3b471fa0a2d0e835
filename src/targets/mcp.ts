/**
 * The MCP servers the agent's tools name (`context7/*`, `sequentialthinking/*`),
 * in each tool's settings format, always under the same names. Context7 is
 * used anonymously: a key would come from the environment, never a file.
 */
import { tomlString } from "../core/quote.js";

export const MCP_SERVERS = {
  context7: { url: "https://mcp.context7.com/mcp" },
  sequentialthinking: { command: "npx", args: ["-y", "@modelcontextprotocol/server-sequential-thinking"] },
} as const;

const { context7, sequentialthinking } = MCP_SERVERS;
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `.vscode/mcp.json`: VS Code's Local harness. */
export const vscodeMcp = (): string =>
  json({
    servers: { context7: { type: "http", ...context7 }, sequentialthinking: { type: "stdio", ...sequentialthinking } },
  });

/** Root `.mcp.json`: Copilot CLI, the Copilot harness and Claude Code (a url needs its type); not the cloud agent. */
export const rootMcp = (): string =>
  json({
    mcpServers: {
      context7: { type: "http", ...context7 },
      sequentialthinking: { type: "stdio", ...sequentialthinking },
    },
  });

/**
 * The Copilot cloud agent's MCP servers: not read from a file but pasted into the
 * repository's settings on GitHub, each server with its `type` and the `tools`
 * the agent may call (both servers only read, so all of them).
 */
export const cloudAgentMcp = (): string =>
  json({
    mcpServers: {
      context7: { type: "http", ...context7, tools: ["*"] },
      sequentialthinking: { type: "local", ...sequentialthinking, tools: ["*"] },
    },
  });

/** `.cursor/mcp.json`. */
export const cursorMcp = (): string =>
  json({ mcpServers: { context7: { ...context7 }, sequentialthinking: { ...sequentialthinking } } });

/** The `mcpServers` of `.gemini/settings.json` (streamable HTTP is `httpUrl` there). */
export const geminiMcp = () => ({ context7: { httpUrl: context7.url }, sequentialthinking: { ...sequentialthinking } });

/** `.codex/config.toml` (read for trusted projects). */
export const codexConfig = (): string =>
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

/**
 * `.vscode/settings.json`: pytest discovery on, so that VS Code offers
 * `execute/runTests`; the agent runs the project's tasks without asking.
 */
export const vscodeSettings = (): string =>
  json({
    "python.testing.pytestEnabled": true,
    "python.testing.unittestEnabled": false,
    "python.testing.pytestArgs": ["tests"],
    "chat.tools.terminal.autoApprove": { task: true },
  });
