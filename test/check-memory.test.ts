/**
 * What check holds while it walks a large folder (issue 26): nothing on V8's heap for each of its names. spec/task/
 * of 100,000 names held as strings, with a map of their task numbers, kept 15 MB more of heap and made the young
 * generation grow to its largest (docs/performance.md); the names are now bytes outside the heap, and the task
 * numbers a map only of those written with a leading zero. The order and the findings stay those of a sort and a
 * map of every number, which the tests here compare against.
 */
import type { Dirent } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { checkTree } from "../src/core/check/run.js";
import { type FileSystem, realFileSystem } from "../src/io/fs.js";
import { collectNames } from "../src/io/sorted-names.js";
import { readCheckedTree } from "../src/io/tree.js";
import { checkKnowledge } from "../src/targets/table.js";
import { seeded } from "./support/seeded.js";
import { checkedTree } from "./support/tree.js";

describe("a folder's names as bytes", () => {
  // Where UTF-8's byte order and UTF-16's code unit order part: past U+FFFF (a surrogate pair) against U+E000 to
  // U+FFFF, and U+D7FF just below the surrogates.
  const PIECES = ["a", "B", "-", "0", "9", ".md", "é", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\ufffd", "\uffff"];
  const ASTRAL = ["\u{10000}", "\u{1f600}", "\u{10ffff}"];

  it("sorts as sort() sorts strings, each name once, and finds each", () => {
    const random = seeded(26);
    for (let round = 0; round < 300; round++) {
      const names: string[] = [];
      const count = Math.floor(random() * 40);
      for (let n = 0; n < count; n++) {
        let name = "";
        const length = 1 + Math.floor(random() * 5);
        for (let i = 0; i < length; i++)
          name += random() < 0.2 ? ASTRAL[Math.floor(random() * 3)] : PIECES[Math.floor(random() * PIECES.length)];
        names.push(name);
      }
      // A name twice, as two byte sequences that decode the same would be.
      if (count > 0) names.push(names[0] as string);
      const collected = collectNames();
      for (const name of names) collected.add(name);
      const sorted = collected.done();
      const expected = [...new Set(names)].sort();
      expect(
        Array.from({ length: sorted.count }, (_, i) => sorted.at(i)),
        JSON.stringify(names),
      ).toEqual(expected);
      expected.forEach((name, i) => {
        expect(sorted.indexOf(name)).toBe(i);
        expect(sorted.indexOf(`${name}\u{1f600}`)).toBe(expected.indexOf(`${name}\u{1f600}`));
      });
      expect(sorted.indexOf("")).toBe(-1);
    }
  });

  it("holds names longer than a chunk, and more names than a chunk holds", () => {
    const long = "x".repeat(30_000);
    const names = [long, "b", `${long}y`, ...Array.from({ length: 20_000 }, (_, i) => `${i}-name.md`)];
    const collected = collectNames();
    for (const name of names) collected.add(name);
    const sorted = collected.done();
    const expected = [...names].sort();
    expect(Array.from({ length: sorted.count }, (_, i) => sorted.at(i))).toEqual(expected);
    expect(sorted.indexOf(`${long}y`)).toBe(expected.indexOf(`${long}y`));
  });
});

describe("task numbers", () => {
  // A map of every number to the first name a sort puts first: what check reported before it kept fewer.
  function duplicates(names: string[]): string[] {
    const first = new Map<string, string>();
    const found: string[] = [];
    for (const name of [...names].sort()) {
      const digits = /^(\d+)-.*\.md$/.exec(name)?.[1];
      if (digits === undefined) continue;
      const number = digits.replace(/^0+(?=\d)/, "");
      const earlier = first.get(number);
      if (earlier === undefined) first.set(number, name);
      else
        found.push(
          `spec/task/${name}:1: task number ${number.padStart(3, "0")} is used twice (also by spec/task/${earlier}): renumber one`,
        );
    }
    return found.sort();
  }

  it("finds each number used twice, in every padding, as a map of all of them did", () => {
    const random = seeded(6);
    const knowledge = checkKnowledge();
    for (let round = 0; round < 200; round++) {
      const names = new Set<string>();
      const count = Math.floor(random() * 30);
      for (let n = 0; n < count; n++) {
        const number = String(Math.floor(random() * 12) * (random() < 0.1 ? 10 ** 16 : 1));
        const zeros = "0".repeat(Math.floor(random() * 3));
        const rest = ["a", "b", "a-b", "", "z"][Math.floor(random() * 5)];
        names.add(random() < 0.1 ? `${zeros}${number}${rest}.md` : `${zeros}${number}-${rest}.md`);
      }
      const files = new Map([...names].map((name) => [`spec/task/${name}`, "# Task\n"]));
      const found = checkTree(
        checkedTree(files, () => true),
        knowledge,
      )
        .problems.filter((p) => p.message.startsWith("task number"))
        .map((p) => `${p.file}:${p.line}: ${p.message}`)
        .sort();
      expect(found, JSON.stringify([...names])).toEqual(duplicates([...names]));
    }
  });
});

describe("check walking a folder of 100,000 tasks", () => {
  const TASKS = 100_000;
  const entry = (name: string, folder: boolean): Dirent =>
    ({ name, isFile: () => !folder, isDirectory: () => folder }) as unknown as Dirent;
  const listing = (path: string): Dirent[] => {
    if (path === "/repo") return [entry("spec", true)];
    if (path === "/repo/spec") return [entry("task", true)];
    if (path === "/repo/spec/task")
      return Array.from({ length: TASKS }, (_, i) =>
        entry(`${String(i + 1).padStart(3, "0")}-task-${i + 1}.md`, false),
      );
    throw new Error(`ENOENT: ${path}`);
  };
  /** The heap in use after a full collection. */
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heapInUse = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };

  it("keeps no string or object on the heap for each name it has listed or task it has checked", () => {
    let before = 0;
    let read = 0;
    let held = Number.NaN;
    // A repository in memory, its entries made as they are asked for.
    const fs: FileSystem = {
      ...realFileSystem,
      readdirEntriesSync: listing,
      eachEntrySync: (path, visit) => {
        for (const one of listing(path)) visit(one);
      },
      statSync: () => undefined,
      readTextSync: () => {
        // At the last task, the walk is still in spec/task/: its names and every task number are held, if any are.
        if (++read === TASKS) held = heapInUse() - before;
        return "# Task\n\n- **Depends on**: none\n";
      },
    };
    const tree = readCheckedTree(fs, "/repo", []);
    before = heapInUse();
    const { files, problems } = checkTree(tree, checkKnowledge());
    // No task problem; the repository has no Taskfile.
    expect({ files, problems: problems.map((p) => p.file) }).toEqual({ files: TASKS, problems: ["Taskfile.yml"] });
    // 100,000 names as strings are 4 MB and more; a map of their numbers 3 MB.
    expect(held).toBeLessThan(1024 * 1024);
  });
});
