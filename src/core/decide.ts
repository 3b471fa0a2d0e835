/**
 * Target decisions: what the inspection found, weighed against what the
 * user allowed. Pure; the pipeline asks or refuses on what these return.
 */
import { MANIFEST_PATH } from "./manifest.js";
import { quoted } from "./quote.js";
import { CLI_ROUTE } from "./route.js";

/** A planned file against the disk: not there, there with the same bytes, or there and different. */
export type FileStatus = "new" | "identical" | "differs";

export interface TargetState {
  /** Top-level entries that are not ours to ignore (a lone `.git` counts as empty). */
  occupants: readonly string[];
  /** One per planned file, in plan order, with its status. */
  entries: readonly { status: FileStatus }[];
}

export interface Occupied {
  /** For a prompt: default no. */
  question: string;
  /** Without a prompt, or with --dry-run: exit 2. */
  refusal: string;
}

/**
 * A folder that holds anything else is written into only with --force or a
 * yes at the prompt, since the preset would mix with what is there. One that
 * needs nothing written (every planned file already identical) is no risk.
 * `allow` says how the user's route allows it (the CLI's --force; plop's prompt).
 */
export function occupiedTarget(
  state: TargetState,
  where: string,
  force: boolean,
  allow: string = CLI_ROUTE.intoOccupied,
): Occupied | undefined {
  if (force || state.occupants.length === 0) return undefined;
  if (state.entries.every(({ status }) => status === "identical")) return undefined;
  const shown = shownOccupants(state.occupants);
  const differing = state.entries.filter(({ status }) => status === "differs").length;
  const overwritten =
    differing === 0 ? "none of its files would be overwritten" : `${differing} of its files would be overwritten`;
  const made = occupiedByUs(state.occupants, where);
  return {
    question: `${made ?? `${where} is not empty (${shown})`}. Write the preset into it? (${overwritten})`,
    refusal: `${made ?? `${where} is not empty (it holds ${shown})`}: choose a new folder, or ${allow} (${overwritten})`,
  };
}

/**
 * A repository we made is changed by init or update, which keep its record: create over it would leave the
 * files of a tool it no longer writes behind, unrecorded.
 */
const occupiedByUs = (occupants: readonly string[], where: string): string | undefined =>
  occupants.includes(MANIFEST_PATH)
    ? `${where} is a repository create-spec-agent made (to change it, run create-spec-agent init or update in it)`
    : undefined;

const shownOccupants = (occupants: readonly string[]): string =>
  occupants.slice(0, 3).map(displayName).join(", ") + (occupants.length > 3 ? ` and ${occupants.length - 3} more` : "");

/**
 * Asked as soon as the folder is known, before the other questions (as create-vite does): the answers
 * that would decide which files differ are not in yet, so it says what a yes allows rather than counting.
 */
export function earlyOccupiedQuestion(occupants: readonly string[], where: string): string | undefined {
  if (occupants.length === 0) return undefined;
  const made = occupiedByUs(occupants, where);
  return `${made ?? `${where} is not empty (${shownOccupants(occupants)})`}. Write the preset into it? (files it holds under the preset's names would be overwritten)`;
}

/** A name from the disk, shown on one line: quoted when it holds anything but plain characters. */
function displayName(name: string): string {
  return /^[\w.@+-]+$/.test(name) ? name : quoted(name);
}

/**
 * A planned file in a repository that exists: new, identical (skipped), merged
 * (a shared file that takes our entries beside the owner's), updated (ours, as
 * an earlier run wrote it), or a clash (it exists, differs, and is not ours to
 * merge: left alone unless overwritten).
 */
export type FileClass = "new" | "identical" | "merged" | "updated" | "clash";

/** `updated`: files an earlier run wrote that nobody edited since, brought up to date rather than left as a clash. */
export function classify(
  entries: readonly { file: { path: string }; status: FileStatus }[],
  merged: ReadonlySet<string>,
  updated: ReadonlySet<string> = new Set(),
): FileClass[] {
  return entries.map(({ file, status }) => {
    if (status !== "differs") return status;
    return merged.has(file.path) ? "merged" : updated.has(file.path) ? "updated" : "clash";
  });
}
