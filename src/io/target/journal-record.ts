/**
 * A journal's record, read as untrusted input: a journal may come from a clone or a planted folder, not from
 * a run of ours. Only what a run of ours writes is accepted: paths that pass the confinement check, backups
 * named as the writer names them (plain names inside the journal folder), sizes and hashes of the right kind.
 */
import { confinementProblem } from "../../core/confine.js";

/** The record's name in the journal folder. */
export const RECORD = "journal.json";

export interface JournalRecord {
  version: 1;
  /** The journal folder's owner file as this machine made it (lock.ts, madeHere): a copied or planted journal's differs. */
  madeHere: { ino: number; ctimeMs: number };
  /** The run made the target folder: undoing removes it (when empty). */
  createdRoot: boolean;
  /** Folders the run may make, parents first, relative to the target. */
  folders: string[];
  /** Files that were not there, with the size (bytes) and the textHash of what the run writes. */
  created: { path: string; size: number; hash?: string }[];
  /** Files the run overwrites, and the name in the journal that keeps the original. */
  overwritten: { path: string; backup: string }[];
  /** Files the run removes, kept in the journal the same way (absent from journals before update removed in them). */
  removed?: { path: string; backup: string }[];
}

/** The record as the writer plans it, before the journal folder's owner file is looked at. */
export type PlannedRecord = Omit<JournalRecord, "madeHere">;

/** Far past any plan of ours; a record larger than this is not one. */
const ENTRIES_LIMIT = 100_000;
const HASH = /^[0-9a-f]{16}$/;
const BACKUP = { overwritten: /^\d{1,6}\.old$/, removed: /^\d{1,6}\.removed$/ };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Why `value` is not a record a run of ours wrote; undefined when it is one. */
export function recordProblem(value: unknown): string | undefined {
  if (!isObject(value) || value.version !== 1) return "its record is not version 1";
  if (typeof value.createdRoot !== "boolean") return "createdRoot is not true or false";
  const made = value.madeHere;
  if (!isObject(made) || !Number.isFinite(made.ino) || !Number.isFinite(made.ctimeMs))
    return "it does not say where it was made";
  const list = (key: string, optional = false): unknown[] | string => {
    const entries = value[key];
    if (optional && entries === undefined) return [];
    if (!Array.isArray(entries) || entries.length > ENTRIES_LIMIT) return `${key} is not a list of entries`;
    return entries;
  };
  const folders = list("folders");
  if (typeof folders === "string") return folders;
  for (const [i, folder] of folders.entries()) {
    const problem = confinementProblem(folder);
    if (problem) return `folders[${i}] ${problem}`;
  }
  const created = list("created");
  if (typeof created === "string") return created;
  for (const [i, entry] of created.entries()) {
    if (!isObject(entry)) return `created[${i}] is not an entry`;
    const problem = confinementProblem(entry.path);
    if (problem) return `created[${i}].path ${problem}`;
    if (!Number.isSafeInteger(entry.size) || (entry.size as number) < 0) return `created[${i}].size is not a size`;
    if (entry.hash !== undefined && (typeof entry.hash !== "string" || !HASH.test(entry.hash)))
      return `created[${i}].hash is not a hash of ours`;
  }
  const backups = new Set<string>();
  for (const key of ["overwritten", "removed"] as const) {
    const entries = list(key, key === "removed");
    if (typeof entries === "string") return entries;
    for (const [i, entry] of entries.entries()) {
      if (!isObject(entry)) return `${key}[${i}] is not an entry`;
      const problem = confinementProblem(entry.path);
      if (problem) return `${key}[${i}].path ${problem}`;
      // The writer names each backup by the file's place in the plan: a plain name inside the journal folder.
      if (typeof entry.backup !== "string" || !BACKUP[key].test(entry.backup) || backups.has(entry.backup))
        return `${key}[${i}].backup is not a name in the journal folder`;
      backups.add(entry.backup);
    }
  }
  return undefined;
}

/**
 * The hash the record keeps of the text a run creates a file with: 64 bits (two 32-bit multiplicative hashes,
 * cyrb53's mixing) over its UTF-16 units. It tells the run's own file from one edited since, by accident or by
 * its owner; it is no defence against whoever wrote the journal (they wrote the repository's files too: a journal
 * git tracks is refused). Not node:crypto: loading it costs a create about 15% (OpenSSL's start-up, callgrind).
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}
