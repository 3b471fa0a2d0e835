#!/usr/bin/env node
// Two builds of the bin, paired: alternated runs of `node BIN <tmp>/svc --yes --no-git --no-install` (or
// `--version`, or with `--dry-run`), and the median of each round's ratio, which cancels the machine's drift.
// Each bin keeps its code cache in a folder of its own (filled by the warm-up): in one shared folder each
// build's cache write drops the other build's cache (io/code-cache.ts keeps one build per Node), so both
// would run cold and the comparison would say nothing of a user's warm run. With --first-run each run gets
// an empty folder, as a user's first run of a version finds.
// Both run on one Node: --node=PATH (default the one running this script); the environment is a few variables
// (no NODE_EXTRA_CA_CERTS). The load average is printed beside the figures: on a shared machine it says how far
// to trust them.
//   node scripts/ab.mjs A/dist/cli.cjs B/dist/cli.cjs [ROUNDS] [--version|--dry|--first-run] [--node=PATH]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const nodeFlag = process.argv.find((arg) => arg.startsWith("--node="));
const node = nodeFlag ? resolve(nodeFlag.slice("--node=".length)) : process.execPath;
const [aArg, bArg, rounds = "40", mode] = process.argv.slice(2).filter((arg) => arg !== nodeFlag);
if (!aArg || !bArg) {
  console.error("usage: node scripts/ab.mjs A_BIN B_BIN [ROUNDS] [--version|--dry|--first-run]");
  process.exit(2);
}
const [a, b] = [resolve(aArg), resolve(bArg)];
const loadNow = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const loadAtStart = loadNow();
const made = [];
const codeCaches = new Map(
  [a, b].map((bin, i) => [bin, mkdtempSync(join(tmpdir(), `spec-agent-ab-cache-${"ab"[i]}-`))]),
);
made.push(...codeCaches.values());
function time(bin) {
  const dir = mkdtempSync(join(tmpdir(), "spec-agent-ab-"));
  const args =
    mode === "--version"
      ? [bin, "--version"]
      : [bin, join(dir, "svc"), "--yes", "--no-git", "--no-install", ...(mode === "--dry" ? ["--dry-run"] : [])];
  const started = process.hrtime.bigint();
  const cache = mode === "--first-run" ? join(dir, "code-cache") : codeCaches.get(bin);
  const env = { PATH: "", NO_COLOR: "1", HOME: dir, NODE_COMPILE_CACHE: cache };
  const result = spawnSync(node, args, { cwd: dir, env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Removed at the end: a file system without a journal makes new inodes slow for 30 s after deletions.
  made.push(dir);
  if (result.status !== 0) throw new Error(`${bin}: exit ${result.status}: ${result.stderr}`);
  return ms;
}
for (let i = 0; i < 5; i++) {
  time(a);
  time(b);
}
// --version never writes a cache (too little of the program runs); otherwise each warm folder must now hold its bin's.
if (mode !== "--version" && mode !== "--first-run") {
  for (const [bin, dir] of codeCaches) {
    const caches = readdirSync(dir).filter((name) => name.endsWith(".cache") && statSync(join(dir, name)).size > 0);
    if (caches.length !== 1) throw new Error(`${bin}: the warm-up left ${caches.length} code caches in ${dir}`);
  }
}
const as = [];
const bs = [];
const ratios = [];
for (let i = 0; i < Number(rounds); i++) {
  const [ta, tb] = i % 2 ? [time(a), time(b)] : ((tb) => [time(a), tb])(time(b));
  as.push(ta);
  bs.push(tb);
  ratios.push(ta / tb);
}
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
console.log(
  `Node ${version}: A ${median(as).toFixed(1)} ms, B ${median(bs).toFixed(1)} ms, A/B by round ${median(ratios).toFixed(3)}x (load average ${loadAtStart} at the start, ${loadNow()} at the end)`,
);
for (const dir of made) rmSync(dir, { recursive: true, force: true });
