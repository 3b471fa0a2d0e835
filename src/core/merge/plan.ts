/**
 * The files of a plan that a repository shares with its owner, and how each
 * is merged with what is there: `.gitignore` by lines, JSON settings by
 * entries, the instruction hubs by a marked block. Pure: the owner's text comes
 * from the reader it is given.
 */
import { MANIFEST_PATH } from "../manifest.js";
import type { PlannedFile } from "../planned-file.js";
import { mergeGitattributes } from "./gitattributes.js";
import { mergeGitignore } from "./gitignore.js";
import { type JsoncMerge, mergeJsonc } from "./jsonc.js";
import { markedBlock, mergeMarkedBlock } from "./marked.js";

/** `record`: the manifest, ours alone, brought up to date; `attributes`: by lines, ours before the owner's. */
export type MergeKind = "lines" | "attributes" | "entries" | "block" | "record";

/** `hubs`: Markdown that a tool reads as one whole file (named by the tools' table), where ours goes in a marked block. */
export function mergeKindOf(path: string, hubs: readonly string[]): MergeKind | undefined {
  if (path === MANIFEST_PATH) return "record";
  if (path === ".gitignore") return "lines";
  if (path === ".gitattributes") return "attributes";
  if (hubs.includes(path)) return "block";
  if (path.endsWith(".json")) return "entries";
  return undefined;
}

/**
 * Whether a file holds what an earlier run wrote, unedited: its recorded base, or for a hub init wrote afresh,
 * the base in our marked block (the record keeps the rendering, the disk the block).
 */
export function asWritten(path: string, text: string, base: string | undefined, hubs: readonly string[]): boolean {
  if (base === undefined) return false;
  return text === base || (hubs.includes(path) && text === `${markedBlock(base)}\n`);
}

/** The owner's text with ours merged in, as its kind merges: lines added, entries added, our block in place. */
export function mergeShared(kind: Exclude<MergeKind, "record">, existing: string, ours: string): JsoncMerge {
  if (kind === "lines") return { ok: true, text: mergeGitignore(existing, ours) };
  if (kind === "attributes") return { ok: true, text: mergeGitattributes(existing, ours) };
  if (kind === "block") return { ok: true, text: mergeMarkedBlock(existing, ours) };
  return mergeJsonc(existing, ours);
}

export interface MergedPlan {
  /** The plan, each shared file holding the owner's text with ours merged in. */
  files: PlannedFile[];
  /** Shared files that exist and took our entries (or already had them). */
  merged: Set<string>;
  /** Shared files that could not be read (JSON that does not parse): left alone, with what to add by hand. */
  unmergeable: Map<string, { reason: string; snippet: string }>;
}

/**
 * `read` gives a file's current text, or undefined when there is none.
 * `bases` are the files as an earlier run wrote them (`.spec-agent.json`): a
 * shared file that still holds exactly that is ours alone, and is replaced
 * whole rather than merged (no block appended to our own earlier rules).
 */
export function mergePlan(
  files: readonly PlannedFile[],
  read: (path: string) => string | undefined,
  hubs: readonly string[],
  bases: ReadonlyMap<string, string> = new Map(),
): MergedPlan {
  const merged = new Set<string>();
  const unmergeable: MergedPlan["unmergeable"] = new Map();
  const result = files.map((file): PlannedFile => {
    const kind = mergeKindOf(file.path, hubs);
    if (!kind) return file;
    const existing = read(file.path);
    // A hub we write afresh is marked too, so that a later run updates it in place.
    if (existing === undefined)
      return kind === "block" ? { ...file, contents: `${markedBlock(file.contents)}\n` } : file;
    merged.add(file.path);
    if (kind === "record" || existing === bases.get(file.path)) return file;
    const json = mergeShared(kind, existing, file.contents);
    if (json.ok) return { ...file, contents: json.text };
    merged.delete(file.path);
    unmergeable.set(file.path, { reason: json.reason, snippet: file.contents });
    return file;
  });
  return { files: result, merged, unmergeable };
}
