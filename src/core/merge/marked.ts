/**
 * Markdown that a tool reads as one file (AGENTS.md, CLAUDE.md, the Copilot
 * instructions) is shared with its owner: our rules live between two marker
 * comments, which Markdown renders as nothing. The text around the block is
 * never touched; a later run replaces only what is between the markers.
 */
import { fencedLines } from "../check/markdown.js";

export const BLOCK_START = "<!-- create-spec-agent:start (this block is rewritten by create-spec-agent init) -->";
export const BLOCK_END = "<!-- create-spec-agent:end -->";
const START_PREFIX = "<!-- create-spec-agent:start";

/** Our text between the markers. */
export function markedBlock(ours: string): string {
  return `${BLOCK_START}\n${ours.replace(/\n+$/, "")}\n${BLOCK_END}`;
}

/** The first `marker` at or after `from` outside the owner's closed code fences (an example there is theirs). */
function markerAt(text: string, marker: string, from: number, fenced: ReadonlySet<number>): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (fenced.size === 0 || !fenced.has(text.slice(0, at).split("\n").length)) return at;
  }
  return -1;
}

/** Where the block stands in `text`: the offsets of its first and past its last character, or undefined. */
function findBlock(text: string): { from: number; to: number } | undefined {
  if (!text.includes(START_PREFIX)) return undefined;
  const fenced = fencedLines(text, { closedOnly: true });
  const from = markerAt(text, START_PREFIX, 0, fenced);
  if (from === -1) return undefined;
  const end = markerAt(text, BLOCK_END, from, fenced);
  if (end === -1) return undefined;
  return { from, to: end + BLOCK_END.length };
}

/**
 * The owner's file with our block in it: replaced in place when the markers
 * are there, appended after a blank line otherwise. A file that already is
 * exactly our text (a repository made by create) stays as it is.
 */
export function mergeMarkedBlock(existing: string, ours: string): string {
  if (existing === ours) return existing;
  const block = markedBlock(ours);
  const found = findBlock(existing);
  if (found) return existing.slice(0, found.from) + block + existing.slice(found.to);
  if (existing === "") return `${block}\n`;
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const body = /\n$/.test(existing) ? existing : `${existing}${newline}`;
  return `${body}${newline}${block}${newline}`;
}

/** Whether `text` holds our block: a hub init shared with its owner, whose block alone is ours. */
export const hasMarkedBlock = (text: string): boolean => findBlock(text) !== undefined;

/** The text outside the block (for tests and checks): what the owner wrote. */
export function outsideBlock(text: string): string {
  const found = findBlock(text);
  return found ? text.slice(0, found.from) + text.slice(found.to) : text;
}
