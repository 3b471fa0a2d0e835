/**
 * A team's defaults, below the flags: `SPEC_AGENT_*` variables, then
 * `spec-agent.config.json` (in this folder or a parent, or --config FILE).
 * They are defaults, not answers: a prompt still shows them, --yes takes them.
 */
import { dirname, join, resolve } from "node:path";
import { didYouMean } from "../core/closest.js";
import { UsageError } from "../core/errors.js";
import { isRecord, readJsonObject } from "../core/json-input.js";
import { questionNameProblem } from "../core/pack-manifest.js";
import { quoted } from "../core/quote.js";
import type { FileSystem } from "../io/fs.js";
import type { Env } from "../io/host.js";

export const CONFIG_FILE = "spec-agent.config.json";

/** The answers a team may default; the name is always the folder's. */
const TEXT_KEYS = ["package", "description", "author", "python", "license", "agents"] as const;
const BOOLEAN_KEYS = ["git", "install"] as const;

export type TeamDefaults = Partial<Record<(typeof TEXT_KEYS)[number], string> & Record<"git" | "install", boolean>>;

export interface Layers {
  defaults: TeamDefaults;
  /** Packs, in order; a path in the config file is taken from the config file's folder. */
  templates: string[];
  sets: Record<string, string>;
  /** The config file that named `templates`, when it was found (not given with --config) rather than the environment. */
  templatesFoundIn?: string;
}

function findConfig(fs: FileSystem, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

const isPathLike = (ref: string): boolean => ref.startsWith(".") || ref.startsWith("/");

function parseConfig(text: string, file: string): Layers {
  const { data, fail } = readJsonObject(text, file);
  const layers: Layers = { defaults: {}, templates: [], sets: {} };
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema") continue;
    if ((TEXT_KEYS as readonly string[]).includes(key)) {
      const text = key === "agents" && Array.isArray(value) ? value.join(",") : value;
      if (typeof text !== "string") fail(`"${key}" must be a text${key === "agents" ? " or a list" : ""}`);
      layers.defaults[key as (typeof TEXT_KEYS)[number]] = text as string;
    } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "boolean") fail(`"${key}" must be true or false`);
      layers.defaults[key as "git" | "install"] = value as boolean;
    } else if (key === "template") {
      const refs = typeof value === "string" ? [value] : value;
      if (!Array.isArray(refs) || refs.some((r) => typeof r !== "string" || r === ""))
        fail(`"template" must be a pack (folder or package name) or a list of them`);
      layers.templates = (refs as string[]).map((ref) => (isPathLike(ref) ? resolve(dirname(file), ref) : ref));
    } else if (key === "set") {
      if (!isRecord(value) || Object.values(value).some((v) => typeof v !== "string"))
        fail(`"set" must map each pack question to a text`);
      for (const name of Object.keys(value as object)) {
        const problem = questionNameProblem(name);
        if (problem) fail(`"set": ${quoted(name)}: a pack question's name ${problem}`);
      }
      layers.sets = value as Record<string, string>;
    } else {
      const known = [...TEXT_KEYS, ...BOOLEAN_KEYS, "template", "set"];
      const meant = didYouMean(key, known);
      fail(`unknown key "${key}"${meant ? ` (did you mean ${meant}?)` : ""} (known: ${known.join(", ")})`);
    }
  }
  return layers;
}

function envLayers(env: Env): Layers {
  const layers: Layers = { defaults: {}, templates: [], sets: {} };
  for (const key of TEXT_KEYS) {
    const value = env[`SPEC_AGENT_${key.toUpperCase()}`];
    if (value !== undefined) layers.defaults[key] = value;
  }
  for (const key of BOOLEAN_KEYS) {
    const name = `SPEC_AGENT_${key.toUpperCase()}`;
    const value = env[name]?.toLowerCase();
    if (value === undefined) continue;
    if (!["1", "0", "true", "false"].includes(value))
      throw new UsageError(`${name}=${env[name]}: give 1, 0, true or false`);
    layers.defaults[key] = value === "1" || value === "true";
  }
  const template = env.SPEC_AGENT_TEMPLATE;
  if (template) layers.templates = template.split(",").filter(Boolean);
  return layers;
}

/** `--set name=value` as a map; a later one wins. */
export function parseSets(sets: readonly string[]): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const item of sets) {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`--set ${item}: give NAME=VALUE`);
    const name = item.slice(0, at);
    const problem = questionNameProblem(name);
    if (problem) throw new UsageError(`--set ${quoted(name)}: a pack question's name ${problem}`);
    parsed[name] = item.slice(at + 1);
  }
  return parsed;
}

/** The environment over the config file; the flags go over both where the command reads them. */
export function teamLayers(fs: FileSystem, cwd: string, env: Env, configFlag: string | undefined): Layers {
  let file: string | undefined;
  if (configFlag !== undefined) {
    file = resolve(cwd, configFlag);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
      throw new UsageError(`--config ${configFlag}: there is no such file: give the path of a ${CONFIG_FILE}`);
  } else {
    file = findConfig(fs, cwd);
  }
  const config = file ? parseConfig(fs.readTextSync(file), file) : { defaults: {}, templates: [], sets: {} };
  const fromEnv = envLayers(env);
  const found = configFlag === undefined && file !== undefined && !fromEnv.templates.length && config.templates.length;
  return {
    defaults: { ...config.defaults, ...fromEnv.defaults },
    templates: fromEnv.templates.length ? fromEnv.templates : config.templates,
    sets: { ...config.sets },
    ...(found ? { templatesFoundIn: file } : {}),
  };
}
