import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lowestPython, readProjectFacts } from "../src/core/project-facts.js";
import { realFileSystem } from "../src/io/fs.js";
import { projectSourcesAt } from "../src/io/project-files.js";
import { CORPUS, projectSources } from "./support/projects.js";

/** What each real project declares, checked by hand against its pyproject.toml and tree. */
const EXPECTED = {
  attrs: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "hatchling",
    layout: "src",
    packages: ["src/attr", "src/attrs"],
    mainPackages: [],
    scripts: [],
    version: { kind: "vcs", plugin: "hatch-vcs" },
    tests: { runner: "pytest", declared: { kind: "group", name: "dev" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml", pyright: "pyproject.toml" },
    runners: ["tox"],
  },
  cleo: {
    requiresPython: ">=3.9",
    lowestPython: "3.9",
    backend: "poetry",
    layout: "src",
    packages: ["src/cleo"],
    mainPackages: [],
    scripts: [],
    version: { kind: "static", value: "3.0.0.dev0" },
    tests: { runner: "pytest", declared: { kind: "poetry-group", name: "dev" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml" },
    runners: [],
  },
  click: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "flit",
    layout: "src",
    packages: ["src/click"],
    mainPackages: [],
    scripts: [],
    version: { kind: "static", value: "8.5.0.dev" },
    tests: { runner: "pytest", declared: { kind: "group", name: "tests" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml", pyright: "pyproject.toml" },
    runners: ["tox"],
  },
  "files-to-prompt": {
    requiresPython: ">=3.8",
    lowestPython: "3.8",
    backend: "none",
    layout: "flat",
    packages: ["files_to_prompt"],
    mainPackages: ["files_to_prompt"],
    scripts: [{ name: "files-to-prompt", target: "files_to_prompt.cli:cli" }],
    version: { kind: "static", value: "0.6" },
    tests: { runner: "pytest", declared: { kind: "extra", name: "test" }, folder: "tests" },
    tools: {},
    runners: [],
  },
  httpx: {
    requiresPython: ">=3.9",
    lowestPython: "3.9",
    backend: "hatchling",
    layout: "flat",
    packages: ["httpx"],
    mainPackages: [],
    scripts: [{ name: "httpx", target: "httpx:main" }],
    version: { kind: "file", path: "httpx/__version__.py" },
    // Its test and lint tools are pinned in requirements.txt, not in pyproject.toml.
    tests: { runner: "pytest", declared: { kind: "requirements", name: "requirements.txt" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml" },
    checkersDeclared: { mypy: { kind: "requirements", name: "requirements.txt" } },
    runners: [],
  },
  llm: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "setuptools",
    layout: "flat",
    packages: ["llm"],
    mainPackages: ["llm"],
    scripts: [{ name: "llm", target: "llm.cli:cli" }],
    version: { kind: "static", value: "0.32" },
    tests: { runner: "pytest", declared: { kind: "group", name: "dev" }, folder: "tests" },
    // black has no settings: its `dev` group declares it, and its CI and Justfile run `black --check .`.
    tools: { ruff: "ruff.toml", mypy: "mypy.ini", black: "pyproject.toml" },
    runners: [],
  },
  marko: {
    requiresPython: ">=3.9",
    lowestPython: "3.9",
    backend: "pdm",
    layout: "flat",
    packages: ["marko"],
    mainPackages: ["marko"],
    scripts: [{ name: "marko", target: "marko.cli:main" }],
    version: { kind: "file", path: "marko/__init__.py" },
    tests: { runner: "pytest", declared: { kind: "pdm-group", name: "dev" }, folder: "tests" },
    tools: {
      black: ".pre-commit-config.yaml",
      flake8: "setup.cfg",
      isort: "pyproject.toml",
      mypy: "pyproject.toml",
    },
    runners: ["nox"],
  },
  pip: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "flit",
    layout: "src",
    packages: ["src/pip"],
    mainPackages: ["src/pip"],
    scripts: [
      { name: "pip", target: "pip._internal.cli.main:main" },
      { name: "pip3", target: "pip._internal.cli.main:main" },
    ],
    version: { kind: "file", path: "src/pip/__init__.py" },
    tests: { runner: "pytest", declared: { kind: "group", name: "test" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", black: ".pre-commit-config.yaml", mypy: "pyproject.toml" },
    runners: ["nox"],
  },
  pluggy: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "setuptools",
    layout: "src",
    packages: ["src/pluggy"],
    mainPackages: [],
    scripts: [],
    version: { kind: "vcs", plugin: "setuptools-scm" },
    // tox.ini's [pytest] testpaths: its tests are in testing/, not tests/.
    tests: { runner: "pytest", declared: { kind: "group", name: "testing" }, folder: "testing" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml" },
    runners: ["tox"],
  },
  tqdm: {
    requiresPython: ">=3.8",
    lowestPython: "3.8",
    backend: "setuptools",
    layout: "flat",
    packages: ["tqdm"],
    mainPackages: ["tqdm"],
    scripts: [{ name: "tqdm", target: "tqdm.cli:main" }],
    version: { kind: "vcs", plugin: "setuptools-scm" },
    tests: { runner: "pytest", declared: undefined, folder: "tests" },
    tools: { flake8: "pyproject.toml", isort: "pyproject.toml" },
    runners: ["tox"],
  },
  typer: {
    requiresPython: ">=3.10",
    lowestPython: "3.10",
    backend: "pdm",
    layout: "flat",
    packages: ["typer"],
    mainPackages: ["typer"],
    scripts: [{ name: "typer", target: "typer.cli:main" }],
    version: { kind: "file", path: "typer/__init__.py" },
    tests: { runner: "pytest", declared: { kind: "group", name: "dev" }, folder: "tests" },
    tools: { ruff: "pyproject.toml", mypy: "pyproject.toml" },
    // Its pre-commit hooks are local ones: `entry: uv run ruff format --force-exclude --exit-non-zero-on-format`.
    ruffFormats: true,
    runners: [],
  },
  "uv-app": {
    requiresPython: ">=3.12",
    lowestPython: "3.12",
    backend: "uv",
    layout: "src",
    packages: ["src/example_app"],
    mainPackages: [],
    scripts: [{ name: "example-app", target: "example_app:main" }],
    version: { kind: "static", value: "0.1.0" },
    tests: { runner: undefined, declared: undefined, folder: undefined },
    tools: {},
    runners: [],
  },
} as const;

describe("readProjectFacts over real projects", () => {
  it("covers every project in the corpus, and every backend and layout", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CORPUS);
    const facts = CORPUS.map((p) => readProjectFacts(projectSources(p)));
    expect(new Set(facts.map((f) => f.backend))).toEqual(
      new Set(["setuptools", "hatchling", "flit", "poetry", "pdm", "uv", "none"]),
    );
    expect(new Set(facts.map((f) => f.layout))).toEqual(new Set(["src", "flat"]));
  });

  it.each(CORPUS)("%s", (project) => {
    const facts = readProjectFacts(projectSources(project));
    expect(facts).toMatchObject(EXPECTED[project as keyof typeof EXPECTED]);
    expect(facts.tools).toEqual(EXPECTED[project as keyof typeof EXPECTED].tools);
  });
});

describe("readProjectFacts by itself", () => {
  const facts = (
    pyproject: string,
    files: string[] = ["pyproject.toml"],
    read = (_: string) => undefined as string | undefined,
  ) => readProjectFacts({ pyproject, files, read });

  it("says nothing it was not told: no requires-python, no package, no scripts", () => {
    const f = facts('[project]\nname = "x"\nversion = "1.0"\n');
    expect(f).toMatchObject({ requiresPython: undefined, lowestPython: undefined, layout: "none", scripts: [] });
    expect(f.tests).toEqual({ runner: undefined, declared: undefined, folder: undefined });
  });

  it("reads Poetry's scripts, Python and version, and a bare [build-system] as setuptools", () => {
    const f = facts(
      '[build-system]\nrequires = ["setuptools"]\n[tool.poetry]\nname = "p"\nversion = "2.1"\n[tool.poetry.dependencies]\npython = "^3.11"\n[tool.poetry.scripts]\np = "p.cli:run"\n',
    );
    expect(f).toMatchObject({ backend: "setuptools", name: "p", version: { kind: "static", value: "2.1" } });
    expect(f.scripts).toEqual([{ name: "p", target: "p.cli:run" }]);
    expect(f.requiresPython).toBe("^3.11");
  });

  it("follows include-group without looping, and takes a file that does not parse for an empty one", () => {
    const groups = '[dependency-groups]\na = [{ include-group = "b" }]\nb = [{ include-group = "a" }, "pytest>8"]\n';
    expect(facts(groups).tests.declared).toEqual({ kind: "group", name: "a" });
    expect(facts("[project\nname=").backend).toBe("none");
  });

  it.each([
    ["  - id: local-ruff-format\n    entry: uv run ruff format --force-exclude\n", true, ["ruff"]],
    [
      "  - id: fmt\n    entry: 'python -m black'\n  - id: lint\n    entry: ruff check --fix\n",
      false,
      ["black", "ruff"],
    ],
    ["  - id: mine\n    entry: ./scripts/format.sh ruff format\n", false, []],
  ])("a local hook's entry names the tool it runs: %j", (yaml, ruffFormats, tools) => {
    const f = facts("", ["pyproject.toml", ".pre-commit-config.yaml"], (p) =>
      p === ".pre-commit-config.yaml" ? yaml : undefined,
    );
    expect(f.ruffFormats).toBe(ruffFormats);
    expect(Object.keys(f.tools)).toEqual(tools);
  });

  it.each([
    ["pytest.ini", "[pytest]\ntestpaths = testing\n", "testing"],
    ["pytest.ini", "[pytest]\naddopts = -q\ntestpaths =\n    it\n    testing\n[other]\n", "it"],
    ["tox.ini", "[tox]\nenv_list = py\n[pytest]\ntestpaths = testing\n", "testing"],
    ["setup.cfg", "[metadata]\nname = x\n[tool:pytest]\ntestpaths = ./testing/\n", "testing"],
    ["pyproject.toml", '[tool.pytest.ini_options]\ntestpaths = ["missing", "testing"]\n', "testing"],
    ["pyproject.toml", '[tool.pytest]\ntestpaths = ["src/x/tests"]\n', "src/x/tests"],
    // A path that is no folder here, or not a plain path, is passed over for the folder named for tests.
    ["tox.ini", "[pytest]\ntestpaths = t*/unit ../x\n", "tests"],
    ["setup.cfg", "[flake8]\ntestpaths = testing\n", "tests"],
  ])("the tests folder from %s's testpaths: %j gives %s", (file, text, folder) => {
    const files = ["pyproject.toml", file, "testing/test_a.py", "it/test_b.py", "tests/test_c.py", "src/x/tests/t.py"];
    const pyproject = file === "pyproject.toml" ? text : "";
    const f = facts(pyproject, files, (path) => (path === file ? text : undefined));
    expect(f.tests).toMatchObject({ runner: "pytest", folder });
  });

  it.each([
    [">=3.8", "3.8"],
    [">= 3.10, <4", "3.10"],
    ["~=3.12", "3.12"],
    ["<4", undefined],
    [undefined, undefined],
    // The lowest it admits, exclusions read; one that is not read gives the lowest named.
    [">=3.10,!=3.10.*", "3.11"],
    [">3.9", "3.9"],
    ["~3.11", "3.11"],
    [">=3.11,<3.11", undefined],
    [">=3.10rc1", "3.10"],
  ])("lowestPython(%s) = %s", (spec, lowest) => {
    expect(lowestPython(spec)).toBe(lowest);
  });
});

describe("listProjectFiles", () => {
  it.each(["marko", "pluggy"])(
    "lists a tree as the corpus does: the facts read from %s's folder are those of its listing",
    (project) => {
      const root = mkdtempSync(join(tmpdir(), "facts-"));
      try {
        const { files, read } = projectSources(project);
        for (const path of files) {
          mkdirSync(dirname(join(root, path)), { recursive: true });
          writeFileSync(join(root, path), read(path) ?? "");
        }
        mkdirSync(join(root, "node_modules", "x"), { recursive: true });
        writeFileSync(join(root, "node_modules", "x", "__init__.py"), "");
        const sources = projectSourcesAt(realFileSystem, root);
        expect(sources && readProjectFacts(sources)).toEqual(readProjectFacts(projectSources(project)));
        expect(projectSourcesAt(realFileSystem, join(root, "docs"))).toBeUndefined();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});

describe("readProjectFacts: uv.lock", () => {
  const read = (dev: string) => {
    const reads: string[] = [];
    const lock = '[[package]]\nname = "ruff"\nversion = "0.11.11"\n';
    const facts = readProjectFacts({
      pyproject: `[project]\nname = "p"\nversion = "1"\n[dependency-groups]\ndev = [${dev}]\n[tool.ruff.format]\n`,
      files: ["pyproject.toml", "uv.lock"],
      read: (path) => {
        reads.push(path);
        return path === "uv.lock" ? lock : undefined;
      },
    });
    return { reads, leavesMarkdownOut: facts.ruffLeavesMarkdownOut };
  };
  it("is read for the ruff the dev group installs, and only then (a lock runs to megabytes)", () => {
    expect(read('"ruff"')).toEqual({ reads: ["uv.lock"], leavesMarkdownOut: false });
    expect(read('"pytest"')).toEqual({ reads: [], leavesMarkdownOut: true });
  });
});
