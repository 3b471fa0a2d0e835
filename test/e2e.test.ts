/** The built bin, spawned as npm create would: stdin not a terminal, real files, real exit codes. */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TARGET_IDS } from "../src/targets/table.js";
import { bin, cli } from "./support/bin.js";
import { GIT_IDENTITY, tempDir } from "./support/context.js";

describe("the built bin", () => {
  it("generates a repository with --yes and exits 0", () => {
    const cwd = tempDir();
    const result = cli(["my-service", "--yes", "--no-git", "--no-install"], cwd);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(cwd, "my-service/.github/agents/backend-engineer.agent.md"))).toBe(true);
    expect(existsSync(join(cwd, "my-service/.gitignore"))).toBe(true);
  });

  it("initialises git with a first commit when git is there", () => {
    const cwd = tempDir();
    const git = ["-c", "user.name=T", "-c", "user.email=t@example.com"];
    const result = cli(["svc", "--yes", "--no-install"], cwd, GIT_IDENTITY);
    expect(result.status, result.stderr).toBe(0);
    const log = spawnSync("git", [...git, "log", "--oneline"], { cwd: join(cwd, "svc"), encoding: "utf8" });
    expect(log.stdout).toContain("Initial commit from create-spec-agent");
    const status = spawnSync("git", ["status", "--porcelain"], { cwd: join(cwd, "svc"), encoding: "utf8" });
    expect(status.stdout).toBe("");
  });

  it("--dry-run writes nothing", () => {
    const cwd = tempDir();
    const result = cli(["svc", "--yes", "--dry-run"], cwd);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Dry run");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("refuses a non-empty target with exit 2 and leaves it alone", () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    writeFileSync(join(cwd, "svc/keep.txt"), "mine");
    const result = cli(["svc", "--yes"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(join(cwd, "svc"))).toEqual(["keep.txt"]);
  });

  it.each(["class", "1password", "a/b", "..", "CON"])("refuses the name %s with exit 2 and one line", (name) => {
    const cwd = tempDir();
    const result = cli([name, "--yes"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("names the tool a typo in --agents meant and every valid id, with exit 2 and one line, writing nothing", () => {
    const cwd = tempDir();
    const result = cli(["svc", "--yes", "--agents", "copilot,Cluade"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(result.stderr).toContain('"Cluade" is not an AI tool we write for (did you mean claude?): use ');
    for (const id of TARGET_IDS) expect(result.stderr).toContain(id);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("never waits for input without a terminal: a missing folder is exit 2 naming the flag", () => {
    const result = cli([], tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--name");
  });

  it("finishes its work when the reader of its output goes away (EPIPE, as with | head)", async () => {
    const cwd = tempDir();
    const child = spawn(process.execPath, [bin, "svc", "--yes", "--no-git", "--no-install"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the read end closes long before the CLI's first write
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(existsSync(join(cwd, "svc/.spec-agent.json"))).toBe(true);
  });

  it.each([
    ["FORCE_COLOR=1", { FORCE_COLOR: "1" }, true],
    ["a pipe and no colour variable", {}, false],
    ["NO_COLOR=1", { NO_COLOR: "1" }, false],
  ])("paints its report in colour with %s: %s", (_label, env, coloured) => {
    const cwd = tempDir();
    const result = spawnSync(process.execPath, [bin, "svc", "--yes", "--no-git", "--no-install"], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: cwd, ...env },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Wrote ./svc");
    expect(result.stdout.includes("\u001b[")).toBe(coloured);
  });

  it("runs uv with the environment it was given, not its own one-thread setting", () => {
    const cwd = tempDir();
    const bin = join(cwd, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "uv"), `#!/bin/sh\nenv > "${join(cwd, "uv-env.txt")}"\n`);
    chmodSync(join(bin, "uv"), 0o755);
    const result = cli(["svc", "--yes", "--no-git"], cwd, { PATH: `${bin}:${process.env.PATH ?? ""}` });
    expect(result.status, result.stderr).toBe(0);
    const seen = readFileSync(join(cwd, "uv-env.txt"), "utf8");
    expect(seen).toContain(`PATH=${bin}:`);
    expect(seen).not.toContain("UV_THREADPOOL_SIZE");
  });

  it("--verbose shows the stack with our own function names and source lines, from the bin's source map", () => {
    const quiet = cli(["--nope"], tempDir());
    expect(quiet.stderr).toBe("error: unknown option --nope: run create-spec-agent --help to see the options\n");
    const verbose = cli(["--nope", "--verbose"], tempDir());
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(/^ {4}at unknownOption \(.*src\/options\/parse\.ts:\d+:\d+\)$/m);
    expect(verbose.stderr).toMatch(/^ {4}at parseArgs \(.*src\/options\/parse\.ts:\d+:\d+\)$/m);
    expect(verbose.stderr).not.toMatch(/(cli|main)\.cjs:/);
  });

  it("prints help and version", () => {
    const help = cli(["--help"], tempDir());
    expect(help.status).toBe(0);
    for (const flag of [
      "--name",
      "--package",
      "--description",
      "--author",
      "--python",
      "--no-git",
      "--no-install",
      "--yes",
      "--dry-run",
      "--force",
      "--version",
    ]) {
      expect(help.stdout).toContain(flag);
    }
    const version = cli(["--version"], tempDir());
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("answers help with where the help is, and creates no repository named help", () => {
    const cwd = tempDir();
    const result = cli(["help"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: "help" is not a command: run create-spec-agent --help (to create a folder of that name, give it as ./help)\n',
    );
    expect(existsSync(join(cwd, "help"))).toBe(false);
  });

  it("says in each command's help what that command defaults to and what its exit 1 means", () => {
    const help = (command: string) => cli([command, "--help"], tempDir()).stdout.replace(/\s+/g, " ");
    // update (and init in a repository we made) keeps the recorded tools: copilot,agents-md is create's default.
    expect(help("update")).toContain("default the tools .spec-agent.json records");
    expect(help("update")).not.toContain("default copilot,agents-md");
    expect(help("init")).toContain("default the tools .spec-agent.json records, else copilot,agents-md");
    expect(help("create")).toContain("default copilot,agents-md");
    // The README's exit codes: update exits 1 with conflicts, and update --check when behind.
    expect(help("update")).toContain(
      "1 failed while generating (or conflicts left to resolve; with --check, the repository is behind)",
    );
    expect(help("check")).toContain("1 failed while generating (or problems found)");
    expect(help("add")).toContain("1 failed while generating, 2 bad usage");
  });
});
