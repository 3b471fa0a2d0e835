/**
 * init into each real project of the corpus (test/fixtures/projects): the
 * rules it writes state what the project declares and nothing the facts
 * contradict (the preset's Python, layout, entry point, version, ruff rules),
 * and every project path they name exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { taskNames } from "../src/commands/owner-project.js";
import { readProjectFacts } from "../src/core/project-facts.js";
import { DEFAULT_PYTHON } from "../src/options/table.js";
import { runCli, tempDir } from "./support/context.js";
import { CORPUS, projectSources } from "./support/projects.js";
import { readTree } from "./support/tree.js";

const RULE_FILES = [
  "AGENTS.md",
  ".github/copilot-instructions.md",
  ".github/instructions/python.instructions.md",
  ".github/agents/backend-engineer.agent.md",
  "CLAUDE.md",
  ".claude/agents/backend-engineer.md",
  ".agents/skills/spec-implement/SKILL.md",
  "Taskfile.yml",
  "README.md",
];

function projectTree(project: string): string {
  const root = tempDir();
  mkdirSync(join(root, ".git"));
  const { files, read } = projectSources(project);
  for (const path of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), read(path) ?? "");
  }
  return root;
}

/** Paths in backticks that name a file or folder of the project: `src/click/`, `marko/__init__.py`. */
const namedPaths = (text: string): string[] =>
  [...text.matchAll(/(?<!no )`([\w.-]+(?:\/[\w.-]+)*\/?)`/g)]
    .map((m) => m[1] as string)
    .filter(
      (p) =>
        (p.includes("/") || /\.(py|toml|cfg|ini|ya?ml)$/.test(p)) &&
        !/^(spec|\.github|\.agents|\.claude|\.vscode|\.cursor|\.gemini|\.codex)\//.test(p),
    )
    .filter((p) => !p.startsWith("tests/test_") && !p.includes("NNN") && p !== "spec/task/NNN-slug.md");

