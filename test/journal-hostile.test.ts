/**
 * A journal nobody here left: committed in a clone, or planted. Recovery undoes only what a run of ours
 * could have written: paths outside the repository, into .git, through a link, backups outside the journal
 * folder, or a journal git tracks, are refused with exit 2 naming it, and nothing is touched; a created file
 * goes only while it still holds what the run wrote (its size and hash in the record).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { packageRoot } from "../src/io/package-info.js";
import { textHash as hash } from "../src/io/target/journal-record.js";
import { JOURNAL_NAME } from "../src/io/target/lock.js";
import { recoverJournal } from "../src/io/target/recover.js";
import { GIT_IDENTITY, runCli, tempDir } from "./support/context.js";
import { snapshot } from "./support/tree.js";

/** A repository made by create (with a .git folder of its own), an outside folder beside it, and a planted journal. */
async function planted(record: unknown, backups: Record<string, string> = {}) {
  const cwd = tempDir();
  expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
  const root = join(cwd, "svc");
  mkdirSync(join(root, ".git", "hooks"), { recursive: true });
  writeFileSync(join(root, ".git", "config"), "[core]\n");
  const outside = join(cwd, "outside");
  mkdirSync(join(outside, "empty"), { recursive: true });
  writeFileSync(join(outside, "victim.txt"), "someone else's\n");
  const journal = join(root, JOURNAL_NAME);
  mkdirSync(journal);
  writeFileSync(join(journal, "owner"), "999999\n");
  writeRecord(journal, record);
  for (const [name, text] of Object.entries(backups)) writeFileSync(join(journal, name), text);
  return { cwd, root, outside, journal };
}

/**
 * Writes a record as a run of ours on this machine would: naming the owner file it made here (its inode and
 * change time), so the checks after that one are what these tests reach. A record that names one already is
 * written as it is.
 */
function writeRecord(journal: string, record: unknown): void {
  const owner = lstatSync(join(journal, "owner"));
  const here = { ino: owner.ino, ctimeMs: owner.ctimeMs };
  const made = typeof record === "object" && record !== null && !("madeHere" in record);
  writeFileSync(join(journal, "journal.json"), JSON.stringify(made ? { madeHere: here, ...record } : record));
}

const record = (parts: Record<string, unknown>) => ({
  version: 1,
  createdRoot: false,
  folders: [],
  created: [],
  overwritten: [],
  ...parts,
});

const oneLine = (text: string): void => {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.slice(0, -1)).not.toMatch(/[\n\r\u001b]/);
};

