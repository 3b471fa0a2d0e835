/**
 * check's walk (src/io/tree.ts) holds the names of the folders it is in, nothing of those it has left: a path in a
 * folder it left is looked up on disk, one in a folder it is in answered from that folder's names. What it visits,
 * in which order, and what it says exists, is what a set of every path said.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FileSystem, realFileSystem } from "../src/io/fs.js";
import { readCheckedTree } from "../src/io/tree.js";
import { tempDir } from "./support/context.js";
import { writeTree } from "./support/tree.js";

/** Every name in these trees is valid UTF-8. */
const NAMED = (path: string): never => {
  throw new Error(`${path} taken for a name that is not UTF-8`);
};

/** The real file system, counting the look-ups on disk. */
function counting(): { fs: FileSystem; stats: string[] } {
  const stats: string[] = [];
  const fs: FileSystem = {
    ...realFileSystem,
    statSync: (path, options) => {
      stats.push(path);
      return realFileSystem.statSync(path, options);
    },
  };
  return { fs, stats };
}

function repository(): string {
  const root = tempDir();
  writeTree(root, {
    "README.md": "# r\n",
    "Taskfile.yml": "version: '3'\n",
    "src/code.py": "",
    "spec/plan/a.md": "# a\n",
    "spec/plan/b.md": "# b\n",
    "spec/plan/pic.png": "",
    "spec/task/001-x.md": "# x\n",
    "spec/task/002-y.md": "# y\n",
    "spec/task/sub/deep.md": "# deep\n",
    "spec/task/notes.txt": "",
    "node_modules/m/README.md": "",
    ".github/workflows/ci.yml": "on: push\n",
    ".github/workflows/notes.txt": "",
  });
  symlinkSync("../plan/a.md", join(root, "spec/task/003-link.md"));
  mkdirSync(join(root, "spec/empty"));
  writeFileSync(join(root, "LICENSE"), "MIT\n");
  return root;
}

describe("check's walk", () => {
  it("visits the files check reads, in sorted order, each once", () => {
    const root = repository();
    const tree = readCheckedTree(realFileSystem, root, []);
    const visited: string[] = [];
    expect(tree.walk((path, name) => visited.push(`${path} ${name}`), NAMED)).toBe(9);
    expect(visited).toEqual([
      ".github/workflows/ci.yml ci.yml",
      "LICENSE LICENSE",
      "README.md README.md",
      "Taskfile.yml Taskfile.yml",
      "spec/plan/a.md a.md",
      "spec/plan/b.md b.md",
      "spec/task/001-x.md 001-x.md",
      "spec/task/002-y.md 002-y.md",
      "spec/task/sub/deep.md deep.md",
    ]);
    expect(tree.rootFiles).toEqual(["LICENSE", "README.md", "Taskfile.yml"]);
  });

  it("tells the files it reads from the rest, walked yet or not", () => {
    const tree = readCheckedTree(realFileSystem, repository(), []);
    const checked = (paths: string[]) => paths.filter((path) => tree.isChecked(path));
    const asked = [
      "Taskfile.yml",
      "spec/task/002-y.md",
      "spec/task/sub/deep.md",
      "spec/task/003-link.md",
      "spec/task/notes.txt",
      "spec/plan/pic.png",
      "spec/task",
      "src/code.py",
      "node_modules/m/README.md",
      "spec/./task/002-y.md",
      "spec/task/../plan/a.md",
      "spec/nowhere/a.md",
      "spec//plan/a.md",
    ];
    expect(checked(asked)).toEqual(["Taskfile.yml", "spec/task/002-y.md", "spec/task/sub/deep.md"]);
    tree.walk(
      () => expect(checked(asked)).toEqual(["Taskfile.yml", "spec/task/002-y.md", "spec/task/sub/deep.md"]),
      NAMED,
    );
  });

  it("answers from the folders it is in, and asks the disk about the folders it has left", () => {
    const { fs, stats } = counting();
    const root = repository();
    const tree = readCheckedTree(fs, root, []);
    const answers: Record<string, string> = {};
    tree.walk((path) => {
      if (path !== "spec/task/002-y.md") return;
      stats.length = 0;
      const paths = [
        "spec/task/001-x.md",
        "spec/task/notes.txt",
        "spec/task/sub",
        "spec/task/missing.md",
        "spec/task/003-link.md",
        "spec/plan/b.md",
        "spec/plan/missing.md",
        "README.md",
        "src",
        "",
      ];
      for (const p of paths) {
        const before = stats.length;
        answers[p] = `${tree.exists(p)}${stats.length > before ? " (disk)" : ""}`;
      }
      // Asked twice, the disk once.
      for (const p of paths) tree.exists(p);
      answers.stats = String(stats.length);
    }, NAMED);
    expect(answers).toEqual({
      "spec/task/001-x.md": "true",
      "spec/task/notes.txt": "true",
      "spec/task/sub": "true",
      "spec/task/missing.md": "false (disk)",
      "spec/task/003-link.md": "true (disk)",
      "spec/plan/b.md": "true (disk)",
      "spec/plan/missing.md": "false (disk)",
      "README.md": "true",
      src: "true",
      "": "true",
      stats: "4",
    });
  });
});
