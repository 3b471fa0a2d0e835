/** The linters, formatters and type checkers a project configures, and where it says so. */
import type { ProjectSources, Tool } from "./project-shape.js";
import { TOOLS } from "./project-shape.js";
import { at, strings, type Table } from "./toml-table.js";

const SECTION = (names: string) => new RegExp(`^\\[(?:${names})(?:[-:.][^\\]]*)?\\]`, "m");

/** The config files that configure each tool, besides `[tool.<name>]` in pyproject.toml. */
const TOOL_FILES: Readonly<Record<Tool, readonly [string, RegExp | undefined][]>> = {
  ruff: [
    ["ruff.toml", undefined],
    [".ruff.toml", undefined],
  ],
  black: [],
  flake8: [
    [".flake8", undefined],
    ["setup.cfg", SECTION("flake8")],
    ["tox.ini", SECTION("flake8")],
  ],
  isort: [
    [".isort.cfg", undefined],
    ["setup.cfg", SECTION("isort|tool:isort")],
    ["tox.ini", SECTION("isort|tool:isort")],
  ],
  mypy: [
    ["mypy.ini", undefined],
    [".mypy.ini", undefined],
    ["setup.cfg", SECTION("mypy")],
  ],
  pyright: [["pyrightconfig.json", undefined]],
};

/**
 * Pre-commit hook ids, by their `- id:` lines (the file is YAML; ids are all we need of it), and for each local
 * hook's `entry:` (typer's `uv run ruff format --force-exclude`) the id the tool's own hook has: what it runs.
 */
const LAUNCHER = /^(?:(?:(?:uv|poetry|pdm|hatch|pipx)\s+run|uvx|python3?\s+-m)(?:\s+--?[\w-]+)*\s+)+/;

