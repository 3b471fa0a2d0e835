/**
 * The one place that talks to `prompts`, loaded only when a question is really
 * asked. Ctrl-C and Esc go through one path: onCancel throws CancelledError
 * (prompts would otherwise resolve with partial answers).
 */
import type { Readable, Writable } from "node:stream";
import type { PromptObject } from "prompts";
import { CancelledError } from "../core/errors.js";

export interface Prompter {
  text(message: string, initial: string | undefined, validate: (value: string) => string | undefined): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** Several of `choices`; at least one must be chosen. */
  multiselect(message: string, choices: readonly string[], initial: readonly string[]): Promise<string[]>;
  /** One of `choices` (their values); `initial` is the index chosen by Enter alone. */
  select(message: string, choices: readonly Choice[], initial: number): Promise<string>;
}

export interface Choice {
  title: string;
  value: string;
  description?: string;
}

export async function createPrompter(stdin: Readable, stdout: Writable): Promise<Prompter> {
  const { default: prompts } = await import("prompts");
  const onCancel = (): never => {
    throw new CancelledError();
  };
  const ask = async <T>(question: Omit<PromptObject, "name">): Promise<T> => {
    const answer = await prompts({ ...question, name: "value", stdin, stdout }, { onCancel });
    return answer.value as T;
  };
  return {
    text: (message, initial, validate) =>
      ask<string>({
        type: "text",
        message,
        initial: initial ?? "",
        validate: (value: string) => validate(value) ?? true,
      }),
    confirm: (message, initial) => ask<boolean>({ type: "confirm", message, initial }),
    multiselect: (message, choices, initial) =>
      ask<string[]>({
        type: "multiselect",
        message,
        choices: choices.map((value) => ({ title: value, value, selected: initial.includes(value) })),
        min: 1,
        hint: "space to choose, enter to accept",
        instructions: false,
      }),
    select: (message, choices, initial) =>
      ask<string>({ type: "select", message, choices: choices.map((c) => ({ ...c })), initial, hint: " " }),
  };
}
