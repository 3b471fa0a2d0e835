/**
 * A repository whose root holds another language's project, or a Python one
 * without pyproject.toml: init writes no Python skeleton and no Python tasks
 * into it (a Maven or Node project, six's setup.py, gain no `pyproject.toml`,
 * no `src/<pkg>/`), and says so.
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
/**
 * A Python project without pyproject.toml (six's setup.py, a Pipfile, a requirements.txt): uv cannot sync it, and a
 * pyproject.toml of ours beside its setup.py would take over its build (pip builds what pyproject.toml declares).
 * It is taken as another language's project is: its own commands, no skeleton of ours.
 */
export const PYTHON_WITHOUT_PYPROJECT = ["setup.py", "setup.cfg", "Pipfile", "requirements.txt"];

/** The manifest at the root (`pom.xml`, six's `setup.py`) of a project that has no pyproject.toml. */
export function otherLanguage(rootFiles: ReadonlySet<string>): string | undefined {
  if (rootFiles.has("pyproject.toml")) return undefined;
  return [...MANIFESTS, ...PYTHON_WITHOUT_PYPROJECT].find((file) => rootFiles.has(file));
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
