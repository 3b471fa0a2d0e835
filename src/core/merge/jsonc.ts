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

/** Far past any settings file (VS Code's own are a few KiB): a larger one is not parsed (a 69 MB one took 2.4 GB). */
export const JSON_SIZE_LIMIT = 1024 * 1024;
/** Far past any settings file too: jsonc-parser recurses, and a deeper file would overflow the stack. */
export const JSON_DEPTH_LIMIT = 100;

/** How deep `text` nests its objects and lists, strings and comments skipped; stops counting past `limit`. */
function nesting(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length && deepest <= limit; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (char === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i);
      if (i === -1) break;
    } else if (char === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2);
      if (i === -1) break;
      i++;
    } else if (char === "{" || char === "[") {
      deepest = Math.max(deepest, ++depth);
    } else if (char === "}" || char === "]") {
      depth--;
    }
  }
  return deepest;
}

/** Why the owner's JSON is not parsed at all (too large, too deep), or undefined when it may be. */
export function jsonLimitProblem(text: string): string | undefined {
  if (text.length > JSON_SIZE_LIMIT) return `it is larger than ${JSON_SIZE_LIMIT / 1024 / 1024} MiB`;
  if (nesting(text, JSON_DEPTH_LIMIT) > JSON_DEPTH_LIMIT) return `it nests deeper than ${JSON_DEPTH_LIMIT} levels`;
  return undefined;
}

const BOM = "\ufeff";

/** The owner's text with our missing entries added; unchanged when none are missing. A BOM stays where it is. */
export function mergeJsonc(existing: string, ours: string): JsoncMerge {
  if (existing.startsWith(BOM)) {
    const merged = mergeJsonc(existing.slice(1), ours);
    return merged.ok ? { ok: true, text: BOM + merged.text } : merged;
  }
  const tooMuch = jsonLimitProblem(existing);
  if (tooMuch) return { ok: false, reason: tooMuch };
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

/** What the owner's JSON holds, for checks that read it (a BOM before it is no part of it); undefined past the limits. */
export function readJsonc(text: string): unknown {
  const json = text.startsWith(BOM) ? text.slice(1) : text;
  if (jsonLimitProblem(json)) return undefined;
  const errors: ParseError[] = [];
  const tree = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 && tree ? getNodeValue(tree) : undefined;
}
