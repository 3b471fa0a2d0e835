/**
 * Reading a repository's `.spec-agent.json` back, for `update`: format 2
 * keeps each file as written (its merge base); version 0.1.0's format 1 kept
 * only a sha256 per file. Every problem is a usage error naming the file.
 */

import { isUvBuildRequirement } from "./build-backend.js";
import { confinementProblem } from "./confine.js";
import { UsageError } from "./errors.js";
import { isRecord } from "./json-input.js";
import { RECORD_LICENSE_BEFORE_ANSWER } from "./license.js";
import {
  type ContentAnswers,
  GENERATOR,
  MANIFEST_FORMAT,
  MANIFEST_PATH,
  type PackRecord,
  recordedFolders,
  type TargetRules,
} from "./manifest.js";
import { questionNameProblem } from "./pack-manifest.js";
import { quoted } from "./quote.js";

export interface RecordedFile {
  /** The file as last written (format 2). */
  base?: string;
  /** `sha256:<hex>` of it (format 1). */
  hash?: string;
}

export interface RepositoryRecord {
  version: string;
  answers: ContentAnswers;
  packs: PackRecord[];
  files: Map<string, RecordedFile>;
  /** Files of the preset that are the owner's own (init left them alone): update leaves them out. */
  theirs: Set<string>;
  /** The `[build-system]` requirement it was made with; absent in records older than that field. */
  uvBuild?: string;
}

/** Semantic Versioning 2.0.0, as semver.org writes it: what npm reads as a registry version, never a folder or URL. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Why `version` is not a strict semver (`1.2.3`, `1.2.3-rc.1`); undefined when it is one. */
export function versionProblem(version: unknown): string | undefined {
  if (typeof version !== "string") return "is not a text";
  if (version.length > 64 || !SEMVER.test(version))
    return `${quoted(version.slice(0, 64))} is not a version like 1.2.3`;
  return undefined;
}

/**
 * -1, 0 or 1, comparing strict semvers by their numbers, at any size (a pre-release sorts before its
 * release). Anything else throws: a NaN comparison would let any text through as "not newer".
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): [bigint[], boolean] => {
    const match = SEMVER.exec(v);
    if (!match) throw new Error(`not a version: ${v}`);
    return [match.slice(1, 4).map((n) => BigInt(n as string)), match[4] !== undefined];
  };
  const [[pa, preA], [pb, preB]] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const [x, y] = [pa[i] as bigint, pb[i] as bigint];
    if (x !== y) return x < y ? -1 : 1;
  }
  return Math.sign(Number(preB) - Number(preA));
}

/** The record's answers checked as create checks the same flags (the option table's validators, given by the caller). */
export type AnswerCheck = (key: keyof ContentAnswers, value: string | readonly string[]) => string | undefined;

const TEXT_ANSWERS = ["name", "package", "description", "author", "python"] as const;
/** Far past any record (the preset's bases are a few hundred KiB; a large pack's a few MiB). */
const RECORD_LIMIT = 64 * 1024 * 1024;
const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * The record as input like any flag (anyone who sent a pull request may have written it): every answer passes
 * create's validation, every path the one confinement check, the version is a strict semver. Anything else
 * is a usage error naming the key.
 */
