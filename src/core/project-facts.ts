/**
 * What a Python project declares about itself, read and never guessed: its
 * lowest Python, layout and import packages, console scripts, version source,
 * test runner and where that runner is declared, the linters it configures,
 * and its build backend. init writes the rules and the tasks from these, so
 * a statement about the project is one it makes itself; what it does not say
 * stays unknown (undefined), never a default meant for a fresh project.
 * Pure: the files come as a listing and a reader (io/project-files.ts).
 */
import { parse } from "smol-toml";
import {
  checkersDeclared,
  devTools,
  lockedVersions,
  requirementName,
  requirementsFiles,
  testsOf,
} from "./project-requirements.js";
import { runnerChecks } from "./project-runners.js";
import type { Backend, ProjectFacts, ProjectSources, VersionSource } from "./project-shape.js";
import { hookExclude, hookIds, hookPins, mypyNamesFiles, ruffLeavesMarkdownOut, toolsOf } from "./project-tools.js";
import { admittedMinors, declaredRange } from "./requires-python.js";
import { at, strings, type Table, table, text } from "./toml-table.js";

export type { Backend, Declared, ProjectFacts, ProjectSources, Tool, VersionSource } from "./project-shape.js";
export { TOOLS } from "./project-shape.js";

/**
 * `>=3.8`, `>=3.10,<4`, `~=3.12`, `>= 3.9`, Poetry's `^3.9`: the lowest minor it admits (core/requires-python.ts);
 * undefined for none. A requirement that is not read there gives the lowest minor it names.
 */
export function lowestPython(spec: string | undefined): string | undefined {
  if (spec === undefined) return undefined;
  if (admittedMinors(spec, 0, 0) !== undefined) return declaredRange(spec)?.lowest;
  return /(?:>=|~=|==|\^)\s*(3\.\d{1,2})/.exec(spec)?.[1];
}

const BACKENDS: readonly [RegExp, Backend][] = [
  [/^setuptools\b/, "setuptools"],
  [/^hatchling\b/, "hatchling"],
  [/^flit_core\b|^flit\b/, "flit"],
  [/^poetry\.core\b|^poetry\.masonry\b/, "poetry"],
  [/^pdm\.backend\b|^pdm\.pep517\b/, "pdm"],
  [/^uv_build\b/, "uv"],
];

function backendOf(data: Table): Backend {
  const system = data["build-system"];
  if (system === undefined) return "none";
  const name = text(table(system)["build-backend"]);
  // PEP 517: a [build-system] without build-backend means setuptools' legacy backend.
  if (name === undefined) return "setuptools";
  return BACKENDS.find(([pattern]) => pattern.test(name))?.[1] ?? "other";
}

function scriptsOf(data: Table): { name: string; target: string }[] {
  const sources = [
    at(data, "project.scripts"),
    at(data, "project.entry-points.console_scripts"),
    at(data, "tool.poetry.scripts"),
  ];
  const scripts = new Map<string, string>();
  for (const source of sources)
    for (const [name, value] of Object.entries(table(source))) {
      // Poetry also takes `{ reference = "pkg.cli:main", type = "console" }`.
      const target = text(value) ?? text(table(value).reference);
      if (target !== undefined && !scripts.has(name)) scripts.set(name, target);
    }
  return [...scripts].map(([name, target]) => ({ name, target }));
}

function versionOf(data: Table, backend: Backend, packages: readonly string[]): VersionSource {
  const project = table(data.project);
  const version = text(project.version) ?? text(at(data, "tool.poetry.version"));
  if (version !== undefined && !strings(project.dynamic).includes("version")) return { kind: "static", value: version };
  const requires = strings(at(data, "build-system.requires")).map(requirementName);
  const hatch = table(at(data, "tool.hatch.version"));
  if (text(hatch.source) === "vcs" || requires.includes("hatch-vcs")) return { kind: "vcs", plugin: "hatch-vcs" };
  if (text(hatch.path) !== undefined) return { kind: "file", path: text(hatch.path) };
  const pdm = table(at(data, "tool.pdm.version"));
  if (text(pdm.source) === "scm") return { kind: "vcs", plugin: "pdm-backend (scm)" };
  if (text(pdm.source) === "file") return { kind: "file", path: text(pdm.path) };
  if (requires.includes("setuptools-scm") || "setuptools_scm" in table(data.tool))
    return { kind: "vcs", plugin: "setuptools-scm" };
  const attr = text(at(data, "tool.setuptools.dynamic.version.attr"));
  if (attr !== undefined) return { kind: "file", path: undefined };
  const file = strings(at(data, "tool.setuptools.dynamic.version.file"))[0];
  if (file !== undefined) return { kind: "file", path: file };
  // flit reads `__version__` from the module it builds.
  if (backend === "flit") {
    const pkg = packages[0];
    return { kind: "file", path: pkg === undefined ? undefined : `${pkg}/__init__.py` };
  }
  return { kind: "unknown" };
}

