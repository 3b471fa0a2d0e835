#!/usr/bin/env node
/**
 * `npm run bench`: scripts/bench.mjs (create, first create, --version, install footprint) and
 * scripts/bench-existing.mjs (add plan warm and first run, check) on each Node: the machine's and those of
 * scripts/node-versions.txt (installed by scripts/install-nodes.sh into a cache outside the repository).
 * Both sides of every pair run on the Node of that row, without NODE_EXTRA_CA_CERTS. Prints one table
 * (Node, command, ours, theirs, ratio) with the date, the machine and the load average before each Node's
 * runs, and writes it to bench/nodes.md; each Node's full report stays in bench/results-<version>.md and
 * bench/existing-<version>.md.
 *
 *   node scripts/bench-nodes.mjs [--runs N] [--only MAJOR] [--skip-install]
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};
const runs = value("--runs");
const only = value("--only");

const pinned = spawnSync("bash", [join(root, "scripts/install-nodes.sh")], { encoding: "utf8", stdio: "pipe" });
if (pinned.status !== 0) {
  console.error(`bench: the pinned Nodes did not install:\n${pinned.stderr}`);
  process.exit(1);
}
const nodes = [
  process.execPath,
  ...pinned.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((bin) => join(bin, "node")),
];
const version = (node) => spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

const rows = [];
const loads = [];
let first = true;
for (const node of nodes) {
  const v = version(node);
  if (only !== undefined && !v.startsWith(`v${only}.`)) continue;
  loads.push(`${v}: ${load()}`);
  const common = ["--node", node, ...(runs ? ["--runs", runs] : [])];
  // The install footprint does not depend on the Node: measured once.
  const withInstall = first && !args.includes("--skip-install") ? [] : ["--skip-install"];
  first = false;
  for (const script of ["bench.mjs", "bench-existing.mjs"]) {
    console.error(`bench: ${script} on Node ${v}`);
    const result = spawnSync(process.execPath, [join(root, "scripts", script), ...common, ...withInstall], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) process.exit(1);
  }
  const create = JSON.parse(readFileSync(join(root, `bench/results-${v}.json`), "utf8"));
  const existing = JSON.parse(readFileSync(join(root, `bench/existing-${v}.json`), "utf8"));
  const ms = (x) => `${x.toFixed(1)} ms`;
  const pairRow = (command, [ours, theirs], theirName) => [
    v,
    command,
    ms(ours.wallMs.median),
    `${ms(theirs.wallMs.median)} (${theirName})`,
    `${(ours.wallMs.median / theirs.wallMs.median).toFixed(3)}x (by round ${ours.pairedRatio.median.toFixed(3)}x)`,
  ];
  rows.push(
    pairRow("create, warm", create.create, "create-vite"),
    pairRow("create, first run", create.firstCreate, "create-vite"),
    pairRow("--version", create.version, "node -e 0"),
    [
      v,
      "add plan, warm",
      ms(existing.addPlan.ms),
      `${ms(existing.addPlan.nodeMs)} (node -e 0)`,
      `${existing.addPlan.ratio}x`,
    ],
    [
      v,
      "add plan, first run",
      ms(existing.addPlanFirst.ms),
      `${ms(existing.addPlanFirst.nodeMs)} (node -e 0)`,
      `${existing.addPlanFirst.ratio}x`,
    ],
    [
      v,
      "check, 10,000 spec files",
      ms(existing.check10k.ms),
      `${ms(existing.check10k.bareReadMs)} (a bare read)`,
      `${existing.check10k.ratio}x`,
    ],
  );
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
const markdown = [
  "# Benchmark on each Node",
  "",
  `${new Date().toISOString().replace(/\.\d+Z$/, "Z")}; ${cpus().length} x ${cpus()[0]?.model?.trim() ?? "?"}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, ${process.platform} ${release()}.`,
  `Load average (1, 5, 15 min) before each Node's runs: ${loads.join("; ")}.`,
  "Medians of alternated runs, both sides on the Node of the row, no NODE_EXTRA_CA_CERTS; warm = our code cache filled by the warm-up, first run = an empty one. Full reports: bench/results-<version>.md, bench/existing-<version>.md.",
  "",
  line(["Node", "command", "ours", "theirs", "ratio"]),
  `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
  ...rows.map(line),
  "",
].join("\n");
writeFileSync(join(root, "bench/nodes.md"), markdown);
console.log(markdown);
