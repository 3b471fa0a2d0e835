/**
 * The preset as init writes it into a repository that exists: the owner's
 * project files are theirs. The Python skeleton is written only where there
 * is no `pyproject.toml`, the README only where there is none; the manifest
 * then records only what init writes.
 */
import { checkLicense, RECORD_LICENSE_BEFORE_ANSWER } from "./license.js";
import { MANIFEST_PATH, type ManifestRecord, manifestFile, type TargetRules } from "./manifest.js";
import { byPath, type PlannedFile } from "./planned-file.js";

const SKELETON = (path: string): boolean =>
  path === "pyproject.toml" || path === ".python-version" || path.startsWith("src/") || path.startsWith("tests/");

/** The plan less what is the owner's: the Python project where they have their own, the README where they have one. */
const withoutOwners = (files: readonly PlannedFile[], owners: { project: boolean; readme: boolean }): PlannedFile[] =>
  files.filter((f) => !(owners.project && SKELETON(f.path)) && !(owners.readme && f.path === "README.md"));

/**
 * `read` gives a file's text in the repository, or undefined. A project file
 * that holds exactly ours (a repository made by create, or by an earlier init)
 * keeps its place in the plan, so that running init again plans the same; so does
 * one the record of an earlier run lists (`recorded`): that run wrote it, whatever the answers now.
 */
export function presetForExisting(
  files: readonly PlannedFile[],
  read: (path: string) => string | undefined,
  recorded: ReadonlySet<string> | ReadonlyMap<string, unknown> = new Set(),
): PlannedFile[] {
  const theirs = (path: string): boolean => {
    const text = read(path);
    return text !== undefined && !recorded.has(path) && text !== files.find((f) => f.path === path)?.contents;
  };
  const manifest = files.find((f) => f.path === MANIFEST_PATH);
  const kept = withoutOwners(
    files.filter((f) => f.path !== MANIFEST_PATH),
    { project: theirs("pyproject.toml"), readme: theirs("README.md") },
  );
  if (!manifest) return kept;
  const { version, template, answers, uvBuild, packs } = JSON.parse(manifest.contents) as ManifestRecord;
  return [...kept, manifestFile(kept, { version, template, answers, uvBuild, ...(packs ? { packs } : {}) })].sort(
    byPath,
  );
}

/**
 * What update plans for a repository: where init left the project to its owner (their own pyproject.toml,
 * their README), the record lists neither, and the skeleton stays out of every later version too.
 */
export function presetForRecord(files: readonly PlannedFile[], recorded: ReadonlyMap<string, unknown>): PlannedFile[] {
  return withoutOwners(files, { project: !recorded.has("pyproject.toml"), readme: !recorded.has("README.md") });
}

/** Each file as an earlier run wrote it, from `.spec-agent.json` (format 2); none from a record it cannot read. */
export function basesFromManifest(text: string | undefined): Map<string, string> {
  if (text === undefined) return new Map();
  try {
    const files = (JSON.parse(text) as { format?: unknown; files?: unknown }).files;
    if (typeof files !== "object" || files === null) return new Map();
    return new Map(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return new Map();
  }
}

/**
 * The AI tools an earlier run recorded in `.spec-agent.json`: init then writes
 * for the same tools (a repository made for Copilot and Claude stays so)
 * unless --agents says otherwise. Anything else in the record is left to
 * pyproject.toml and the flags.
 */
/** The licence a record names, for init: undefined without a record or with a licence we do not write. */
export function licenseFromManifest(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const answers = (JSON.parse(text) as { answers?: { license?: unknown } }).answers;
    if (answers === undefined || answers === null || typeof answers !== "object") return undefined;
    // A record without the answer predates the question: that repository has no licence of ours.
    const license = answers.license ?? RECORD_LICENSE_BEFORE_ANSWER;
    return typeof license === "string" && checkLicense(license) === undefined ? license : undefined;
  } catch {
    return undefined;
  }
}

export function agentsFromManifest<Id extends string>(
  text: string | undefined,
  targets: TargetRules<Id>,
): Id[] | undefined {
  if (text === undefined) return undefined;
  try {
    const agents = (JSON.parse(text) as { answers?: { agents?: unknown } }).answers?.agents;
    if (!Array.isArray(agents) || !agents.every((a) => typeof a === "string")) return undefined;
    return targets.check(agents) === undefined ? targets.normalize(agents) : undefined;
  } catch {
    return undefined;
  }
}
