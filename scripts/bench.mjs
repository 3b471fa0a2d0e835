#!/usr/bin/env node
/**
 * `npm run bench`: measures create-spec-agent against create-vite and plop, side by side, on this machine.
 *
 *   node scripts/bench.mjs [--runs N] [--warmup N] [--skip-install] [--node PATH]
 *
 * --node runs both sides of every pair on that Node (default: the Node running this script) and writes
 * bench/results-<version>.json and .md instead of bench/results.*; `npm run bench` (scripts/bench-nodes.mjs)
 * runs it on each Node of scripts/node-versions.txt and the machine's, and prints one table for all.
 *
 * (a) a full create, `create-spec-agent DIR --yes --no-git --no-install` vs
 *     `create-vite DIR --template vanilla-ts --no-interactive`: wall time and peak RSS;
 * (b) `create-spec-agent --version` vs `node -e 0`: wall time (and peak RSS, for information);
 * (c) installing each package into an empty folder with a fresh npm cache: packages and bytes in node_modules;
 *     ours is the tarball `npm pack` makes of this checkout, create-vite@9 and plop@4 come from the registry.
 *
 * What the runs leave is removed only once a whole measurement is over: on ext4 without a journal (this
 * machine's), a new inode skips every inode freed in the last 30 seconds (the kernel's recently_deleted(), in
 * find_inode_bit()), so a harness that deleted each run's folder straight away made each file the next run
 * created cost ten times more (about 0.6 ms of system time instead of 0.06), which no user's single run pays,
 * and the more so the more files a command writes.
 *
 * The children get the environment without NODE_EXTRA_CA_CERTS: with it Node parses that certificate
 * bundle at every start (about 50 ms here, more than the rest of Node's start), which neither command
 * needs and a user's machine seldom sets; it would add the same constant to both sides of every ratio.
 *
 * Method. Each command gets --warmup runs (default 3), then --runs timed runs (default 60: fewer leave
 * the create ratio a few percent apart from one run to the next on a VM), alternating between
 * the two commands and flipping the order every round (A B, B A, A B, ...), so that drift on the machine falls on
 * both alike. Wall time is process.hrtime.bigint() around spawnSync of the bare command. Peak memory is measured
 * in separate runs (also alternated) under `/usr/bin/time -f %M`, which reports the child's ru_maxrss in KiB; it
 * wraps the command in a separate run so that its own fork/exec never adds to the wall times. Without
 * /usr/bin/time (Debian package `time`) peak memory is not measured and its target reads "n/a". Every create run
 * writes into a fresh temporary folder; all of them are removed once the last measurement is over.
 *
 * The targets compare medians. Since each round runs both commands back to back, the round-by-round ratio is also
 * given (median and middle half): on a machine whose speed drifts, it shows how far the ratio of medians can be trusted.
 *
 * Prints a table with medians and ratios (ours / theirs) and PASS/MISS per target from issue 4, and writes
 * bench/results.json and bench/results.md. Exits 0 whatever the ratios: a benchmark measures, it does not assert.
 * It exits 1 only when a command under measurement fails, since then there is nothing valid to report.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installedPackages } from "./installed-packages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli.cjs");
const createVite = join(root, "node_modules", "create-vite", "index.js");
const TIME = "/usr/bin/time";
const KIB = 1024;

// ---------------------------------------------------------------------------------------------- arguments

function parseArgs(argv) {
  const options = { runs: 60, warmup: 3, install: true, node: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split("=", 2);
    const value = () => {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) fail(`${flag} wants a whole number, got ${raw}`);
      return n;
    };
    if (flag === "--runs") options.runs = Math.max(1, value());
    else if (flag === "--warmup") options.warmup = value();
    else if (flag === "--skip-install") options.install = false;
    else if (flag === "--node") options.node = inline ?? argv[++i];
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: node scripts/bench.mjs [--runs N (60)] [--warmup N (3)] [--skip-install] [--node PATH]");
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------- running

const hasTime = existsSync(TIME);
/** Commands run with no terminal, no colour and no stdin, as CI runs them. */
const { NODE_EXTRA_CA_CERTS: _certificates, ...inherited } = process.env;
/**
 * Our bin keeps V8's code cache where Node keeps its compile cache (src/io/code-cache.ts): a folder of the
 * bench's own, filled by the warm-up, so the figures do not hang on what earlier runs left in /tmp.
 */
