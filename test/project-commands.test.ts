/** The tasks' commands from a project's facts (core/project-commands.ts): table tests over small pyprojects. */
import { describe, expect, it } from "vitest";
import { projectCommands } from "../src/core/project-commands.js";
import { readProjectFacts } from "../src/core/project-facts.js";

const commands = (pyproject: string, extra: Record<string, string> = {}, packages = ["pkg"]) => {
  const files = ["pyproject.toml", ...Object.keys(extra), ...packages.map((p) => `${p}/__init__.py`)];
  return projectCommands(readProjectFacts({ pyproject, files, read: (path) => extra[path] }));
};

const PROJECT =
  '[project]\nname = "p"\nversion = "1"\n[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n';
const DEV = '[dependency-groups]\ndev = ["pytest", "mypy", "flake8", "pyright"]\n';

describe("projectCommands: a project whose only tools are flake8, mypy and pyright", () => {
  it("lints with what it configured and writes no format task for a formatter it never chose", () => {
    const c = commands(`${PROJECT}${DEV}[tool.mypy]\nstrict = true\n[tool.pyright]\n`, { ".flake8": "[flake8]\n" });
    expect(c.format).toEqual([]);
    expect(c.lint).toEqual(["uv run flake8 --extend-exclude .venv", "uv run mypy pkg", "uv run pyright"]);
    expect(c.linters).toEqual(["flake8", "mypy", "pyright"]);
  });
});

describe("projectCommands: what mypy is given to check", () => {
  it.each<[string, string, Record<string, string>, string[], string]>([
    ["its packages, where its settings name no files", "[tool.mypy]\nstrict = true\n", {}, ["pkg"], "uv run mypy pkg"],
    ["src layout: the package under src/", "[tool.mypy]\n", {}, ["src/pkg"], "uv run mypy src/pkg"],
    ["nothing, where [tool.mypy] names its files", '[tool.mypy]\nfiles = ["src"]\n', {}, ["src/pkg"], "uv run mypy"],
    ["nothing, where mypy.ini names its files", "", { "mypy.ini": "[mypy]\nfiles = pkg\n" }, ["pkg"], "uv run mypy"],
    [
      "its packages, where setup.cfg's files line is another section's",
      "",
      { "setup.cfg": "[mypy]\nstrict = True\n[mypy-tests.*]\nfiles = x\n" },
      ["pkg"],
      "uv run mypy pkg",
    ],
    ["the folder, where there is no package", "[tool.mypy]\n", {}, [], "uv run mypy ."],
  ])("%s", (_, settings, extra, packages, expected) => {
    expect(commands(`${PROJECT}${DEV}${settings}`, extra, packages).lint).toContain(expected);
  });
});

describe("projectCommands: setuptools' own package discovery in a flat layout", () => {
  const NOTE = /takes the new `spec\/` folder for one more and refuses to build/;
  it.each<[string, string, Record<string, string>, string[], boolean]>([
    ["flat, nothing named: said, with the include to write", "", {}, ["pkg"], true],
    ["packages.find names them", '[tool.setuptools.packages.find]\ninclude = ["pkg*"]\n', {}, ["pkg"], false],
    ["packages listed", '[tool.setuptools]\npackages = ["pkg"]\n', {}, ["pkg"], false],
    ["src layout: setuptools looks only in src/", "", {}, ["src/pkg"], false],
    ["a setup.py that may name them", "", { "setup.py": "" }, ["pkg"], false],
  ])("%s", (_, settings, extra, packages, said) => {
    const notes = commands(`${PROJECT}${settings}`, extra, packages).notes;
    expect(notes.some((n) => NOTE.test(n))).toBe(said);
    if (said) expect(notes.find((n) => NOTE.test(n))).toContain('`include = ["pkg*"]`');
  });
});

describe("projectCommands: a test runner in a Poetry or PDM group, which uv does not read", () => {
  it("adds the Poetry group's PyPI requirements, not its path or git ones, and runs its mypy", () => {
    const c = commands(
      `${PROJECT}[tool.mypy]\nfiles = ["pkg"]\n[tool.poetry.group.dev.dependencies]\npytest = ">=8"\npytest-mock = { version = ">=3.8" }\nmypy = "^1.18"\nlocal = { path = "../local" }\nfrom-git = { git = "https://example.com/x.git" }\n`,
    );
    expect(c.test).toEqual(["uv run --with pytest --with pytest-mock --with mypy pytest {{.CLI_ARGS}}"]);
    expect(c.lint).toContain("uv run --with pytest --with pytest-mock --with mypy mypy");
  });

  it("adds the PDM group's requirements, not an editable or URL one", () => {
    const c = commands(
      `${PROJECT}[tool.pdm.dev-dependencies]\ntest = ["pytest>=8", "pytest-cov", "-e file:///\${PROJECT_ROOT}/sub", "pkg @ https://example.com/pkg.whl"]\n`,
    );
    expect(c.test).toEqual(["uv run --with pytest --with pytest-cov pytest {{.CLI_ARGS}}"]);
    expect(c.notes.join("\n")).toContain(
      "adds the group's requirements from PyPI (`uv run --with pytest --with pytest-cov`)",
    );
  });
});

