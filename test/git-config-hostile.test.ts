/**
 * A repository's own `.git/config` and `.git/hooks` travel with an archive or a copied folder: they are the
 * repository's, not the user's. Configured to run programs (an fsmonitor hook, a hooks folder, hooks in
 * .git/hooks, gpg for signatures and signing, an external diff, a clean/smudge filter on every file), they run
 * none through us: every git we start is
 * guarded (src/io/git-guard.ts), and create does not take over a .git that git does not read as a repository.
 * The built bin with the real git, for init, update (conflicts staged with update-index), check, add
 * (recovering a journal: git ls-files), and create --git; and each git command we run, through the real exec.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeContext } from "../src/context.js";
import { applyStages, prepareStages } from "../src/io/git-stages.js";
import { packageRoot } from "../src/io/package-info.js";
import { committed, conflicted, git, gitEnv } from "./support/conflicted.js";
import { tempDir } from "./support/context.js";

const hasGit = spawnSync("git", ["--version"]).status === 0 && process.platform !== "win32";
const bin = join(packageRoot, "dist/cli.cjs");
const env = { ...gitEnv, NO_COLOR: "1" };

const HOOKS = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-index-change"];
const MORE_HOOKS = ["reference-transaction", "pre-auto-gc", "post-checkout", "post-rewrite"];

/** A program that notes it ran, and a .git/config and hooks that name it everywhere git would run one. */
function arm(repo: string): { ran: string; hostileConfig: string } {
  const armory = tempDir("spec-agent-armory-");
  const ran = join(armory, "ran.log");
  const sentinel = join(armory, "sentinel");
  writeFileSync(sentinel, `#!/bin/sh\necho "$0 $*" >> "${ran}"\nexit 0\n`);
  chmodSync(sentinel, 0o755);
  const hooks = join(armory, "hooks");
  mkdirSync(hooks);
  mkdirSync(join(repo, ".git", "hooks"), { recursive: true });
  for (const hook of [...HOOKS, ...MORE_HOOKS]) {
    for (const dir of [hooks, join(repo, ".git", "hooks")]) {
      writeFileSync(join(dir, hook), `#!/bin/sh\necho "hook ${hook}" >> "${ran}"\nexit 0\n`);
      chmodSync(join(dir, hook), 0o755);
    }
  }
  const hostileConfig = [
    `[core]\n\tfsmonitor = ${sentinel}\n\thooksPath = ${hooks}\n`,
    `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${sentinel}\n`,
    `[diff]\n\texternal = ${sentinel}\n[alias]\n\tls-files = !${sentinel}\n`,
    `[commit]\n\tgpgSign = true\n[filter "evil"]\n\tclean = ${sentinel}\n\tsmudge = ${sentinel}\n`,
  ].join("");
  // Every file through the filter: git add and checkout would run it.
  mkdirSync(join(repo, ".git", "info"), { recursive: true });
  writeFileSync(join(repo, ".git", "info", "attributes"), "* filter=evil\n");
  const config = join(repo, ".git", "config");
  writeFileSync(config, `${existsSync(config) ? readFileSync(config, "utf8") : ""}${hostileConfig}`);
  return { ran, hostileConfig };
}

const runBin = (cwd: string, args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });

/**
 * Every entry of the index racily clean (the index file older than the times it records): writing the index,
 * git then hashes each file anew, through the filter its attributes name.
 */
const racy = (repo: string): void => utimesSync(join(repo, ".git", "index"), 1_000_000, 1_000_000);

const ranLines = (ran: string): string[] => (existsSync(ran) ? readFileSync(ran, "utf8").trim().split("\n") : []);

