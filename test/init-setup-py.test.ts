/**
 * init in a Python project without pyproject.toml (test/fixtures/other-languages/six: setup.py, setup.cfg,
 * tox.ini). A pyproject.toml of ours beside its setup.py would take over its build (pip builds what
 * pyproject.toml declares: our src/six/ skeleton, not six.py), and the rules would describe that skeleton.
 * It gets the agent, the rules and spec/, with its own commands, and nothing of the skeleton.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GIT_IDENTITY, runCli, tempDir } from "./support/context.js";
import { readTree } from "./support/tree.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "other-languages", "six");

const git = (root: string, ...args: string[]): string =>
  spawnSync("git", args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY }, encoding: "utf8" }).stdout;

function repository(): string {
  const root = tempDir();
  for (const name of readdirSync(FIXTURE))
    writeFileSync(join(root, name === "gitignore" ? ".gitignore" : name), readFileSync(join(FIXTURE, name)));
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "theirs");
  return root;
}

describe("init in a Python project with setup.py and no pyproject.toml (six)", () => {
  it("writes no skeleton beside its setup.py, names its own tox, and a second init, check and update change nothing", async () => {
    const root = repository();
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("this is a Python (setup.py) project (setup.py at the root, no pyproject.toml)");
    for (const path of ["pyproject.toml", ".python-version", "src", "tests", "Taskfile.yml", ".github/workflows"])
      expect(existsSync(join(root, path)), path).toBe(false);
    for (const name of ["setup.py", "setup.cfg", "tox.ini", "LICENSE"])
      expect(readFileSync(join(root, name), "utf8"), name).toBe(readFileSync(join(FIXTURE, name), "utf8"));
    const rules = readFileSync(join(root, "AGENTS.md"), "utf8");
    expect(rules).toMatch(/`[^`]+` is a Python \(setup\.py\) project \(`setup\.py` at the root\)/);
    expect(rules).toContain("| `tox` | runs the tests (from `tox.ini`) |");
    expect(rules).toContain("`tox` must pass before any change is presented.");
    expect(rules).toMatch(/^tox\.ini +the tox environments$/m);
    // Nothing of the preset's Python project: no uv, no `task`, no src layout, no version of ours.
    expect(rules).not.toMatch(/\buv\b|`task [a-z]|src layout|src\/six|3\.13|0\.1\.0/);
    expect((await runCli(["check"], { cwd: root })).code).toBe(0);
    const before = readTree(root);
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    expect(readTree(root)).toEqual(before);
    git(root, "add", "-A");
    git(root, "commit", "-qm", "init");
    expect((await runCli(["update", "--yes"], { cwd: root })).code).toBe(0);
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it.each([
    ["Pipfile", "[packages]\n", "| `pipenv install --dev` | installs the dependencies (from `Pipfile`) |"],
    ["requirements.txt", "requests\n", "| `python -m pip install -r requirements.txt` | installs the dependencies"],
  ])("takes a root with only %s for a Python project of the team's too", async (file, text, row) => {
    const root = tempDir();
    writeFileSync(join(root, file), text);
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(root, "pyproject.toml"))).toBe(false);
    expect(readFileSync(join(root, "AGENTS.md"), "utf8")).toContain(row);
  });
});
