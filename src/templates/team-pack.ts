/**
 * Finding and reading a team's template pack: a folder, or an installed npm
 * package, holding spec-agent.pack.json and templates/. Read through the
 * injected file system; a link anywhere in templates/ is refused rather than
 * followed, so a pack (or a repository it came from) cannot reach outside itself.
 */
import { createHash } from "node:crypto";
import * as nodePath from "node:path";
import { confinementProblem } from "../core/confine.js";
import { UsageError } from "../core/errors.js";
import type { PackRecord } from "../core/manifest.js";
import { PACK_MANIFEST, type PackManifest, parsePackManifest } from "../core/pack-manifest.js";
import type { FileSystem } from "../io/fs.js";
import { relativeWithSlashes } from "../io/root.js";
import { readPack } from "./pack.js";
import { TEMPLATE_VARIABLES } from "./template.js";

export interface TeamPack {
  /** As the user gave it: a folder or a package name. */
  ref: string;
  dir: string;
  manifest: PackManifest;
  /** templates/ as `[source, text]`, sorted by source. */
  files: [string, string][];
  /** sha256 over the manifest and every template: what the record keeps. */
  digest: string;
}

const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;

/**
 * A folder when one is there (or the ref looks like a path), else the package as Node would find it, from each of
 * `bases` in turn (update looks from the repository before the current folder).
 */
export function locatePack(fs: FileSystem, ref: string, bases: readonly string[]): string {
  const pathLike = nodePath.isAbsolute(ref) || ref.startsWith(".") || (ref.includes("/") && !ref.startsWith("@"));
  for (const base of bases) {
    const folder = nodePath.resolve(base, ref);
    if (fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return folder;
    if (pathLike || !PACKAGE_NAME.test(ref)) continue;
    for (let dir = base; ; dir = nodePath.resolve(dir, "..")) {
      const installed = nodePath.join(dir, "node_modules", ref);
      if (fs.statSync(installed, { throwIfNoEntry: false })?.isDirectory()) return installed;
      if (nodePath.resolve(dir, "..") === dir) break;
    }
  }
  const folder = nodePath.resolve(bases[0] ?? ".", ref);
  throw new UsageError(
    `--template ${ref}: no folder ${folder}${pathLike ? "" : ` and no installed package ${ref}`}: give a pack's folder, or npm install the package first`,
  );
}

/**
 * A pack the repository's record names (whoever wrote the record chose it): a folder inside the repository,
 * reached through no link, or a package installed there or above; never a folder elsewhere. Undefined when
 * it is neither: the user names it again with --template.
 */
export function locateRecordedPack(fs: FileSystem, ref: string, root: string): string | undefined {
  const inside = ref.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  if (confinementProblem(inside) === undefined) {
    let dir = root;
    // lstat: a link is not a directory, so a linked folder anywhere on the way leaves the repository unreached.
    const linkFree = inside.split("/").every((segment) => {
      dir = nodePath.join(dir, segment);
      return fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
    });
    if (linkFree) return dir;
  }
  if (!PACKAGE_NAME.test(ref)) return undefined;
  for (let dir = root; ; dir = nodePath.resolve(dir, "..")) {
    const installed = nodePath.join(dir, "node_modules", ref);
    if (fs.statSync(installed, { throwIfNoEntry: false })?.isDirectory()) return installed;
    if (nodePath.resolve(dir, "..") === dir) return undefined;
  }
}

/** `dir`: where the pack is, when the caller found it already (a record's pack); otherwise found from `bases`. */
export function readTeamPack(fs: FileSystem, ref: string, bases: readonly string[], found?: string): TeamPack {
  const dir = found ?? locatePack(fs, ref, bases);
  const manifestFile = nodePath.join(dir, PACK_MANIFEST);
  if (!fs.statSync(manifestFile, { throwIfNoEntry: false })?.isFile())
    throw new UsageError(`--template ${ref}: ${dir} has no ${PACK_MANIFEST}: a pack is that file beside templates/`);
  const text = fs.readTextSync(manifestFile);
  const manifest = parsePackManifest(text, manifestFile, [...TEMPLATE_VARIABLES, "git", "install", "agents"]);
  const templatesDir = nodePath.join(dir, "templates");
  if (!fs.lstatSync(templatesDir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`template pack "${manifest.name}": ${templatesDir} is missing (or a link): add templates/`);
  const files = readPack(fs, templatesDir, (source, what) => {
    const fix = what === "a link" ? ", which packs may not hold: put the file itself there" : "";
    throw new UsageError(`template pack "${manifest.name}": templates/${source} is ${what}${fix}`);
  });
  const hash = createHash("sha256").update(`${PACK_MANIFEST}\0${text}\0`);
  for (const [source, contents] of files) hash.update(`${source}\0${contents}\0`);
  return { ref, dir, manifest, files, digest: `sha256:${hash.digest("hex")}` };
}

/**
 * How the record names a pack, so that it is the same bytes whoever runs the command, from whichever folder, on
 * whichever system: an installed package by its name; a folder by its path from the repository's root, with `/`
 * (`./packs/team`, `../pack`), never one machine's absolute path (but across Windows drives, where no relative
 * path exists: then as the user gave it). The record's own source is kept when it names the same folder or package
 * (a record is read from the repository's root), so an update with nothing new rewrites nothing.
 */
export function recordedSource(
  pack: Pick<TeamPack, "ref" | "dir" | "manifest">,
  root: string,
  recorded: readonly Pick<PackRecord, "name" | "source">[],
  paths: Pick<typeof nodePath, "relative" | "resolve" | "isAbsolute" | "join" | "sep"> = nodePath,
): string {
  const source = recorded.find((p) => p.name === pack.manifest.name)?.source;
  // A record made before sources were portable may hold a path only one machine reads: never kept.
  const before =
    source === undefined || source.includes("\\") || nodePath.win32.isAbsolute(source) ? undefined : source;
  const installed = PACKAGE_NAME.test(pack.ref) && pack.dir.endsWith(paths.join("node_modules", pack.ref));
  if (before !== undefined && (installed ? before === pack.ref : paths.resolve(root, before) === pack.dir))
    return before;
  if (installed) return pack.ref;
  const portable = relativeWithSlashes(root, pack.dir, paths);
  // Across Windows drives there is no relative path: the other drive's absolute one comes back.
  if (paths.isAbsolute(portable)) return pack.ref;
  if (portable === "") return ".";
  return portable === ".." || portable.startsWith("../") ? portable : `./${portable}`;
}