const codeCache = mkdtempSync(join(tmpdir(), "spec-agent-bench-cache-"));
/** Folders the runs wrote, removed only once every measurement is over (see the header). */
const leftovers = [codeCache];
const childEnv = { ...inherited, NO_COLOR: "1", FORCE_COLOR: "0", NODE_COMPILE_CACHE: codeCache };

/** One run of `argv` in `cwd`; returns wall milliseconds, or peak RSS in KiB when `memory` is set. */
function runOnce(argv, cwd, memory, env = childEnv) {
  let command = argv;
  let timeFile;
  if (memory) {
    timeFile = join(cwd, "..", `time-${process.pid}.txt`);
    command = [TIME, "-f", "%M", "-o", timeFile, ...argv];
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    cwd,
    env,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${argv.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${argv.join(" ")} exited ${result.status ?? result.signal} in ${cwd}\n${result.stderr}`);
  }
  if (!memory) return ms;
  const kib = Number.parseInt(readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "", 10);
  rmSync(timeFile, { force: true });
  if (!Number.isFinite(kib)) throw new Error(`${TIME} gave no peak RSS for ${argv.join(" ")}`);
  return kib;
}

/**
 * Times `commands` ({ name, display, argv(), env?(cwd), check?(cwd) }) side by side. Each run gets a fresh working folder;
 * `check(cwd)`, when given, runs once after the first run (outside the timing) and throws when the command did not do
 * its job, so that a broken command is never timed.
 */
function measure(commands, { runs, warmup, memory, label }) {
  const wall = commands.map(() => []);
  const rss = commands.map(() => []);
  // Every run's folder sits in this one, removed after the last measurement (see the header: deleting between runs slows them).
  const scratch = mkdtempSync(join(tmpdir(), "spec-agent-bench-"));
  leftovers.push(scratch);
  let count = 0;
  const once = (index, useMemory) => {
    const command = commands[index];
    const cwd = join(scratch, String(count++), "cwd");
    mkdirSync(cwd, { recursive: true });
    const value = runOnce(
      command.argv(),
      cwd,
      useMemory,
      command.env ? { ...childEnv, ...command.env(cwd) } : childEnv,
    );
    if (command.check && !command.checked) {
      command.check(cwd);
      command.checked = true;
    }
    return value;
  };
  process.stderr.write(`  ${label}: warm-up`);
  for (let i = 0; i < warmup; i++) for (let c = 0; c < commands.length; c++) once(c, false);
  process.stderr.write(", timed runs");
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? commands.map((_, c) => c) : commands.map((_, c) => c).reverse();
    for (const c of order) wall[c].push(once(c, false));
  }
  if (memory && hasTime) {
    process.stderr.write(", peak-memory runs");
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? commands.map((_, c) => c) : commands.map((_, c) => c).reverse();
      for (const c of order) rss[c].push(once(c, true));
    }
  }
  process.stderr.write("\n");
  return commands.map((command, c) => ({
    name: command.name,
    command: command.display,
    wallMs: summary(wall[c]),
    // Each round's ratio to the last command: both ran back to back, so drift on the machine cancels out.
    pairedRatio: c < commands.length - 1 ? quartiles(wall[c].map((ms, i) => ms / wall.at(-1)[i])) : null,
    peakRssKiB: rss[c].length > 0 ? summary(rss[c]) : null,
  }));
}

/** Median and the middle half (first and third quartiles, nearest rank). */
function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { q1: round(at(0.25), 3), median: round(at(0.5), 3), q3: round(at(0.75), 3) };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const sd = Math.sqrt(sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, sorted.length - 1));
  return {
    median: round(median),
    mean: round(mean),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    stddev: round(sd),
    n: sorted.length,
  };
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function countFiles(dir) {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------- installs

/** npm with the given (fresh) cache and the user's other settings; output captured, failure thrown. */
function npm(args, cwd, cache) {
  const result = spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      npm_config_cache: cache,
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      npm_config_loglevel: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}: ${result.error?.message ?? result.stderr}`);
  }
  return result.stdout;
}

/** Apparent bytes of a tree, as `du -sb` counts them; a walk of file sizes where du is missing. */
function treeBytes(dir) {
  const du = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  if (du.status === 0) return Number.parseInt(du.stdout, 10);
  let bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else bytes += lstatSync(path).size;
    }
  };
  walk(dir);
  return bytes;
}

