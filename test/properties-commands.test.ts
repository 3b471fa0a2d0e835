/**
 * Property test: every command that reads a repository's journal or record (add, init, update, update --dry-run,
 * update --check, create . --force, check), in process, on a copy of a repository made by create (or by 0.1.0),
 * with no journal or a hostile one (test/support/hostile-journal.ts) and the real record, a hostile one
 * (test/support/hostile-record.ts), the real one with hostile paths and packs, the real one with paths aimed at
 * what is watched, or a 0.1.0 record whose version is hostile or a strict semver (so update wants that version's
 * files from the registry). For each run:
 * - nothing outside the repository, beside it or under .git changes (a snapshot of all of it, before and after);
 * - nothing runs: PATH (the run's and this process's) holds only sentinel programs that log any start, and the
 *   injected exec answers only git's read-only questions and `uv --version`, and for a 0.1.0 base exactly
 *   `npm pack --silent --ignore-scripts create-spec-agent@<strict semver>` in a folder outside the repository,
 *   then `tar -xzf` of that tarball and `node` on that package's bin with the record's answers as flags (the
 *   stand-in serves test/fixtures/create-spec-agent-0.1.0.tgz and runs the real 0.1.0 once);
 * - the exit is 0, 1 or 2, a failure one line on stderr (check's findings aside).
 *
 * 1,000 runs in `npm test` (33-48 s at a load average of 9, 16 s of CPU; a run's repository is laid out in
 * /dev/shm, see scratchDir). `SPEC_AGENT_HOSTILE_RUNS=10000 npm run test:hostile` runs more.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { runCli, scratchDir } from "./support/context.js";
import { hostileBackups, hostileJournalText, plantJournal } from "./support/hostile-journal.js";
import { hostileRecord } from "./support/hostile-record.js";
import { snapshot } from "./support/tree.js";

const RUNS = Number(process.env.SPEC_AGENT_HOSTILE_RUNS ?? 1000);
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new Error(`SPEC_AGENT_HOSTILE_RUNS=${RUNS} is not a count`);

const COMMANDS = [
  ["add", "plan", "Export reports"],
  ["init", "--yes"],
  ["update", "--yes"],
  ["update", "--dry-run"],
  ["update", "--check"],
  [".", "--yes", "--force", "--no-git", "--no-install"],
  ["check"],
];

/** Semantic Versioning 2.0.0's own grammar, written out here: what npm reads as a registry version. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * git's questions that change nothing, argument by argument (a RegExp where a path or a revision stands): never
 * `hash-object -w`, `update-index`, `commit`, nor an option that writes a file (`log --output`).
 */
const READ_ONLY_GIT: readonly (readonly (string | RegExp)[])[] = [
  ["ls-files", "-z", "--", ".spec-agent-journal"],
  ["rev-parse", "--show-prefix"],
  ["rev-parse", "--is-inside-work-tree"],
  ["config", "user.name"],
  ["config", "--includes", "--name-only", "--get-regexp", "^filter\\."],
  ["check-ignore", "-v", "-z", "--stdin"],
  ["--version"],
  ["log", "--all", "--format=%H", "--", /./],
  ["show", /^[0-9a-f]{40,64}:\.\//],
];
const readOnlyGit = (args: readonly string[]): boolean =>
  READ_ONLY_GIT.some(
    (shape) =>
      shape.length === args.length &&
      shape.every((part, i) => (typeof part === "string" ? part === args[i] : part.test(args[i] as string))),
  );

/** What files outside the repository hold: a record naming them with it as their base says "unchanged since". */
const OUTSIDE_TEXT = "someone else's notes\n";

/** Record paths aimed at what is watched: beside the repository, through the link, into .git, absolute. */
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

/** A 0.1.0 record's version: npm specs that are not a registry version, and strict semvers (0.1.0 is published). */
const oldVersion = fc.oneof(
  { weight: 3, arbitrary: fc.constant("0.1.0") },
  { weight: 2, arbitrary: fc.constantFrom("0.0.1", "0.1.0-rc.1", "0.1.0+build.5", "0.2.0-beta.1") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "file:..",
      "file:../evil",
      "../x",
      "./x",
      "/tmp/x",
      "1.0.0 || x",
      ">=0.1.0",
      "^0.1.0",
      "*",
      "latest",
      "https://example.com/x.tgz",
      "git+https://github.com/someone/evil.git",
      "git+ssh://git@github.com/someone/evil",
      "github:someone/evil",
      "someone/evil",
      "npm:other@1.0.0",
      "0.1.0 --registry=http://127.0.0.1:9",
      "0.1.0; touch pwned",
      "0.1.0\n",
      " 0.1.0",
      "v0.1.0",
      "0.1",
      "01.0.0",
      `${"9".repeat(100)}.0.0`,
      `0.1.0-${"a".repeat(100)}`,
      "x".repeat(5000),
    ),
  },
  fc.string({ maxLength: 12 }),
  fc.constantFrom(1, null, {}, ["0.1.0"]),
);

