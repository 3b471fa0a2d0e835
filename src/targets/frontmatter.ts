/**
 * Frontmatter as the tools read it: YAML between `---` lines, each value a
 * scalar a YAML parser reads back exactly (quoted by core/quote.ts, never by
 * hand), lists in flow style as the seed writes them.
 */
import { yamlSingle } from "../core/quote.js";

export type FrontValue = string | boolean | readonly string[];

/** A plain scalar only where YAML cannot misread it: letters, digits, spaces and `-`, starting with a letter. */
const scalar = (value: string): string =>
  /^[A-Za-z][A-Za-z0-9 -]*[A-Za-z0-9]$/.test(value) ? value : yamlSingle(value);

function yamlValue(value: FrontValue): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return scalar(value);
  return `[${value.map(yamlSingle).join(", ")}]`;
}

/** A Markdown file: frontmatter (when there are entries), a blank line, the body. */
export function withFrontmatter(entries: readonly (readonly [string, FrontValue | undefined])[], body: string): string {
  const lines = entries.flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${yamlValue(value)}`]));
  return lines.length === 0 ? body : `---\n${lines.join("\n")}\n---\n\n${body}`;
}
