/**
 * init in real projects of other languages (test/fixtures/other-languages: a Go module, a Node package, a
 * Maven project): it exits 0, check passes, every file it writes names the project's own commands and
 * no Python tool (uv, ruff, pytest, pip, mypy, a src layout, our `task` tasks), and none of Python's files.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { DEFAULT_DESCRIPTION } from "../src/options/table.js";
import { GIT_IDENTITY, runCli, tempDir } from "./support/context.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "other-languages");
const DOTTED = new Set(["gitignore", "gitattributes"]);

const git = (root: string, ...args: string[]): string =>
  spawnSync("git", args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY }, encoding: "utf8" }).stdout;

/** The fixture as a git repository with one commit, as a team has it (in a folder of that name, if given). */
function repository(project: string, folder?: string): string {
  const root = folder === undefined ? tempDir() : join(tempDir(), folder);
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(join(FIXTURES, project)))
    writeFileSync(join(root, DOTTED.has(name) ? `.${name}` : name), readFileSync(join(FIXTURES, project, name)));
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "theirs");
  return root;
}

/** What a Python rule set would say, and nothing of it may appear in another language's repository. */
const PYTHON = /\buv\b|\bruff\b|pytest|\bmypy\b|\bpip\b|src layout|python|`task [a-z]/i;

const ALL_AGENTS = "copilot,agents-md,claude,cursor,gemini,codex";

describe("init in a repository of another language", () => {
  it.each([
    [
      "uuid",
      "Go",
      ["`go test ./...`", "`go vet ./...`", "`go build ./...`"],
      "`go test ./...` and `go vet ./...` must both pass",
    ],
    ["slugify", "Node.js", ["`npm test`"], "`npm test` must pass"],
    ["jsoup", "Maven", ["`mvn -B test`", "`mvn -B package -DskipTests`"], "`mvn -B test` must pass"],
  ])(
    "%s: rules with its own commands and no Python tool, and check passes",
    async (project, kind, commands, mustPass) => {
      const root = repository(project);
      const result = await runCli(["init", "--yes", "--agents", ALL_AGENTS], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`this is a ${kind} project`);
      const written = Object.keys(JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8")).files) as string[];
      for (const file of written) {
        const text = readFileSync(join(root, file), "utf8");
        expect(text.match(PYTHON)?.[0], file).toBeUndefined();
      }
      for (const path of [
        "pyproject.toml",
        ".python-version",
        `src/${project}`,
        "tests",
        "Taskfile.yml",
        ".github/instructions/python.instructions.md",
        ".cursor/rules/python.mdc",
        ".github/workflows/ci.yml",
        ".github/workflows/copilot-setup-steps.yml",
      ])
        expect(written.includes(path) || existsSync(join(root, path)), path).toBe(false);
      const rules = readFileSync(join(root, "AGENTS.md"), "utf8");
      for (const command of commands) expect(rules).toContain(command);
      expect(rules).toContain(mustPass);
      expect(readFileSync(join(root, ".github/agents/backend-engineer.agent.md"), "utf8")).toContain(
        "principal-level backend engineer",
      );
      const checked = await runCli(["check"], { cwd: root });
      expect(checked.code, checked.stdout).toBe(0);
      // update plans the same: no Python file comes back with it.
      git(root, "add", "-A");
      git(root, "commit", "-qm", "init");
      const updated = await runCli(["update", "--yes"], { cwd: root });
      expect(updated.code, updated.stderr).toBe(0);
      expect(git(root, "status", "--porcelain")).toBe("");
    },
  );

  it("writes a README of the project's own commands where it has none, and nothing of Python's in it", async () => {
    const root = repository("uuid");
    rmSync(join(root, "README.md"));
    git(root, "commit", "-qam", "no README");
    const result = await runCli(["init", "--yes", "--agents", ALL_AGENTS], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toMatch(/^# [^\n]+\n\n`[^`]+` is a Go project \(`go.mod` at the root\)/);
    expect(readme).toContain("| `go test ./...` | runs the tests (from `go.mod`) |");
    expect(readme.match(PYTHON)?.[0]).toBeUndefined();
    // Neither the preset's description nor the workflows and dependabot that are not written here.
    expect(readme).not.toContain(DEFAULT_DESCRIPTION);
    expect(readme).not.toMatch(/dependabot|workflows|## Requirements|\(below\)/);
    const checked = await runCli(["check"], { cwd: root });
    expect(checked.code, checked.stdout).toBe(0);
    git(root, "add", "-A");
    git(root, "commit", "-qm", "init");
    expect((await runCli(["update", "--yes"], { cwd: root })).code).toBe(0);
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it.each(["readme.md", "README.rst"])("writes no README.md of ours beside the project's own %s", async (name) => {
    const root = tempDir();
    writeFileSync(join(root, "pyproject.toml"), '[project]\nname = "theirs"\nversion = "1.0"\n');
    writeFileSync(join(root, name), "Theirs\n");
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    expect(readdirSync(root).filter((entry) => /^readme/i.test(entry))).toEqual([name]);
  });

  it("names the team's make targets and Taskfile tasks before the manifest's own commands", async () => {
    const root = repository("uuid");
    writeFileSync(
      join(root, "Makefile"),
      "GO ?= go\ntest: deps\n\t$(GO) test -race ./...\nlint:\n\tgolangci-lint run\n",
    );
    writeFileSync(join(root, "Taskfile.yml"), "version: '3'\ntasks:\n  fmt:\n    cmds: [gofumpt -w .]\n");
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    const rules = readFileSync(join(root, "AGENTS.md"), "utf8");
    expect(rules).toContain("| `make test` | runs the tests (from `Makefile`) |");
    expect(rules).toContain("| `make lint` | checks the code (from `Makefile`) |");
    expect(rules).toContain("| `task fmt` | formats the code (from `Taskfile.yml`) |");
    expect(rules).toContain("| `go build ./...` | builds the project (from `go.mod`) |");
    expect(rules).toMatch(/^Makefile +the team's make targets$/m);
    expect(rules).toMatch(/^Taskfile\.yml +the team's tasks$/m);
    expect((await runCli(["check"], { cwd: root })).code).toBe(0);
  });

  it("says which jobs the project's files name no command for", async () => {
    const root = tempDir();
    writeFileSync(join(root, "Gemfile"), "source 'https://rubygems.org'\n");
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const rules = readFileSync(join(root, "AGENTS.md"), "utf8");
    expect(rules).toContain(
      "The project's files name no command to install the dependencies, build, test, lint and format",
    );
    expect(rules).toContain("The project's files name no test command: ask the team");
    expect((await runCli(["check"], { cwd: root })).code).toBe(0);
  });
});

describe("the name of a project in another language", () => {
  const bin = join(packageRoot, "dist/cli.cjs");
  const cli = (root: string, ...args: string[]) => {
    const ran = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CI: "1" },
    });
    return { code: ran.status, output: ran.stdout + ran.stderr };
  };
  // No Python distribution or package is made of it: `owner+uuid` (a fetched repository's folder) and
  // `slugify_` are no PEP 508 names, `2fa` no import package; each is the project's name all the same.
  it.each([
    ["owner+uuid", "uuid"],
    ["2fa", "uuid"],
    ["slugify_", "slugify"],
  ])("a folder named %j (%s): init names it, check and update pass", (folder, project) => {
    const root = repository(project, folder);
    const init = cli(root, "init", "--yes");
    expect(init.code, init.output).toBe(0);
    expect(readFileSync(join(root, "AGENTS.md"), "utf8")).toContain(`\`${folder}\` is a`);
    expect(cli(root, "check").code).toBe(0);
    git(root, "add", "-A");
    git(root, "commit", "-qm", "init");
    const update = cli(root, "update");
    expect(update.code, update.output).toBe(0);
    expect(git(root, "status", "--porcelain")).toBe("");
  });
  it("still refuses a name with a backtick, which would break the rules' code span", () => {
    const root = repository("uuid");
    const init = cli(root, "init", "--yes", "--name", "a`b");
    expect(init.code).toBe(2);
    expect(init.output).toContain("without a backtick");
  });
});
