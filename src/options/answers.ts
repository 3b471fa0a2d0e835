/**
 * Flags first, prompts fill the gaps, defaults otherwise: `flag ?? (interactive ? ask(default) : default)`,
 * where a team's default (environment, then config file, then packs) comes before our own.
 */

import { splitList } from "../core/comma-list.js";
import { UsageError, whyNotAsked } from "../core/errors.js";
import { checkPackageForPython } from "../core/names.js";
import { normalizeTargets } from "../targets/table.js";
import type { TeamDefaults } from "./config.js";
import type { CommandName } from "./flags.js";
import type { Prompter } from "./prompter.js";
import { type Answers, type Facts, QUESTIONS, type Question } from "./table.js";
import { loadToolTable } from "./tool-table.js";

export interface ResolveOptions {
  /** Only this command's questions are asked; the others keep their off value. */
  command?: CommandName;
  given: Partial<Answers>;
  facts: Facts;
  /** Take defaults for everything, even what would otherwise be required. */
  yes: boolean;
  /** A prompter when questions may be asked (a TTY, no CI, no --yes). */
  prompter: Prompter | undefined;
  /** The team's defaults (options/config.ts), over our own. */
  defaults?: TeamDefaults;
  /** Called as each answer is settled, before the next question: create asks about a non-empty folder once its name is in. */
  onAnswer?: (key: keyof Answers, answers: Partial<Answers>) => Promise<void>;
}

export async function resolveAnswers(options: ResolveOptions): Promise<Answers> {
  const { command = "create", onAnswer } = options;
  const answers: Partial<Answers> = { git: false, install: false };
  await loadToolTable(); // --agents and the folders are checked against it
  for (const q of QUESTIONS) {
    if (!q.commands.includes(command)) continue;
    if (q.kind === "text" && q.needed && !q.needed(answers)) {
      if (options.given[q.key] !== undefined)
        throw new UsageError(`--${q.key} is for a tool that takes folders: ${q.help}; leave it out`);
      continue;
    }
    (answers as Record<string, unknown>)[q.key] = await answerOne(q, answers, options);
    await onAnswer?.(q.key, answers);
  }
  // The package and the Python together: which names the standard library takes depends on the version.
  const { package: pkg, python } = answers;
  // Not where no Python package is written (a project of another language).
  const shadowed =
    pkg !== undefined && python !== undefined && options.facts.otherLanguage !== true
      ? checkPackageForPython(pkg, python)
      : undefined;
  if (shadowed) throw new UsageError(shadowed);
  return answers as Answers;
}

async function answerOne(
  q: Question,
  answers: Partial<Answers>,
  { given, facts, yes, prompter, defaults = {} }: ResolveOptions,
): Promise<Answers[keyof Answers]> {
  const flagValue = given[q.key];
  if (q.kind === "list") {
    let values: readonly string[];
    if (Array.isArray(flagValue)) {
      const problem = q.validate(flagValue);
      if (problem) throw new UsageError(`${problem}: pass a valid --${q.key}`);
      values = flagValue;
    } else {
      const teamDefault = defaults[q.key] === undefined ? undefined : splitList(defaults[q.key] as string);
      const problem = teamDefault && q.validate(teamDefault);
      if (problem) throw new UsageError(`${problem}: fix the team's default for ${q.key}, or pass --${q.key}`);
      const initial = teamDefault ?? q.initial();
      values = prompter && q.askIf(facts) ? await prompter.multiselect(q.message, q.choices, initial) : initial;
    }
    return normalizeTargets(values);
  }
  if (q.kind === "confirm") {
    if (typeof flagValue === "boolean") return flagValue;
    const initial = defaults[q.key] ?? q.initial(facts);
    return prompter && q.askIf(facts) ? await prompter.confirm(q.message, initial) : initial;
  }
  if (typeof flagValue === "string") {
    const problem = q.validate(flagValue, facts);
    if (problem) throw new UsageError(`${problem}: pass a valid --${q.key}`);
    return flagValue;
  }
  // A team's config gives no folders: they are the repository's own.
  const teamDefault =
    q.key === "name" || q.needed ? undefined : (defaults[q.key as keyof typeof defaults] as string | undefined);
  const initial = teamDefault ?? (await q.initial(answers, facts)) ?? (yes || prompter ? q.fallback : undefined);
  const problem = initial === undefined ? undefined : q.validate(initial, facts);
  if (prompter && (q.askIf(facts) || problem)) {
    const at = initial === undefined ? 0 : (q.choices?.indexOf(initial) ?? -1);
    if (q.choices && at >= 0)
      return prompter.select(
        q.message,
        q.choices.map((value) => ({ title: value, value })),
        at,
      );
    const note = q.note?.(facts);
    const message = note === undefined ? q.message : `${q.message} (${note})`;
    return prompter.text(message, initial, (value) => q.validate(value, facts));
  }
  if (initial === undefined) {
    throw new UsageError(
      q.needed
        ? `missing --${q.key}: ${q.help} (${whyNotAsked(yes)})`
        : `missing the project ${q.key === "name" ? "folder" : q.key}: give it as the first argument or with --${q.key} (${whyNotAsked(yes)})`,
    );
  }
  if (problem) throw new UsageError(`${problem}: pass --${q.key}`);
  return initial;
}

/**
 * Why a recorded answer would be refused as a flag (the record is input like any flag), with the same
 * validators; undefined when create would take it.
 */
export function answerProblem(
  key: string,
  value: string | readonly string[],
  facts?: Pick<Facts, "otherLanguage">,
): string | undefined {
  const question = QUESTIONS.find((q) => q.key === key);
  if (question?.kind === "text" && typeof value === "string") return question.validate(value, facts);
  if (question?.kind === "list" && Array.isArray(value)) return question.validate(value);
  return `${key} is not an answer of ours`;
}
