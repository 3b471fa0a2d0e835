/**
 * Every question a command may ask, as data: the same table feeds the
 * argument parser (each question is also a flag), the prompts, the answers'
 * defaults and validation, --help, and plop's prompts. Flags that answer no
 * question are in flags.ts.
 */

import { checkLicense, DEFAULT_LICENSE, LICENSES } from "../core/license.js";
import {
  checkOneLine,
  checkOtherProjectName,
  checkPackageName,
  checkProjectName,
  checkPythonVersion,
  importPackageFrom,
  packageFromName,
} from "../core/names.js";
import { declaredPythonDefault, declaredPythonNote, pythonOutsideDeclared } from "../core/python.js";
import type { Facts } from "../io/facts.js";

import type { CommandName } from "./flags.js";
import { FOLDER_QUESTIONS } from "./folders.js";
import type { Question } from "./question.js";
import { toolTable } from "./tool-table.js";

export type { Answers, ConfirmQuestion, ListQuestion, Question, TextQuestion } from "./question.js";
export type { Facts };

/** The commands that ask the project's questions. */
const PROJECT: readonly CommandName[] = ["create", "init"];

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
    validate: (value, facts) =>
      facts?.otherLanguage === true ? checkOtherProjectName(value) : checkProjectName(value),
    askIf: (facts) => facts.folderName === undefined,
  },
  {
    kind: "text",
    commands: PROJECT,
    key: "package",
    placeholder: "PKG",
    help: "Python import package under src/; default: the name with - as _",
    message: "Python package",
    // Where no Python package is written (another language), one the record can hold, whatever the name.
    initial: (answers, facts) =>
      answers.name === undefined
        ? undefined
        : facts.otherLanguage === true
          ? importPackageFrom(answers.name)
          : packageFromName(answers.name),
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
    help: `Python version, 3.10 to 3.16, for requires-python (init: for CI); default ${DEFAULT_PYTHON}, or the lowest the project admits`,
    message: "Python version",
    initial: (_answers, facts) =>
      facts.ownerPython ? declaredPythonDefault(facts.ownerPython, DEFAULT_PYTHON) : DEFAULT_PYTHON,
    // In a project that exists, also one its requires-python admits: uv refuses any other.
    validate: (value, facts) => checkPythonVersion(value) ?? pythonOutsideDeclared(value, facts?.ownerPython),
    // A project that exists keeps its requires-python (the rules state it): the answer is the Python CI runs,
    // unless its own .python-version says that. A valid floor comes as an answer (core/pyproject.ts).
    askIf: (facts) => facts.otherLanguage !== true && facts.ownerPython?.versionFile !== true,
    note: (facts) => (facts.ownerPython ? declaredPythonNote(facts.ownerPython) : undefined),
  },
  {
    kind: "list",
    key: "agents",
    commands: [...PROJECT, "update"], // update takes the flag alone (it asks nothing)
    placeholder: "LIST",
    // From the table of AI tools, read only where asked for (options/tool-table.ts).
    get help() {
      const { TARGET_IDS, DEFAULT_TARGETS } = toolTable();
      return `AI tools to write for, comma-separated: ${TARGET_IDS.join(", ")}; default ${DEFAULT_TARGETS.join(",")}`;
    },
    // In a repository we made, the record's tools are the default, not ours.
    get helpFor() {
      const { TARGET_IDS, DEFAULT_TARGETS } = toolTable();
      const list = `AI tools to write for, comma-separated: ${TARGET_IDS.join(", ")}`;
      return {
        init: `${list}; default the tools .spec-agent.json records, else ${DEFAULT_TARGETS.join(",")}`,
        update: `${list}; default the tools .spec-agent.json records`,
      };
    },
    message: "AI tools to write for",
    get choices() {
      return toolTable().targetChoices();
    },
    initial: () => toolTable().DEFAULT_TARGETS,
    validate: (values) => toolTable().checkTargets(values),
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
