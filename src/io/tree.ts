/**
 * What check reads: the Markdown of spec/ and the AI tools' folders (named by their modules), the
 * instruction hubs, the MCP settings, the Taskfile, the GitHub workflows, pyproject.toml and the licence files
 * at the root, walked in sorted order.
 * The walk keeps names only; each file's text is read when check comes to it
 * and dropped after, so check's memory grows with its findings, not with the
 * size of the repository (100,000 spec files held 290 MB of text at once).
 * Other paths a link names are looked up on disk, once each.
 */
import { join } from "node:path";
import type { CheckedTree } from "../core/check/problems.js";
import { LICENSE_FILE } from "../core/license.js";
import type { FileSystem } from "./fs.js";

/** The folders every repository has; the AI tools' own come from their modules (src/targets/tools/). */
const FOLDERS = ["spec", ".github", ".agents"];
const ROOT_FILES = [".mcp.json", "Taskfile.yml", "Taskfile.yaml", "pyproject.toml"];
const SKIP = new Set(["node_modules", ".venv", ".git"]);
const READ = (path: string): boolean =>
  /\.(md|mdc|json)$/.test(path) || /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);

export function readCheckedTree(fs: FileSystem, root: string, toolFolders: readonly string[]): CheckedTree {
  const files = new Set<string>();
  const folders = new Set<string>([""]);
  const walk = (relative: string): void => {
    const entries = fs.readdirEntriesSync(join(root, relative));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const { name } = entry;
      if (SKIP.has(name)) continue;
      const path = relative === "" ? name : `${relative}/${name}`;
      // A symbolic link is neither: check reads what the repository holds, not where links lead.
      if (entry.isDirectory()) {
        folders.add(path);
        if (relative !== "" || FOLDERS.includes(name) || toolFolders.includes(name)) walk(path);
      } else if (
        entry.isFile() &&
        (relative === "" ? name.endsWith(".md") || ROOT_FILES.includes(name) || LICENSE_FILE.test(name) : READ(path))
      ) {
        files.add(path);
      }
    }
  };
  walk("");
  const elsewhere = new Map<string, boolean>();
  return {
    files,
    read: (path) => fs.readTextSync(join(root, path)),
    exists: (path) => {
      if (files.has(path) || folders.has(path)) return true;
      let known = elsewhere.get(path);
      if (known === undefined) {
        known = fs.statSync(join(root, path), { throwIfNoEntry: false }) !== undefined;
        elsewhere.set(path, known);
      }
      return known;
    },
  };
}
