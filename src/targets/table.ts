/**
 * The one list of the AI tools we write for (as create-vite's FRAMEWORKS is
 * one row per framework), in the order their files are written and listed.
 * Everything about a tool is in its module under tools/; what is derived from
 * all of them (the `--agents` ids, what `check` knows) is here.
 */

import { anyOf, skillKind } from "../core/check/kinds.js";
import type { CheckKnowledge } from "../core/check/knowledge.js";
import { didYouMean } from "../core/closest.js";
import type { TargetRules } from "../core/manifest.js";
import { quoted } from "../core/quote.js";
import type { Target } from "./target.js";
import { target as agentsMd } from "./tools/agents-md.js";
import { target as amp } from "./tools/amp.js";
import { target as antigravity } from "./tools/antigravity.js";
import { target as auggie } from "./tools/auggie.js";
import { target as claude } from "./tools/claude.js";
import { target as cline } from "./tools/cline.js";
import { target as codex } from "./tools/codex.js";
import { target as copilot } from "./tools/copilot.js";
import { target as cursor } from "./tools/cursor.js";
import { target as droid } from "./tools/droid.js";
import { target as gemini } from "./tools/gemini.js";
import { target as generic } from "./tools/generic.js";
import { target as goose } from "./tools/goose.js";
import { target as junie } from "./tools/junie.js";
import { target as kilo } from "./tools/kilo.js";
import { target as kiro } from "./tools/kiro.js";
import { target as opencode } from "./tools/opencode.js";
import { target as qwen } from "./tools/qwen.js";
import { target as roo } from "./tools/roo.js";
import { target as windsurf } from "./tools/windsurf.js";
import { target as zed } from "./tools/zed.js";

export type { Target } from "./target.js";

export const TARGETS = [
  copilot,
  agentsMd,
  claude,
  cursor,
  gemini,
  codex,
  opencode,
  qwen,
  kilo,
  droid,
  cline,
  amp,
  auggie,
  antigravity,
  kiro,
  junie,
  goose,
  zed,
  windsurf,
  roo,
  generic,
] as const satisfies readonly Target[];

export type TargetId = (typeof TARGETS)[number]["id"];
export const TARGET_IDS: readonly TargetId[] = TARGETS.map((t) => t.id);

/** What a team most often mixes when nothing is said. */
export const DEFAULT_TARGETS: readonly TargetId[] = TARGETS.filter((t) => t.default === true).map((t) => t.id);

export const isTargetId = (value: string): value is TargetId => (TARGET_IDS as readonly string[]).includes(value);

export function checkTargets(values: readonly string[]): string | undefined {
  if (values.length === 0) return `no AI tool chosen: give one or more of ${TARGET_IDS.join(", ")}`;
  const unknown = values.find((value) => !isTargetId(value));
  if (unknown === undefined) return undefined;
  const meant = TARGET_IDS.find((id) => id === unknown.toLowerCase()) ?? didYouMean(unknown.toLowerCase(), TARGET_IDS);
  const hint = meant === undefined ? "" : ` (did you mean ${meant}?)`;
  return `${quoted(unknown)} is not an AI tool we write for${hint}: use ${TARGET_IDS.join(", ")}`;
}

/**
 * The `--agents` question's choices: the defaults first, then by name, so that a user finds theirs in a long
 * list; each shows its id (what `--agents` takes) and name, and its description under the cursor.
 */
export function targetChoices(): { title: string; value: string; description: string }[] {
  const width = Math.max(...TARGETS.map((t) => t.id.length));
  // Case-insensitive by code unit: the labels are ASCII, and localeCompare would start ICU's collator at every run.
  const byName = (a: Target, b: Target): number => {
    const [x, y] = [a.label.toLowerCase(), b.label.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const ordered = [
    ...TARGETS.filter((t) => t.default === true),
    ...TARGETS.filter((t) => t.default !== true).sort(byName),
  ];
  return ordered.map((t) => ({ title: `${t.id.padEnd(width)}  ${t.label}`, value: t.id, description: t.description }));
}

/** The targets in table order, each once; a tool that reads the hub as its instructions brings the hub. */
export function normalizeTargets(values: readonly string[]): TargetId[] {
  const chosen = new Set<string>(values.filter(isTargetId));
  if (TARGETS.some((t) => t.readsHub === true && chosen.has(t.id)))
    for (const t of TARGETS) if (t.hub === true) chosen.add(t.id);
  return TARGET_IDS.filter((id) => chosen.has(id));
}

/** The chosen rows of the table, in its order. */
export const chosenTargets = (targets: readonly string[]): Target[] => TARGETS.filter((t) => targets.includes(t.id));

/** How to reach the agent, for the next steps: in the first chosen tool that says how. */
export const agentStep = (targets: readonly string[]): string =>
  chosenTargets(targets).find((t) => t.start)?.start ?? "start with spec/context/";

/** What the chosen tools cannot take, one line each, for --dry-run and the summary. */
export function targetNotes(targets: readonly string[]): string[] {
  return chosenTargets(targets).flatMap((t) => t.drops.map((drop) => `${t.id}: ${drop}`));
}

/** The top-level folders of the tools that check walks, beside the ones every repository has. */
export const CHECKED_FOLDERS: readonly string[] = [...new Set(TARGETS.flatMap((t) => t.check.folders ?? []))];

/** Markdown a tool reads as one whole file: init and update keep ours in a marked block there. */
export const HUB_FILES: readonly string[] = TARGETS.flatMap((t) => t.check.hubs ?? []);

/** What check knows of every tool's files, whichever a repository chose. */
export function checkKnowledge(): CheckKnowledge {
  const all = <T>(part: (t: Target) => readonly T[] | undefined): T[] => TARGETS.flatMap((t) => part(t) ?? []);
  const rules = [
    ...all((t) => t.check.rules),
    // The steps as skills, where a tool writes them.
    ...[...new Set(all((t) => (t.skills ? [t.skills.home] : [])))].map(
      (home) => new RegExp(`^${home.replaceAll(".", "\\.")}/[^/]+/SKILL\\.md$`),
    ),
  ];
  const hubs = HUB_FILES;
  return {
    kinds: [...all((t) => t.check.kinds), skillKind([...new Set(all((t) => t.check.skillHomes))])],
    settings: [...new Set(all((t) => t.check.settings))],
    files: all((t) => t.check.files),
    setups: all((t) => t.check.setups),
    rules: anyOf(rules),
    // A hub at the root before one in a folder: the file a person reads is the one a message names.
    hubs: [...hubs.filter((h) => !h.includes("/")), ...hubs.filter((h) => h.includes("/"))],
  };
}

/** The ids' rules, for the modules below the targets (the record, init's reading of it). */
export const TARGET_RULES: TargetRules<TargetId> = {
  check: checkTargets,
  normalize: normalizeTargets,
  legacy: DEFAULT_TARGETS,
};
