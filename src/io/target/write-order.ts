/** The order of a plan's writes, and what the journal records of them before the first one. */
import { MANIFEST_PATH } from "../../core/manifest.js";
import { type PlannedRemoval, textPieces } from "../../core/planned-file.js";
import { relativeWithSlashes } from "../root.js";
import type { Inspection, TargetEntry } from "./inspect.js";
import type { JournalRecord, PlannedRecord } from "./journal-record.js";
import { textHash } from "./journal-record.js";
import type { Lock } from "./lock.js";

/** Plan order, except that the manifest, which records the other files, comes after them; identical files skipped. */
export function writeOrder(entries: readonly TargetEntry[]): number[] {
  const order = entries.map((_, i) => i).filter((i) => entries[i]?.status !== "identical");
  const isManifest = (i: number): boolean => entries[i]?.file.path === MANIFEST_PATH;
  return [...order.filter((i) => !isManifest(i)), ...order.filter(isManifest)];
}

/** What the journal records before anything changes. */
export function recordOf(
  entries: readonly TargetEntry[],
  order: number[],
  lock: Lock,
  existing: Set<string>,
  removals: readonly PlannedRemoval[],
  encoded: readonly (Uint8Array | undefined)[],
) {
  const folders: string[] = [];
  const known = new Set(existing);
  const created: JournalRecord["created"] = [];
  const overwritten: JournalRecord["overwritten"] = [];
  for (const i of order) {
    const { file, status } = entries[i] as TargetEntry;
    for (let end = file.path.indexOf("/"); end !== -1; end = file.path.indexOf("/", end + 1)) {
      const folder = file.path.slice(0, end);
      if (!known.has(folder)) {
        folders.push(folder);
        known.add(folder);
      }
    }
    if (status === "differs") overwritten.push({ path: file.path, backup: `${i}.old` });
    else {
      // Into a folder the run made, the size says it (hashing a create's text would cost it ~10%, callgrind).
      const size = (encoded[i] as Uint8Array).length;
      created.push(
        lock.createdRoot ? { path: file.path, size } : { path: file.path, size, hash: textHash(file.contents) },
      );
    }
  }
  const removed = removals.map(({ path }, i) => ({ path, backup: `${i}.removed` }));
  return { version: 1, createdRoot: lock.createdRoot, folders, created, overwritten, removed } satisfies PlannedRecord;
}
/**
 * Each new file's UTF-8, encoded once (not measured, then encoded again: slow for UTF-16 texts): the journal's
 * size and the bytes written. 3 bytes a UTF-16 unit at most (a lone surrogate: U+FFFD's 3).
 */
export function encodedNewFiles(entries: readonly TargetEntry[]): (Uint8Array | undefined)[] {
  let most = 0;
  const texts = entries.map(({ file, status }) => (status === "new" ? textPieces(file) : undefined));
  for (const pieces of texts) for (const piece of pieces ?? []) most += piece.length * 3;
  const buffer = Buffer.allocUnsafeSlow(most);
  let at = 0;
  return texts.map((pieces) => {
    if (pieces === undefined) return undefined;
    const start = at;
    // Exact while no surrogate pair spans two pieces: the record's are JSON.
    for (const piece of pieces) at += buffer.write(piece, at, "utf8");
    return buffer.subarray(start, at);
  });
}

/**
 * Folders as the plan names them (from the root, with /, "" for the root): the writer joins no paths
 * per file (path.join, cold, cost about 1 ms over a plan). The root is there once the lock is taken.
 */
export const foldersFromRoot = (root: string, inspection: Inspection): Set<string> =>
  new Set(["", ...[...inspection.existingFolders].map((folder) => relativeWithSlashes(root, folder))]);
export const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf("/")));
