/**
 * The shapes of the option table's rows (options/table.ts): a question of text, a list of choices, or a
 * yes/no, and the answers they give.
 */
import type { Facts } from "../io/facts.js";
import type { TargetId } from "../targets/table.js";
import type { CommandName } from "./flags.js";
import type { Choice } from "./prompter.js";

export interface Answers {
  name: string;
  package: string;
  description: string;
  author: string;
  python: string;
  license: string;
  agents: TargetId[];
  git: boolean;
  install: boolean;
  /** Only when a chosen tool takes the folders its files go in (`--agents generic`). */
  "rules-dir"?: string;
  "commands-dir"?: string;
}

type TextKey = "name" | "package" | "description" | "author" | "python" | "license" | "rules-dir" | "commands-dir";
type ConfirmKey = "git" | "install";

export interface TextQuestion {
  kind: "text";
  key: TextKey;
  commands: readonly CommandName[];
  placeholder: string;
  help: string;
  message: string;
  /** The default; undefined means the answer is required and nothing gives it. */
  initial(answers: Partial<Answers>, facts: Facts): string | undefined | Promise<string>;
  /** What --yes or a prompt offers when initial gives nothing; without them, the answer stays required. */
  fallback?: string;
  /** `facts` where they are known: a project of another language's name is no Python distribution name. */
  validate(value: string, facts?: Pick<Facts, "otherLanguage" | "ownerPython">): string | undefined;
  /** Whether to ask when a terminal is there; an invalid default is always asked about. */
  askIf(facts: Facts): boolean;
  /** Words the question adds after its message where the facts call for them (init's Python). */
  note?(facts: Facts): string | undefined;
  /** A closed set: offered as a list at a terminal and in plop (nothing to mistype), typed on the command line. */
  choices?: readonly string[];
  /** Whether the question is asked at all, given the answers before it: no other answer is taken without it. */
  needed?(answers: Partial<Answers>): boolean;
}

/** A choice of several, given as a comma list (`--agents copilot,claude`). */
export interface ListQuestion {
  kind: "list";
  key: "agents";
  commands: readonly CommandName[];
  placeholder: string;
  help: string;
  /** Where one command takes it to mean something more particular. */
  helpFor?: Partial<Record<CommandName, string>>;
  message: string;
  choices: readonly Choice[];
  initial(): readonly string[];
  validate(values: readonly string[]): string | undefined;
  askIf(facts: Facts): boolean;
}

export interface ConfirmQuestion {
  kind: "confirm";
  key: ConfirmKey;
  commands: readonly CommandName[];
  help: string;
  message: string;
  initial(facts: Facts): boolean;
  /** Some questions only make sense when a tool is there (no uv, no install question). */
  askIf(facts: Facts): boolean;
}

export type Question = TextQuestion | ListQuestion | ConfirmQuestion;
