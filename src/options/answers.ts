/** Flags first, prompts fill the gaps, defaults otherwise: `flag ?? (interactive ? ask() : default)`. */
import { UsageError } from "../core/errors.js";
import type { Prompter } from "./prompter.js";
import { type Answers, type Facts, QUESTIONS } from "./table.js";

export interface ResolveOptions {
  given: Partial<Answers>;
  facts: Facts;
  /** Take defaults for everything, even what would otherwise be required. */
  yes: boolean;
  /** A prompter when questions may be asked (a TTY, no CI, no --yes). */
  prompter: Prompter | undefined;
}

export async function resolveAnswers({ given, facts, yes, prompter }: ResolveOptions): Promise<Answers> {
  const answers: Partial<Answers> = {};
  for (const q of QUESTIONS) {
    const flagValue = given[q.key];
    if (q.kind === "confirm") {
      const value =
        typeof flagValue === "boolean"
          ? flagValue
          : prompter && q.askIf(facts)
            ? await prompter.confirm(q.message, q.initial(facts))
            : q.initial(facts);
      answers[q.key] = value;
      continue;
    }
    if (typeof flagValue === "string") {
      const problem = q.validate(flagValue);
      if (problem) throw new UsageError(`${problem}: pass a valid --${q.key}`);
      answers[q.key] = flagValue;
      continue;
    }
    const initial = (await q.initial(answers, facts)) ?? (yes || prompter ? q.fallback : undefined);
    const problem = initial === undefined ? undefined : q.validate(initial);
    if (prompter && (q.askIf(facts) || problem)) {
      answers[q.key] = await prompter.text(q.message, initial, q.validate);
      continue;
    }
    if (initial === undefined) {
      throw new UsageError(
        `missing the project ${q.key === "name" ? "folder" : q.key}: give it as the first argument or with --${q.key} (there is no terminal to ask)`,
      );
    }
    if (problem) throw new UsageError(`${problem}: pass --${q.key}`);
    answers[q.key] = initial;
  }
  return answers as Answers;
}