describe("a journal whose paths a run of ours could not have written", () => {
  it.each([
    ["a created file outside the repository", { created: [{ path: "../outside/victim.txt", size: 100 }] }, {}],
    [
      "a git hook as an overwritten file",
      { overwritten: [{ path: ".git/hooks/pre-commit", backup: "0.old" }] },
      { "0.old": "#!/bin/sh\necho pwned\n" },
    ],
    [
      "a backup outside the journal folder",
      { overwritten: [{ path: "README.md", backup: "../../outside/victim.txt" }] },
      {},
    ],
    ["a folder outside the repository", { folders: ["../outside/empty"] }, {}],
    [
      "a removed file put back outside",
      { removed: [{ path: "../outside/new.txt", backup: "0.removed" }] },
      { "0.removed": "planted\n" },
    ],
    [
      "a removed file put back into git's config",
      { removed: [{ path: ".GIT/info/attributes", backup: "0.removed" }] },
      { "0.removed": "* filter=evil\n" },
    ],
    ["a created path that is no text", { created: [{ path: { toString: "x" }, size: 1 }] }, {}],
    ["a version from elsewhere", { version: 1, created: "README.md" }, {}],
  ])("is refused with exit 2, nothing touched: %s", async (_label, parts, backups) => {
    const { root, outside, journal } = await planted(record(parts), backups);
    const before = { repo: snapshot(root), outside: snapshot(outside) };
    const result = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(result.code).toBe(2);
    oneLine(result.stderr);
    expect(result.stderr).toContain(JOURNAL_NAME);
    expect({ repo: snapshot(root), outside: snapshot(outside) }).toEqual(before);
    expect(existsSync(journal)).toBe(true);
  });

  it("is refused by a dry run too, which touches nothing either", async () => {
    const { root, outside, journal } = await planted(
      record({ created: [{ path: "../outside/victim.txt", size: 15 }] }),
    );
    const before = { repo: snapshot(root), outside: snapshot(outside) };
    const result = await runCli(["add", "plan", "Export reports", "--dry-run"], { cwd: root });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining(JOURNAL_NAME) });
    expect({ repo: snapshot(root), outside: snapshot(outside) }).toEqual(before);
    expect(existsSync(journal)).toBe(true);
  });

  it("refuses a created path through a linked folder, which only the disk shows", async () => {
    const { root, outside } = await planted(record({}));
    symlinkSync(outside, join(root, "linked"));
    const contents = readFileSync(join(outside, "victim.txt"), "utf8");
    writeRecord(
      join(root, JOURNAL_NAME),
      record({ created: [{ path: "linked/victim.txt", size: contents.length, hash: hash(contents) }] }),
    );
    const before = snapshot(outside);
    const result = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/linked.*symbolic link/) });
    expect(snapshot(outside)).toEqual(before);
  });

  it("keeps a created file that no longer holds what the run wrote, and undoes the rest", async () => {
    const { root } = await planted(
      record({ created: [{ path: "README.md", size: 1_000_000, hash: hash("what the run wrote\n") }] }),
    );
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const result = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, "README.md"), "utf8")).toBe(readme);
    expect(existsSync(join(root, JOURNAL_NAME))).toBe(false);
  });

  it("removes a created file that still holds what the run wrote", async () => {
    const { root } = await planted(record({}));
    writeFileSync(join(root, "half.md"), "what the run wrote\n");
    writeRecord(
      join(root, JOURNAL_NAME),
      record({ created: [{ path: "half.md", size: 19, hash: hash("what the run wrote\n") }] }),
    );
    const result = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(result.code).toBe(0);
    expect(existsSync(join(root, "half.md"))).toBe(false);
  });
});

describe("a journal that came with the files (a tarball, a copy, a planted folder), not left here by a run", () => {
  /** A journal claiming the owner's README (its exact size and hash) as a file the cut-off run created. */
  const claimingReadme = (root: string) => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    return record({ created: [{ path: "README.md", size: Buffer.byteLength(readme), hash: hash(readme) }] });
  };

  it.each([
    ["names an owner file made elsewhere", { ino: 12345, ctimeMs: 1_700_000_000_000.123 }],
    ["names none", undefined],
    ["names it with wrong types", { ino: "1", ctimeMs: null }],
  ])("is refused with exit 2 and the owner's file survives when it %s", async (_label, madeHere) => {
    const { root, journal } = await planted(record({}));
    const claim = claimingReadme(root);
    writeFileSync(join(journal, "journal.json"), JSON.stringify(madeHere ? { ...claim, madeHere } : claim));
    const before = snapshot(root);
    for (const args of [["add", "plan", "Export reports"], ["init", "--yes"], ["update", "--yes"], ["check"]]) {
      const result = await runCli(args, { cwd: root });
      if (args[0] !== "check") {
        expect(result.code, args.join(" ")).toBe(2);
        oneLine(result.stderr);
        expect(result.stderr).toMatch(/spec-agent-journal is not a journal .*(not made here|where it was made)/);
      }
      expect(snapshot(root), args.join(" ")).toEqual(before);
    }
  });

  it("is refused in a copy, though the same journal where it was made is undone", async () => {
    const { cwd, root } = await planted(record({}));
    writeRecord(join(root, JOURNAL_NAME), claimingReadme(root));
    // The attacker's channel: an archive of the folder, unpacked by the owner (tar keeps names, modes, mtimes).
    const unpacked = join(cwd, "unpacked");
    mkdirSync(unpacked);
    const tar = spawnSync("sh", ["-c", `tar -C "${root}" -cf - . | tar -C "${unpacked}" -xpf -`]);
    if (tar.status !== 0) cpSync(root, unpacked, { recursive: true, preserveTimestamps: true });
    const before = snapshot(unpacked);
    const copied = await runCli(["add", "plan", "Export reports"], { cwd: unpacked });
    expect(copied.code).toBe(2);
    expect(copied.stderr).toMatch(/not made here/);
    expect(snapshot(unpacked)).toEqual(before);
    // Where this machine made it, the journal is a cut-off run's, and its created file goes.
    const here = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(here.code).toBe(0);
    expect(existsSync(join(root, "README.md"))).toBe(false);
    rmSync(unpacked, { recursive: true, force: true });
  });
});

