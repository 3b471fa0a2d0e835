/**
 * A team's template pack: `spec-agent.pack.json` beside a `templates/` folder.
 * This module checks the manifest (pure): every problem is a usage error that
 * names the file and what to change, since the pack is the user's input.
 */
import { UsageError } from "./errors.js";
import { isRecord, readJsonObject } from "./json-input.js";
import { MANIFEST_PATH } from "./manifest.js";
import { checkPlannedPath } from "./planned-file.js";

export const PACK_MANIFEST = "spec-agent.pack.json";

export interface PackQuestion {
  name: string;
  message: string;
  default?: string;
  /** A regular expression the whole answer must match. */
  pattern?: string;
}

/** Our own questions a pack may set defaults for (not the name: that is the folder's). */
export const PACK_DEFAULTABLE = ["package", "description", "author", "python", "agents"] as const;
export type PackDefaults = Partial<Record<(typeof PACK_DEFAULTABLE)[number], string>>;

export interface PackManifest {
  name: string;
  version: string;
  questions: PackQuestion[];
  defaults: PackDefaults;
}

const PACK_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/;
const QUESTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Why `name` cannot name a pack question (its answer, in `--set` and the record), or undefined when it can:
 * answers are looked up by name, and `constructor` or `toString` would find Object.prototype's.
 */
export function questionNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || !QUESTION_NAME.test(name)) return "must be a letter then letters, digits or _";
  if (name in Object.prototype) return "must not be a name every JavaScript object has (constructor, toString, ...)";
  return undefined;
}

/** `reserved`: the names a pack's question may not take (our template variables). */
export function parsePackManifest(text: string, file: string, reserved: readonly string[]): PackManifest {
  const { data, fail } = readJsonObject(text, file);
  const known = ["$schema", "name", "version", "description", "questions", "defaults"];
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) fail(`unknown key "${key}" (known: ${known.slice(1).join(", ")})`);
  }
  const { name, version, questions = [], defaults = {} } = data;
  if (typeof name !== "string" || !PACK_NAME.test(name))
    fail(`"name" must be a package-like name, such as "acme-pack"`);
  if (typeof version !== "string" || !VERSION.test(version)) fail(`"version" must be a version such as "1.0.0"`);
  if (!Array.isArray(questions)) return fail(`"questions" must be a list`);
  const seen = new Set<string>();
  const parsed = questions.map((q, i): PackQuestion => {
    const where = `questions[${i}]`;
    if (!isRecord(q)) return fail(`${where} must be an object with "name" and "message"`);
    const nameProblem = questionNameProblem(q.name);
    if (nameProblem) fail(`${where}.name ${nameProblem}`);
    const qName = q.name as string;
    if (reserved.includes(qName)) fail(`${where}.name "${qName}" is one of our own answers: choose another name`);
    if (seen.has(qName)) fail(`${where}.name "${qName}" is asked twice`);
    seen.add(qName);
    if (typeof q.message !== "string" || q.message.trim() === "") fail(`${where}.message must be a non-empty text`);
    for (const key of Object.keys(q)) {
      if (!["name", "message", "default", "pattern"].includes(key)) fail(`${where} has an unknown key "${key}"`);
    }
    if (q.default !== undefined && typeof q.default !== "string") fail(`${where}.default must be a text`);
    if (q.pattern !== undefined) {
      if (typeof q.pattern !== "string") fail(`${where}.pattern must be a regular expression as text`);
      try {
        new RegExp(q.pattern as string, "u");
      } catch {
        fail(`${where}.pattern is not a valid regular expression`);
      }
    }
    const question: PackQuestion = { name: qName, message: q.message as string };
    if (typeof q.default === "string") question.default = q.default;
    if (typeof q.pattern === "string") question.pattern = q.pattern;
    if (question.default !== undefined && checkPackAnswer(question, question.default))
      fail(`${where}.default does not match its own pattern`);
    return question;
  });
  if (!isRecord(defaults)) return fail(`"defaults" must be an object`);
  for (const [key, value] of Object.entries(defaults)) {
    if (!(PACK_DEFAULTABLE as readonly string[]).includes(key))
      fail(`defaults.${key}: a pack sets defaults only for ${PACK_DEFAULTABLE.join(", ")}`);
    if (typeof value !== "string") fail(`defaults.${key} must be a text`);
  }
  return { name: name as string, version: version as string, questions: parsed, defaults: defaults as PackDefaults };
}

/** Why an answer does not fit the question, or undefined when it does. */
export function checkPackAnswer(question: PackQuestion, value: string): string | undefined {
  if (question.pattern === undefined) return undefined;
  return new RegExp(`^(?:${question.pattern})$`, "u").test(value)
    ? undefined
    : `${question.name} must match ${question.pattern}`;
}

/**
 * Where `templates/<source>` lands: `.hbs` dropped, `_x` as `.x` (npm drops
 * dotfiles from packages), `__package__` as the import package, and never outside the target, into `.git` or over
 * our record.
 */
export function packOutputPath(source: string, packName: string, pkg: string): string {
  const path = source
    .replace(/\.hbs$/, "")
    .split("/")
    .map((segment) => (segment === "__package__" ? pkg : /^_(?!_)/.test(segment) ? `.${segment.slice(1)}` : segment))
    .join("/");
  const problem = path === MANIFEST_PATH ? `${path} is the generator's own record` : checkPlannedPath(path);
  if (problem) throw new UsageError(`template pack "${packName}" cannot write templates/${source}: ${problem}`);
  return path;
}
