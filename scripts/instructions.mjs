#!/usr/bin/env node
/**
 * Instructions, not milliseconds: on a machine other sessions share, wall time scatters with the load, while
 * the number of instructions a process runs barely moves. Each command runs under valgrind's callgrind (its
 * "Collected" total: user-space instructions of the whole process, every thread), the median of --runs runs,
 * against the floor it is judged by:
 *   create, create --dry-run      (the bin, warm)               vs `node -e 0`
 *   add plan | task | context     (in a repository after init)  vs `node -e 0`
 *   check                          (1,000 spec files)            vs a bare read of the same files
 *   create, warm and first run (an empty cache folder each run)  vs create-vite, warm (Node's compile cache on,
 *                                  as `npm run bench` runs it), when node_modules/create-vite is there
 * Warm = the bin's code cache filled by two runs of the same command first, in a folder of that bin and
 * command's own (as a user who runs the command again finds it). Several bins (builds) are measured side by
 * side on the same trees. Both sides run without NODE_EXTRA_CA_CERTS, with CI=1 and NO_COLOR=1.
 *
 *   node scripts/instructions.mjs [--node PATH] [--runs N] [--files N] [--only check|add] [BIN ...]   (default BIN: dist/cli.cjs)
 *
 * `--only check` measures check and the bare read alone (at 10,000 files, the rest would take long for nothing);
 * `--only add` measures add plan, task and context and `node -e 0` alone.
 *
 * Needs valgrind (apt-get install valgrind). Each run takes 5 to 60 s: valgrind runs the process about 50x slower.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BARE_READ, specTree } from "./spec-tree.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const flags = new Map();
const bins = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith("--")) flags.set(args[i], args[++i]);
  else bins.push(resolve(args[i]));
}
if (bins.length === 0) bins.push(join(root, "dist", "cli.cjs"));
const node = resolve(flags.get("--node") ?? process.execPath);
const runs = Number(flags.get("--runs") ?? 3);
const files = Number(flags.get("--files") ?? 1000);
const only = flags.get("--only");
if (only !== undefined && only !== "check" && only !== "add") throw new Error(`--only takes check or add, not ${only}`);

const scratch = mkdtempSync(join(tmpdir(), "spec-agent-instructions-"));
const { NODE_EXTRA_CA_CERTS: _certificates, ...inherited } = process.env;
const baseEnv = { ...inherited, NO_COLOR: "1", CI: "1" };

/**
 * One run; under valgrind, its instructions less those of V8's hash seed set-up (HashSeed::InitializeRoots,
 * which looks for random primes: 5 to 15 million instructions, at random, in every process from Node 24 on,
 * `node -e 0` included), so that two builds differ by what they do, not by the dice.
 */
