#!/usr/bin/env node
/**
 * The floor of a create: a CommonJS script that makes the same folders and writes the same files (text and mode)
 * as a create of this checkout's bin, synchronously, and does nothing else (no options, no render, no lock, no
 * journal, no record, no report). Compare it with the bin on the same Node, alternated, to see what a create does
 * beyond writing its files (docs/performance.md, 2026-12-06 evening, issue 26f).
 *
 *   node scripts/create-floor.mjs [OUT.cjs]          then: node OUT.cjs DIR   (DIR must not exist)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), "spec-agent-floor-")), "floor.cjs");
const scratch = mkdtempSync(join(tmpdir(), "spec-agent-floor-tree-"));
const tree = join(scratch, "svc");
const made = spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), tree, "--yes", "--no-git", "--no-install"], {
  env: { PATH: "", HOME: scratch, NO_COLOR: "1" },
  encoding: "utf8",
});
if (made.status !== 0) throw new Error(`the create failed (run npm run build first?): ${made.stderr}`);
const folders = [];
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      folders.push(relative(tree, path));
      walk(path);
    } else files.push([relative(tree, path), readFileSync(path, "utf8"), statSync(path).mode & 0o777]);
  }
})(tree);
rmSync(scratch, { recursive: true });
writeFileSync(
  out,
  `"use strict";
const fs = require("node:fs");
const root = process.argv[2];
fs.mkdirSync(root);
for (const folder of ${JSON.stringify(folders)}) fs.mkdirSync(root + "/" + folder);
for (const [path, text, mode] of ${JSON.stringify(files)}) fs.writeFileSync(root + "/" + path, text, { mode, flag: "wx" });
`,
);
console.log(`${out}: ${folders.length + 1} folders, ${files.length} files`);
