/**
 * Property test: random hostile journals (paths outside the repository, in .git, through a link, device
 * names, huge and wrong-typed values, backups outside the journal folder or links; most naming the owner file
 * as this machine made it, so the checks past that one are reached) planted in a repository
 * made by create. 1,000 go through the one door every command recovers by (io/target's openTarget, as the
 * commands call it), and 100 more through the commands themselves, in process (add, init, update,
 * create . --force). Nothing outside the repository or under .git changes, nothing runs but git's read-only
 * queries, and the exit is 0, 1 or 2 with one line (or the door refuses with a usage error of one line).
 */
import { cpSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { openTarget } from "../src/io/target/target.js";
import { runCli, tempDir } from "./support/context.js";
import { snapshot } from "./support/tree.js";

/** Written out, not imported: the test holds the name the journals on disk have, whatever the code calls it. */
const JOURNAL_NAME = ".spec-agent-journal";
const COMMANDS = [
  ["add", "plan", "Export reports"],
  ["init", "--yes"],
  ["update", "--yes"],
  [".", "--yes", "--force", "--no-git", "--no-install"],
];
/** What the tool may run while it recovers and writes here: git's questions, never a change (and never in .git). */
const READ_ONLY = /^(git (ls-files|rev-parse|config|check-ignore|--version)|uv --version)\b/;

const hostilePath = fc.oneof(
  fc.constantFrom(
    "../outside/victim.txt",
    "../../outside/victim.txt",
    "spec/../../outside/victim.txt",
    ".git/hooks/pre-commit",
    ".git/config",
    ".GIT/HEAD",
    "GIT~1/hooks/post-checkout",
    "sub/.git/config",
    "linked/victim.txt",
    "linked/folder",
    "linked",
    "CON",
    "spec/aux.md",
    "nul.txt",
    "a\\..\\..\\outside",
    "C:/Windows/x",
    `${JOURNAL_NAME}/owner`,
    `${JOURNAL_NAME}/journal.json`,
    "README.md",
    "AGENTS.md",
    "spec/plan/new.md",
    "",
    "a//b",
    "trailing.",
  ),
  fc.constant("x".repeat(5000)),
  fc.constant(`${"deep/".repeat(300)}x`),
  fc.string({ maxLength: 12 }),
  fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), fc.constant(["README.md"])),
);
const hostileBackup = fc.oneof(
  fc.constantFrom("0.old", "1.old", "0.removed", "owner", "journal.json", "../../outside/victim.txt", "/etc/hostname"),
  fc.constantFrom("../victim.txt", "x".repeat(300), "9999999.old", "0.old/../../x"),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const size = fc.oneof(fc.nat(100), fc.constantFrom(-1, 1e308, 2 ** 53, 0.5), fc.string({ maxLength: 3 }));
const hash = fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 4 }));

const record = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.constantFrom(0, 2, "1", null)),
    createdRoot: fc.oneof(fc.boolean(), fc.constant("yes")),
    folders: fc.array(hostilePath, { maxLength: 3 }),
    created: fc.array(fc.record({ path: hostilePath, size, hash }, { requiredKeys: ["path", "size"] }), {
      maxLength: 3,
    }),
    overwritten: fc.array(fc.record({ path: hostilePath, backup: hostileBackup }), { maxLength: 3 }),
    removed: fc.array(fc.record({ path: hostilePath, backup: hostileBackup }), { maxLength: 2 }),
    // "here": the owner file plant() makes, as a run of ours on this machine names it; else one made elsewhere.
    madeHere: fc.oneof(
      { weight: 8, arbitrary: fc.constant("here") },
      fc.constantFrom({ ino: 1, ctimeMs: 2 }, "x", null, { ino: 1e308, ctimeMs: -1 }),
    ),
  },
  { requiredKeys: ["version", "madeHere"] },
);
/** What lies in the journal folder beside the record: files, links to outside, folders. */
const backups = fc.array(
  fc.record({
    name: fc.constantFrom("0.old", "1.old", "0.removed", "evil", "1.removed"),
    kind: fc.constantFrom("file", "link-outside", "link-git", "folder"),
  }),
  { maxLength: 3 },
);
const recordText = fc.oneof(
  { weight: 8, arbitrary: record.map((r) => JSON.stringify(r)) },
  fc.constantFrom("", "{", "[]", "null", `${"[".repeat(100000)}`, '{"version":1}'),
);

let base: string;
/** A small repository for the 1,000: what recovery touches is the journal's paths, not the preset. */
let small: string;

