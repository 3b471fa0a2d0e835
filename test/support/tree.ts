/** Fixture trees on disk: fs-extra makes the folders on the way and walks what is there. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import fse from "fs-extra";
import type { CheckedTree } from "../../src/core/check/problems.js";

/** Writes each file, making its folders. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, contents] of Object.entries(files)) fse.outputFileSync(join(root, path), contents);
}

/** Every file under root with its text, `.git` and `.venv` left out. */
export function readTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fse.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === ".venv") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree[relative(root, path)] = fse.readFileSync(path, "utf8");
    }
  };
  walk(root);
  return tree;
}

/**
 * Every entry under root as a line: a file's bytes (base64) and mode, a folder's mode, where a link points, a FIFO;
 * with `inodes`, each file's and FIFO's inode too (a restore that keeps the user's own file keeps it).
 */
export function snapshot(root: string, { inodes = false } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fse.existsSync(root)) return out;
  for (const entry of fse.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const s = fse.lstatSync(path);
    const key = path.slice(root.length + 1);
    const ino = inodes ? ` ${s.ino}` : "";
    if (s.isSymbolicLink()) out[key] = `link ${fse.readlinkSync(path)}`;
    else if (s.isFIFO()) out[key] = `fifo${ino}`;
    else if (s.isDirectory()) out[key] = `dir ${s.mode & 0o7777}`;
    else out[key] = `${fse.readFileSync(path).toString("base64")} ${s.mode & 0o7777}${ino}`;
  }
  return out;
}

/** A user's tree at cwd/svc: files the preset overwrites (one not UTF-8, one 0600), and one it does not know. */
export function userTree(cwd: string): string {
  const root = join(cwd, "svc");
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "README.md"), "my readme\n", { mode: 0o600 });
  writeFileSync(join(root, "pyproject.toml"), Buffer.from([0x63, 0xe9, 0x00, 0xff]));
  writeFileSync(join(root, "notes.txt"), "keep me\n");
  return root;
}

/** A tree held in memory, as check reads it: the files it walks (in sorted order), their texts, what exists. */
const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

export function checkedTree(
  files: ReadonlyMap<string, string>,
  exists = (path: string) => files.has(path),
): CheckedTree {
  const paths = [...files.keys()].sort();
  return {
    walk: (visit) => {
      paths.forEach((path, i) => {
        visit(path, baseName(path), i);
      });
      return paths.length;
    },
    nameAt: (i) => baseName(paths[i] as string),
    isChecked: (path) => files.has(path),
    rootFiles: paths.filter((path) => !path.includes("/")),
    read: (path) => files.get(path) ?? "",
    exists,
  };
}