const recordChoice = fc.oneof(
  fc.constant({ kind: "real" as const }),
  hostileRecord.map((data) => ({ kind: "hostile" as const, data })),
  hostileRecord.map((data) => ({ kind: "merged" as const, data })),
  {
    weight: 2,
    arbitrary: fc
      .tuple(hostileRecord, fc.subarray(AIMED, { minLength: 1 }))
      .map(([data, aimed]) => ({ kind: "paths" as const, data, aimed })),
  },
  { weight: 3, arbitrary: oldVersion.map((version) => ({ kind: "old" as const, version })) },
);
// Half the runs with no journal, so that the record is reached (most hostile journals are refused first).
const journalChoice = fc.option(fc.tuple(hostileJournalText, hostileBackups), { nil: undefined, freq: 2 });

/** What the file a path reaches holds (the test's own look, unconfined), or the outside text. */
function holding(root: string, path: string): string {
  try {
    return readFileSync(isAbsolute(path) ? path : join(root, path), "utf8");
  } catch {
    return OUTSIDE_TEXT;
  }
}

let work: string;
/** A repository made by create, and one made by 0.1.0 (test/fixtures/v0.1.0/svc), each with a .git of its own. */
let base: string;
let oldBase: string;
let sentinels: string;
let ranLog: string;
/** The real 0.1.0's output for the fixture's answers, made once by the stand-in (then copied). */
let oldOutput: string | undefined;
const savedPath = process.env.PATH;

beforeAll(async () => {
  work = scratchDir("spec-agent-commands-prop-");
  expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd: work })).code).toBe(0);
  base = join(work, "svc");
  oldBase = join(work, "old");
  cpSync(join(packageRoot, "test/fixtures/v0.1.0/svc"), oldBase, { recursive: true });
  // An edit the owner made since 0.1.0: its hash no longer matches, so update wants the 0.1.0 base.
  writeFileSync(join(oldBase, "README.md"), `${readFileSync(join(oldBase, "README.md"), "utf8")}\nOurs.\n`);
  for (const repo of [base, oldBase]) {
    mkdirSync(join(repo, ".git", "hooks"), { recursive: true });
    writeFileSync(join(repo, ".git", "config"), "[core]\n\trepositoryformatversion = 0\n");
    writeFileSync(join(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(repo, ".git", "hooks", "pre-commit"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  }
  sentinels = join(work, "sentinels");
  ranLog = join(work, "ran.log");
  mkdirSync(sentinels);
  for (const name of "git npm npx node tar uv uvx task sh bash python python3 pip gpg ssh make pnpm yarn bun".split(
    " ",
  ))
    writeFileSync(join(sentinels, name), `#!/bin/sh\necho "${name} $*" >> "${ranLog}"\nexit 1\n`, { mode: 0o755 });
});

afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(work, { recursive: true, force: true });
});

/** Everything of the run's folder but the repository's own files: beside it, outside, and its .git. */
function guarded(cwd: string, root: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const entry of readdirSync(cwd, { withFileTypes: true })) {
    const path = join(cwd, entry.name);
    if (path === root) continue;
    if (!entry.isDirectory()) seen[entry.name] = readFileSync(path).toString("base64");
    else for (const [key, value] of Object.entries(snapshot(path))) seen[`${entry.name}/${key}`] = value;
  }
  for (const [key, value] of Object.entries(snapshot(join(root, ".git")))) seen[`svc/.git/${key}`] = value;
  return seen;
}

const oneLine = (text: string, why: string): void => {
  expect(text.endsWith("\n"), why).toBe(true);
  expect(text.slice(0, -1), why).not.toMatch(/[\n\r\u001b]/);
};

