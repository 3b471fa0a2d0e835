/**
 * The journal and the lock, in process: hostile names at the temporary
 * name, a run killed after any step and the next run restoring, a failing
 * restore, a lock held by a live run, a change while the question waits.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FileSystem, realFileSystem } from "../src/io/fs.js";
import { inspectTarget } from "../src/io/target/inspect.js";
import { JOURNAL_NAME, takeLock } from "../src/io/target/lock.js";
import { planPreset } from "../src/targets/preset.js";
import { DEFAULT_ANSWERS } from "./support/answers.js";
import { runCli, scriptedPrompter, tempDir } from "./support/context.js";
import { killedAfter } from "./support/mutations.js";
import { snapshot, userTree } from "./support/tree.js";
import { writeLocked } from "./support/write.js";

const files = await planPreset(realFileSystem, templatesDirOf(), DEFAULT_ANSWERS, "0.1.0");
function templatesDirOf(): string {
  return join(import.meta.dirname, "..", "templates");
}
const args = ["svc", "--yes", "--no-git", "--no-install"];

describe("the temporary name of an overwritten file (--force)", () => {
  it.each([
    ["a link to a file outside", (root: string, outside: string) => symlinkSync(join(outside, "evil"), root)],
    ["the user's own file", (root: string) => writeFileSync(root, "mine too\n")],
    ["a FIFO", (root: string) => execFileSync("mkfifo", [root])],
  ])("leaves %s at the old temporary name alone and writes nothing outside", async (_label, arrange) => {
    const cwd = tempDir();
    const outside = tempDir();
    const root = userTree(cwd);
    arrange(join(root, ".README.md.spec-agent-tmp"), outside);
    const before = snapshot(root, { inodes: true });
    const result = await runCli([...args, "--force"], { cwd });
    expect(result.stderr).toBe("");
    expect(readdirSync(outside)).toEqual([]);
    expect(snapshot(root, { inodes: true })[".README.md.spec-agent-tmp"]).toBe(before[".README.md.spec-agent-tmp"]);
    expect(readdirSync(root)).not.toContain(JOURNAL_NAME);
  });
});

describe("a run killed part-way, and the next run", () => {
  const steps = 80;
  it(`restores the user's files byte for byte, mode and inode, whichever of ${steps} steps it died after`, async () => {
    const reference = tempDir();
    await runCli(args, { cwd: reference });
    let completed = 0;
    let restored = 0;
    for (let n = 0; n < steps; n++) {
      const cwd = tempDir();
      const root = userTree(cwd);
      const before = snapshot(root, { inodes: true });
      const fs = killedAfter(n);
      const killed = await runCli([...args, "--force"], { cwd, fs });
      if (!fs.dead()) {
        expect(killed.code, `step ${n}: the run completed`).toBe(0);
        break;
      }
      if (n === steps - 1) throw new Error(`the run takes more than ${steps} steps: raise the count`);
      // The next run, without --force: it restores first, then refuses the occupied folder,
      // or finds that the killed run had got past its commit point: every file is the preset's.
      const next = await runCli(args, { cwd });
      const why = `killed after step ${n}: ${next.stdout}${next.stderr}`;
      if (existsSync(join(root, ".spec-agent.json"))) {
        const preset = snapshot(join(reference, "svc"), { inodes: true });
        const now = snapshot(root, { inodes: true });
        for (const [path, entry] of Object.entries(preset))
          expect(now[path]?.split(" ").slice(0, 2), why).toEqual(entry.split(" ").slice(0, 2));
        expect(
          readdirSync(root).filter((e) => e.startsWith(".spec-agent-journal")),
          why,
        ).toEqual([]);
        completed += 1;
      } else {
        expect(snapshot(root, { inodes: true }), why).toEqual(before);
        restored += 1;
      }
    }
    expect(restored).toBeGreaterThan(30);
    expect(completed).toBeGreaterThan(0);
  });

  it("removes what a killed run created in a new folder, the folder too, and says so", async () => {
    const cwd = tempDir();
    await runCli(args, { cwd, fs: killedAfter(12) });
    expect(readdirSync(join(cwd, "svc"))).toContain(JOURNAL_NAME);
    const next = await runCli([...args, "--dry-run"], { cwd });
    expect(next.stdout).toContain("an interrupted run left its journal");
    const again = await runCli(args, { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /interrupted run's journal was found and undone \(put back 0 files, removed \d+ files\)/,
    );
    expect(readdirSync(join(cwd, "svc")).sort()).toEqual(
      files
        .map((f) => f.path.split("/")[0])
        .filter((p, i, a) => a.indexOf(p) === i)
        .sort(),
    );
  });
});

describe("a restore that fails", () => {
  it("keeps the journal, says how to finish, and the next run puts the user's files back", async () => {
    const cwd = tempDir();
    const root = userTree(cwd);
    const before = snapshot(root, { inodes: true });
    let renames = 0;
    const fs: FileSystem = {
      ...realFileSystem,
      writeNewFile: async (path, data, mode) => {
        if (path.endsWith("Taskfile.yml")) throw Object.assign(new Error("ENOSPC: no space left"), { code: "ENOSPC" });
        return realFileSystem.writeNewFile(path, data, mode);
      },
      renameSync(from, to) {
        // The overwrites go through; every rename back fails, as on a disk that fails outright.
        if (from.endsWith(".old") || ++renames > 2) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
        realFileSystem.renameSync(from, to);
      },
    };
    const failed = await runCli([...args, "--force"], { cwd, fs });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/journal \(\.spec-agent-journal\) keeps your files: run the same command again/);
    const next = await runCli(args, { cwd });
    expect(next.stdout).toMatch(/journal was found and undone \(put back [12] files?/);
    expect(snapshot(root, { inodes: true })).toEqual(before);
  });
});

describe("the lock", () => {
  it("refuses a second run while the first holds the folder, and leaves it alone", async () => {
    const cwd = tempDir();
    const root = userTree(cwd);
    takeLock(realFileSystem, root, "svc", { pid: 4242, isRunning: () => false });
    const before = snapshot(root, { inodes: true });
    const alive = { pid: process.pid, isRunning: (pid: number) => pid === 4242 };
    const result = await runCli([...args, "--force"], { cwd, lockOwner: alive });
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/another run \(process 4242\) is writing into \.\/svc: wait/),
    });
    expect(snapshot(root, { inodes: true })).toEqual(before);
  });

  it("refuses a journal name that is not a folder (a link, from a clone)", async () => {
    const cwd = tempDir();
    const root = userTree(cwd);
    symlinkSync(tempDir(), join(root, JOURNAL_NAME));
    const result = await runCli([...args, "--force"], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not a journal of create-spec-agent/) });
  });
});

describe("a change after the yes to a folder that is not empty, while later questions wait", () => {
  it.each([
    [
      "a planned file edited",
      (root: string) => writeFileSync(join(root, "README.md"), "edited meanwhile\n"),
      /README\.md changed/,
    ],
    ["an entry added", (root: string) => writeFileSync(join(root, "later.txt"), "new\n"), /later\.txt changed/],
  ])("stops the run, nothing written: %s", async (_label, change, reason) => {
    const cwd = tempDir();
    const root = userTree(cwd);
    const before = snapshot(root, { inodes: true });
    const prompter = scriptedPrompter([true]);
    const text = prompter.text;
    prompter.text = async (message, initial, validate) => {
      if (message === "Description") change(root);
      return text(message, initial, validate);
    };
    const result = await runCli(["svc", "--no-git", "--no-install", "--author", "a"], {
      cwd,
      terminal: true,
      prompter,
    });
    expect(prompter.asked[0]).toMatch(/^\.\/svc is not empty/);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(reason) });
    expect(result.stderr).toMatch(/while the run waited: nothing was written; run again\n$/);
    const after = snapshot(root, { inodes: true });
    for (const path of Object.keys(before)) if (path !== "README.md") expect(after[path]).toBe(before[path]);
    expect(existsSync(join(root, "AGENTS.md"))).toBe(false);
  });
});

describe("a change while the question waits", () => {
  it.each([
    [
      "the folder swapped for a link",
      (root: string) => {
        execFileSync("mv", [root, `${root}.moved`]);
        symlinkSync(`${root}.moved`, root);
      },
      /no longer a folder|is a symbolic link/,
    ],
    [
      "the user's README edited",
      (root: string) => writeFileSync(join(root, "README.md"), "edited meanwhile\n"),
      /README\.md changed in \.\/svc while the run waited: nothing was written/,
    ],
    [
      "a file added where the preset writes",
      (root: string) => writeFileSync(join(root, "AGENTS.md"), "new\n"),
      /AGENTS\.md changed/,
    ],
  ])("is a clash, and nothing is written: %s", async (_label, change, reason) => {
    const cwd = tempDir();
    const root = userTree(cwd);
    const prompter = scriptedPrompter([]);
    prompter.confirm = async () => {
      change(root);
      return true;
    };
    const moved = `${root}.moved`;
    const result = await runCli(
      [
        "svc",
        "--no-git",
        "--no-install",
        "--name",
        "svc",
        "--description",
        "d",
        "--author",
        "a",
        "--python",
        "3.13",
        "--agents",
        "copilot",
      ],
      { cwd, terminal: true, prompter },
    );
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(reason) });
    const real = existsSync(moved) ? moved : root;
    expect(readdirSync(real).sort()).toEqual(
      [
        "README.md",
        "notes.txt",
        "pyproject.toml",
        "src",
        ...(existsSync(join(real, "AGENTS.md")) ? ["AGENTS.md"] : []),
      ].sort(),
    );
  });
});

describe("writePlan", () => {
  it("takes the user's file back with its own inode, owner and mode after a failure", async () => {
    const cwd = tempDir();
    const root = userTree(cwd);
    chmodSync(join(root, "README.md"), 0o640);
    const before = snapshot(root, { inodes: true });
    const fs: FileSystem = {
      ...realFileSystem,
      writeNewFile: async () => {
        throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
      },
    };
    await expect(writeLocked(fs, root, inspectTarget(realFileSystem, root, "svc", files))).rejects.toThrow(
      /put back the 2 files/,
    );
    expect(snapshot(root, { inodes: true })).toEqual(before);
  });
});
