/** The generated project's own checks, run for real: ruff (wasm), pytest, its CLI, Taskfile and pyproject, links. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { uvBuildRequirement } from "../src/core/build-backend.js";
import { packageRoot } from "../src/io/package-info.js";
import { DEFAULT_ANSWERS, HARD_ANSWERS } from "./support/answers.js";
import { runCli, tempDir } from "./support/context.js";
import { NO_PYTHON, systemPython } from "./support/python.js";

const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require("@astral-sh/ruff-wasm-nodejs");

interface Pyproject {
  project: {
    name: string;
    description: string;
    authors?: { name: string }[];
    "requires-python": string;
    scripts: Record<string, string>;
  };
  "build-system": unknown;
  "dependency-groups": { dev: string[] };
  tool: { ruff: Record<string, unknown>; uv: { "build-backend": { "module-name": string } } };
}

interface RuffDiagnostic {
  code: string;
  message: string;
  start_location: { row: number };
}

const SEED = join(packageRoot, "../shared/seed/000_15cd937866934581.txt");
const RULE_BREAKER = join(packageRoot, "test/fixtures/python/breaks-each-rule.py");

/**
 * A ruff workspace for one file: ruff in WebAssembly checks text, not paths, so
 * the `per-file-ignores` that match `file` (an exact path or `dir/**`) join `ignore` here.
 */
function ruffFor(pyproject: Pyproject, file: string) {
  const minor = /^>=3\.(\d+)$/.exec(pyproject.project["requires-python"])?.[1];
  const { lint = {}, ...rest } = pyproject.tool.ruff as { lint?: Record<string, unknown> };
  const {
    "per-file-ignores": perFile = {},
    ignore = [],
    ...lintRest
  } = lint as {
    "per-file-ignores"?: Record<string, string[]>;
    ignore?: string[];
  };
  const matches = (pattern: string): boolean =>
    pattern.endsWith("/**") ? file.startsWith(pattern.slice(0, -2)) : pattern === file;
  const ignored = [
    ...ignore,
    ...Object.entries(perFile).flatMap(([pattern, codes]) => (matches(pattern) ? codes : [])),
  ];
  const settings = { ...rest, lint: { ...lintRest, ignore: ignored }, "target-version": `py3${minor}` };
  return new Workspace(settings, PositionEncoding.Utf16);
}

