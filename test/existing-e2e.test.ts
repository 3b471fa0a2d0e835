/**
 * The built bin in repositories that exist (issue 13), spawned as a user runs
 * it: init twice, an owner's hand-edited files kept byte for byte, a clash
 * left alone with exit 0, --force, add, and check passing and failing.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outsideBlock } from "../src/core/merge/marked.js";
import { cli } from "./support/bin.js";
import { insertedInto } from "./support/bytes.js";
import { tempDir } from "./support/context.js";
import { OWNER, ownerRepo } from "./support/owner.js";
import { readTree } from "./support/tree.js";

const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");

describe("the built bin in a repository that exists", () => {
  it("init keeps every byte of the owner's, leaves the clash with exit 0, and a second init changes nothing", () => {
    const root = ownerRepo({ ...OWNER, "spec/plan/README.md": "# Our plans\n" });
    const first = cli(["init"], root);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("1 clash left alone");
    // The owner's own Taskfile is kept, not a clash: the rules name its tasks.
    expect(first.stdout).toContain("clash, left as it is: spec/plan/README.md");
    expect(first.stdout).toContain("your Taskfile.yml is kept");
    expect(read(root, "Taskfile.yml")).toBe(OWNER["Taskfile.yml"]);
    expect(read(root, "README.md")).toBe(OWNER["README.md"]);
    expect(outsideBlock(read(root, "AGENTS.md")).startsWith(OWNER["AGENTS.md"])).toBe(true);
    expect(insertedInto(OWNER[".vscode/mcp.json"], read(root, ".vscode/mcp.json"))).toBe(true);
    expect(read(root, ".vscode/mcp.json")).toContain("// GitHub, by hand");
    expect(read(root, ".gitignore").startsWith(OWNER[".gitignore"])).toBe(true);

    const before = readTree(root);
    const second = cli(["init"], root);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^✔ the current folder already has the preset: nothing changed/);
    expect(readTree(root)).toEqual(before);
  });

  it("init --force overwrites the clash; --dry-run writes nothing", () => {
    const root = ownerRepo({ ...OWNER, "spec/plan/README.md": "# Our plans\n" });
    const before = readTree(root);
    const dry = cli(["init", "--dry-run"], root);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/\d+ files: \d+ new, 3 merged, 0 identical, 1 clash\./);
    expect(readTree(root)).toEqual(before);
    const forced = cli(["init", "--force"], root);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("overwritten: Taskfile.yml");
    // The owner declares no test runner and no [build-system]: pytest is added, and run from the root.
    expect(read(root, "Taskfile.yml")).toContain("uv run --with pytest python -m pytest");
  });

  it("adds a plan, a task and a note, and check passes, then names a broken link and a missing file", () => {
    const root = ownerRepo({ "README.md": "# Ours\n" });
    expect(cli(["init", "--yes"], root).status).toBe(0);
    expect(cli(["add", "plan", "Export reports"], root).status).toBe(0);
    expect(cli(["add", "task", "Parse input", "--plan", "export-reports"], root).status).toBe(0);
    expect(cli(["add", "context", "Rates"], root).status).toBe(0);
    expect(read(root, "spec/task/001-parse-input.md")).toContain("(../plan/export-reports.md)");
    const healthy = cli(["check"], root);
    expect(healthy.stderr).toBe("");
    expect(healthy.status).toBe(0);

    rmSync(join(root, "spec/plan/README.md"));
    const broken = cli(["check"], root);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^spec\/context\/README\.md:\d+: link \.\.\/plan\/README\.md points nowhere/m);
    expect(broken.stderr).toMatch(/^error: \d+ problems in the current folder: fix them and run check again\n$/);
    rmSync(join(root, "Taskfile.yml"));
    expect(cli(["check", "--json"], root).stdout).toContain(
      '"message": "there is no Taskfile.yml: run init to add one"',
    );
  });

  it("check passes on a fresh create", () => {
    const cwd = tempDir();
    expect(cli(["svc", "--yes", "--no-git", "--no-install"], cwd).status).toBe(0);
    const result = cli(["check"], join(cwd, "svc"));
    expect(result.stdout).toMatch(/no problems/);
    expect(result.status).toBe(0);
  });
});

describe("a clash init leaves alone is the owner's, not ours (issue 27)", () => {
  const CI = "name: ours\non: push\njobs: {}\n";
  const TASKFILE = "version: '3'\ntasks:\n  hello:\n    cmds: [echo hi]\n";
  const record = (root: string) => JSON.parse(read(root, ".spec-agent.json"));

  it.each([
    ["without a pyproject.toml (its own Taskfile.yml a clash)", { "AGENTS.md": "# Ours\n", "Taskfile.yml": TASKFILE }],
    ["with its own Python project", { ...OWNER }],
  ])("%s: update --dry-run and update say nothing of them and change no byte", (_name, files) => {
    const root = ownerRepo({ ...files, ".github/workflows/ci.yml": CI });
    const init = cli(["init", "--yes"], root);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("clash, left as it is: .github/workflows/ci.yml");
    const theirs = record(root).theirs as string[];
    expect(theirs).toContain(".github/workflows/ci.yml");
    for (const path of theirs) expect(Object.keys(record(root).files)).not.toContain(path);
    const before = readTree(root);

    const dry = cli(["update", "--dry-run"], root);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("every file is up to date: nothing to do");
    for (const path of theirs) expect(dry.stdout).not.toContain(path);
    const update = cli(["update"], root);
    expect(update.status, update.stderr).toBe(0);
    for (const path of theirs) expect(update.stdout).not.toContain(path);
    expect(readTree(root)).toEqual(before);
    expect(read(root, ".github/workflows/ci.yml")).toBe(CI);
  });

  it("a Taskfile of its own kept without a Python project of its own: init and check name the tasks the rules need, and what to do", () => {
    const root = ownerRepo({ "Taskfile.yml": TASKFILE });
    const init = cli(["init", "--yes"], root);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(
      "your Taskfile.yml is kept, without the tasks install, run, test, lint, format that the rules name: add them (check lists what is missing)",
    );
    const check = cli(["check"], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      "Taskfile.yml:2: missing the tasks install, run, test, lint, format: AGENTS.md names them; add them to Taskfile.yml\n",
    );
  });

  it("check passes after init and update", () => {
    const root = ownerRepo({ "README.md": "# Ours\n", ".github/workflows/ci.yml": CI });
    expect(cli(["init", "--yes"], root).status).toBe(0);
    expect(cli(["update"], root).status).toBe(0);
    const check = cli(["check"], root);
    expect(check.stdout + check.stderr).not.toContain("ci.yml");
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it("init --force writes ours over the clash, and records it as ours", () => {
    const root = ownerRepo({ ...OWNER, ".github/workflows/ci.yml": CI });
    expect(cli(["init", "--yes", "--force"], root).status).toBe(0);
    expect(record(root).theirs).toBeUndefined();
    expect(record(root).files[".github/workflows/ci.yml"]).toBe(read(root, ".github/workflows/ci.yml"));
  });

  it("a second init keeps them the owner's; once the owner removes one, init writes ours and records it", () => {
    const root = ownerRepo({ ...OWNER, ".github/workflows/ci.yml": CI });
    expect(cli(["init", "--yes"], root).status).toBe(0);
    const again = cli(["init", "--yes"], root);
    expect(again.stdout).toContain("nothing changed");
    expect(record(root).theirs).toEqual([".github/workflows/ci.yml"]);
    rmSync(join(root, ".github/workflows/ci.yml"));
    expect(cli(["init", "--yes"], root).status).toBe(0);
    expect(record(root).theirs).toBeUndefined();
    expect(record(root).files[".github/workflows/ci.yml"]).toBe(read(root, ".github/workflows/ci.yml"));
  });
});