export function parseRecord(text: string, checkAnswer: AnswerCheck, targets: TargetRules): RepositoryRecord {
  const fail = (problem: string): never => {
    throw new UsageError(`${MANIFEST_PATH}: ${problem}; restore it from git, or create the repository again`);
  };
  if (text.length > RECORD_LIMIT) fail(`is larger than ${RECORD_LIMIT / 1024 / 1024} MiB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail("is not valid JSON");
  }
  if (!isRecord(data) || data.generator !== GENERATOR) return fail(`was not written by ${GENERATOR}`);
  const format = data.format ?? 1;
  if (format !== 1 && format !== MANIFEST_FORMAT) fail(`has format ${String(format)}, which this version cannot read`);
  const badVersion = versionProblem(data.version);
  if (badVersion) fail(`version ${badVersion}`);
  const answers = data.answers;
  if (!isRecord(answers)) return fail("has no answers");
  for (const key of TEXT_ANSWERS) {
    const value = answers[key];
    if (typeof value !== "string") fail(`answers.${key} is missing`);
    const problem = checkAnswer(key, value as string);
    if (problem) fail(`answers.${key}: ${problem}`);
  }
  const agents = answers.agents ?? (format === 1 ? [...targets.legacy] : undefined);
  if (!Array.isArray(agents) || agents.some((id) => typeof id !== "string"))
    return fail("answers.agents is not a list");
  const badAgents = checkAnswer("agents", agents as string[]);
  if (badAgents) fail(`answers.agents: ${badAgents}`);
  // A record older than the question: that repository was made without a licence, and update keeps it so.
  const license = answers.license ?? RECORD_LICENSE_BEFORE_ANSWER;
  if (typeof license !== "string") return fail("answers.license is not a text");
  const badLicense = checkAnswer("license", license);
  if (badLicense) fail(`answers.license: ${badLicense}`);
  const { folders, problem: badFolder } = recordedFolders(answers, checkAnswer);
  if (badFolder) fail(badFolder);
  if (!isRecord(data.files)) return fail("has no files");
  const files = new Map<string, RecordedFile>();
  for (const [path, value] of Object.entries(data.files)) {
    const outside = confinementProblem(path);
    if (outside) fail(`files: ${outside}`);
    if (typeof value !== "string" || (format === 1 && !HASH.test(value)))
      fail(`files[${quoted(path)}] is not ${format === 1 ? "a sha256:<hex> hash" : "a text"}`);
    files.set(path, format === 1 ? { hash: value as string } : { base: value as string });
  }
  const theirs = data.theirs ?? [];
  if (!Array.isArray(theirs)) return fail("theirs is not a list");
  for (const path of theirs) {
    if (typeof path !== "string") return fail("theirs holds something other than a path");
    const outside = confinementProblem(path);
    if (outside) fail(`theirs: ${outside}`);
    if (files.has(path)) fail(`${quoted(path)} is both in files and in theirs`);
  }
  const uvBuild = data.uvBuild;
  if (uvBuild !== undefined && (typeof uvBuild !== "string" || !isUvBuildRequirement(uvBuild)))
    fail("uvBuild is not a uv_build requirement such as uv_build>=0.13.6,<0.14.0");
  return {
    version: data.version as string,
    answers: {
      ...(Object.fromEntries(TEXT_ANSWERS.map((key) => [key, answers[key]])) as Omit<
        ContentAnswers,
        "agents" | "license"
      >),
      license,
      agents: targets.normalize(agents as string[]),
      ...folders,
    },
    packs: parsePackRecords(data.packs, fail),
    files,
    theirs: new Set(theirs as string[]),
    ...(typeof uvBuild === "string" ? { uvBuild } : {}),
  };
}

/**
 * The packs a record names, for init (which reads the rest of a record leniently): none when the record is
 * missing or not JSON, a usage error naming the key when a pack entry is malformed.
 */
export function packsFromManifest(text: string | undefined): PackRecord[] {
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return [];
  }
  return isRecord(data)
    ? parsePackRecords(data.packs, (problem) => {
        throw new UsageError(`${MANIFEST_PATH}: ${problem}; restore it from git, or give the packs with --template`);
      })
    : [];
}

/** The packs a record names, each with the answers to its questions. */
function parsePackRecords(packs: unknown, fail: (problem: string) => never): PackRecord[] {
  if (packs === undefined) return [];
  if (!Array.isArray(packs)) return fail("packs is not a list");
  return packs.map((pack, i): PackRecord => {
    const where = `packs[${i}]`;
    if (!isRecord(pack)) return fail(`${where} is not an object`);
    for (const key of ["name", "version", "digest", "source"] as const) {
      const value = pack[key];
      if (typeof value !== "string" || value === "" || value.length > 1024) fail(`${where}.${key} is not a text`);
    }
    const answers = pack.answers ?? {};
    if (!isRecord(answers)) return fail(`${where}.answers is not an object`);
    for (const [name, value] of Object.entries(answers)) {
      const problem = questionNameProblem(name);
      if (problem) fail(`${where}.answers: ${quoted(name)}: a question's name ${problem}`);
      if (typeof value !== "string") fail(`${where}.answers.${name} is not a text`);
    }
    const { name, version, digest, source } = pack as Record<string, string>;
    return { name, version, digest, source, answers: answers as Record<string, string> } as PackRecord;
  });
}
