/**
 * `.spec-agent.json`, the record a generated repository keeps: what generated
 * it, from which answers, and each file as it was written, which is what
 * `update` will take as the merge base. Bases rather than hashes: an update
 * then needs neither the old generator nor git history, and creating needs no
 * hashing. No timestamps, so the same answers give the same bytes.
 */
import { fileInPieces, type PlannedFile } from "./planned-file.js";

export const MANIFEST_PATH = ".spec-agent.json";
export const GENERATOR = "create-spec-agent";
/** 1: version 0.1.0, which kept a sha256 per file; 2: the files themselves. */
export const MANIFEST_FORMAT = 2;

/** The answers that shape file contents (git and install do not). */
export interface ContentAnswers {
  name: string;
  package: string;
  description: string;
  author: string;
  python: string;
  /** An id of core/license.ts LICENSES. */
  license: string;
  /** The AI tools written for, in the target table's order. */
  agents: string[];
  /** The folders a tool that takes them writes into (`--rules-dir`, `--commands-dir`), when one was chosen. */
  "rules-dir"?: string;
  "commands-dir"?: string;
}

/** The AI tools' ids and their rules, from the table of targets (src/targets/table.ts): core names no tool. */
export interface TargetRules<Id extends string = string> {
  /** Why these ids are refused, or undefined. */
  check(ids: readonly string[]): string | undefined;
  /** The ids in the table's order, each once, with the ones they bring. */
  normalize(ids: readonly string[]): Id[];
  /** What a record of format 1 (version 0.1.0, before the question) was written for. */
  legacy: readonly string[];
}

/** Those answers alone, in a fixed key order. */
/** Answers only a tool that takes folders has: absent from every other record (its bytes unchanged). */
export const FOLDER_ANSWERS = ["rules-dir", "commands-dir"] as const;

/** The recorded folders, each checked as its flag is: a pull request may have put `../x` there. */
export function recordedFolders(
  answers: Record<string, unknown>,
  check: (key: (typeof FOLDER_ANSWERS)[number], value: string) => string | undefined,
): { folders: Pick<ContentAnswers, (typeof FOLDER_ANSWERS)[number]>; problem?: string } {
  const folders: Record<string, string> = {};
  for (const key of FOLDER_ANSWERS) {
    const value = answers[key];
    if (value === undefined) continue;
    const problem = typeof value === "string" ? check(key, value) : "is not a text";
    if (problem) return { folders, problem: `answers.${key}: ${problem}` };
    folders[key] = value as string;
  }
  return { folders };
}

export function contentAnswers(answers: ContentAnswers): ContentAnswers {
  const { name, package: pkg, description, author, python, license, agents } = answers;
  const folders = Object.fromEntries(
    FOLDER_ANSWERS.flatMap((key) => (answers[key] === undefined ? [] : [[key, answers[key]]])),
  );
  return { name, package: pkg, description, author, python, license, agents: [...agents], ...folders };
}

/** A team pack a repository was made with: enough for `update` to find it again and know it changed. */
export interface PackRecord {
  name: string;
  version: string;
  digest: string;
  /** As given to --template: a folder or a package name. */
  source: string;
  /** The answers to the pack's own questions. */
  answers: Record<string, string>;
}

export interface ManifestRecord {
  version: string;
  template: string;
  answers: ContentAnswers;
  /** The `[build-system]` requirement the repository was made with: an answer, so no machine's uv changes it. */
  uvBuild?: string;
  /** Only when packs were used, so a repository made without them keeps the same bytes. */
  packs?: readonly PackRecord[];
  /**
   * Files of the preset that init found the owner's own (a clash it left alone): theirs, not ours, so that
   * update neither merges into them nor reports them. Only when there are any, so other records keep their bytes.
   */
  theirs?: readonly string[];
}

/** `none` is left out: it is what a record from before the licence question means, so those keep their bytes. */
function recordedAnswers(answers: ContentAnswers): Omit<ContentAnswers, "license"> & { license?: string } {
  const { license, ...rest } = answers;
  return license === "none" ? rest : answers;
}

export function manifestFile(files: readonly PlannedFile[], record: ManifestRecord): PlannedFile {
  const manifest = {
    generator: GENERATOR,
    format: MANIFEST_FORMAT,
    version: record.version,
    template: record.template,
    answers: recordedAnswers(record.answers),
    ...(record.uvBuild === undefined ? {} : { uvBuild: record.uvBuild }),
    ...(record.packs?.length ? { packs: record.packs } : {}),
    ...(record.theirs?.length ? { theirs: [...record.theirs].sort() } : {}),
    files: Object.fromEntries(files.map((file) => [file.path, file.contents])),
  };
  return recordFile(manifest);
}

// `{{` only ever stands inside a string here (objects open on a line of their own): written as
// JSON escapes, the bases read back the same and the record shows no template syntax of its own.
const noBraces = (json: string): string => json.replaceAll("{{", "\\u007b\\u007b");

/**
 * The record as JSON.stringify(manifest, null, 2) gave it, byte for byte (test/record-pieces.test.ts), in pieces:
 * whole JSON strings and the punctuation between them, so no `{{` spans two.
 */
export function serializedInPieces(manifest: { files: Record<string, string> }): string[] {
  const { files, ...rest } = manifest;
  const head = noBraces(JSON.stringify({ ...rest, files: 0 }, null, 2)).slice(0, -"0\n}".length);
  const paths = Object.keys(files);
  const pieces = [`${head}{`];
  for (const [i, path] of paths.entries())
    pieces.push(`${i ? "," : ""}\n    ${noBraces(JSON.stringify(path))}: `, noBraces(JSON.stringify(files[path])));
  pieces.push(paths.length ? "\n  }\n}\n" : "}\n}\n");
  return pieces;
}

const recordFile = (manifest: { files: Record<string, string> }): PlannedFile =>
  fileInPieces(MANIFEST_PATH, serializedInPieces(manifest));

/**
 * The record of a run into a repository that exists, once its clashes are decided: a file left alone is
 * not recorded as ours. One an earlier run wrote (`earlier`, its base) keeps that base, since the owner
 * edited our file; any other is the owner's own, listed in `theirs`. `manifest` is this run's, from manifestFile.
 */
export function recordLeavingAlone(
  manifest: PlannedFile,
  leftAlone: ReadonlySet<string>,
  earlier: ReadonlyMap<string, string>,
): PlannedFile {
  const { files, theirs, ...rest } = JSON.parse(manifest.contents) as {
    files: Record<string, string>;
    theirs?: string[];
  };
  const owners = new Set(theirs);
  const kept = Object.entries(files).flatMap(([path, base]): [string, string][] => {
    if (!leftAlone.has(path)) return [[path, base]];
    const before = earlier.get(path);
    if (before !== undefined) return [[path, before]];
    owners.add(path);
    return [];
  });
  const listed = owners.size > 0 ? { theirs: [...owners].sort() } : {};
  return recordFile({ ...rest, ...listed, files: Object.fromEntries(kept) });
}

/** The plan with its record (when it has one) listing no clash left alone as ours. */
export function settleRecord(
  files: readonly PlannedFile[],
  leftAlone: ReadonlySet<string>,
  earlier: ReadonlyMap<string, string> = new Map(),
): PlannedFile[] {
  return files.map((file) => (file.path === MANIFEST_PATH ? recordLeavingAlone(file, leftAlone, earlier) : file));
}
