/**
 * The AI tools' files that carry frontmatter: it must parse, hold only the
 * keys its tool knows (formats.md, from each tool's docs), and every MCP
 * server its tools name must be configured, since a tool ignores an unknown
 * name silently.
 */
import { jsonLimitProblem, readJsonc } from "../merge/jsonc.js";
import { anyOf, type Kind } from "./kinds.js";
import { frontmatter } from "./markdown.js";
import type { CheckedTree, Problem } from "./problems.js";
import { readYaml } from "./yaml.js";

/** The MCP servers each set of settings configures, read once for the whole check. */
export type ServerLookup = (settings: readonly (readonly [string, string])[]) => Set<string>;

export function configuredServers(tree: CheckedTree): ServerLookup {
  const known = new Map<readonly (readonly [string, string])[], Set<string>>();
  return (settings) => {
    let names = known.get(settings);
    if (names !== undefined) return names;
    names = new Set<string>();
    for (const [file, key] of settings) {
      const text = tree.isChecked(file) ? tree.read(file) : undefined;
      const value = text === undefined ? undefined : (readJsonc(text) as Record<string, unknown> | undefined)?.[key];
      if (typeof value === "object" && value !== null)
        for (const name of Object.keys(value)) names.add(name.toLowerCase());
    }
    known.set(settings, names);
    return names;
  };
}

/** JSON settings check will not parse (too large, too deep): named, rather than read as configuring nothing. */
export function checkSettingsLimit(file: string, text: string): Problem[] {
  const problem = file.endsWith(".json") ? jsonLimitProblem(text) : undefined;
  return problem ? [{ file, line: 1, message: `${problem}: check does not read it; make it smaller` }] : [];
}

const toolList = (tools: unknown): string[] =>
  Array.isArray(tools)
    ? tools.filter((t) => typeof t === "string")
    : typeof tools === "string"
      ? tools.split(",").map((t) => t.trim())
      : [];

/** Whether a file is of any of the kinds, by one test: most files check reads are of none. */
const anyKind = new WeakMap<readonly Kind[], (path: string) => boolean>();

/** One file's frontmatter problems, when it is one of the AI tools' files (`kinds`). */
export function checkAgentFile(file: string, text: string, servers: ServerLookup, kinds: readonly Kind[]): Problem[] {
  const problems: Problem[] = [];
  let isKind = anyKind.get(kinds);
  if (isKind === undefined) {
    isKind = anyOf(kinds.map((k) => k.match));
    anyKind.set(kinds, isKind);
  }
  if (!isKind(file)) return problems;
  const kind = kinds.find((k) => k.match.test(file));
  if (!kind) return problems;
  const front = frontmatter(text);
  if (!front) {
    if (kind.mayBeEmpty !== true || text.trim() !== "")
      problems.push({ file, line: 1, message: `${kind.label} needs YAML frontmatter between --- lines` });
    return problems;
  }
  const read = readYaml(front.yaml);
  if (!read.ok) {
    problems.push({ file, line: front.line - 1 + read.line, message: `frontmatter does not parse: ${read.reason}` });
    return problems;
  }
  const data = read.value;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    problems.push({ file, line: front.line, message: "frontmatter is not a set of keys" });
    return problems;
  }
  const lines = front.yaml.split("\n");
  const lineOf = (key: string): number =>
    front.line +
    Math.max(
      0,
      lines.findIndex((l) => l.startsWith(`${key}:`)),
    );
  for (const key of Object.keys(data))
    if (!kind.keys.includes(key))
      problems.push({
        file,
        line: lineOf(key),
        message: `${kind.label} has no key ${JSON.stringify(key)}: use ${kind.keys.join(", ")}`,
      });
  const keys = data as Record<string, unknown>;
  for (const key of kind.required ?? [])
    if (typeof keys[key] !== "string" || (keys[key] as string).trim() === "")
      problems.push({
        file,
        line: front.line,
        message: `${kind.label} needs a ${key}: the tool skips it without one`,
      });
  if (kind.nameIs === "folder" && typeof keys.name === "string") {
    const folder = file.split("/").at(-2);
    if (keys.name !== folder)
      problems.push({
        file,
        line: lineOf("name"),
        message: `a skill's name must be its folder's, ${JSON.stringify(folder)}`,
      });
  }
  if (kind.mcp) {
    const configured = servers(kind.mcp.settings);
    for (const tool of toolList((data as Record<string, unknown>).tools)) {
      const server = kind.mcp.server(tool);
      if (server !== undefined && !configured.has(server.toLowerCase()))
        problems.push({
          file,
          line: lineOf("tools"),
          message: `tool ${tool} names the MCP server ${server}, which ${kind.mcp.settings.map(([f]) => f).join(" and ")} do not configure`,
        });
    }
  }
  return problems;
}