/** Installs `spec` into an empty folder with a fresh cache, then counts what landed in node_modules. */
function installFootprint(name, spec, packedBytes) {
  const base = mkdtempSync(join(tmpdir(), "spec-agent-bench-install-"));
  try {
    const dir = join(base, "app");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "bench-install", private: true }, null, 2)}\n`);
    const start = process.hrtime.bigint();
    npm(["install", "--no-audit", "--no-fund", "--no-package-lock", spec], dir, join(base, "cache"));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const packages = installedPackages(join(dir, "node_modules"));
    const top = packages.find((path) => path === join(dir, "node_modules", name));
    const version = top ? JSON.parse(readFileSync(join(top, "package.json"), "utf8")).version : null;
    if (packedBytes === undefined) {
      const info = JSON.parse(npm(["pack", "--dry-run", "--json", `${name}@${version}`], base, join(base, "cache")));
      packedBytes = info[0]?.size ?? null;
    }
    return {
      name,
      spec: spec.startsWith("/") ? "npm pack of this checkout" : spec,
      version,
      packages: packages.length,
      bytes: treeBytes(join(dir, "node_modules")),
      packedBytes,
      installMs: round(ms, 0),
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function measureInstalls() {
  process.stderr.write("  (c) install footprint: npm pack, then three installs from the registry\n");
  const packDir = mkdtempSync(join(tmpdir(), "spec-agent-bench-pack-"));
  try {
    const out = npm(
      ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir],
      root,
      join(packDir, "cache"),
    );
    const info = JSON.parse(out)[0];
    const tarball = join(packDir, info.filename);
    return [
      installFootprint("create-spec-agent", tarball, info.size),
      installFootprint("create-vite", "create-vite@9", undefined),
      installFootprint("plop", "plop@4", undefined),
    ];
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- machine

function machine(node) {
  const sh = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    dateUtc: sh("date", ["-u"]) ?? new Date().toUTCString(),
    nproc: Number(sh("nproc", [])) || availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? "unknown",
    memoryGiB: round(totalmem() / KIB ** 3, 1),
    os: `${process.platform} ${release()}`,
    node: spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim(),
    npm: sh("npm", ["--version"]),
    loadAverageAtStart: loadavg().map((n) => round(n)),
    peakMemoryTool: hasTime ? `${TIME} -f %M (ru_maxrss, KiB)` : null,
  };
}

// ---------------------------------------------------------------------------------------------- report

const ratio = (ours, theirs) => (ours == null || theirs == null || theirs === 0 ? null : round(ours / theirs, 3));
const fmtMs = (s) => (s ? `${s.median.toFixed(1)} ms` : "n/a");
const fmtKiB = (s) => (s ? `${(s.median / KIB).toFixed(1)} MiB` : "n/a");
const fmtRatio = (r) => (r == null ? "n/a" : `${r.toFixed(3)}x`);
const fmtBytes = (b) =>
  b == null ? "n/a" : b >= KIB * KIB ? `${(b / KIB / KIB).toFixed(1)} MiB` : `${(b / KIB).toFixed(1)} KiB`;

function targets(results) {
  const [oursCreate, vite] = results.create;
  const [oursVersion, bare] = results.version;
  const ours = results.install?.find((r) => r.name === "create-spec-agent");
  const check = (name, measured, limit, ok) => ({
    name,
    measured,
    limit,
    result: ok == null ? "n/a" : ok ? "PASS" : "MISS",
  });
  const createRatio = ratio(oursCreate.wallMs.median, vite.wallMs.median);
  const rssRatio = ratio(oursCreate.peakRssKiB?.median, vite.peakRssKiB?.median);
  const versionRatio = ratio(oursVersion.wallMs.median, bare.wallMs.median);
  const [oursFirst, viteFirst] = results.firstCreate;
  const firstRatio = ratio(oursFirst.wallMs.median, viteFirst.wallMs.median);
  return [
    check(
      "create wall time vs create-vite",
      fmtRatio(createRatio),
      "<= 0.90x",
      createRatio == null ? null : createRatio <= 0.9,
    ),
    {
      name: "first create (no code cache yet) vs create-vite",
      measured: fmtRatio(firstRatio),
      limit: "for information",
      result: "info",
    },
    check("create peak RSS vs create-vite", fmtRatio(rssRatio), "<= 1.00x", rssRatio == null ? null : rssRatio <= 1),
    check(
      "--version wall time vs node -e 0",
      fmtRatio(versionRatio),
      "<= 1.20x",
      versionRatio == null ? null : versionRatio <= 1.2,
    ),
    check("packages installed", ours ? String(ours.packages) : "n/a", "1", ours ? ours.packages === 1 : null),
    check("packed size", fmtBytes(ours?.packedBytes), "<= 280 KiB", ours ? ours.packedBytes <= 280 * KIB : null),
  ];
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function pairedLine(paired) {
  return `Round by round (ours / theirs within each round, which cancels drift on the machine): median ${fmtRatio(paired.median)}, middle half ${fmtRatio(paired.q1)} to ${fmtRatio(paired.q3)}.`;
}

function render(results) {
  const m = results.machine;
  const [oursCreate, vite] = results.create;
  const [oursVersion, bare] = results.version;
  const timing = (pair, withRss) =>
    table(
      ["command", "wall median", "min", "max", "peak RSS median", "ratio wall", ...(withRss ? ["ratio RSS"] : [])],
      pair.map((r, i) => [
        `\`${r.command}\``,
        fmtMs(r.wallMs),
        fmtMs({ median: r.wallMs.min }),
        fmtMs({ median: r.wallMs.max }),
        fmtKiB(r.peakRssKiB),
        i === 0 ? fmtRatio(ratio(r.wallMs.median, pair[1].wallMs.median)) : fmtRatio(1),
        ...(withRss
          ? [
              i === 0
                ? fmtRatio(ratio(r.peakRssKiB?.median, pair[1].peakRssKiB?.median))
                : pair[1].peakRssKiB
                  ? fmtRatio(1)
                  : "n/a",
            ]
          : []),
      ]),
    );
  const parts = [
    `# Benchmark: create-spec-agent ${results.version_of_ours}`,
    "",
    `Date: ${m.dateUtc} (${m.date}). Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}, npm ${m.npm}; load average at start ${m.loadAverageAtStart.join(" ")} (1, 5, 15 min).`,
    `Method: \`npm run bench\` (scripts/bench.mjs): ${results.warmup} warm-up runs per command, then ${results.runs} runs per command alternating between the two (order flipped every round); wall time is the median of \`process.hrtime\` around \`spawnSync\`; peak RSS is the median of separate alternated runs under ${m.peakMemoryTool ?? "(not measured: /usr/bin/time missing)"}; each create writes into a fresh temporary folder, all removed after the last measurement; the children's environment has no NODE_EXTRA_CA_CERTS, and our bin's code cache sits in a folder of the bench's own, filled before the timed runs (a program is cached on its second run). Ratios are ours / theirs.`,
    "",
    `## (a) Create a project (ours writes ${results.filesWritten.ours} files, create-vite ${results.filesWritten.vite})`,
    "",
    timing([oursCreate, vite], true),
    "",
    pairedLine(oursCreate.pairedRatio),
    "",
    "The first run of a version, or under another Node, finds no code cache yet (the bin compiles its program and leaves the cache for the next run, src/io/code-cache.ts):",
    "",
    timing(results.firstCreate, false),
    "",
    pairedLine(results.firstCreate[0].pairedRatio),
    "",
    "## (b) Start-up: `--version` against bare Node",
    "",
    timing([oursVersion, bare], true),
    "",
    pairedLine(oursVersion.pairedRatio),
    "",
  ];
  if (results.install) {
    const ours = results.install[0];
    parts.push(
      "## (c) Install footprint (into an empty folder, fresh npm cache)",
      "",
      table(
        [
          "package",
          "version",
          "packages installed",
          "ours / theirs",
          "node_modules bytes (du -sb)",
          "ours / theirs",
          "packed (top package)",
        ],
        results.install.map((r) => [
          `${r.name} (${r.spec})`,
          r.version ?? "n/a",
          r.packages,
          fmtRatio(ratio(ours.packages, r.packages)),
          `${r.bytes} (${fmtBytes(r.bytes)})`,
          fmtRatio(ratio(ours.bytes, r.bytes)),
          fmtBytes(r.packedBytes),
        ]),
      ),
      "",
    );
  } else {
    parts.push("## (c) Install footprint", "", "Skipped (--skip-install).", "");
  }
  parts.push(
    "## Targets (issue 4)",
    "",
    table(
      ["target", "measured", "limit", "result"],
      results.targets.map((t) => [t.name, t.measured, t.limit, t.result]),
    ),
    "",
  );
  return parts.join("\n");
}

