/**
 * The one confinement check for a path inside the target, whatever its source: the plan, a team pack, the
 * repository's record or a journal an earlier run left (the last two are untrusted: anyone who sent a pull
 * request may have written them). A confined path is relative, written with `/`, stays inside the root on
 * every OS (each segment a name Windows, macOS and Linux all hold as written), and never reaches into git's
 * own files, where a written hook or config runs code. Links along the way are the writer's to refuse: only
 * the disk knows them.
 */
import { checkPathSegment } from "./names.js";
import { quoted } from "./quote.js";

/** The folder of a run's lock and journal, at the target's root; `.spec-agent-journal.starting-<pid>` while it is made. */
export const JOURNAL_NAME = ".spec-agent-journal";

/** Far past any path of ours, well within every OS's limit. */
const PATH_LIMIT = 1024;
/** `.git`, and its 8.3 short name on NTFS, which reaches the same folder there. */
const GIT_NAMES = new Set([".git", "git~1"]);

/** Why `path` may not be written, read or removed inside the target; undefined when it may. */
export function confinementProblem(path: unknown): string | undefined {
  if (typeof path !== "string" || path === "") return "is not a path";
  // Quoted only for a message: the writer asks about every planned path.
  const shown = (): string => quoted(path.length > 80 ? `${path.slice(0, 80)}…` : path);
  if (path.length > PATH_LIMIT) return `${shown()} is longer than ${PATH_LIMIT} characters`;
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return `${shown()} is absolute, not inside the repository`;
  if (path.includes("\\")) return `${shown()} holds a backslash: paths here are written with /`;
  // The journal says what recovery may undo: no plan, pack or record writes into it.
  const first = (path.split("/", 1)[0] as string).toLowerCase();
  if (first === JOURNAL_NAME || first.startsWith(`${JOURNAL_NAME}.`))
    return `${shown()} is inside the journal of create-spec-agent`;
  for (const segment of path.split("/")) {
    const problem = checkPathSegment(segment);
    if (problem) return `${shown()}: a segment ${problem}`;
    // Case-insensitive file systems (Windows, macOS) take `.GIT` for `.git`.
    if (GIT_NAMES.has(segment.toLowerCase())) return `${shown()} is inside git's own files`;
  }
  return undefined;
}

/** Why a folder the user names for a tool's files may not be used: the confinement check, on the folder. */
export function folderProblem(value: string): string | undefined {
  const folder = value.replace(/\/+$/, "");
  if (folder.trim() === "") return "is empty: name a folder inside the repository, e.g. .myai/rules";
  const problem = confinementProblem(folder);
  return problem === undefined ? undefined : problem.replace(/^is not a path$/, "is not a folder");
}

/** The folder as written into: without the trailing slashes a user may type. */
export const folderPath = (value: string): string => value.replace(/\/+$/, "");
