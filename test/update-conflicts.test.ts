/**
 * Conflicts are never forgotten: a signal while update marks its conflicts in git's index leaves the repository
 * as before, or updated whole with the conflicts unmerged, and exits 130; a file that still holds the markers
 * an update left is named by the next update and by check.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExecResult } from "../src/context.js";
import { conflicted, git, gitEnv, pack } from "./support/conflicted.js";
import { runCli, tempDir } from "./support/context.js";
import { snapshot } from "./support/tree.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;
const conflictedRepo = () => conflicted(async (cwd, args) => (await runCli(args, { cwd })).code);

/** The work tree and the index: what "as before" means (git's objects may gain unreferenced blobs). */
const state = (repo: string) => ({
  tree: Object.fromEntries(Object.entries(snapshot(repo)).filter(([path]) => !path.startsWith(".git"))),
  index: git(repo, "ls-files", "--stage").stdout,
});

/** git for real, and a signal that lands while git runs `step` (the child killed, as the real exec does) or just after it. */
function signalledAt(step: string, when: "during" | "after") {
  const signal = { aborted: false };
  const exec = (command: string, args: readonly string[], cwd: string, input?: string): ExecResult => {
    if (signal.aborted) return { status: null, stdout: "", stderr: "" };
    // The subcommand, after any -c settings.
    const landing = command === "git" && args.includes(step);
    if (landing && when === "during") {
      signal.aborted = true;
      return { status: null, stdout: "", stderr: "" };
    }
    const done = spawnSync(command, args, { cwd, input, env: gitEnv, encoding: "utf8" });
    if (landing) signal.aborted = true;
    return { status: done.status, stdout: done.stdout, stderr: done.stderr };
  };
  return { signal, exec };
}

describe.skipIf(!hasGit)("a signal while update marks its conflicts in git", () => {
  it.each(["hash-object", "update-index"])(
    "during git %s: exit 130, the files and the index as before",
    async (step) => {
      const repo = await conflictedRepo();
      const before = state(repo);
      const result = await runCli(["update", "--template", "../pack"], { cwd: repo, ...signalledAt(step, "during") });
      expect(result.code).toBe(130);
      expect(state(repo)).toEqual(before);
    },
  );

  it("just after git update-index: exit 130, updated whole, the conflict unmerged where the markers are", async () => {
    const repo = await conflictedRepo();
    const result = await runCli(["update", "--template", "../pack"], {
      cwd: repo,
      ...signalledAt("update-index", "after"),
    });
    expect(result.code).toBe(130);
    expect(readFileSync(join(repo, "docs/clash.md"), "utf8")).toContain("<<<<<<< yours\n");
    expect(readFileSync(join(repo, "docs/plain.md"), "utf8")).toBe("plain 2.0.0\n");
    expect(git(repo, "status", "--porcelain").stdout).toContain("UU docs/clash.md");
  });
});

describe("markers an update left, not yet resolved", () => {
  it("are named by the next update (exit 2, nothing written) and by check", async () => {
    const cwd = tempDir();
    pack(join(cwd, "pack"), "1.0.0", "a\nb\nc\n");
    await runCli(["svc", "--yes", "--no-git", "--no-install", "--template", "./pack"], { cwd });
    const repo = join(cwd, "svc");
    writeFileSync(join(repo, "docs/clash.md"), "a\nb (owner)\nc\n");
    pack(join(cwd, "pack"), "2.0.0", "a\nB (ours)\nc\n");
    expect((await runCli(["update", "--template", "../pack"], { cwd: repo })).code).toBe(1);
    const marked = state(repo);
    const again = await runCli(["update", "--template", "../pack"], { cwd: repo });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: docs\/clash\.md:2 still holds the conflict markers of an update: .*\n$/);
    expect(state(repo)).toEqual(marked);
    const checked = await runCli(["check"], { cwd: repo });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("docs/clash.md:2: holds the conflict markers of an update");
  });
});
