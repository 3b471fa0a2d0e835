/**
 * Reading a repository's `.spec-agent.json` back, for `update`: format 2
 * keeps each file as written (its merge base); version 0.1.0's format 1 kept
 * only a sha256 per file. Every problem is a usage error naming the file.
 */
import { isUvBuildRequirement } from "./build-backend.js";
import { UsageError } from "./errors.js";
import { isRecord } from "./json-input.js";
import { type ContentAnswers, GENERATOR, MANIFEST_FORMAT, MANIFEST_PATH, type PackRecord } from "./manifest.js";
import { DEFAULT_TARGETS, normalizeTargets, type TargetId } from "./targets.js";

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
  /** The `[build-system]` requirement it was made with; absent in records older than that field. */
  uvBuild?: string;
}

/** -1, 0 or 1, comparing `X.Y.Z` versions (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(Number(b.includes("-")) - Number(a.includes("-")));
}

export function parseRecord(text: string): RepositoryRecord {
  const fail = (problem: string): never => {
    throw new UsageError(`${MANIFEST_PATH}: ${problem}; restore it from git, or create the repository again`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail("is not valid JSON");
  }
  if (!isRecord(data) || data.generator !== GENERATOR) return fail(`was not written by ${GENERATOR}`);
  const format = data.format ?? 1;
  if (format !== 1 && format !== MANIFEST_FORMAT) fail(`has format ${String(format)}, which this version cannot read`);
  if (typeof data.version !== "string") fail(`has no generator version`);
  const answers = data.answers;
  if (!isRecord(answers)) return fail("has no answers");
  for (const key of ["name", "package", "description", "author", "python"]) {
    if (typeof answers[key] !== "string") fail(`answers.${key} is missing`);
  }
  // Version 0.1.0 wrote Copilot's files and AGENTS.md: the targets that are the default now.
  const agents = Array.isArray(answers.agents) ? (answers.agents as TargetId[]) : [...DEFAULT_TARGETS];
  if (!isRecord(data.files)) return fail("has no files");
  const files = new Map<string, RecordedFile>();
  for (const [path, value] of Object.entries(data.files)) {
    if (typeof value !== "string") fail(`files.${path} is not a text`);
    files.set(path, format === 1 ? { hash: value as string } : { base: value as string });
  }
  const packs = Array.isArray(data.packs) ? (data.packs as PackRecord[]) : [];
  const uvBuild = data.uvBuild;
  if (uvBuild !== undefined && (typeof uvBuild !== "string" || !isUvBuildRequirement(uvBuild)))
    fail("uvBuild is not a uv_build requirement such as uv_build>=0.13.6,<0.14.0");
  return {
    version: data.version as string,
    answers: { ...(answers as unknown as ContentAnswers), agents: normalizeTargets(agents) },
    packs,
    files,
    ...(typeof uvBuild === "string" ? { uvBuild } : {}),
  };
}
