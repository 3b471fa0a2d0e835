/**
 * JSON settings shared with their owner (`.vscode/mcp.json`, `.mcp.json`,
 * `.vscode/settings.json`, ...): VS Code allows comments and trailing commas
 * in them. jsonc-parser reads the owner's file as a tree with offsets, and our
 * missing entries are inserted as text at the end of the object they belong
 * in, indented like the owner's entries. Nothing of theirs is moved or
 * reformatted (jsonc-parser's `modify` reformats the whole line it edits), and
 * a value the owner set is theirs, even when it differs from ours.
 */
import { getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode, stripComments } from "jsonc-parser";

export type JsoncMerge = { ok: true; text: string } | { ok: false; reason: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is { [key: string]: Json } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface Insertion {
  offset: number;
  text: string;
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

/** The owner's indentation step, read from the first indented line. */
const indentUnit = (text: string): string => /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";

/**
 * Our entries that the object node lacks, inserted after its last entry. The
 * top level's objects (`servers`, `mcpServers`) are descended into, once: an
 * entry the owner has there (a server of theirs named like ours) is theirs whole.
 */
function insertions(text: string, node: Node, ours: { [key: string]: Json }, eol: string, depth = 0): Insertion[] {
  const properties = node.children ?? [];
  const byKey = new Map(properties.map((p) => [String(p.children?.[0]?.value), p.children?.[1]]));
  const missing = Object.entries(ours).filter(([key]) => !byKey.has(key));
  const deeper = Object.entries(ours).flatMap(([key, value]) => {
    const child = byKey.get(key);
    return depth === 0 && child?.type === "object" && isObject(value)
      ? insertions(text, child, value, eol, depth + 1)
      : [];
  });
  if (missing.length === 0) return deeper;
  const last = properties.at(-1);
  const outer = lineIndent(text, node.offset);
  const inner = last ? lineIndent(text, last.offset) : outer + indentUnit(text);
  const entries = missing.map(([key, value]) => {
    const json = JSON.stringify(value, null, indentUnit(text)).replaceAll("\n", `${eol}${inner}`);
    return `${eol}${inner}${JSON.stringify(key)}: ${json}`;
  });
  const insertion = last
    ? { offset: last.offset + last.length, text: `,${entries.join(",")}` }
    : { offset: node.offset + 1, text: `${entries.join(",")}${eol}${outer}` };
  return [...deeper, insertion];
}

/** The owner's text with our missing entries added; unchanged when none are missing. */
export function mergeJsonc(existing: string, ours: string): JsoncMerge {
  // Only whitespace or comments: ours follows them.
  if (stripComments(existing).trim() === "")
    return { ok: true, text: existing === "" || existing.endsWith("\n") ? existing + ours : `${existing}\n${ours}` };
  const errors: ParseError[] = [];
  const tree = parseTree(existing, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const line = existing.slice(0, first.offset).split("\n").length;
    return { ok: false, reason: `line ${line}: ${printParseErrorCode(first.error)}` };
  }
  if (tree?.type !== "object") return { ok: false, reason: "it holds no JSON object" };
  const wanted = JSON.parse(ours) as unknown;
  if (!isObject(wanted)) return { ok: true, text: existing };
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  // From the end backwards, so that each offset still points where it did.
  const edits = insertions(existing, tree, wanted, eol).sort((a, b) => b.offset - a.offset);
  let text = existing;
  for (const { offset, text: added } of edits) text = text.slice(0, offset) + added + text.slice(offset);
  return { ok: true, text };
}

/** What the owner's JSON holds, for checks that read it. */
export function readJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 && tree ? getNodeValue(tree) : undefined;
}
