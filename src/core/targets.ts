/**
 * The AI tools the preset can write for, by the name `--agents` takes. What
 * each one writes is the target table in src/targets/; this is the list and
 * its rules, which the options need before anything is rendered.
 */
import { quoted } from "./quote.js";

export const TARGET_IDS = ["copilot", "agents-md", "claude", "cursor", "gemini", "codex"] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** What a team most often mixes: Copilot, and AGENTS.md for every other agent. */
export const DEFAULT_TARGETS: readonly TargetId[] = ["copilot", "agents-md"];

export const isTargetId = (value: string): value is TargetId => (TARGET_IDS as readonly string[]).includes(value);

/** A comma list as typed: `copilot, claude` → ["copilot", "claude"]. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function checkTargets(values: readonly string[]): string | undefined {
  if (values.length === 0) return `no AI tool chosen: give one or more of ${TARGET_IDS.join(", ")}`;
  const unknown = values.find((value) => !isTargetId(value));
  if (unknown !== undefined) return `${quoted(unknown)} is not an AI tool we write for: use ${TARGET_IDS.join(", ")}`;
  return undefined;
}

/**
 * The targets in table order, each once. Codex reads AGENTS.md as its own
 * instructions file, so choosing it writes AGENTS.md too.
 */
export function normalizeTargets(values: readonly string[]): TargetId[] {
  const chosen = new Set(values.filter(isTargetId));
  if (chosen.has("codex")) chosen.add("agents-md");
  return TARGET_IDS.filter((id) => chosen.has(id));
}
