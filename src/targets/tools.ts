/**
 * The seed's tools, and how a tool's module translates them into its own
 * names. `undefined` means that tool has no equivalent there: the target's
 * capability notes say so, nothing is dropped silently.
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

/** Each seed tool in one tool's names; a name its sessions lack is dropped without a word, so none is listed. */
export type ToolNames = Readonly<Record<SeedTool, readonly string[] | undefined>>;

/** The seed's tools in one tool's names, each once, in the seed's order; then the tool that runs skills. */
export function translateTools(names: ToolNames, skillTool: string): string[] {
  return [...new Set([...SEED_TOOLS.flatMap((name) => names[name] ?? []), skillTool])];
}

/** The seed's tools that tool has no equivalent for. */
export function untranslatedTools(names: ToolNames): SeedTool[] {
  return SEED_TOOLS.filter((name) => names[name] === undefined);
}

/** How the agent's body names the sequential-thinking tool (VS Code writes `#tool:server/tool`). */
export const TOOL_REFERENCE = "#tool:sequentialthinking/sequentialthinking";
/** The same, for a tool that takes the tool's plain name. */
export const PLAIN_REFERENCE = "sequentialthinking";