describe("projectCommands: a Poetry or PDM group at the versions its lock file holds", () => {
  it.each(["poetry.lock", "pdm.lock"])("%s", (lock) => {
    const group =
      lock === "poetry.lock"
        ? '[tool.poetry.group.dev.dependencies]\npytest = "^8"\nmypy = ">=1.18"\n'
        : '[tool.pdm.dev-dependencies]\ndev = ["pytest", "mypy"]\n';
    const locked =
      '[[package]]\nname = "mypy"\nversion = "1.19.0"\n\n[[package]]\nname = "pytest"\nversion = "8.4.2"\n\n[[package]]\nname = "bad"\nversion = "1; rm -rf ~"\n';
    const c = commands(`${PROJECT}[tool.mypy]\nfiles = ["pkg"]\n${group}`, { [lock]: locked });
    expect(c.test).toEqual(["uv run --with pytest==8.4.2 --with mypy==1.19.0 pytest {{.CLI_ARGS}}"]);
    expect(c.lint).toContain("uv run --with pytest==8.4.2 --with mypy==1.19.0 mypy");
  });
});

describe("projectCommands: black leaves out what the project's pre-commit hooks leave out", () => {
  const hooks = (exclude: string) =>
    `exclude: ${exclude}\nrepos:\n- repo: https://github.com/psf/black-pre-commit-mirror\n  rev: 26.5.1\n  hooks:\n  - id: black\n`;
  it.each([
    ["'src/pip/_vendor/'", "uv run --with black==26.5.1 black --check --extend-exclude 'src/pip/_vendor/' ."],
    ["^(docs|vendor)/", "uv run --with black==26.5.1 black --check --extend-exclude '^(docs|vendor)/' ."],
    ['"it\'s; rm -rf ~"', "uv run --with black==26.5.1 black --check ."],
  ])("exclude: %s", (exclude, expected) => {
    expect(commands(PROJECT, { ".pre-commit-config.yaml": hooks(exclude) }).lint).toContain(expected);
  });
});

describe("projectCommands: ruff format and Markdown (ruff 0.16 and later format its code blocks)", () => {
  const RUFF = '[dependency-groups]\ndev = ["ruff"]\n[tool.ruff.format]\nquote-style = "double"\n';
  it.each<[string, string, Record<string, string>, boolean]>([
    ["leaves Markdown out, as ruff's own hook does", RUFF, {}, false],
    ["formats it where [tool.ruff] includes it", `${RUFF}[tool.ruff]\nextend-include = ["*.md"]\n`, {}, true],
    ["formats it where ruff.toml includes it", RUFF, { "ruff.toml": 'extend-include = ["docs/*.md"]\n' }, true],
    [
      "formats it where a hook hands ruff Markdown",
      RUFF,
      { ".pre-commit-config.yaml": "  - id: ruff-format\n    types_or: [python, pyi, markdown]\n" },
      true,
    ],
    ["leaves it out where ruff.toml only excludes it", RUFF, { "ruff.toml": 'extend-exclude = ["x.md"]\n' }, false],
  ])("%s", (_, pyproject, extra, markdown) => {
    const c = commands(`${PROJECT}${pyproject}`, extra);
    const exclude = markdown ? "" : " --extend-exclude '*.md'";
    expect(c.lint).toEqual(["uv run ruff check --no-fix", `uv run ruff format${exclude} --check`]);
    expect(c.format).toEqual(["uv run ruff check --fix", `uv run ruff format${exclude}`]);
  });
});

describe("projectCommands: ruff older than 0.16 neither formats Markdown nor takes format --extend-exclude", () => {
  const RUFF = '[dependency-groups]\ndev = ["ruff"]\n[tool.ruff.format]\nquote-style = "double"\n';
  const hook = (rev: string) =>
    `repos:\n- repo: https://github.com/astral-sh/ruff-pre-commit\n  rev: v${rev}\n  hooks:\n  - id: ruff\n  - id: ruff-format\n`;
  const lock = (version: string) => `version = 1\n\n[[package]]\nname = "ruff"\nversion = "${version}"\nsource = {}\n`;
  it.each<[string, Record<string, string>, string]>([
    // itsdangerous pins 0.11.11: its task lint stopped at "unexpected argument '--extend-exclude'".
    [
      "a hook's pin below 0.16",
      { ".pre-commit-config.yaml": hook("0.11.11") },
      "uv run --with ruff==0.11.11 ruff format --check",
    ],
    [
      "a hook's pin of 0.16",
      { ".pre-commit-config.yaml": hook("0.16.0") },
      "uv run --with ruff==0.16.0 ruff format --extend-exclude '*.md' --check",
    ],
    [
      "the dev group's ruff as uv.lock holds it, below 0.16",
      { "uv.lock": lock("0.15.12") },
      "uv run ruff format --check",
    ],
    ["the same at 0.17", { "uv.lock": lock("0.17.5") }, "uv run ruff format --extend-exclude '*.md' --check"],
    ["no lock: the newest", {}, "uv run ruff format --extend-exclude '*.md' --check"],
  ])("%s", (_, extra, expected) => {
    expect(commands(`${PROJECT}${RUFF}`, extra).lint).toContain(expected);
  });
});
