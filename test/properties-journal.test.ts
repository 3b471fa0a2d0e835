/**
 * Property test: random hostile journals (paths outside the repository, in .git, through a link, device
 * names, huge and wrong-typed values, backups outside the journal folder or links; most naming the owner file
 * as this machine made it, so the checks past that one are reached) planted in a repository
 * made by create. 1,000 go through the one door every command recovers by (io/target's openTarget, as the
 * commands call it), and 150 more through the commands themselves, in process (add, init, update,
 * create . --force, check), each with no journal or a hostile one, and the real record, a hostile one
 * (test/support/hostile-record.ts) or the real one with hostile paths and packs. Nothing outside the
 * repository or under .git changes, nothing runs but git's read-only queries (and, for a 0.1.0 record, the
 * registry fetch of our own published version), and the exit is 0, 1 or 2 with one line (or the door refuses
 * with a usage error of one line).
 */
import { cpSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { openTarget } from "../src/io/target/target.js";
import { runCli, tempDir } from "./support/context.js";
import { hostileRecord } from "./support/hostile-record.js";
import { snapshot } from "./support/tree.js";

/** Written out, not imported: the test holds the name the journals on disk have, whatever the code calls it. */
const JOURNAL_NAME = ".spec-agent-journal";
const COMMANDS = [
  ["add", "plan", "Export reports"],
  ["init", "--yes"],
  ["update", "--yes"],
  [".", "--yes", "--force", "--no-git", "--no-install"],
  ["update", "--dry-run"],
  ["check"],
];
/** What the tool may run while it recovers and writes here: git's questions, never a change (and never in .git). */
const READ_ONLY = /^(git (ls-files|rev-parse|config|check-ignore|--version)|uv --version)\b/;
/** Besides, a command reading a record may look at git's history, and fetch a 0.1.0 base: our published package only. */
const RECORD_READS =
  /^(git (log|show) |npm pack --silent --ignore-scripts create-spec-agent@\d+\.\d+\.\d+(-[\w.-]+)?$)/;

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

/** What files outside the repository hold: a record naming them with it as their base says "unchanged since". */
const OUTSIDE_TEXT = "someone else's notes\n";

/** Record paths aimed at what the guard watches: beside the repository, through the link, into .git, absolute. */
const AIMED = [
  "../outside.txt",
  "linked/notes.md",
  "linked/victim.txt",
  ".git/config",
  ".git/HEAD",
  ".GIT/HEAD",
  "sub/../../outside.txt",
  "<outside>/outside.txt",
];

/** What the file a path reaches holds (the test's own look, unconfined), or the outside text. */
function holding(root: string, path: string): string {
  try {
    return readFileSync(isAbsolute(path) ? path : join(root, path), "utf8");
  } catch {
    return OUTSIDE_TEXT;
  }
}

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

/**
 * A copy of the repository with a journal planted (or none), an outside folder beside it, and a link to it
 * inside; its record, when given, replaced by a hostile one.
 */
function plant(cwd: string, text: string | undefined, kept: { name: string; kind: string }[], from = base) {
  const root = join(cwd, "svc");
  const outside = join(cwd, "outside");
  cpSync(from, root, { recursive: true });
  mkdirSync(join(outside, "folder"), { recursive: true });
  writeFileSync(join(outside, "victim.txt"), "someone else's\n");
  writeFileSync(join(outside, "notes.md"), OUTSIDE_TEXT);
  writeFileSync(join(cwd, "outside.txt"), OUTSIDE_TEXT);
  symlinkSync(outside, join(root, "linked"));
  const guarded = () => ({
    outside: snapshot(outside),
    beside: readFileSync(join(cwd, "outside.txt"), "utf8"),
    git: snapshot(join(root, ".git")),
  });
  if (text === undefined) return { root, before: guarded(), guarded };
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
      {
        numRuns: 1000,
        // Found by CI's seed 2062703421: a folder the record says the run made is a link in the target (rmdir
        // on it failed with ENOTDIR, exit 1).
        examples: [
          [
            '{"version":1,"createdRoot":false,"folders":["linked"],"created":[],"overwritten":[],"madeHere":"here"}',
            [],
          ],
        ],
      },
    );
  }, 600_000);

  it("through add, init, update, create . --force and check, with hostile records too: exit 0, 1 or 2 with one line, nothing outside or in .git changes, nothing runs (150 runs)", async () => {
    /** The record: the real one create wrote, a hostile one, or the real one with hostile paths (and packs) added. */
    const recordChoice = fc.oneof(
      fc.constant({ kind: "real" as const }),
      hostileRecord.map((data) => ({ kind: "hostile" as const, data })),
      hostileRecord.map((data) => ({ kind: "merged" as const, data })),
      {
        weight: 3,
        arbitrary: fc
          .tuple(hostileRecord, fc.subarray(AIMED, { minLength: 1 }))
          .map(([data, aimed]) => ({ kind: "paths" as const, data, aimed })),
      },
    );
    // Half the runs with no journal, so that the record is reached (most hostile journals are refused first).
    const journalChoice = fc.option(fc.tuple(recordText, backups), { nil: undefined, freq: 2 });
    await fc.assert(
      fc.asyncProperty(journalChoice, recordChoice, fc.nat(COMMANDS.length - 1), async (journal, chosen, command) => {
        const cwd = tempDir("spec-agent-journal-prop-");
        try {
          const { root, before, guarded } = plant(cwd, journal?.[0], journal?.[1] ?? []);
          const recordPath = join(root, ".spec-agent.json");
          const real = JSON.parse(readFileSync(recordPath, "utf8"));
          if (chosen.kind !== "real") {
            const { data } = chosen;
            const paths = [
              ...Object.keys(data.files),
              ...(chosen.kind === "paths" ? chosen.aimed.map((path) => path.replace("<outside>", cwd)) : []),
            ];
            // Each path recorded with what the file it reaches holds, as if ours and unchanged since: were one not
            // confined, update would take that file for one the preset dropped, and remove it.
            const files = Object.fromEntries(paths.map((path) => [path, holding(root, path)]));
            const packs = chosen.kind === "merged" ? data.packs : real.packs;
            const record = chosen.kind === "hostile" ? data : { ...real, files: { ...real.files, ...files }, packs };
            writeFileSync(recordPath, JSON.stringify(record));
          }
          const calls: string[] = [];
          const result = await runCli(COMMANDS[command] as string[], {
            cwd: root,
            exec: (program, args) => {
              calls.push([program, ...args].join(" "));
              return { status: 1, stdout: "", stderr: "" };
            },
          });
          const why = `${COMMANDS[command]?.join(" ")} with ${journal?.[0].slice(0, 300)} and a ${chosen.kind} record ${
            chosen.kind === "real" ? "" : JSON.stringify(chosen.data).slice(0, 300)
          }: ${result.stderr}`;
          expect(guarded(), why).toEqual(before);
          expect(result.stdout, why).not.toContain("someone else's");
          expect(
            calls.filter((call) => !READ_ONLY.test(call) && !RECORD_READS.test(call)),
            why,
          ).toEqual([]);
          expect([0, 1, 2], why).toContain(result.code);
          // check's exit 1 lists its findings, one per line; any other failure is one line.
          if (result.code === 2 || (result.code === 1 && COMMANDS[command]?.[0] !== "check"))
            oneLine(result.stderr, why);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});
