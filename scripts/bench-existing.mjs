#!/usr/bin/env node
/**
 * `npm run bench`, second part: the commands for repositories that exist (issue 13).
 *
 *   node scripts/bench-existing.mjs [--runs N] [--warmup N] [--node PATH]
 *
 * (d) `add plan TITLE` in a repository after init vs `node -e 0`: wall time; each run adds a new plan
 *     (a title of its own), which is removed after the run, outside the timing; warm (the code cache
 *     filled by the warm-up) and as a first run (an empty cache folder each run);
 * (e) `check` on a generated tree with 10,000 spec files (100 plans, 9,800 tasks each linked to its plan and
 *     depending on the one before, 100 context notes, all from the preset's templates) vs a bare read: a Node
 *     script that walks spec/ and reads each file once;
 * (f) `check` on the same shape with 1,000 spec files: 10x the files should cost at most 12x the time.
 *
 * Method as scripts/bench.mjs: warm-up runs, then timed runs alternating the two commands of a pair and flipping
 * their order every round; wall time is process.hrtime.bigint() around spawnSync; medians are compared. Both
 * sides run on the same Node (--node, default the one running this script) and without NODE_EXTRA_CA_CERTS
 * (Node parses that bundle at every start, about 50 ms on the project's VM, which hid our own time). Writes
 * bench/existing.json and bench/existing.md (with --node: bench/existing-<version>.*); exits 0 whatever the
 * ratios, 1 only when a command fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BARE_READ, specTree } from "./spec-tree.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli.cjs");
// The bin's code cache in a folder of this bench's own, filled by the warm-up (as in scripts/bench.mjs).
const codeCache = mkdtempSync(join(tmpdir(), "spec-agent-bench-cache-"));
const { NODE_EXTRA_CA_CERTS: _certificates, ...inherited } = process.env;
const env = { ...inherited, NO_COLOR: "1", CI: "1", NODE_COMPILE_CACHE: codeCache };

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i === -1 ? fallback : Math.max(1, Number(args[i + 1]));
};
const RUNS = option("--runs", 30);
const WARMUP = option("--warmup", 3);
const nodeAt = args.indexOf("--node");
const node = nodeAt === -1 ? process.execPath : args[nodeAt + 1];
const nodeVersion = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
const loadAtStart = loadavg().map((n) => n.toFixed(2));

function run(argv, cwd, extraEnv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, argv, {
    cwd,
    env: extraEnv ? { ...env, ...extraEnv } : env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    console.error(`bench: ${argv.join(" ")} exited ${result.status}: ${result.stderr}`);
    process.exit(1);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Alternated runs of two commands (each a function that runs once and returns ms). */
function pair(a, b, runs = RUNS) {
  for (let i = 0; i < WARMUP; i++) {
    a();
    b();
  }
  const times = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    // The order flips every round, so that drift on the machine falls on both alike.
    const first = i % 2 === 0 ? ["a", a] : ["b", b];
    const second = i % 2 === 0 ? ["b", b] : ["a", a];
    times[first[0]].push(first[1]());
    times[second[0]].push(second[1]());
  }
  return { a: median(times.a), b: median(times.b) };
}

const tree = (files) => specTree(node, cli, env, files);
const bare = join(mkdtempSync(join(tmpdir(), "spec-agent-bench-")), "bare-read.cjs");
writeFileSync(bare, BARE_READ);

run([join(root, "build/build.mjs")], root);
const small = tree(1_000);
const large = tree(10_000);
let n = 0;
const addPlan = () => {
  const ms = run([cli, "add", "plan", `Bench plan ${++n}`], small);
  rmSync(join(small, `spec/plan/bench-plan-${n}.md`));
  return ms;
};
const nodeStart = () => run(["-e", "0"], root);
const d = pair(addPlan, nodeStart);
// A first run of a version (or under a new Node): no code cache yet, so an empty cache folder each time.
const fresh = mkdtempSync(join(tmpdir(), "spec-agent-bench-first-"));
const addPlanFirst = () => {
  const ms = run([cli, "add", "plan", `Bench plan ${++n}`], small, { NODE_COMPILE_CACHE: join(fresh, String(n)) });
  rmSync(join(small, `spec/plan/bench-plan-${n}.md`));
  return ms;
};
const dFirst = pair(addPlanFirst, nodeStart);
const e = pair(
  () => run([cli, "check"], large),
  () => run([bare, "spec"], large),
  Math.max(5, RUNS >> 2),
);
const f = pair(
  () => run([cli, "check"], large),
  () => run([cli, "check"], small),
  Math.max(5, RUNS >> 2),
);

const r3 = (x) => Math.round(x * 1000) / 1000;
const results = {
  when: new Date().toISOString(),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? "?"}, Node ${nodeVersion}`,
  node: nodeVersion,
  loadAverageAtStart: loadAtStart,
  runs: RUNS,
  addPlan: { ms: d.a, nodeMs: d.b, ratio: r3(d.a / d.b), target: 1.2 },
  addPlanFirst: { ms: dFirst.a, nodeMs: dFirst.b, ratio: r3(dFirst.a / dFirst.b) },
  check10k: { ms: e.a, bareReadMs: e.b, ratio: r3(e.a / e.b), target: 2.5 },
  linear: { ms10k: f.a, ms1k: f.b, ratio: r3(f.a / f.b), netRatio: r3((f.a - d.b) / (f.b - d.b)), target: 12 },
};
const verdict = (ratio, target) => (ratio <= target ? "PASS" : "MISS");
const md = [
  "# Bench: repositories that exist",
  "",
  `${results.when}, ${results.machine}, load average at start ${loadAtStart.join(" ")}; medians of ${RUNS} alternated runs (check: ${Math.max(5, RUNS >> 2)}); no NODE_EXTRA_CA_CERTS on either side.`,
  "",
  "| | ours | theirs | ratio | target |",
  "| --- | --- | --- | --- | --- |",
  `| \`add plan\` vs \`node -e 0\` | ${d.a.toFixed(1)} ms | ${d.b.toFixed(1)} ms | ${results.addPlan.ratio}x | ≤ 1.2x ${verdict(results.addPlan.ratio, 1.2)} |`,
  `| \`add plan\`, first run (no code cache), vs \`node -e 0\` | ${dFirst.a.toFixed(1)} ms | ${dFirst.b.toFixed(1)} ms | ${results.addPlanFirst.ratio}x | for information |`,
  `| \`check\`, 10,000 spec files, vs a bare read | ${e.a.toFixed(1)} ms | ${e.b.toFixed(1)} ms | ${results.check10k.ratio}x | ≤ 2.5x ${verdict(results.check10k.ratio, 2.5)} |`,
  `| \`check\`, 10,000 vs 1,000 spec files | ${f.a.toFixed(1)} ms | ${f.b.toFixed(1)} ms | ${results.linear.ratio}x (${results.linear.netRatio}x less Node's start) | ≤ 12x ${verdict(results.linear.netRatio, 12)} |`,
  "",
].join("\n");
const name = nodeAt === -1 ? "existing" : `existing-${nodeVersion}`;
writeFileSync(join(root, `bench/${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, `bench/${name}.md`), md);
console.log(md);
rmSync(join(small, ".."), { recursive: true, force: true });
rmSync(join(large, ".."), { recursive: true, force: true });
rmSync(join(bare, ".."), { recursive: true, force: true });
rmSync(codeCache, { recursive: true, force: true });
rmSync(fresh, { recursive: true, force: true });
