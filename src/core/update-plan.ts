/**
 * What `update` does with each file, decided from three texts: the base (the
 * file as we last wrote it, from the record), the owner's file now, and the new
 * rendering. Pure: the command reads, this decides, the writer writes.
 */
import { hasMarkedBlock, mergeMarkedBlock } from "./merge/marked.js";
import { asWritten, mergeKindOf, mergeShared } from "./merge/plan.js";
import { type MergeLabels, mergeThreeWay } from "./three-way.js";

export type Fate =
  /** Nothing to do: the owner's file is already what we would write. */
  | "current"
  /** New in this version, and not there yet. */
  | "added"
  /** Unedited by the owner: the new rendering replaces it. */
  | "replaced"
  /** Edited by the owner, changed by us: merged cleanly. */
  | "merged"
  /** A hub shared with its owner (init): our marked block rewritten, the owner's text around it as it is. */
  | "block"
  /** Edited by both in the same place: written with conflict markers. */
  | "conflict"
  /** Edited by the owner, unchanged by us: the owner's file stays. */
  | "kept"
  /** Deleted by the owner: it stays deleted. */
  | "deleted-by-owner"
  /** Not ours to write (no base) yet there and different: left alone. */
  | "clash"
  /** Gone from the new version and unedited: removed. */
  | "removed"
  /** Gone from the new version but edited: the owner's file stays. */
  | "kept-unlisted";

export interface FileFate {
  path: string;
  fate: Fate;
  /** What to write, for added, replaced, merged and conflict. */
  contents?: string;
  conflicts?: number;
  /** For a conflict: the three versions, for git's index stages. */
  stages?: { base: string; ours: string; theirs: string };
}

export interface UpdateInputs {
  /** The record's bases by path; undefined where the record has only a hash (0.1.0) that no longer matches. */
  bases: ReadonlyMap<string, string | undefined>;
  /** The owner's files now, by path; undefined where there is none. */
  current: ReadonlyMap<string, string | undefined>;
  /** The new rendering by path (the manifest excluded). */
  next: ReadonlyMap<string, string>;
  labels: MergeLabels;
  /** Markdown a tool reads whole, where ours is a marked block (the tools' table names them). */
  hubs: readonly string[];
}

function fateOf(
  path: string,
  base: string | undefined,
  known: boolean,
  ours: string | undefined,
  theirs: string,
  { labels, hubs }: Pick<UpdateInputs, "labels" | "hubs">,
): FileFate {
  if (ours === theirs) return { path, fate: "current" };
  if (ours === undefined) return known ? { path, fate: "deleted-by-owner" } : { path, fate: "added", contents: theirs };
  // The block is ours whole and the rest the owner's: no three-way merge of the owner's text against our rendering.
  if (mergeKindOf(path, hubs) === "block" && hasMarkedBlock(ours)) {
    const contents = mergeMarkedBlock(ours, theirs);
    return contents === ours ? { path, fate: "current" } : { path, fate: "block", contents };
  }
  if (!known) return { path, fate: "clash" };
  if (base !== undefined && ours === base) return { path, fate: "replaced", contents: theirs };
  // A file init shared by lines or entries (.gitignore, JSON settings) holds the owner's text beside ours, not ours
  // alone: while ours is unchanged and every line or entry of it is still there, there is nothing to do.
  if (base !== undefined && theirs === base && holdsShared(path, ours, theirs, hubs)) return { path, fate: "current" };
  if (base !== undefined && theirs === base) return { path, fate: "kept" };
  // With no base (a 0.1.0 record whose hash no longer matches), both whole versions face each other.
  const merged = mergeThreeWay(ours, base ?? "", theirs, labels);
  if (merged.conflicts === 0) return { path, fate: "merged", contents: merged.text };
  // A file init shared by lines or entries (.gitignore, JSON settings) takes ours that it lacks, as init merged them.
  const kind = mergeKindOf(path, hubs);
  const shared =
    kind === "lines" || kind === "attributes" || kind === "entries" ? mergeShared(kind, ours, theirs) : undefined;
  if (shared?.ok)
    return shared.text === ours ? { path, fate: "current" } : { path, fate: "merged", contents: shared.text };
  return {
    path,
    fate: "conflict",
    contents: merged.text,
    conflicts: merged.conflicts,
    stages: { base: base ?? "", ours, theirs },
  };
}

function holdsShared(path: string, ours: string, theirs: string, hubs: readonly string[]): boolean {
  const kind = mergeKindOf(path, hubs);
  if (kind !== "lines" && kind !== "entries") return false;
  const shared = mergeShared(kind, ours, theirs);
  return shared.ok && shared.text === ours;
}

/** Every path of the new rendering and of the record, in path order. */
export function planUpdate({ bases, current, next, labels, hubs }: UpdateInputs): FileFate[] {
  const paths = [...new Set([...next.keys(), ...bases.keys()])].sort();
  return paths.map((path) => {
    const theirs = next.get(path);
    const ours = current.get(path);
    const base = bases.get(path);
    if (theirs !== undefined) return fateOf(path, base, bases.has(path), ours, theirs, { labels, hubs });
    if (ours === undefined) return { path, fate: "current" };
    return asWritten(path, ours, base, hubs) ? { path, fate: "removed" } : { path, fate: "kept-unlisted" };
  });
}
