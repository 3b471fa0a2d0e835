/**
 * A repository whose root holds another language's project and no Python one:
 * init writes no Python skeleton and no Python tasks into it (a Maven or Node
 * project gains no `pyproject.toml`, no `src/<pkg>/`), and says so.
 */
import type { PlannedFile } from "./planned-file.js";

const MANIFESTS = [
  "package.json",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "go.mod",
  "Cargo.toml",
  "Gemfile",
  "composer.json",
  "mix.exs",
  "Package.swift",
];
const PYTHON = ["pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "Pipfile"];

/** The other language's manifest at the root (`pom.xml`), when there is no Python project beside it. */
export function otherLanguage(rootFiles: ReadonlySet<string>): string | undefined {
  if (PYTHON.some((file) => rootFiles.has(file))) return undefined;
  return MANIFESTS.find((file) => rootFiles.has(file));
}

/**
 * What only a Python project of ours has a use for: its skeleton, its Taskfile, the workflows and the cloud
 * agent's setup that run uv and go-task, dependabot's uv updates and VS Code's pytest settings. The README
 * stays: where the project has none, ours says what the project's own files define (targets/foreign-texts.ts).
 */
const PYTHON_ONLY = new Set([
  "pyproject.toml",
  ".python-version",
  "Taskfile.yml",
  ".github/dependabot.yml",
  ".vscode/settings.json",
]);

/** Our workflows (CI, a cloud agent's setup) all install uv and go-task and run our tasks. */
const PYTHON_PROJECT = (path: string): boolean =>
  PYTHON_ONLY.has(path) ||
  path.startsWith("src/") ||
  path.startsWith("tests/") ||
  path.startsWith(".github/workflows/");

/** The plan without the Python project, its tasks and the files that run them. */
export const withoutPythonProject = (files: readonly PlannedFile[]): PlannedFile[] =>
  files.filter((f) => !PYTHON_PROJECT(f.path));
