/**
 * What check reads: the Markdown of spec/ and the AI tools' folders (named by their modules), the
 * instruction hubs, the MCP settings, the Taskfile, the GitHub workflows, pyproject.toml and the licence files
 * at the root, walked in sorted order.
 * The walk goes folder by folder as check asks for files, holding the sorted names of the folders it is in
 * (the root and each folder down to the current one; a large folder's as bytes outside V8's heap, read one entry
 * at a time) and nothing of the files and folders it has left: no set of paths, so check's memory does not grow
 * with the repository (100,000 spec files held 290 MB of text at once, then 10 MB of paths, then 2.5 MB of bytes
 * outside the heap). Each file's text is read when check comes to it and dropped after. A path outside the
 * folders the walk is in is looked up on disk, once each.
 */
import { isUtf8 } from "node:buffer";
import type { CheckedTree } from "../core/check/problems.js";
import { LICENSE_FILE } from "../core/license.js";
import type { FileSystem } from "./fs.js";
import { collectNames, type FolderNames, undecodableName } from "./sorted-names.js";

/** The folders every repository has; the AI tools' own come from their modules (src/targets/tools/). */
const FOLDERS = ["spec", ".github", ".agents"];
const ROOT_FILES = [".mcp.json", "Taskfile.yml", "Taskfile.yaml", "pyproject.toml"];
const SKIP = new Set(["node_modules", ".venv", ".git"]);
const READ = (path: string): boolean =>
  /\.(md|mdc|json)$/.test(path) || /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);

/** An entry's kind, as its folder's listing gives it: a symbolic link is neither (check reads what the repository holds, not where links lead). */
const FILE = 1;
const FOLDER = 2;
const OTHER = 3;

/** One folder's names in sorted order (by UTF-16 code unit, as `<` compares), with the few entries that are no file. */
interface Listing {
  path: string;
  names: FolderNames;
  notFiles: Map<string, number>;
  /** The names that are not UTF-8 (escaped: undecodableName), which check cannot open, with their kinds. */
  undecodable: { name: string; kind: number }[];
}

const kindOf = (entry: { isFile(): boolean; isDirectory(): boolean }): number =>
  entry.isFile() ? FILE : entry.isDirectory() ? FOLDER : OTHER;

/** Sorted names first, by a binary search: spec/task/ may hold 100,000. */
function kindIn(listing: Listing, name: string): number | undefined {
  return listing.names.indexOf(name) === -1 ? undefined : (listing.notFiles.get(name) ?? FILE);
}

/** Bounded, so that a tree of many links outside the current folders holds no more than this many answers. */
const REMEMBERED = 4096;

