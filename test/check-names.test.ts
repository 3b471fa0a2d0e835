/**
 * check on names that are not valid UTF-8 (a name on Linux is bytes; Node decodes the bad ones to U+FFFD, and a
 * path built of that leads nowhere): one problem each, in check's usual format, and no crash. Through the built bin,
 * in a small folder (listed in one call) and in a large one (read an entry at a time, its names held as bytes).
 * Two names that differ in bytes are never shown alike: not two bad names that decode alike, nor a bad one and a
 * real name holding U+FFFD, nor a name in NFD beside its NFC twin.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { undecodableName } from "../src/io/sorted-names.js";
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
  "this name is not valid UTF-8 (each bad byte XX shown as \\udcXX, as Python's os.fsdecode reads it), so check cannot read it: rename it";
/** A name's bytes from the string check gives (Python's os.fsencode): U+DC80 to U+DCFF are the bytes that are not UTF-8. */
const bytesOf = (name: string): Buffer =>
  Buffer.concat(
    [...name].map((c) => {
      const unit = c.charCodeAt(0);
      return unit >= 0xdc80 && unit <= 0xdcff ? Buffer.from([unit - 0xdc00]) : Buffer.from(c);
    }),
  );

function created(): string {
  const cwd = tempDir();
  expect(run(cwd, "svc", "--yes", "--no-git", "--no-install").status).toBe(0);
  return join(cwd, "svc");
}

describe("a name that is not UTF-8, as check gives it", () => {
  // Each right-hand side is Python 3.12's bytes.decode("utf-8", "surrogateescape") of the left (os.fsdecode).
  it.each([
    ["636166e92e6d64", "caf\udce9.md"],
    ["e28241", "\udce2\udc82A"],
    ["c0af", "\udcc0\udcaf"],
    ["eda080", "\udced\udca0\udc80"],
    ["f4908080", "\udcf4\udc90\udc80\udc80"],
    ["6f6bff", "ok\udcff"],
    ["e282acf09f98", "\u20ac\udcf0\udc9f\udc98"],
    ["f09f988080", "\ud83d\ude00\udc80"],
  ])("%s reads as Python's os.fsdecode reads it", (hex, name) => {
    expect(undecodableName(Buffer.from(hex, "hex"))).toBe(name);
    expect(bytesOf(name).toString("hex")).toBe(hex);
  });
});

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
        `"spec/context/caf\\udce9":1: ${MESSAGE}`,
        `"spec/task/0007-caf\\udce9.md":1: ${MESSAGE}`,
        "",
      ].join("\n"),
    );
    expect(text.stderr).toBe("error: 3 problems in the current folder: fix them and run check again\n");
    expect(text.status).toBe(1);
    const json = run(root, "check", "--json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([
      { file: "spec/context/broken.md", line: 1, message: BROKEN },
      { file: "spec/context/caf\udce9", line: 1, message: MESSAGE },
      { file: "spec/task/0007-caf\udce9.md", line: 1, message: MESSAGE },
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
      { file: "spec/context/caf\udce9.md", line: 1, message: MESSAGE },
    ]);
    expect(json.status).toBe(1);
  });

  it("tells apart two bad names that decode alike and a real name holding U+FFFD, in a small folder and a large one", () => {
    for (const large of [false, true]) {
      const root = created();
      const context = join(root, "spec/context");
      if (large) for (let i = 0; i < 30_000; i++) writeFileSync(join(context, `n-${i}.txt`), "");
      // Three names Node decodes alike: caf\uFFFD.md. Only the real one (U+FFFD's own bytes) is read.
      writeFileSync(join(context, "caf\uFFFD.md"), "# Real\n\n[gone](nowhere.md)\n");
      writeFileSync(Buffer.concat([latin1(root, "spec/context/caf"), Buffer.from(".md")]), "[gone](e9.md)\n");
      writeFileSync(Buffer.from([...Buffer.from(`${context}/caf`), 0xe8, ...Buffer.from(".md")]), "[gone](e8.md)\n");
      writeFileSync(join(context, "links.md"), "[real](caf%EF%BF%BD.md)\n");
      const json = run(root, "check", "--json");
      expect(JSON.parse(json.stdout).problems).toEqual([
        { file: "spec/context/caf\udce8.md", line: 1, message: MESSAGE },
        { file: "spec/context/caf\udce9.md", line: 1, message: MESSAGE },
        { file: "spec/context/caf\uFFFD.md", line: 3, message: BROKEN },
      ]);
      // Each name, as Python's os.fsencode makes bytes of it, is the file on disk.
      for (const { file } of JSON.parse(json.stdout).problems) expect(existsSync(bytesOf(join(root, file)))).toBe(true);
      const text = run(root, "check");
      expect(text.stdout).toBe(
        [
          `"spec/context/caf\\udce8.md":1: ${MESSAGE}`,
          `"spec/context/caf\\udce9.md":1: ${MESSAGE}`,
          `spec/context/caf\uFFFD.md:3: ${BROKEN}`,
          "",
        ].join("\n"),
      );
    }
  });

  it("shows a name in NFD apart from its NFC twin: a task number used by both, a link to the one that is not there", () => {
    const root = created();
    writeFileSync(join(root, "spec/task/0007-caf\u00e9.md"), "# 007: NFC\n");
    writeFileSync(join(root, "spec/task/0007-cafe\u0301.md"), "# 007: NFD\n");
    writeFileSync(join(root, "spec/context/caf\u00e9.md"), "# NFC\n");
    writeFileSync(join(root, "spec/context/links.md"), "[nfc](caf\u00e9.md) [nfd](cafe\u0301.md)\n");
    const text = run(root, "check");
    expect(text.stdout).toBe(
      [
        'spec/context/links.md:1: link "cafe\\u0301.md" points nowhere ("spec/context/cafe\\u0301.md" does not exist)',
        'spec/task/0007-caf\u00e9.md:1: task number 007 is used twice (also by "spec/task/0007-cafe\\u0301.md"): renumber one',
        "",
      ].join("\n"),
    );
    expect(text.status).toBe(1);
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
