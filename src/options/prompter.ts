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
  /** The values of several of `choices`; at least one must be chosen. */
  multiselect(message: string, choices: readonly Choice[], initial: readonly string[]): Promise<string[]>;
  /** One of `choices` (their values); `initial` is the index chosen by Enter alone. */
  select(message: string, choices: readonly Choice[], initial: number): Promise<string>;
}

export interface Choice {
  title: string;
  value: string;
  description?: string;
}

/** The mark of a multiselect's line under the cursor: the pointer prompts' select draws. */
const FOCUSED = "❯";
const MULTISELECT_HINT = "space to choose, enter to accept";
interface MultiselectState {
  cursor: number;
  done: boolean;
  hint: string;
  value: { title: string; value: string; selected: boolean }[];
}

/**
 * `color` is the output's choice (NO_COLOR, FORCE_COLOR: ui/paint.ts). prompts' kleur colours its ✔ and ? once,
 * as it loads (the build gives it kleur 4, which reads NO_COLOR then; its own kleur 3 does not); the rest it
 * colours at each drawing, and it is handed to onRender just before, where it is told the output's choice.
 */
export async function createPrompter(stdin: Readable, stdout: Writable, color: boolean): Promise<Prompter> {
  const { default: prompts } = await import("prompts");
  const onCancel = (): never => {
    throw new CancelledError();
  };
  // kleur has the switch; the types (kleur 3's) describe only its colours.
  const onRender = (kleur: object): void => {
    (kleur as { enabled: boolean }).enabled = color;
  };
  const ask = async <T>(question: Omit<PromptObject, "name">): Promise<T> => {
    const answer = await prompts({ onRender, ...question, name: "value", stdin, stdout }, { onCancel });
    return answer.value as T;
  };
  /**
   * prompts shows a multiselect's focused line by colour alone (its select has a pointer): the line under the
   * cursor gets the select's pointer too, so that it shows in a monochrome terminal and to a screen reader. The
   * hint says what is chosen, which a long list may have scrolled away; once answered, the line gives the values.
   */
  const multiselectRenderer = (titles: ReadonlyMap<string, string>) =>
    function onRenderMultiselect(this: MultiselectState, kleur: object): void {
      onRender(kleur);
      const chosen = this.value.filter((choice) => choice.selected).map((choice) => choice.value);
      this.hint = `${MULTISELECT_HINT}; chosen: ${chosen.length > 0 ? chosen.join(", ") : "none"}`;
      this.value.forEach((choice, i) => {
        const title = titles.get(choice.value) ?? choice.value;
        choice.title = this.done ? choice.value : `${i === this.cursor ? FOCUSED : " "} ${title}`;
      });
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
        choices: choices.map((c) => ({ ...c, selected: initial.includes(c.value) })),
        min: 1,
        hint: MULTISELECT_HINT,
        instructions: false,
        onRender: multiselectRenderer(new Map(choices.map((c) => [c.value, c.title]))),
      }),
    select: (message, choices, initial) =>
      ask<string>({ type: "select", message, choices: choices.map((c) => ({ ...c })), initial, hint: " " }),
  };
}