/** The flags 0.1.0's bin is run with: the record's answers, which update checked as create checks them. */
function oldFlags(answers: unknown): string[] | undefined {
  if (typeof answers !== "object" || answers === null) return undefined;
  const a = answers as Record<string, unknown>;
  const keys = ["name", "package", "description", "author", "python"] as const;
  if (keys.some((key) => typeof a[key] !== "string")) return undefined;
  return keys.flatMap((key) => [`--${key}`, a[key] as string]);
}

/**
 * The injected exec: answers git's read-only questions (as a repository without history would) and the 0.1.0
 * fetch as the registry would, each checked to the exact argument; anything else is a problem, and runs nothing.
 */
function standIn(cwd: string, record: unknown) {
  const calls: string[] = [];
  const problems: string[] = [];
  const version = (record as { version?: unknown } | null)?.version;
  let fetchedIn: string | undefined;
  const exec = (program: string, args: readonly string[], at: string) => {
    const call = [program, ...args].join(" ");
    calls.push(call);
    const refused = { status: 1, stdout: "", stderr: "" };
    // npm reads project config from its folder up: it must start in a folder of its own, not in the run's.
    const outsideRun = relative(cwd, at).startsWith("..");
    if (program === "git" && readOnlyGit(args)) return refused;
    if (program === "uv" && args.join(" ") === "--version") return refused;
    if (program === "npm") {
      const expected = ["pack", "--silent", "--ignore-scripts", `create-spec-agent@${String(version)}`];
      if (
        typeof version !== "string" ||
        !SEMVER.test(version) ||
        JSON.stringify(args) !== JSON.stringify(expected) ||
        !outsideRun
      ) {
        problems.push(`${call} (in ${at})`);
        return refused;
      }
      fetchedIn = at;
      if (version !== "0.1.0") return refused; // not published: npm's 404
      cpSync(join(packageRoot, "test/fixtures/create-spec-agent-0.1.0.tgz"), join(at, "create-spec-agent-0.1.0.tgz"));
      return { status: 0, stdout: "create-spec-agent-0.1.0.tgz\n", stderr: "" };
    }
    if (program === "tar" && at === fetchedIn && call === "tar -xzf create-spec-agent-0.1.0.tgz") {
      const untar = spawnSync("tar", ["-xzf", "create-spec-agent-0.1.0.tgz"], { cwd: at, env: { PATH: savedPath } });
      return { status: untar.status, stdout: "", stderr: "" };
    }
    const flags = oldFlags((record as { answers?: unknown } | null)?.answers);
    const expected = fetchedIn && [
      join(fetchedIn, "package", "dist", "cli.cjs"),
      join(fetchedIn, "out"),
      "--yes",
      "--no-git",
      "--no-install",
      ...(flags ?? []),
    ];
    if (program === "node" && at === fetchedIn && flags && JSON.stringify(args) === JSON.stringify(expected)) {
      const key = createHash("sha256").update(JSON.stringify(flags)).digest("hex").slice(0, 12);
      const made = join(work, `old-output-${key}`);
      if (!existsSync(made)) {
        // The real 0.1.0, once per set of answers, with nothing but sentinels on its PATH.
        const ran = spawnSync(process.execPath, [args[0] as string, made, ...args.slice(2)], {
          cwd: at,
          env: { PATH: sentinels },
        });
        if (ran.status !== 0) return { status: ran.status, stdout: "", stderr: String(ran.stderr) };
        oldOutput = made;
      }
      cpSync(made, args[1] as string, { recursive: true });
      return { status: 0, stdout: "", stderr: "" };
    }
    problems.push(`${call} (in ${at})`);
    return refused;
  };
  return { calls, problems, exec, fetched: () => fetchedIn !== undefined };
}