const git = spawnSync("git", ["--version"]).status === 0;

describe.skipIf(!git)("a journal that git tracks", () => {
  it("is refused with exit 2, nothing touched, even when every path in it is the repository's", async () => {
    const { root, journal } = await planted(record({}));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    writeRecord(journal, record({ created: [{ path: "README.md", size: readme.length, hash: hash(readme) }] }));
    const env = { ...process.env, ...GIT_IDENTITY };
    const run = (args: string[]) => spawnSync("git", args, { cwd: root, env, encoding: "utf8" });
    spawnSync("rm", ["-rf", join(root, ".git")]);
    run(["init", "-q"]);
    run(["add", "-A"]);
    // The preset's .gitignore lists the journal: whoever commits one forces it in.
    run(["add", "-f", JOURNAL_NAME]);
    run(["commit", "-q", "-m", "a pull request"]);
    const before = snapshot(root);
    const result = await runCli(["add", "plan", "Export reports"], {
      cwd: root,
      exec: (command, args, cwd) => {
        const done = spawnSync(command, args, { cwd, env, encoding: "utf8" });
        return { status: done.status, stdout: done.stdout, stderr: done.stderr };
      },
    });
    expect(result.code).toBe(2);
    oneLine(result.stderr);
    expect(result.stderr).toMatch(/\.spec-agent-journal.*git tracks it/);
    expect(snapshot(root)).toEqual(before);
  });
});

describe("a planted journal and the built bin, with a PATH of sentinel programs", () => {
  it("runs nothing but git's read-only question, whichever command recovers", async () => {
    const bin = join(packageRoot, "dist/cli.cjs");
    for (const args of [
      ["add", "plan", "Export reports"],
      ["init", "--yes"],
      ["update", "--yes"],
      [".", "--yes", "--force"],
    ]) {
      const { root, outside } = await planted(
        record({ overwritten: [{ path: ".git/hooks/post-checkout", backup: "0.old" }] }),
        { "0.old": "#!/bin/sh\necho pwned\n" },
      );
      const sentinels = tempDir();
      const ran = join(sentinels, "ran.log");
      for (const name of ["git", "sh", "bash", "node", "npm", "npx", "uv", "python", "python3", "task"]) {
        writeFileSync(join(sentinels, name), `#!/bin/sh\necho "${name} $*" >> "${ran}"\nexit 1\n`, { mode: 0o755 });
      }
      const before = { outside: snapshot(outside), git: snapshot(join(root, ".git")) };
      const result = spawnSync(process.execPath, [bin, ...args], {
        cwd: root,
        encoding: "utf8",
        timeout: 20_000,
        env: { PATH: sentinels, HOME: root, NO_COLOR: "1" },
      });
      expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(2);
      oneLine(result.stderr);
      expect({ outside: snapshot(outside), git: snapshot(join(root, ".git")) }).toEqual(before);
      // Every git starts behind the guard's -c settings (src/io/git-guard.ts): the question is what follows them.
      const lines = existsSync(ran)
        ? readFileSync(ran, "utf8")
            .trim()
            .split("\n")
            .map((line) => line.replace(/^git( -c \S+)*/, "git"))
        : [];
      // The user's own tools may be asked their version (create and init default the Python from uv's).
      expect(lines.filter((line) => !/^(git (ls-files|rev-parse|config|--version)|uv --version)\b/.test(line))).toEqual(
        [],
      );
    }
  });
});

describe("a journal that goes while it is read", () => {
  it("is nothing to undo: the run that left it finished meanwhile (two runs at once), and recovery says so", async () => {
    const root = tempDir();
    // Seen by the other run's look a moment before, gone by the time recovery lists it.
    const recovered = await recoverJournal(realFileSystem, root, "./svc", async () => false);
    expect(recovered).toEqual({ removed: 0, restored: 0 });
    expect(await recoverJournal(realFileSystem, root, "./svc", async () => false, false)).toBeUndefined();
  });
});
