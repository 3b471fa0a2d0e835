/**
 * check on names that are not valid UTF-8 (a name on Linux is bytes; Node decodes the bad ones to U+FFFD, and a
 * path built of that leads nowhere): one problem each, in check's usual format, and no crash. Through the built bin,
 * in a small folder (listed in one call) and in a large one (read an entry at a time, its names held as bytes).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";

const bin = join(packageRoot, "dist/cli.cjs");
const env = { ...process.env, NO_COLOR: "1" };
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8" });
/** A path whose last part ends in Latin-1's é: one byte, 0xE9, which is no UTF-8. */
const latin1 = (root: string, path: string): Buffer =>
  Buffer.concat([Buffer.from(`${root}/${path}`), Buffer.from([0xe9])]);
const BROKEN = "link nowhere.md points nowhere (spec/context/nowhere.md does not exist)";
const MESSAGE =
  "this name is not valid UTF-8 (shown with \uFFFD for the bad bytes), so check cannot read it: rename it";

function created(): string {
  const cwd = tempDir();
  expect(run(cwd, "svc", "--yes", "--no-git", "--no-install").status).toBe(0);
  return join(cwd, "svc");
}

describe("check on names that are not UTF-8", () => {
  it("names each file and folder and goes on, as text and as JSON", () => {
    const root = created();
    writeFileSync(Buffer.concat([latin1(root, "spec/task/0007-caf"), Buffer.from(".md")]), "# Task\n");
    mkdirSync(latin1(root, "spec/context/caf"));
    writeFileSync(Buffer.concat([latin1(root, "spec/context/caf"), Buffer.from("/note.md")]), "[gone](nowhere.md)\n");
    writeFileSync(join(root, "spec/context/broken.md"), "[gone](nowhere.md)\n");
    const text = run(root, "check");
    expect(text.stdout).toBe(
      [
        `spec/context/broken.md:1: ${BROKEN}`,
        `spec/context/caf\uFFFD:1: ${MESSAGE}`,
        `spec/task/0007-caf\uFFFD.md:1: ${MESSAGE}`,
        "",
      ].join("\n"),
    );
    expect(text.stderr).toBe("error: 3 problems in the current folder: fix them and run check again\n");
    expect(text.status).toBe(1);
    const json = run(root, "check", "--json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([
      { file: "spec/context/broken.md", line: 1, message: BROKEN },
      { file: "spec/context/caf\uFFFD", line: 1, message: MESSAGE },
      { file: "spec/task/0007-caf\uFFFD.md", line: 1, message: MESSAGE },
    ]);
  });

  it("names a file in a folder large enough to be read an entry at a time", () => {
    const root = created();
    const big = join(root, "spec/context");
    // Names check does not read: the listing is what is tested, not the checks.
    for (let i = 0; i < 30_000; i++) writeFileSync(join(big, `n-${i}.txt`), "");
    writeFileSync(Buffer.concat([latin1(root, "spec/context/caf"), Buffer.from(".md")]), "# Note\n");
    // src/io/fs.ts lists a folder this size on disk one entry at a time.
    expect(statSync(big).size).toBeGreaterThanOrEqual(512 * 1024);
    const json = run(root, "check", "--json");
    expect(json.stderr).toBe("error: 1 problem in the current folder: fix it and run check again\n");
    expect(JSON.parse(json.stdout).problems).toEqual([
      { file: "spec/context/caf\uFFFD.md", line: 1, message: MESSAGE },
    ]);
    expect(json.status).toBe(1);
  });

  // A guard, not a fix: these passed before check's fix too (they list folders for names and numbers only).
  it("leaves add, init and update working beside such names", () => {
    const root = created();
    for (const folder of ["", "spec/plan/", "spec/task/", "spec/context/"])
      writeFileSync(Buffer.concat([latin1(root, `${folder}caf`), Buffer.from(".md")]), "# Ours\n");
    for (const args of [
      ["add", "plan", "Export"],
      ["add", "task", "Parse", "--plan", "export"],
      ["add", "context", "Rates"],
      ["init", "--yes"],
      ["update", "--yes"],
    ]) {
      const result = run(root, ...args);
      expect([args.join(" "), result.stderr, result.status]).toEqual([args.join(" "), "", 0]);
    }
  });
});