describe.skipIf(!hasGit)("a hostile .git/config runs nothing through us", () => {
  it("update, staging a conflict with update-index: the conflict is unmerged, and no hook or fsmonitor ran", async () => {
    const repo = await conflicted((cwd, args) => runBin(cwd, args).status ?? -1);
    const { ran } = arm(repo);
    racy(repo);
    const result = runBin(repo, ["update", "--template", "../pack"]);
    expect(result.stderr).toContain("1 file has conflicts");
    expect(git(repo, "-c", "core.fsmonitor=", "-c", "core.hooksPath=/dev/null", "ls-files", "-u").stdout).toMatch(
      /docs\/clash\.md/,
    );
    expect(ranLines(ran)).toEqual([]);
  });

  it("init and check in an existing repository (git check-ignore, git config)", () => {
    const repo = committed({ "README.md": "# The owner's\n", ".gitignore": ".vscode/\n" });
    const { ran } = arm(repo);
    expect(runBin(repo, ["init", "--yes"]).status).toBe(0);
    expect([0, 1]).toContain(runBin(repo, ["check"]).status);
    expect(ranLines(ran)).toEqual([]);
  });

  it("add, recovering a journal this machine's run left (git ls-files asks whether git tracks it)", () => {
    const cwd = tempDir();
    expect(runBin(cwd, ["svc", "--yes", "--no-install"]).status).toBe(0);
    const repo = join(cwd, "svc");
    const journal = join(repo, ".spec-agent-journal");
    mkdirSync(journal);
    writeFileSync(join(journal, "owner"), "999999\n");
    const owner = lstatSync(join(journal, "owner"));
    const record = { version: 1, createdRoot: false, folders: [], created: [], overwritten: [] };
    writeFileSync(
      join(journal, "journal.json"),
      JSON.stringify({ ...record, madeHere: { ino: owner.ino, ctimeMs: owner.ctimeMs } }),
    );
    const { ran } = arm(repo);
    const result = runBin(repo, ["add", "plan", "Export reports"]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(journal)).toBe(false);
    expect(ranLines(ran)).toEqual([]);
  });

  it("create --git into a folder whose .git git does not read: left alone, no git init, nothing ran", () => {
    const folder = tempDir();
    mkdirSync(join(folder, ".git"));
    const { ran, hostileConfig } = arm(folder);
    // No HEAD: git does not read it as a repository, and git init would keep its config for our add and commit.
    const result = runBin(folder, [".", "--yes", "--force", "--git", "--no-install"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/left alone, no git init/);
    expect(readFileSync(join(folder, ".git", "config"), "utf8")).toBe(hostileConfig);
    expect(existsSync(join(folder, ".git", "HEAD"))).toBe(false);
    expect(ranLines(ran)).toEqual([]);
  });

  it("create --git into a new folder still makes the first commit, with the identity of the user's own config", () => {
    const cwd = tempDir();
    const home = tempDir("spec-agent-home-");
    writeFileSync(join(home, ".gitconfig"), "[user]\n\tname = Ada Owner\n\temail = ada@example.com\n");
    const result = spawnSync(process.execPath, [bin, "svc", "--yes", "--git", "--no-install"], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1", NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const log = spawnSync("git", ["log", "--format=%an <%ae> %s"], { cwd: join(cwd, "svc"), encoding: "utf8" });
    expect(log.stdout).toBe("Ada Owner <ada@example.com> Initial commit from create-spec-agent\n");
  });

  it("each git command we run, through the real exec: ls-files, check-ignore, rev-parse, hash-object, update-index (racy), log, show, config", async () => {
    // b.md: another file, which git hashes anew (through the filter) when update-index writes the index.
    const repo = committed({ "a.md": "a\n", "b.md": "b\n" });
    const { ran } = arm(repo);
    const ctx = nodeContext(process, { env, signal: { aborted: false } });
    const calls: [string[], string?][] = [
      [["ls-files", "-z", "--", ".spec-agent-journal"]],
      [["check-ignore", "-v", "-z", "--stdin"], "a.md\0"],
      [["log", "--all", "--format=%H", "--", "a.md"]],
      [["show", "HEAD:./a.md"]],
      [["config", "user.name"]],
    ];
    for (const [args, input] of calls) await ctx.exec("git", args, repo, input);
    const stages = await prepareStages(ctx.exec, repo, [{ path: "a.md", base: "a\n", ours: "b\n", theirs: "c\n" }]);
    racy(repo);
    await applyStages(ctx.exec, repo, stages as string);
    expect(git(repo, "-c", "core.fsmonitor=", "ls-files", "-u").stdout.trim().split("\n")).toHaveLength(3);
    expect(ranLines(ran)).toEqual([]);
    // The same calls without the guard do run them: the test would see it.
    for (const [args, input] of calls) spawnSync("git", args, { cwd: repo, env, input, encoding: "utf8" });
    expect(ranLines(ran).length).toBeGreaterThan(0);
    rmSync(ran, { force: true });
  });
});