function run(argv, cwd, env, underValgrind) {
  const out = join(scratch, "callgrind.out");
  const command = underValgrind
    ? ["valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, node, ...argv]]
    : [node, argv];
  const result = spawnSync(command[0], command[1], { cwd, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${argv.join(" ")} exited ${result.status}: ${result.stderr}`);
  if (!underValgrind) return 0;
  const collected = /Collected : (\d+)/.exec(result.stderr);
  if (!collected) throw new Error(`no instruction count from valgrind: ${result.stderr}`);
  const annotated = spawnSync("callgrind_annotate", ["--inclusive=yes", "--threshold=100", out], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  const seed = Math.max(
    0,
    ...[...annotated.matchAll(/^\s*([\d,]+) .*HashSeed::InitializeRoots/gm)].map((m) =>
      Number(m[1].replaceAll(",", "")),
    ),
  );
  rmSync(out);
  return Number(collected[1]) - seed;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** `argv(i)` gives run i's arguments (a new folder or title each time); `after(i)` clears what run i made. */
function measure(argv, cwd, env, after = () => {}) {
  for (let i = 0; i < 2; i++) {
    run(argv(`w${i}`), cwd, env, false);
    after(`w${i}`);
  }
  const counts = [];
  for (let i = 0; i < runs; i++) {
    counts.push(run(argv(String(i)), cwd, env, true));
    after(String(i));
  }
  return median(counts);
}

const repo = specTree(node, bins[0], { ...baseEnv, NODE_COMPILE_CACHE: join(scratch, "init-cache") }, files);
const firstPlan = join(repo, "spec/plan/plan-0.md");
const firstPlanText = readFileSync(firstPlan);
const bare = join(scratch, "bare-read.cjs");
writeFileSync(bare, BARE_READ);
const floorEnv = { ...baseEnv, NODE_DISABLE_COMPILE_CACHE: "1" };
const nodeStart = only === "check" ? Number.NaN : measure(() => ["-e", "0"], scratch, floorEnv);
const bareRead = only === "add" ? Number.NaN : measure(() => [bare, "spec"], repo, floorEnv);

const createVite = join(root, "node_modules", "create-vite", "index.js");
const viteDir = join(scratch, "vite");
mkdirSync(viteDir);
const vite =
  only === undefined && existsSync(createVite)
    ? measure(
        (i) => [createVite, `app-${i}`, "--template", "vanilla-ts", "--no-interactive"],
        viteDir,
        { ...baseEnv, NODE_COMPILE_CACHE: join(scratch, "vite-cache") },
        (i) => rmSync(join(viteDir, `app-${i}`), { recursive: true, force: true }),
      )
    : undefined;

/** A first run: no warm-up, and each run a cache folder no run has used. */
function firstRuns(argv, cwd) {
  const counts = [];
  for (let i = 0; i < runs; i++)
    counts.push(
      run(
        argv(`first-${i}`),
        cwd,
        { ...baseEnv, NODE_COMPILE_CACHE: join(scratch, `first-cache-${i}-${Math.random()}`) },
        true,
      ),
    );
  return median(counts);
}

const rows = [];
for (const [b, bin] of bins.entries()) {
  const cacheFor = (command) => ({ ...baseEnv, NODE_COMPILE_CACHE: join(scratch, `cache-${b}-${command}`) });
  const created = join(scratch, `created-${b}`);
  mkdirSync(created);
  const create = (extra) => (i) => [bin, join(created, `svc-${extra.length}-${i}`), "--yes", "--no-git", ...extra];
  let title = 0;
  // Each run's new file goes after the run, and the plan a task links back to gets its text back.
  const add = (kind, extra = []) =>
    measure(
      () => [bin, "add", kind, `Bench ${kind} ${b} ${++title}`, ...extra],
      repo,
      cacheFor(`add-${kind}`),
      () => {
        const folder = join(repo, "spec", kind);
        for (const name of readdirSync(folder)) if (name.includes("bench-")) rmSync(join(folder, name));
        writeFileSync(firstPlan, firstPlanText);
      },
    );
  if (only === "add") {
    rows.push({
      bin,
      "add plan (warm)": [add("plan"), nodeStart],
      "add task (warm)": [add("task", ["--plan", "plan-0"]), nodeStart],
      "add context (warm)": [add("context"), nodeStart],
    });
    continue;
  }
  const check = [measure(() => [bin, "check"], repo, cacheFor("check")), bareRead];
  if (only === "check") {
    rows.push({ bin, [`check, ${files} spec files (warm)`]: check });
    continue;
  }
  const warmCreate = measure(create(["--no-install"]), scratch, cacheFor("create"));
  const firstCreate = firstRuns(create(["--no-install"]), scratch);
  rows.push({
    bin,
    "create (warm)": [warmCreate, nodeStart],
    "create, first run": [firstCreate, nodeStart],
    ...(vite === undefined
      ? {}
      : {
          "create (warm) vs create-vite (warm)": [warmCreate, vite],
          "create, first run vs create-vite (warm)": [firstCreate, vite],
        }),
    "create --dry-run (warm)": [measure(create(["--no-install", "--dry-run"]), scratch, cacheFor("dry")), nodeStart],
    "add plan (warm)": [add("plan"), nodeStart],
    "add task (warm)": [add("task", ["--plan", "plan-0"]), nodeStart],
    "add context (warm)": [add("context"), nodeStart],
    [`check, ${files} spec files (warm)`]: check,
  });
}

const m = (n) => `${(n / 1e6).toFixed(1)}M`;
const lines = [
  `${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, Node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()}, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(
      " ",
    )}; instructions (callgrind, less V8's random hash seed set-up), median of ${runs}; node -e 0 ${only === "check" ? "not run" : m(nodeStart)}, a bare read of the ${files} spec files ${only === "add" ? "not run" : m(bareRead)}${vite === undefined ? "" : `, create-vite (warm) ${m(vite)}`}.`,
  "",
  `| command | ${bins.map((_bin, i) => `${"ABCDEFGH"[i]}: ours | ratio`).join(" | ")} |`,
  `| --- | ${bins.map(() => "--- | ---").join(" | ")} |`,
];
for (const command of Object.keys(rows[0]).filter((key) => key !== "bin"))
  lines.push(
    `| ${command} | ${rows.map((row) => `${m(row[command][0])} | ${(row[command][0] / row[command][1]).toFixed(3)}x`).join(" | ")} |`,
  );
lines.push("", ...bins.map((bin, i) => `${"ABCDEFGH"[i]}: ${bin}`));
console.log(lines.join("\n"));
rmSync(scratch, { recursive: true, force: true });
rmSync(join(repo, ".."), { recursive: true, force: true });
