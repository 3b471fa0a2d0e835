/**
 * The MCP servers the agent's tools name (`context7/*`, `sequentialthinking/*`),
 * always under the same names; each tool's module writes them in its settings
 * format. Context7 is used anonymously: a key would come from the environment, never a file.
 */
export const MCP_SERVERS = {
  context7: { url: "https://mcp.context7.com/mcp" },
  sequentialthinking: { command: "npx", args: ["-y", "@modelcontextprotocol/server-sequential-thinking"] },
} as const;

const { context7, sequentialthinking } = MCP_SERVERS;
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The servers by name in the JSON most tools take: each with its `type` where the tool wants one, the url under
 * `urlKey`, and `extra` keys after.
 */
export function servers(type: { remote?: string; local?: string }, extra: object = {}, urlKey = "url") {
  const typed = (name: string | undefined) => (name === undefined ? {} : { type: name });
  return {
    context7: { ...typed(type.remote), [urlKey]: context7.url, ...extra },
    sequentialthinking: { ...typed(type.local), ...sequentialthinking, ...extra },
  };
}

/** Root `.mcp.json`: read by more than one tool (a url needs its type there). */
export const rootMcp = (): string => json({ mcpServers: servers({ remote: "http", local: "stdio" }) });

/**
 * The servers where a local one is a command line as one list and a remote one says so (`opencode.json`, and the
 * configuration of the tools forked from it).
 */
export const commandLineMcp = () => ({
  context7: { type: "remote", url: context7.url },
  sequentialthinking: { type: "local", command: [sequentialthinking.command, ...sequentialthinking.args] },
});
