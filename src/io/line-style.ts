/**
 * Each planned file in the line-ending style it belongs in: the style of the
 * file it replaces, or, for a new file, the repository's (`.gitattributes`,
 * else the files beside it, else the root's). Then the inspection's byte
 * comparison sees a CRLF checkout of our own file as identical, and what is
 * written never mixes styles. Reads only.
 */
import { join } from "node:path";
import {
  type AttributesFile,
  type LineEnding,
  lineEndingFromAttributeFiles,
  lineEndingOf,
  majorityLineEnding,
  toLf,
  withLineEnding,
} from "../core/line-endings.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "./fs.js";
import { repositoryIgnoresCase } from "./gitconfig.js";
import { readSmall } from "./target/lock.js";

/** Larger than any text file worth judging a style by; a larger one is left out of the samples. */
const LIMIT = 1024 * 1024;
/** Enough files to see a folder's style. */
const SAMPLES = 8;

/**
 * Text files of a folder, the first few files by name, for their style. Names only, then a look at each in
 * order until enough files are found: add task samples spec/task/, which may hold thousands of entries.
 */
function folderSamples(fs: FileSystem, folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  names.sort();
  const samples: string[] = [];
  let files = 0;
  for (const name of names) {
    if (files === SAMPLES) break;
    if (name.startsWith(".spec-agent") || !fs.lstatSync(join(folder, name), { throwIfNoEntry: false })?.isFile())
      continue;
    files++;
    const text = readSmall(fs, join(folder, name), LIMIT);
    if (text !== undefined) samples.push(text);
  }
  return samples;
}

/** The folders that hold `path`, shallowest first, the root left out: `a/b/c.md` is in `a` and `a/b`. */
const foldersOf = (path: string): string[] =>
  path
    .split("/")
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join("/"));

/**
 * Where a new file's style comes from: the `.gitattributes` files git reads for it (the root's, the planned one
 * when the repository has none yet, as git will read it once written; each folder's on the way down; this clone's
 * `.git/info/attributes`, which git reads last), then its folder's files, then the root's. Macros count where git
 * honours them: defined in the root's file or `.git/info/attributes` (core/git-attributes.ts). Patterns match
 * without regard to case where the clone's `.git/config` sets core.ignorecase, as git's do. The files outside
 * the repository (core.attributesFile, `$XDG_CONFIG_HOME/git/attributes`, the system's) are not read: they are one
 * machine's, and what a command writes must not depend on the machine; a macro defined only there says nothing.
 */
export function repositoryStyle(
  fs: FileSystem,
  root: string,
  plannedAttributes?: string,
): (path: string) => LineEnding {
  // Each read once, on the first new file that needs it: a plan of files that all exist needs none.
  const attributesIn = new Map<string, string | undefined>();
  const attributesOf = (folder: string): string | undefined => {
    if (!attributesIn.has(folder)) attributesIn.set(folder, readSmall(fs, join(root, folder, ".gitattributes"), LIMIT));
    return attributesIn.get(folder);
  };
  let rootFiles: AttributesFile[] | undefined;
  let ignoresCase: boolean | undefined;
  const ignoreCase = (): boolean => {
    ignoresCase ??= repositoryIgnoresCase(fs, root);
    return ignoresCase;
  };
  const byFolder = new Map<string, LineEnding | undefined>();
  const folderStyle = (folder: string): LineEnding | undefined => {
    if (!byFolder.has(folder)) {
      const samples = folderSamples(fs, join(root, folder));
      byFolder.set(folder, samples.some((s) => lineEndingOf(s)) ? majorityLineEnding(samples) : undefined);
    }
    return byFolder.get(folder);
  };
  return (path) => {
    rootFiles ??= [
      { folder: "", text: attributesOf("") ?? plannedAttributes ?? "" },
      { folder: "", text: readSmall(fs, join(root, ".git/info/attributes"), LIMIT) ?? "" },
    ];
    const [repository, clone] = rootFiles as [AttributesFile, AttributesFile];
    const folders = foldersOf(path).flatMap((folder) => {
      const text = attributesOf(folder);
      return text === undefined ? [] : [{ folder, text }];
    });
    const fromAttributes = lineEndingFromAttributeFiles([repository, ...folders, clone], path, ignoreCase);
    if (fromAttributes) return fromAttributes;
    const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    return folderStyle(folder) ?? folderStyle("") ?? "\n";
  };
}

/**
 * The plan with each file in the style it belongs in; the same plan when the target does not exist yet. A new
 * repository (create into a folder that holds files) follows the `.gitattributes` it plans; an existing one
 * (init, update) the style its files already have.
 */
export function fitLineEndings(
  fs: FileSystem,
  root: string,
  files: readonly PlannedFile[],
  newRepository: boolean,
): readonly PlannedFile[] {
  if (!fs.lstatSync(root, { throwIfNoEntry: false })?.isDirectory()) return files;
  const planned = newRepository ? files.find((file) => file.path === ".gitattributes")?.contents : undefined;
  const style = repositoryStyle(fs, root, planned);
  return files.map((file) => {
    const existing = fs.lstatSync(join(root, file.path), { throwIfNoEntry: false })?.isFile()
      ? readSmall(fs, join(root, file.path), LIMIT)
      : undefined;
    // Ours but for its endings, however mixed: the owner's bytes are the plan, so the file is identical.
    if (existing !== undefined && existing !== file.contents && toLf(existing) === toLf(file.contents))
      return { ...file, contents: existing };
    const ending = (existing === undefined ? undefined : lineEndingOf(existing)) ?? style(file.path);
    const contents = withLineEnding(file.contents, ending);
    return contents === file.contents ? file : { ...file, contents };
  });
}