describe("init writes rules that are true of a real project", () => {
  it.each(CORPUS)("%s", async (project) => {
    const facts = readProjectFacts(projectSources(project));
    const root = projectTree(project);
    // Without a README of its own, init writes one: it must be as true as the rules.
    for (const name of readdirSync(root)) if (/^readme/i.test(name)) rmSync(join(root, name));
    const result = await runCli(["init", "--yes", "--agents", "copilot,agents-md,claude"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const written = RULE_FILES.filter((f) => existsSync(join(root, f))).map(
      (f) => [f, readFileSync(join(root, f), "utf8")] as const,
    );
    expect(written.length).toBeGreaterThan(6);
    const all = written.map(([, text]) => text).join("\n");

    // Python: the project's lowest, or that none is declared; never the preset's 3.13.
    if (facts.lowestPython !== "3.13") expect(all).not.toMatch(/Python 3\.13/);
    if (facts.lowestPython && facts.newestPython) expect(all).toContain(`Python ${facts.lowestPython} to`);
    else if (facts.lowestPython) expect(all).toContain(`Python ${facts.lowestPython} or newer`);
    else expect(all).toContain("no `requires-python` is declared");
    // CI sets up a Python the project admits: its lowest, raised to the oldest supported; its own
    // .python-version where it keeps one (setup-python fails on a version file that is not there).
    const ci = readFileSync(join(root, ".github/workflows/ci.yml"), "utf8");
    const { python } = JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8")).answers;
    const lowest = facts.lowestPython === undefined ? undefined : Number(facts.lowestPython.split(".")[1]);
    expect(python).toBe(lowest === undefined ? DEFAULT_PYTHON : `3.${Math.max(lowest, 10)}`);
    if (facts.pythonVersionFile) expect(ci).toContain("python-version-file: .python-version");
    else expect(ci).toContain(`python-version: "${python}"`);
    // Layout, entry point, version, lint rules: only what the project says.
    if (facts.layout !== "src") expect(all).not.toMatch(/src layout|in `src\/`/);
    expect(all).not.toContain(".cli:main`, installed");
    for (const script of facts.scripts) expect(all).toContain(script.target);
    if (facts.version.kind !== "static" || facts.version.value !== "0.1.0") expect(all).not.toContain("0.1.0");
    expect(all).not.toContain("rules E, F, I, UP, B, SIM");
    expect(all).not.toContain("rules `E`, `F`, `I`, `UP`, `B`, `SIM`");
    if (facts.tools.mypy === undefined) expect(all).not.toMatch(/mypy/);
    // Where the tests are: the folder pytest's testpaths names (pluggy's `testing/`), never a `tests/` it lacks.
    if (facts.tests.folder !== undefined) expect(all).toContain(`pytest in \`${facts.tests.folder}/\``);
    if (facts.tests.folder !== "tests") expect(all).not.toMatch(/pytest in `tests\/`|^tests\/ +tests$/m);
    expect(all).not.toContain("cli.py");
    // The Taskfile has a run task exactly when the project has a command, and the rules say so.
    const taskfile = readFileSync(join(root, "Taskfile.yml"), "utf8");
    const hasCommand = facts.scripts.length > 0 || facts.mainPackages.length > 0;
    expect(taskfile.includes("\n  run:\n")).toBe(hasCommand);
    expect(all.includes("task run")).toBe(hasCommand);
    expect(all).not.toContain("declared in nowhere");
    // Tests run with what the project lists for them, where uv sync does not read it (httpx's requirements.txt).
    if (facts.tests.declared?.kind === "requirements")
      expect(taskfile).toContain(`uv run --with-requirements ${facts.tests.declared.name} pytest`);
    // The formatter the project checks with is checked by `task lint` too, and so is each linter it has.
    for (const linter of ["ruff", "black", "flake8", "isort"] as const)
      if (facts.tools[linter] !== undefined) expect(taskfile).toContain(` ${linter} `);
    expect(/ruff format .*--check/.test(taskfile)).toBe(facts.ruffFormats);
    // check holds the Taskfile to the tasks the rules name: a library without `run` passes.
    const checked = await runCli(["check"], { cwd: root });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    // Every project path the rules name exists.
    for (const [file, text] of written)
      for (const path of namedPaths(text)) expect(existsSync(join(root, path)), `${file} names ${path}`).toBe(true);
  });
});

const hasGit = spawnSync("git", ["--version"]).status === 0;

describe("init and the project's .gitignore", () => {
  it.skipIf(!hasGit)(
    "names a written file that git ignores, the line that does it, and the fix (skipped without git)",
    async () => {
      const root = projectTree("files-to-prompt");
      rmSync(join(root, ".git"), { recursive: true });
      spawnSync("git", ["init", "-q"], { cwd: root });
      writeFileSync(join(root, ".gitignore"), "*.pyc\n.vscode/\n");
      // The real git, given its standard input as the CLI's exec gives it.
      const git = (command: string, args: readonly string[], cwd: string, input?: string) => {
        const ran = spawnSync(command, args, { cwd, input, encoding: "utf8" });
        return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
      };
      const result = await runCli(["init", "--yes"], { cwd: root, exec: git });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        "! .vscode/mcp.json is ignored by git (.gitignore:2: .vscode/), so it does not reach your team: write `.vscode/*` for `.vscode/`, so that `!.vscode/mcp.json` can bring it back",
      );
      expect(result.stdout).toContain("! .vscode/settings.json is ignored by git (.gitignore:2: .vscode/)");
      expect(result.stdout).not.toMatch(/AGENTS\.md is ignored/);
      // The fix it gives works: the files are no longer ignored.
      writeFileSync(
        join(root, ".gitignore"),
        readFileSync(join(root, ".gitignore"), "utf8").replace(".vscode/\n", ".vscode/*\n"),
      );
      expect(spawnSync("git", ["check-ignore", "-q", ".vscode/mcp.json"], { cwd: root }).status).toBe(1);
    },
  );
});

describe("init in a repository of another language", () => {
  it.each([
    ["pom.xml", "<project><artifactId>ours-java</artifactId></project>\n"],
    ["package.json", '{ "name": "ours-node" }\n'],
  ])("writes no Python skeleton and no Python tasks beside %s, and says so", async (manifest, text) => {
    const root = tempDir();
    mkdirSync(join(root, ".git"));
    writeFileSync(join(root, manifest), text);
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    for (const path of ["pyproject.toml", ".python-version", "src", "tests", "Taskfile.yml"])
      expect(existsSync(join(root, path)), path).toBe(false);
    expect(result.stdout).toContain(`project (${manifest} at the root, no pyproject.toml)`);
    expect(Object.keys(JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8")).files)).not.toContain(
      "Taskfile.yml",
    );
    expect(existsSync(join(root, "AGENTS.md"))).toBe(true);
  });
});

describe("init beside the team's own Taskfile", () => {
  it("keeps it, names its tasks in the rules (the commands where it has none), and check passes", async () => {
    const root = projectTree("files-to-prompt");
    const theirs = "version: '3'\ntasks:\n  tests:\n    cmds: [pytest]\n  check:\n    cmds: [ruff check]\n";
    writeFileSync(join(root, "Taskfile.yml"), theirs);
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, "Taskfile.yml"), "utf8")).toBe(theirs);
    expect(result.stdout).toContain("your Taskfile.yml is kept");
    const rules = readFileSync(join(root, "AGENTS.md"), "utf8");
    expect(rules).toContain("`task tests` and `task check` must both pass");
    expect(rules).toContain("| `task tests` | the team's own `tests` task (Taskfile.yml) |");
    expect(rules).toContain("| `uv sync --extra test` |");
    expect(rules).not.toMatch(/`task (install|test|lint|format)\b/);
    const agent = readFileSync(join(root, ".github/agents/backend-engineer.agent.md"), "utf8");
    expect(agent).toContain("- `task tests` — Run tests");
    expect(readFileSync(join(root, ".github/copilot-instructions.md"), "utf8")).toContain(
      "`task tests` and `task check`",
    );
    const checked = await runCli(["check"], { cwd: root });
    expect(checked.code, checked.stdout).toBe(0);
    // --force still replaces it with ours, and the rules then name ours.
    const forced = await runCli(["init", "--yes", "--force"], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(root, "Taskfile.yml"), "utf8")).toContain("\n  test:\n");
    expect(readFileSync(join(root, "AGENTS.md"), "utf8")).toContain("`task test` and `task lint` must both pass");
  });
});

describe("update after init in a real project", () => {
  it.each([
    ["its own tasks", undefined],
    ["the team's own Taskfile", "version: '3'\ntasks:\n  tests:\n    cmds: [pytest]\n"],
  ])("plans the project's rules again, and changes nothing (%s)", async (_label, taskfile) => {
    const root = projectTree("files-to-prompt");
    if (taskfile !== undefined) writeFileSync(join(root, "Taskfile.yml"), taskfile);
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    const before = readTree(root);
    const updated = await runCli(["update"], { cwd: root });
    expect(updated.code, updated.stdout + updated.stderr).toBe(0);
    expect(readTree(root)).toEqual(before);
  });
});

describe("taskNames", () => {
  it.each([
    [
      "version: '3'\ntasks:\n  build:\n    cmds: [make]\n  'test:unit':\n    cmds: [pytest]\nvars:\n  X: 1\n",
      ["build", "test:unit"],
    ],
    [
      "tasks:\n    lint:   # ours\n        cmds:\n          - ruff check\n\n    fmt: { cmds: [ruff format] }\n",
      ["lint", "fmt"],
    ],
    ["version: '3'\n", undefined],
  ])("reads the task names of %j", (text, names) => {
    expect(taskNames(text)).toEqual(names);
  });
});
