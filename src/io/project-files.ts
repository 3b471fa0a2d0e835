/**
 * The listing core/project-facts.ts reads a project from: the root's files,
 * the package markers one level down and under `src/`, and the entries of each
 * root folder named for tests (`tests`, `test`, pluggy's `testing`), where
 * pytest's `testpaths` may point. A few readdir calls, never a walk: a large
 * repository costs the same.
 */
import { join } from "node:path";
import type { ProjectSources } from "../core/project-facts.js";
import type { FileSystem } from "./fs.js";
import { readIfFile } from "./root.js";

const MARKERS = ["__init__.py", "__main__.py"];
const SKIPPED = new Set(["node_modules", ".git", ".venv", "venv", ".tox", ".nox", "build", "dist"]);

function entries(fs: FileSystem, dir: string): { name: string; isDir: boolean }[] {
  try {
    return fs.readdirEntriesSync(dir).map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch {
    return [];
  }
}

export function listProjectFiles(fs: FileSystem, root: string): string[] {
  const files: string[] = [];
  const markers = (rel: string) => {
    const names = new Set(entries(fs, join(root, rel)).map((e) => e.name));
    for (const marker of MARKERS) if (names.has(marker)) files.push(`${rel}/${marker}`);
  };
  for (const entry of entries(fs, root)) {
    if (!entry.isDir) files.push(entry.name);
    else if (SKIPPED.has(entry.name)) continue;
    else if (entry.name === "src") {
      for (const sub of entries(fs, join(root, "src"))) if (sub.isDir) markers(`src/${sub.name}`);
    } else if (entry.name.startsWith("test")) {
      for (const sub of entries(fs, join(root, entry.name))) files.push(`${entry.name}/${sub.name}`);
    } else markers(entry.name);
  }
  return files.sort();
}

/** What readProjectFacts takes, for the project at `root`; undefined without a pyproject.toml. */
export function projectSourcesAt(fs: FileSystem, root: string): ProjectSources | undefined {
  const pyproject = readIfFile(fs, join(root, "pyproject.toml"));
  if (pyproject === undefined) return undefined;
  return { pyproject, files: listProjectFiles(fs, root), read: (path) => readIfFile(fs, join(root, path)) };
}