export function hookIds(yaml: string | undefined): string[] {
  if (yaml === undefined) return [];
  const ids = [...yaml.matchAll(/^\s*-?\s*id:\s*["']?([\w.-]+)/gm)].map((m) => m[1] as string);
  for (const entry of yaml.matchAll(/^\s*-?\s*entry:\s*["']?([^\n"'#]+)/gm)) {
    // The command past its launcher (`uv run --frozen`, `python -m`, `uvx`), never a word a script is given.
    const words = (entry[1] as string).trim().replace(LAUNCHER, "").split(/\s+/);
    const tool = words[0] ?? "";
    if (tool in HOOK_TOOL) ids.push(tool === "ruff" && words[1] === "format" ? "ruff-format" : tool);
  }
  return ids;
}

const HOOK_TOOL: Readonly<Record<string, Tool>> = {
  "ruff-check": "ruff",
  ruff: "ruff",
  "ruff-format": "ruff",
  black: "black",
  flake8: "flake8",
  isort: "isort",
  mypy: "mypy",
  pyright: "pyright",
};

export function toolsOf(
  data: Table,
  sources: ProjectSources,
  hooks: readonly string[],
  devTools: readonly Tool[],
): Partial<Record<Tool, string>> {
  const tools: Partial<Record<Tool, string>> = {};
  const has = new Set(sources.files);
  for (const tool of TOOLS) {
    if (at(data, `tool.${tool}`) !== undefined) {
      tools[tool] = "pyproject.toml";
      continue;
    }
    for (const [file, section] of TOOL_FILES[tool]) {
      if (!has.has(file)) continue;
      if (section === undefined || section.test(sources.read(file) ?? "")) {
        tools[tool] = file;
        break;
      }
    }
  }
  for (const hook of hooks) {
    const tool = HOOK_TOOL[hook];
    if (tool !== undefined) tools[tool] ??= ".pre-commit-config.yaml";
  }
  // A linter or formatter in the `dev` group, which `uv sync` installs, is one the team runs, with its defaults where
  // nothing configures it (llm's and sqlite-utils' black, run by their CI as `black --check .`). A type checker
  // needs to be told what to check: only a configured one is run.
  for (const tool of devTools) if (tool !== "mypy" && tool !== "pyright") tools[tool] ??= "pyproject.toml";
  return tools;
}

/** Whether the project's mypy settings name `files`: `[tool.mypy] files`, or `files =` in its ini section. */
export function mypyNamesFiles(data: Table, sources: ProjectSources, where: string | undefined): boolean {
  if (where === "pyproject.toml") return at(data, "tool.mypy.files") !== undefined;
  if (where === undefined || where === ".pre-commit-config.yaml") return false;
  const text = sources.read(where) ?? "";
  // The [mypy] section, up to the next section.
  const section = /^\[mypy\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? "";
  return /^files\s*[=:]/m.test(section);
}

/**
 * Whether ruff format must be told to leave Markdown out: ruff 0.16 and later format Markdown's code blocks (and
 * only they take `format --extend-exclude`), which the project's own checks never do unless its ruff settings
 * include `.md` or a hook hands ruff Markdown (`types_or: [python, markdown]`; ruff's own hook hands it
 * `[python, pyi]`). `version` is the ruff the tasks run where known (a hook's pin, the lock's), else the newest.
 */
export function ruffLeavesMarkdownOut(
  data: Table,
  sources: ProjectSources,
  hooks: string | undefined,
  version: string | undefined,
): boolean {
  const [major, minor] = (version ?? "").split(".").map(Number);
  if (major === 0 && minor !== undefined && minor < 16) return false;
  const settings = [at(data, "tool.ruff.include"), at(data, "tool.ruff.extend-include")].flatMap(strings);
  const file = ["ruff.toml", ".ruff.toml"].find((f) => sources.files.includes(f));
  const text = file === undefined ? "" : (sources.read(file) ?? "");
  return !(
    settings.some((glob) => /\.md\b/.test(glob)) ||
    /^\s*(?:extend-)?include\s*=[^\]]*\.md\b/m.test(text) ||
    /^\s*types(?:_or)?:[^\n]*\bmarkdown\b/m.test(hooks ?? "")
  );
}

const HOOK_REPOS: readonly [RegExp, Tool][] = [
  [/astral-sh\/ruff-pre-commit/i, "ruff"],
  [/psf\/black/i, "black"],
  [/pycqa\/flake8/i, "flake8"],
  [/pycqa\/isort/i, "isort"],
];

/**
 * The version each linter's pre-commit hook pins (`rev: v0.11.11`, or a frozen
 * hash with `# frozen: v0.11.11`): the version the project's own checks run.
 */
/**
 * The top-level `exclude:` of a pre-commit config: a regex of paths none of its hooks check (pip's
 * `src/pip/_vendor/`). Only one safe unquoted in a shell command, else none.
 */
export function hookExclude(yaml: string | undefined): string | undefined {
  const match = /^exclude:\s*(["']?)([^\n"']+)\1\s*$/m.exec(yaml ?? "");
  const regex = match?.[2]?.trim();
  return regex !== undefined && /^[\w/.|()^$*+?\\[\]{}-]+$/.test(regex) ? regex : undefined;
}

export function hookPins(yaml: string | undefined): Partial<Record<Tool, string>> {
  const pins: Partial<Record<Tool, string>> = {};
  for (const block of (yaml ?? "").split(/^\s*-\s*repo:/m).slice(1)) {
    const tool = HOOK_REPOS.find(([pattern]) => pattern.test(block.split("\n")[0] ?? ""))?.[1];
    const rev = /^\s*rev:\s*["']?([^\s"'#]+)["']?(?:\s*#\s*frozen:\s*(\S+))?/m.exec(block);
    const version = (rev?.[2] ?? rev?.[1])?.replace(/^v/, "");
    if (tool && version && /^\d+(\.\d+)*$/.test(version)) pins[tool] = version;
  }
  return pins;
}
