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

const PYTHON_PROJECT = (path: string): boolean =>
  path === "pyproject.toml" ||
  path === ".python-version" ||
  path === "Taskfile.yml" ||
  path.startsWith("src/") ||
  path.startsWith("tests/");

/** The plan without the Python project and its tasks. */
export const withoutPythonProject = (files: readonly PlannedFile[]): PlannedFile[] =>
  files.filter((f) => !PYTHON_PROJECT(f.path));

export const leftOutNote = (manifest: string): string =>
  `this is not a Python project (${manifest} at the root, no pyproject.toml): init left out the Python skeleton (pyproject.toml, .python-version, src/, tests/) and the Taskfile's Python tasks; the Backend Engineer it writes is a Python engineer, so keep what fits your project`;