beforeAll(async () => {
  const cwd = tempDir();
  expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
  base = join(cwd, "svc");
  mkdirSync(join(base, ".git", "hooks"), { recursive: true });
  writeFileSync(join(base, ".git", "config"), "[core]\n\trepositoryformatversion = 0\n");
  writeFileSync(join(base, ".git", "HEAD"), "ref: refs/heads/main\n");
  small = join(cwd, "small");
  for (const path of ["README.md", "AGENTS.md", ".git"])
    cpSync(join(base, path), join(small, path), { recursive: true });
  mkdirSync(join(small, "spec", "plan"), { recursive: true });
  writeFileSync(join(small, "spec", "plan", "new.md"), "# A plan\n");
});

/** A copy of the repository with a journal planted, an outside folder beside it, and a link to it inside. */
function plant(cwd: string, text: string, kept: { name: string; kind: string }[], from = base) {
  const root = join(cwd, "svc");
  const outside = join(cwd, "outside");
  cpSync(from, root, { recursive: true });
  mkdirSync(join(outside, "folder"), { recursive: true });
  writeFileSync(join(outside, "victim.txt"), "someone else's\n");
  symlinkSync(outside, join(root, "linked"));
  const journal = join(root, JOURNAL_NAME);
  mkdirSync(journal);
  writeFileSync(join(journal, "owner"), "999999\n");
  const owner = lstatSync(join(journal, "owner"));
  const here = JSON.stringify({ ino: owner.ino, ctimeMs: owner.ctimeMs });
  writeFileSync(join(journal, "journal.json"), text.replace('"madeHere":"here"', `"madeHere":${here}`));
  for (const { name, kind } of kept) {
    const path = join(journal, name);
    rmSync(path, { recursive: true, force: true });
    if (kind === "file") writeFileSync(path, "#!/bin/sh\necho pwned\n");
    else if (kind === "link-outside") symlinkSync(join(outside, "victim.txt"), path);
    else if (kind === "link-git") symlinkSync(join(root, ".git", "config"), path);
    else mkdirSync(path);
  }
  const guarded = () => ({ outside: snapshot(outside), git: snapshot(join(root, ".git")) });
  return { root, before: guarded(), guarded };
}

/** The exec of a test run: records each call, runs nothing. */
function recordingExec() {
  const calls: string[] = [];
  const exec = async (program: string, args: readonly string[]) => {
    calls.push([program, ...args].join(" "));
    return { status: 1, stdout: "", stderr: "" };
  };
  return { calls, exec };
}

const oneLine = (text: string, why: string): void => {
  expect(text.endsWith("\n"), why).toBe(true);
  expect(text.slice(0, -1), why).not.toMatch(/[\n\r\u001b]/);
};

describe("a hostile journal", () => {
  it("opening the target changes nothing outside it or in .git, runs nothing, or refuses in one line (1,000 journals)", async () => {
    await fc.assert(
      fc.asyncProperty(recordText, backups, async (text, kept) => {
        const cwd = tempDir("spec-agent-journal-prop-");
        try {
          const { root, before, guarded } = plant(cwd, text, kept, small);
          const { calls, exec } = recordingExec();
          const why = text.slice(0, 300);
          const signal = { aborted: false };
          const lockOwner = { pid: process.pid, isRunning: () => false };
          try {
            await openTarget({ fs: realFileSystem, exec, lockOwner, signal }, root, "svc", false);
          } catch (error) {
            expect((error as { exitCode?: number }).exitCode, `${why}: ${error}`).toBe(2);
            oneLine(`${(error as Error).message}\n`, why);
          }
          expect(guarded(), why).toEqual(before);
          expect(
            calls.filter((call) => !READ_ONLY.test(call)),
            why,
          ).toEqual([]);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      }),
      { numRuns: 1000 },
    );
  }, 600_000);

  it("through add, init, update and create . --force: the same, exit 0, 1 or 2 with one line (100 journals)", async () => {
    await fc.assert(
      fc.asyncProperty(recordText, backups, fc.nat(COMMANDS.length - 1), async (text, kept, command) => {
        const cwd = tempDir("spec-agent-journal-prop-");
        try {
          const { root, before, guarded } = plant(cwd, text, kept);
          const calls: string[] = [];
          const result = await runCli(COMMANDS[command] as string[], {
            cwd: root,
            exec: (program, args) => {
              calls.push([program, ...args].join(" "));
              return { status: 1, stdout: "", stderr: "" };
            },
          });
          const why = `${COMMANDS[command]?.join(" ")} with ${text.slice(0, 300)}: ${result.stderr}`;
          expect(guarded(), why).toEqual(before);
          expect(
            calls.filter((call) => !READ_ONLY.test(call)),
            why,
          ).toEqual([]);
          expect([0, 1, 2], why).toContain(result.code);
          if (result.code !== 0) oneLine(result.stderr, why);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  }, 600_000);
});