/** Writes beside the target, then renames: a reader never sees half a file (bench/results-*.tmp is git-ignored). */
function writeAtomic(path, text) {
  const tmpPath = join(root, "bench", `results-${process.pid}-${basename(path)}.tmp`);
  writeFileSync(tmpPath, text);
  renameSync(tmpPath, path);
}

// ---------------------------------------------------------------------------------------------- main

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(cli)) fail("dist/cli.cjs is missing: run `npm run build` first (`npm run bench` does)");
  if (!existsSync(createVite)) fail("node_modules/create-vite is missing: run `npm ci`");
  const ourVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const viteVersion = JSON.parse(
    readFileSync(join(root, "node_modules", "create-vite", "package.json"), "utf8"),
  ).version;
  const node = options.node ?? process.execPath;
  if (!existsSync(node)) fail(`--node ${node}: no such file`);
  const filesWritten = {};
  const results = {
    version_of_ours: ourVersion,
    runs: options.runs,
    warmup: options.warmup,
    machine: machine(node),
    filesWritten,
  };
  console.error(
    `bench: ${options.runs} runs after ${options.warmup} warm-up runs per command; peak memory ${hasTime ? `via ${TIME}` : "not measured (no /usr/bin/time)"}`,
  );
  try {
    // A cache is written on a program's second run: two runs here, so that whatever --warmup says, the
    // timed runs of (a) and (b) meet the cache a user's third run on meets.
    const priming = mkdtempSync(join(tmpdir(), "spec-agent-bench-prime-"));
    leftovers.push(priming);
    for (const name of ["one", "two"]) runOnce([node, cli, name, "--yes", "--no-git", "--no-install"], priming, false);
    results.create = measure(
      [
        {
          name: "create-spec-agent",
          display: "create-spec-agent DIR --yes --no-git --no-install",
          argv: () => [node, cli, "app", "--yes", "--no-git", "--no-install"],
          check: (cwd) => {
            if (!existsSync(join(cwd, "app", "pyproject.toml")))
              throw new Error("create-spec-agent wrote no pyproject.toml");
            filesWritten.ours = countFiles(join(cwd, "app"));
          },
        },
        {
          name: `create-vite@${viteVersion}`,
          display: `create-vite@${viteVersion} DIR --template vanilla-ts --no-interactive`,
          argv: () => [node, createVite, "app", "--template", "vanilla-ts", "--no-interactive"],
          check: (cwd) => {
            if (!existsSync(join(cwd, "app", "package.json"))) throw new Error("create-vite wrote no package.json");
            filesWritten.vite = countFiles(join(cwd, "app"));
          },
        },
      ],
      { ...options, memory: true, label: "(a) create" },
    );
    // A user's first run of a version (or under a new Node) finds no code cache: it compiles, and writes one.
    results.firstCreate = measure(
      [
        {
          name: "create-spec-agent, first run",
          display: "create-spec-agent DIR --yes --no-git --no-install, with an empty NODE_COMPILE_CACHE",
          argv: () => [node, cli, "app", "--yes", "--no-git", "--no-install"],
          env: (cwd) => ({ NODE_COMPILE_CACHE: join(cwd, "..", "code-cache") }),
        },
        {
          name: `create-vite@${viteVersion}`,
          display: `create-vite@${viteVersion} DIR --template vanilla-ts --no-interactive`,
          argv: () => [node, createVite, "app", "--template", "vanilla-ts", "--no-interactive"],
        },
      ],
      { ...options, memory: false, label: "(a) create, first run" },
    );
    results.version = measure(
      [
        {
          name: "create-spec-agent --version",
          display: "create-spec-agent --version",
          argv: () => [node, cli, "--version"],
        },
        { name: "node -e 0", display: "node -e 0", argv: () => [node, "-e", "0"] },
      ],
      { ...options, memory: true, label: "(b) --version" },
    );
    results.install = options.install ? measureInstalls() : null;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  }
  results.targets = targets(results);

  const markdown = render(results);
  console.log(markdown);
  mkdirSync(join(root, "bench"), { recursive: true });
  const name = options.node === undefined ? "results" : `results-${results.machine.node}`;
  writeAtomic(join(root, "bench", `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeAtomic(join(root, "bench", `${name}.md`), markdown);
  const summaryLine = results.targets.map((t) => `${t.result} ${t.name} (${t.measured}, ${t.limit})`).join("; ");
  console.error(`bench: wrote bench/${name}.json and bench/${name}.md\nbench: ${summaryLine}`);
}

main();
