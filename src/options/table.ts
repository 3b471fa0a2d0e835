/**
 * Every question a command may ask, as data: the same table feeds the
 * argument parser (each question is also a flag), the prompts, the answers'
 * defaults and validation, --help, and plop's prompts. Flags that answer no
 * question are in flags.ts.
 */

import { checkLicense, DEFAULT_LICENSE, LICENSES } from "../core/license.js";
import {
  checkOneLine,
  checkPackageName,
  checkProjectName,
  checkPythonVersion,
  packageFromName,
} from "../core/names.js";
import type { Facts } from "../io/facts.js";
import { checkTargets, DEFAULT_TARGETS, TARGET_IDS, type TargetId, targetChoices } from "../targets/table.js";

import type { CommandName } from "./flags.js";
import { FOLDER_QUESTIONS } from "./folders.js";
import type { Choice } from "./prompter.js";

export type { Facts };

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

/** The commands that ask the project's questions. */
const PROJECT: readonly CommandName[] = ["create", "init"];

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
  validate(value: string): string | undefined;
  /** Whether to ask when a terminal is there; an invalid default is always asked about. */
  askIf(facts: Facts): boolean;
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

export const DEFAULT_NAME = "my-service";
export const DEFAULT_DESCRIPTION = "A command-line tool built with spec-driven development.";
export const DEFAULT_PYTHON = "3.13";

export const QUESTIONS: readonly Question[] = [
  {
    kind: "text",
    commands: PROJECT,
    key: "name",
    placeholder: "NAME",
    help: "project name (distribution and command); default: the folder name",
    message: "Project name",
    initial: (_answers, facts) => facts.folderName,
    fallback: DEFAULT_NAME,
    validate: checkProjectName,
    askIf: (facts) => facts.folderName === undefined,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "package",
    placeholder: "PKG",
    help: "Python import package under src/; default: the name with - as _",
    message: "Python package",
    initial: (answers) => (answers.name === undefined ? undefined : packageFromName(answers.name)),
    validate: checkPackageName,
    askIf: (facts) => facts.otherLanguage !== true,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "description",
    placeholder: "TEXT",
    help: "one-line description for pyproject.toml and the README",
    message: "Description",
    initial: () => DEFAULT_DESCRIPTION,
    validate: (value) => checkOneLine("description", value, { required: true }),
    askIf: () => true,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "author",
    placeholder: "TEXT",
    help: "author's name; default: git config user.name (empty for none)",
    message: "Author",
    initial: (_answers, facts) => facts.gitUserName(),
    validate: (value) => checkOneLine("author", value, { required: false }),
    askIf: () => true,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "python",
    placeholder: "3.X",
    help: `Python version, 3.10 to 3.16, for requires-python; default ${DEFAULT_PYTHON}`,
    message: "Python version",
    initial: () => DEFAULT_PYTHON,
    validate: checkPythonVersion,
    // The rules for a project that exists state the Python its pyproject.toml declares (init reads it).
    askIf: (facts) => facts.ownerProject !== true && facts.otherLanguage !== true,
  },
  {
    kind: "list",
    key: "agents",
    commands: [...PROJECT, "update"], // update takes the flag alone (it asks nothing)
    placeholder: "LIST",
    help: `AI tools to write for, comma-separated: ${TARGET_IDS.join(", ")}; default ${DEFAULT_TARGETS.join(",")}`,
    message: "AI tools to write for",
    choices: targetChoices(),
    initial: () => DEFAULT_TARGETS,
    validate: checkTargets,
    askIf: () => true,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "license",
    placeholder: "SPDX",
    help: `licence: ${LICENSES.join(", ")}; default ${DEFAULT_LICENSE} (all rights reserved), none in a project of yours`,
    message: "Licence",
    choices: LICENSES,
    // After agents, so plop's positional answers keep their places. A project that exists has its licence already, or chose to have none: we add none unless asked.
    initial: (_answers, facts) => (facts.ownerProject === true ? "none" : DEFAULT_LICENSE),
    validate: checkLicense,
    askIf: () => true,
  },
  {
    kind: "confirm",
    commands: ["create"],
    key: "git",
    help: "git init and a first commit (--no-git to skip)",
    message: "Initialise a git repository with a first commit?",
    initial: (facts) => facts.hasGit(),
    askIf: (facts) => facts.hasGit(),
  },
  {
    kind: "confirm",
    commands: ["create"],
    key: "install",
    help: "run uv sync when uv is on PATH (--no-install to skip)",
    message: "Install the project with uv sync?",
    initial: (facts) => facts.hasUv(),
    askIf: (facts) => facts.hasUv(),
  },
  ...FOLDER_QUESTIONS, // last: plop's positional answers keep their places
];