export function readCheckedTree(fs: FileSystem, root: string, toolFolders: readonly string[]): CheckedTree {
  // Paths joined by hand: they are built of names, and path.join's normalizing was a cost paid for every file.
  const full = (path: string): string => (path === "" ? root : `${root}/${path}`);
  const list = (path: string): Listing => {
    const names = collectNames();
    const notFiles = new Map<string, number>();
    const add = (name: string, kind: number): void => {
      names.add(name);
      if (kind !== FILE) notFiles.set(name, kind);
    };
    // Node decodes a name that is not UTF-8 with U+FFFD for the bad bytes: a folder with U+FFFD in a name is listed
    // again as bytes, to tell such names from real ones (only such a folder pays for it).
    let replaced = false;
    fs.eachEntrySync(full(path), (entry) => {
      if (entry.name.includes("\uFFFD")) replaced = true;
      else add(entry.name, kindOf(entry));
    });
    const undecodable: Listing["undecodable"] = [];
    if (replaced)
      fs.eachEntryBytesSync(full(path), (entry) => {
        const name = entry.name.toString();
        if (!name.includes("\uFFFD")) return;
        if (isUtf8(entry.name)) add(name, kindOf(entry));
        else undecodable.push({ name: undecodableName(entry.name), kind: kindOf(entry) });
      });
    return { path, names: names.done(), notFiles, undecodable };
  };
  /** A folder's listing, or none when it cannot be listed (it is not there, or no folder). */
  const listed = (path: string): Listing | undefined => {
    try {
      return list(path);
    } catch {
      return undefined;
    }
  };
  const rootListing = list("");
  const walked = (top: string): boolean => FOLDERS.includes(top) || toolFolders.includes(top);
  const readHere = (folder: string, name: string, path: string): boolean =>
    folder === "" ? name.endsWith(".md") || ROOT_FILES.includes(name) || LICENSE_FILE.test(name) : READ(path);
  /** A folder the walk enters, or a file it reads. */
  const wanted = (folder: string, name: string, path: string, kind: number): boolean =>
    kind === FOLDER ? folder !== "" || walked(name) : kind === FILE && readHere(folder, name, path);
  const rootFiles: string[] = [];
  for (let i = 0; i < rootListing.names.count; i++) {
    const name = rootListing.names.at(i);
    if (!rootListing.notFiles.has(name) && !SKIP.has(name) && readHere("", name, name)) rootFiles.push(name);
  }
  /** The folders the walk is in, the root first. */
  const stack: Listing[] = [];
  const heldListing = (folder: string): Listing | undefined => {
    if (folder === "") return rootListing;
    for (let i = stack.length - 1; i > 0; i--) if ((stack[i] as Listing).path === folder) return stack[i];
    return undefined;
  };
  const remembered = new Map<string, boolean>();
  const onDisk = (path: string): boolean => {
    let known = remembered.get(path);
    if (known === undefined) {
      known = fs.statSync(full(path), { throwIfNoEntry: false }) !== undefined;
      if (remembered.size >= REMEMBERED) remembered.clear();
      remembered.set(path, known);
    }
    return known;
  };
  return {
    rootFiles,
    walk(visit, unnamed) {
      let count = 0;
      /** Into a folder: what of its names the walk would read or enter and cannot, said first. */
      const enter = (listing: Listing): void => {
        for (const { name, kind } of listing.undecodable) {
          const path = listing.path === "" ? name : `${listing.path}/${name}`;
          if (wanted(listing.path, name, path, kind)) unnamed(path);
        }
        stack.push(listing);
        at.push(0);
      };
      stack.length = 0;
      const at: number[] = [];
      enter(rootListing);
      while (stack.length > 0) {
        const depth = stack.length - 1;
        const listing = stack[depth] as Listing;
        const i = at[depth] as number;
        if (i === listing.names.count) {
          stack.pop();
          at.pop();
          continue;
        }
        at[depth] = i + 1;
        const name = listing.names.at(i);
        if (SKIP.has(name)) continue;
        const folder = listing.path;
        const path = folder === "" ? name : `${folder}/${name}`;
        const kind = listing.notFiles.get(name) ?? FILE;
        if (!wanted(folder, name, path, kind)) continue;
        if (kind === FOLDER) enter(list(path));
        else {
          count++;
          visit(path, name, i);
        }
      }
      return count;
    },
    isChecked(path) {
      const segments = path.split("/");
      if (segments.some((s) => s === "" || s === "." || s === ".." || SKIP.has(s))) return false;
      const name = segments.at(-1) as string;
      if (segments.length > 1 && !walked(segments[0] as string)) return false;
      const folder = segments.slice(0, -1).join("/");
      if (!readHere(folder, name, path)) return false;
      // Each folder on the way must be a folder of its parent's listing, and the file a file of its own.
      let parent = "";
      for (const segment of segments.slice(0, -1)) {
        const listing = heldListing(parent) ?? listed(parent);
        if (listing === undefined || kindIn(listing, segment) !== FOLDER) return false;
        parent = parent === "" ? segment : `${parent}/${segment}`;
      }
      const listing = heldListing(folder) ?? listed(folder);
      return listing !== undefined && kindIn(listing, name) === FILE;
    },
    nameAt: (index) => (stack.at(-1) as Listing).names.at(index),
    read: (path) => fs.readTextSync(full(path)),
    exists: (path) => {
      if (path === "") return true;
      const slash = path.lastIndexOf("/");
      const listing = heldListing(slash === -1 ? "" : path.slice(0, slash));
      if (listing !== undefined) {
        const kind = kindIn(listing, path.slice(slash + 1));
        if (kind === FILE || kind === FOLDER) return true;
        // Not listed, or a symbolic link: the disk says (a link that leads somewhere exists).
      }
      return onDisk(path);
    },
  };
}