function filesUnder(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

function frontmatter(text: string): Record<string, unknown> | undefined {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return match ? parseYaml(match[1] as string) : undefined;
}

describe.each([
  ["default answers", DEFAULT_ANSWERS],
  ["hard answers", HARD_ANSWERS],
])("a project generated with %s", (_label, answers) => {
  let root = "";
  let files: string[] = [];
  const read = (path: string) => readFileSync(join(root, path), "utf8");

  beforeAll(async () => {
    const cwd = tempDir();
    const argv = [
      answers.name,
      "--yes",
      "--no-git",
      "--no-install",
      "--package",
      answers.package,
      "--description",
      answers.description,
      "--author",
      answers.author,
      "--python",
      answers.python,
    ];
    const result = await runCli(argv, { cwd });
    expect(result.stderr).toBe("");
    root = join(cwd, answers.name);
    files = filesUnder(root);
  });

  it("passes ruff check and ruff format --check with its own [tool.ruff] settings", () => {
    const pyproject = parseToml(read("pyproject.toml")) as unknown as Pyproject;
    const pythonFiles = files.filter((f) => f.endsWith(".py"));
    expect(pythonFiles.length).toBeGreaterThanOrEqual(4);
    for (const file of pythonFiles) {
      const workspace = ruffFor(pyproject, file);
      const source = read(file);
      const found: RuffDiagnostic[] = workspace.check(source);
      const diagnostics = found.map((d) => `${file}:${d.start_location.row} ${d.code} ${d.message}`);
      expect(diagnostics).toEqual([]);
      expect(workspace.format(source), `${file} is not formatted`).toBe(source);
    }
  });

  it("makes ruff enforce the agent's rules: docstrings, logging arguments, print, blind except, uncoded ignores", () => {
    const pyproject = parseToml(read("pyproject.toml")) as unknown as Pyproject;
    const codes = (file: string): string[] =>
      (ruffFor(pyproject, file).check(readFileSync(RULE_BREAKER, "utf8")) as RuffDiagnostic[]).map((d) => d.code);
    const inPackage = codes(`src/${answers.package}/breaks.py`);
    for (const code of ["D103", "G004", "T201", "BLE001", "PGH003", "PGH004"]) expect(inPackage).toContain(code);
    // The CLI may print; a test needs no docstring, but still no blind except.
    expect(codes(`src/${answers.package}/cli.py`)).not.toContain("T201");
    const inTests = codes("tests/test_breaks.py");
    expect(inTests).not.toContain("D103");
    expect(inTests).toContain("BLE001");
  });

  it.skipIf(!systemPython())(
    `passes its own tests with pytest ${systemPython() ? "" : `(skipped: ${NO_PYTHON})`}`,
    () => {
      const env = { ...process.env, PYTHONPATH: join(root, "src"), PYTHONDONTWRITEBYTECODE: "1", NO_COLOR: "1" };
      const pytest = spawnSync(systemPython() as string, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], {
        cwd: root,
        env,
        encoding: "utf8",
      });
      expect(pytest.stdout).toMatch(/\d+ passed/);
      expect(pytest.status).toBe(0);
      const help = spawnSync(systemPython() as string, ["-m", answers.package, "--help"], {
        cwd: root,
        env,
        encoding: "utf8",
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(answers.name);
      const version = spawnSync(systemPython() as string, ["-m", answers.package, "--version"], {
        cwd: root,
        env,
        encoding: "utf8",
      });
      // Not installed here: read from pyproject.toml (e2e:tools runs the installed one, and a bump).
      expect(version.stdout.trim()).toBe(`${answers.name} 0.1.0`);
    },
  );

  it("has a pyproject.toml that uv can use, with the answers verbatim", () => {
    const {
      project,
      "build-system": build,
      "dependency-groups": groups,
      tool,
    } = parseToml(read("pyproject.toml")) as unknown as Pyproject;
    expect(project.name).toBe(answers.name);
    expect(project.description).toBe(answers.description);
    expect(project.authors).toEqual([{ name: answers.author }]);
    expect(project["requires-python"]).toBe(`>=${answers.python}`);
    expect(project.scripts).toEqual({ [answers.name]: `${answers.package}.cli:main` });
    expect(build).toEqual({ requires: [uvBuildRequirement(undefined)], "build-backend": "uv_build" });
    expect(tool.uv["build-backend"]["module-name"]).toBe(answers.package);
    expect(groups.dev.join(" ")).toMatch(/pytest.*ruff.*mypy/);
    expect(read(".python-version")).toBe(`${answers.python}\n`);
    expect(read("README.md")).toContain(answers.description);
  });

  it("tells the agent where the version lives as the skeleton keeps it: pyproject.toml alone", () => {
    // __init__.py reads the installed metadata; a rule that puts the version there too would have the agent break that.
    expect(read(`src/${answers.package}/__init__.py`)).not.toMatch(/__version__ = "\d/);
    const rule = read("AGENTS.md")
      .split("\n")
      .find((line) => line.startsWith("- The version"));
    expect(rule).toContain("once, in `pyproject.toml`");
    expect(rule).toContain("uv version --bump");
    expect(rule).not.toMatch(/in both|change both/);
  });

  it("has a Taskfile whose tasks go through uv and keep go-task's variables", () => {
    const text = read("Taskfile.yml");
    expect(text.startsWith("# yaml-language-server: $schema=https://taskfile.dev/schema.json\nversion: '3'\n")).toBe(
      true,
    );
    const taskfile = parseYaml(text);
    for (const name of ["install", "run", "test", "lint", "format"]) {
      expect(taskfile.tasks[name].desc, name).toBeTruthy();
      expect(taskfile.tasks[name].preconditions[0].sh).toBe("command -v uv");
    }
    expect(taskfile.tasks.default).toMatchObject({ cmds: ["{{.TASK_EXE}} --list"], silent: true });
    expect(taskfile.tasks.run.cmds).toEqual([`uv run ${answers.name} {{.CLI_ARGS}}`]);
    expect(taskfile.tasks.test.cmds).toEqual(["uv run pytest {{.CLI_ARGS}}"]);
  });

  it("has Copilot files with only the keys Copilot knows", () => {
    const allowed: Record<string, string[]> = {
      ".agent.md": [
        "description",
        "name",
        "tools",
        "model",
        "argument-hint",
        "target",
        "handoffs",
        "user-invocable",
        "disable-model-invocation",
        "agents",
        "mcp-servers",
        "metadata",
        "hooks",
      ],
      ".instructions.md": ["applyTo", "description", "name", "excludeAgent"],
      ".prompt.md": ["description", "name", "argument-hint", "agent", "model", "tools"],
    };
    for (const file of files.filter((f) => f.startsWith(".github/"))) {
      const kind = Object.keys(allowed).find((suffix) => file.endsWith(suffix));
      const meta = frontmatter(read(file));
      if (!kind) {
        expect(meta, `${file} takes no frontmatter`).toBeUndefined();
        continue;
      }
      expect(meta, file).toBeDefined();
      for (const key of Object.keys(meta ?? {})) expect(allowed[kind], `${file}: ${key}`).toContain(key);
    }
    expect(frontmatter(read(".github/instructions/python.instructions.md"))?.applyTo).toBe("**/*.py");
    expect(files.some((f) => f.startsWith(".github/chatmodes"))).toBe(false);
  });

  it("has no relative Markdown link that points to nothing", () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".md"))) {
      const body = read(file)
        .replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, "")
        .replace(/`[^`\n]*`/g, "");
      for (const [, target] of body.matchAll(/(?<!!)\[[^\]\n]*\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:|^#/i.test(target as string)) continue;
        const path = (target as string).split("#")[0] as string;
        if (path.startsWith("/") || !existsSync(resolve(dirname(join(root, file)), path)))
          broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.skipIf(!existsSync(SEED))(
    `carries the seed agent line for line, changing only links, the project's name and the tool-set aliases${existsSync(SEED) ? "" : ` (skipped: ${SEED} is not there; it lives in ../shared beside this checkout)`}`,
    () => {
      const seed = readFileSync(SEED, "utf8").split("\n");
      const agent = read(".github/agents/backend-engineer.agent.md").split("\n");
      expect(agent).toHaveLength(seed.length);
      const changed = agent.flatMap((line, i) => (line === seed[i] ? [] : [line]));
      expect(changed).toHaveLength(6);
      // The tools line: the seed's, with the aliases GitHub.com and Copilot CLI need, and Copilot CLI's skill
      // tool (what its subagent runs a skill with: npm run e2e:clients), appended.
      const tools = seed.find((line) => line.startsWith("tools: ")) as string;
      expect(changed[0]).toBe(`${tools.slice(0, -1)}, 'read', 'edit', 'execute', 'web', 'skill']`);
      for (const line of changed.slice(1)) expect(line).toMatch(/\]\(\.\.\/|Working with|working on/);
      expect(agent.slice(0, 3)).toEqual(seed.slice(0, 3));
      expect(agent.slice(4, 6)).toEqual(seed.slice(4, 6));
    },
  );
});