describe("hostile journals and records through every command that reads them", () => {
  it(`add, init, update (--dry-run, --check), create . --force and check: nothing outside or in .git changes, nothing runs, exit 0, 1 or 2 in one line (${RUNS} runs)`, async () => {
    const seen = { journals: 0, fetched: 0, ranOld: 0, byCode: [0, 0, 0] };
    // Where a run's time goes, printed with the counts: laying the repository out, the command, the comparisons.
    const ms = { layout: 0, command: 0, compare: 0 };
    let clock = performance.now();
    const lap = (phase: keyof typeof ms): void => {
      const now = performance.now();
      ms[phase] += now - clock;
      clock = now;
    };
    await fc.assert(
      fc.asyncProperty(journalChoice, recordChoice, fc.nat(COMMANDS.length - 1), async (journal, chosen, command) => {
        clock = performance.now();
        const cwd = scratchDir("spec-agent-commands-prop-");
        try {
          const root = join(cwd, "svc");
          const outside = join(cwd, "outside");
          cpSync(chosen.kind === "old" ? oldBase : base, root, { recursive: true });
          mkdirSync(join(outside, "folder"), { recursive: true });
          writeFileSync(join(outside, "victim.txt"), "someone else's\n");
          writeFileSync(join(outside, "notes.md"), OUTSIDE_TEXT);
          writeFileSync(join(cwd, "outside.txt"), OUTSIDE_TEXT);
          symlinkSync(outside, join(root, "linked"));
          if (journal) plantJournal(root, outside, journal[0], journal[1]);
          const recordPath = join(root, ".spec-agent.json");
          const real = JSON.parse(readFileSync(recordPath, "utf8"));
          let record: unknown = real;
          if (chosen.kind === "old") record = { ...real, version: chosen.version };
          else if (chosen.kind !== "real") {
            const { data } = chosen;
            const paths = [
              ...Object.keys(data.files),
              ...(chosen.kind === "paths" ? chosen.aimed.map((path) => path.replace("<outside>", cwd)) : []),
            ];
            // Each path recorded with what the file it reaches holds, as if ours and unchanged since: were one not
            // confined, update would take that file for one the preset dropped, and remove it.
            const files = Object.fromEntries(paths.map((path) => [path, holding(root, path)]));
            const packs = chosen.kind === "merged" ? data.packs : real.packs;
            record = chosen.kind === "hostile" ? data : { ...real, files: { ...real.files, ...files }, packs };
          }
          if (record !== real) writeFileSync(recordPath, JSON.stringify(record));
          const before = guarded(cwd, root);
          rmSync(ranLog, { force: true });
          lap("layout");
          const { calls, problems, exec, fetched } = standIn(cwd, record);
          const argv = COMMANDS[command] as string[];
          process.env.PATH = sentinels;
          const result = await runCli(argv, {
            cwd: root,
            env: { PATH: sentinels, HOME: outside },
            exec: (program, args, at) => exec(program, args, at),
          }).finally(() => {
            process.env.PATH = savedPath;
          });
          lap("command");
          const why = `${argv.join(" ")} with ${journal?.[0].slice(0, 300)} and a ${chosen.kind} record ${JSON.stringify(
            chosen,
          ).slice(0, 400)}: ${result.stderr.slice(0, 600)} (calls: ${calls.join("; ").slice(0, 400)})`;
          expect(guarded(cwd, root), why).toEqual(before);
          expect(existsSync(ranLog) ? readFileSync(ranLog, "utf8") : "", why).toBe("");
          expect(result.stdout, why).not.toContain("someone else's");
          expect(problems, why).toEqual([]);
          expect([0, 1, 2], why).toContain(result.code);
          // check's exit 1 lists its findings, one per line; any other failure is one line.
          if (result.code === 2 || (result.code === 1 && argv[0] !== "check")) oneLine(result.stderr, why);
          seen.journals += journal ? 1 : 0;
          seen.fetched += fetched() ? 1 : 0;
          seen.ranOld += calls.some((call) => call.startsWith("node ")) ? 1 : 0;
          seen.byCode[result.code] = (seen.byCode[result.code] ?? 0) + 1;
        } finally {
          rmSync(cwd, { recursive: true, force: true });
          lap("compare");
        }
      }),
      { numRuns: RUNS },
    );
    console.log(
      `hostile commands: ${RUNS} runs, ${seen.journals} with a hostile journal, ${seen.fetched} fetched a 0.1.0 base from the registry stand-in (${seen.ranOld} ran 0.1.0's bin${oldOutput ? "" : ", never made"}); exits 0/1/2: ${seen.byCode.join("/")}; per run ${(ms.layout / RUNS).toFixed(1)} ms laying out, ${(ms.command / RUNS).toFixed(1)} ms in the command, ${(ms.compare / RUNS).toFixed(1)} ms comparing and removing`,
    );
  }, 1_800_000);
});
