/** The facts a Python project declares about itself (core/project-facts.ts reads them). */

export type Backend = "setuptools" | "hatchling" | "flit" | "poetry" | "pdm" | "uv" | "other" | "none";

export type VersionSource =
  | { kind: "static"; value: string }
  /** From the VCS's tags through a build plugin (hatch-vcs, setuptools-scm, pdm's scm source). */
  | { kind: "vcs"; plugin: string }
  /** Read from a file at build time (`__version__`, a version file), named when the project names it. */
  | { kind: "file"; path: string | undefined }
  | { kind: "unknown" };

/** Where the test runner's requirement is declared: the place `uv` must be told about to install it. */
export type Declared =
  | { kind: "group"; name: string }
  | { kind: "extra"; name: string }
  /** Poetry's and PDM's own groups, which uv does not read. */
  /** Poetry's and PDM's own groups, which uv does not read: `requirements`, the group's names uv can add from PyPI. */
  | { kind: "poetry-group" | "pdm-group"; name: string; requirements: string[] }
  /** A requirements file at the root (httpx's requirements.txt): uv installs it with `--with-requirements`. */
  | { kind: "requirements"; name: string };

export type Tool = "ruff" | "black" | "flake8" | "isort" | "mypy" | "pyright";
export const TOOLS: readonly Tool[] = ["ruff", "black", "flake8", "isort", "mypy", "pyright"];

export interface ProjectFacts {
  name: string | undefined;
  /** `requires-python` as written, and the lowest `3.X` it admits; both undefined where none is declared. */
  requiresPython: string | undefined;
  lowestPython: string | undefined;
  /** The newest `3.X` it admits where it has an upper bound (`<3.10`, `~=3.9.0`, `==3.9.*`); else undefined. */
  newestPython: string | undefined;
  /** A `.python-version` at the root: uv and the CI workflows take their Python from it. */
  pythonVersionFile: boolean;
  backend: Backend;
  /** `src` when the import packages live in `src/`, `flat` when at the root; `none` when no package was found. */
  layout: "src" | "flat" | "none";
  /** Import packages (folders with `__init__.py`), as paths from the root: `src/click`, `files_to_prompt`. */
  packages: string[];
  /** The package folders that have a `__main__.py` (`python -m` runs them). */
  mainPackages: string[];
  /** Console scripts from `[project.scripts]`, `[project.entry-points.console_scripts]`, `[tool.poetry.scripts]`. */
  scripts: { name: string; target: string }[];
  version: VersionSource;
  tests: { runner: "pytest" | undefined; declared: Declared | undefined; folder: string | undefined };
  /** Each linter, formatter or type checker the project configures, with the file that says so. */
  tools: Partial<Record<Tool, string>>;
  /** `[tool.ruff.format]` or a ruff-format hook: the project formats with ruff. */
  ruffFormats: boolean;
  /**
   * The tasks tell ruff format to leave `*.md` out: the ruff they run formats Markdown (0.16 and later) and the
   * project's settings and hooks never hand it Markdown (core/project-tools.ts).
   */
  ruffLeavesMarkdownOut: boolean;
  preCommitHooks: string[];
  /** The paths the project's pre-commit hooks leave out (its top-level `exclude:` regex). */
  hookExclude: string | undefined;
  /** The linter versions the project's pre-commit hooks pin. */
  pins: Partial<Record<Tool, string>>;
  /** The linters declared in the dependency group uv installs by default (`dev`): run as the project locks them. */
  devTools: Tool[];
  /** Where the type checkers are declared as requirements, for those that are. */
  checkersDeclared: Partial<Record<"mypy" | "pyright", Declared>>;
  /**
   * setuptools finds the packages by itself in a flat layout (no `packages`/`py-modules` in `[tool.setuptools]`,
   * no setup.py or setup.cfg that could name them): a `spec/` folder at the root is then a second package to it.
   */
  setuptoolsFindsFlat: boolean;
  /** mypy's settings name the files it checks (`files = ...`): without them, mypy given nothing to check fails. */
  mypyFiles: boolean;
  /** `tox.ini`/`tox.toml`/`[tool.tox]`, `noxfile.py`: the project's own way to run its suites. */
  runners: ("tox" | "nox")[];
  /** The lint and type-check runs those name, and the type checkers' arguments there (core/project-runners.ts). */
  runnerChecks: RunnerChecks;
}

/** The lint and type-check runs a project keeps in tox or nox (core/project-runners.ts reads them). */
export interface RunnerChecks {
  /** `tox -e style`, `nox -s lint`: the runs whose names say they lint, format or type-check. */
  commands: string[];
  /** The files they are named in. */
  files: string[];
  /** A type checker's arguments where the project's runner gives it some (plain words only: they reach a shell). */
  checkerArgs: Partial<Record<"mypy" | "pyright", string>>;
}

export interface ProjectSources {
  pyproject: string;
  /** Paths from the root with `/`: the root's entries and the package markers below it (io/project-files.ts). */
  files: readonly string[];
  read(path: string): string | undefined;
}
