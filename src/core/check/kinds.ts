/**
 * The AI tools' files that carry frontmatter, and the keys each tool knows
 * (formats.md, from the tools' own docs): a key outside these is ignored by
 * the tool, so check reports it. Each tool's kinds are in its module
 * (src/targets/tools/); the skill, which they share, is here.
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
  /** An empty file is fine: the tool reads it as saying nothing (instructions), rather than skipping it. */
  mayBeEmpty?: boolean;
}

/** The keys of a skill, the one format every tool that has skills shares (agentskills.io). */
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

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A skill, in any of the folders a tool reads skills from. */
export function skillKind(homes: readonly string[]): Kind {
  return {
    label: "a skill",
    match: new RegExp(`^(${homes.map(escaped).join("|")})\\/[^/]+\\/SKILL\\.md$`),
    keys: SKILL_KEYS,
    required: ["name", "description"],
    nameIs: "folder",
  };
}

/**
 * Whether any of `patterns` matches, by one regex joining them: check asks it of every file it reads, and one
 * call costs less than one for each pattern. Patterns with flags or back-references, which cannot be joined
 * without changing what they match, are tried one by one.
 */
export function anyOf(patterns: readonly RegExp[]): (text: string) => boolean {
  const joinable = patterns.length > 0 && patterns.every((p) => p.flags === "" && !/\\[1-9k]|\(\?</.test(p.source));
  if (!joinable) return (text) => patterns.some((p) => p.test(text));
  const joined = new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"));
  return (text) => joined.test(text);
}