/** Folders holding `__init__.py`, one level below the root or below `src/`, from the listing. */
function packagesOf(files: readonly string[]): { layout: ProjectFacts["layout"]; packages: string[]; mains: string[] } {
  const isPackage = (dir: string) => files.includes(`${dir}/__init__.py`);
  const dirsWith = (re: RegExp) => files.map((f) => re.exec(f)?.[1]).filter((d): d is string => d !== undefined);
  const inSrc = dirsWith(/^(src\/[A-Za-z_][\w]*)\/__init__\.py$/);
  const atRoot = dirsWith(/^([A-Za-z_][\w]*)\/__init__\.py$/).filter((d) => !NOT_PACKAGES.has(d));
  const packages = inSrc.length > 0 ? inSrc : atRoot;
  const layout = inSrc.length > 0 ? "src" : atRoot.length > 0 ? "flat" : "none";
  return { layout, packages, mains: packages.filter((p) => isPackage(p) && files.includes(`${p}/__main__.py`)) };
}

/** Root folders with `__init__.py` that are not what a project ships. */
const NOT_PACKAGES = new Set([
  "tests",
  "test",
  "testing",
  "docs",
  "benchmarks",
  "bench",
  "tools",
  "scripts",
  "examples",
]);

function parseOrEmpty(source: string): Table {
  try {
    return table(parse(source));
  } catch {
    return {};
  }
}

export function readProjectFacts(sources: ProjectSources): ProjectFacts {
  const data = parseOrEmpty(sources.pyproject);
  const project = table(data.project);
  const requiresPython = text(project["requires-python"]) ?? text(at(data, "tool.poetry.dependencies.python"));
  const backend = backendOf(data);
  const { layout, packages, mains } = packagesOf(sources.files);
  const hooksText = sources.files.includes(".pre-commit-config.yaml")
    ? sources.read(".pre-commit-config.yaml")
    : undefined;
  const hooks = hookIds(hooksText);
  const dev = devTools(data);
  const tools = toolsOf(data, sources, hooks, dev);
  // Poetry's and PDM's groups are installed by uv's --with: at the versions their lock file holds.
  const lockFile = ["poetry.lock", "pdm.lock"].find((file) => sources.files.includes(file));
  const locked = lockedVersions(lockFile === undefined ? undefined : sources.read(lockFile));
  const pins = hookPins(hooksText);
  // The ruff the tasks run (core/project-commands.ts): the hook's pin, else the dev group's as uv.lock holds it
  // (read only then: a lock runs to megabytes), else the newest.
  const ruffRun =
    pins.ruff ??
    (dev.includes("ruff") && sources.files.includes("uv.lock")
      ? lockedVersions(sources.read("uv.lock")).get("ruff")
      : undefined);
  const runners: ("tox" | "nox")[] = [];
  if (["tox.ini", "tox.toml"].some((f) => sources.files.includes(f)) || at(data, "tool.tox") !== undefined)
    runners.push("tox");
  if (sources.files.includes("noxfile.py")) runners.push("nox");
  return {
    name: text(project.name) ?? text(at(data, "tool.poetry.name")),
    requiresPython,
    lowestPython: lowestPython(requiresPython),
    newestPython: declaredRange(requiresPython)?.newest,
    pythonVersionFile: sources.files.includes(".python-version"),
    backend,
    layout,
    packages,
    mainPackages: mains,
    scripts: scriptsOf(data),
    version: versionOf(data, backend, packages),
    tests: testsOf(data, sources, locked),
    tools,
    mypyFiles: mypyNamesFiles(data, sources, tools.mypy),
    setuptoolsFindsFlat:
      backend === "setuptools" &&
      layout !== "src" &&
      at(data, "tool.setuptools.packages") === undefined &&
      at(data, "tool.setuptools.py-modules") === undefined &&
      !sources.files.includes("setup.py") &&
      !sources.files.includes("setup.cfg"),
    ruffFormats: at(data, "tool.ruff.format") !== undefined || hooks.includes("ruff-format"),
    ruffLeavesMarkdownOut: ruffLeavesMarkdownOut(data, sources, hooksText, ruffRun),
    preCommitHooks: hooks,
    checkersDeclared: checkersDeclared(data, locked, requirementsFiles(sources)),
    pins,
    hookExclude: hookExclude(hooksText),
    devTools: dev,
    runners,
    runnerChecks: runnerChecks(data, sources),
  };
}
