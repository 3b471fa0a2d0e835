/**
 * Every option of the create command, as data. The same table feeds the
 * argument parser, the prompts, the answers' defaults and validation, and --help.
 */
import {
  checkOneLine,
  checkPackageName,
  checkProjectName,
  checkPythonVersion,
  packageFromName,
} from "../core/names.js";
import type { Facts } from "../io/facts.js";

export type { Facts };

export interface Answers {
  name: string;
  package: string;
  description: string;
  author: string;
  python: string;
  git: boolean;
  install: boolean;
}

type TextKey = "name" | "package" | "description" | "author" | "python";
type ConfirmKey = "git" | "install";

export interface TextQuestion {
  kind: "text";
  key: TextKey;
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
}

export interface ConfirmQuestion {
  kind: "confirm";
  key: ConfirmKey;
  help: string;
  message: string;
  initial(facts: Facts): boolean;
  /** Some questions only make sense when a tool is there (no uv, no install question). */
  askIf(facts: Facts): boolean;
}

export type Question = TextQuestion | ConfirmQuestion;

export const DEFAULT_NAME = "my-service";
export const DEFAULT_DESCRIPTION = "A command-line tool built with spec-driven development.";
export const DEFAULT_PYTHON = "3.13";

export const QUESTIONS: readonly Question[] = [
  {
    kind: "text",
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
    key: "package",
    placeholder: "PKG",
    help: "Python import package under src/; default: the name with - as _",
    message: "Python package",
    initial: (answers) => (answers.name === undefined ? undefined : packageFromName(answers.name)),
    validate: checkPackageName,
    askIf: () => true,
  },
  {
    kind: "text",
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
    key: "python",
    placeholder: "3.X",
    help: `Python version (.python-version, requires-python); default ${DEFAULT_PYTHON}`,
    message: "Python version",
    initial: () => DEFAULT_PYTHON,
    validate: checkPythonVersion,
    askIf: () => true,
  },
  {
    kind: "confirm",
    key: "git",
    help: "git init and a first commit (--no-git to skip)",
    message: "Initialise a git repository with a first commit?",
    initial: (facts) => facts.hasGit(),
    askIf: (facts) => facts.hasGit(),
  },
  {
    kind: "confirm",
    key: "install",
    help: "run uv sync when uv is on PATH (--no-install to skip)",
    message: "Install the project with uv sync?",
    initial: (facts) => facts.hasUv(),
    askIf: (facts) => facts.hasUv(),
  },
];

export interface SwitchSpec {
  flag: "yes" | "dry-run" | "force" | "verbose" | "help" | "version";
  short?: string;
  help: string;
}

/** Flags that steer the run rather than answer a question. */
export const SWITCHES: readonly SwitchSpec[] = [
  { flag: "yes", short: "y", help: "take every default, never prompt" },
  { flag: "dry-run", help: "print what would be written, write nothing" },
  { flag: "force", help: "write into a folder that is not empty; files that differ are overwritten" },
  { flag: "verbose", help: "show the stack of an error" },
  { flag: "help", short: "h", help: "show this help" },
  { flag: "version", short: "v", help: "print the version" },
];
