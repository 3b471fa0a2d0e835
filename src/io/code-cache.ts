/**
 * Runs the bin's program from V8's code cache, as Node 22's module.enableCompileCache() does for
 * every module (Node 20 has no such switch): V8 then skips parsing and compiling about 150 KB of
 * JavaScript, which is most of what a create costs after Node's own start. As in Chrome, a program
 * is cached on its second run: writing the cache costs about 5 ms (V8 serialising what the run
 * compiled), which a program run once, as in CI, should not pay; so the first run after an install
 * or a Node upgrade leaves an empty file, the second writes the cache, and later runs use it. A
 * cache that is missing, stale, foreign or damaged only means a normal compile.
 * The cache names the commands whose runs it holds: a command that finds a cache written by another
 * (an `add` after a `create`) uses it, then writes it again once, with its own functions added, since V8
 * compiles lazily and a cache holds only what the run that wrote it compiled.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
} from "node:fs";
// Named, not the default: esbuild would copy each of node:module's forty-odd properties into an interop object.
import { createRequire } from "node:module";
import { join } from "node:path";
import { compile, nodeCompileCacheOn, runScript } from "./commonjs.js";

/** What became of the cache on this run (the tests read it). */
export type CacheOutcome = "off" | "untrusted" | "first-run" | "second-run" | "rejected" | "accepted" | "widened";

export interface CodeCacheSpot {
  /** The folder that holds the cache, which this user alone can write to. */
  dir: string;
  /** The cache's file name: one per build of the program, Node version and architecture. */
  file: string;
  /** The user who must own the folder and the file, where the platform has users (not on Windows). */
  uid: number | undefined;
}

const PREFIX = "create-spec-agent-";

/**
 * Where the cache goes: Node's own settings for its compile cache decide, so a user who moved or
 * disabled it (NODE_COMPILE_CACHE, NODE_DISABLE_COMPILE_CACHE) gets the same from us. The temp
 * folder is asked for only when NODE_COMPILE_CACHE does not say.
 */
export function codeCacheSpot(
  env: Record<string, string | undefined>,
  facts: { tmpdir: () => string; buildId: string; nodeVersion: string; arch: string; uid: number | undefined },
): CodeCacheSpot | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir = env.NODE_COMPILE_CACHE || join(facts.tmpdir(), "node-compile-cache");
  return { dir, file: `${PREFIX}${facts.buildId}-${facts.nodeVersion}-${facts.arch}.cache`, uid: facts.uid };
}

/**
 * os.tmpdir() without loading node:os, whose set-up cost every start about 1 M instructions (1 % of an add,
 * docs/performance.md): on POSIX, Node's own rule (TMPDIR, else TMP, else TEMP, else /tmp, less a trailing
 * slash; test/code-cache.test.ts holds it equal to os.tmpdir()); on Windows, Node's function itself (`osTmpdir`).
 */
export function tempFolder(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  osTmpdir: () => string,
): string {
  if (platform === "win32") return osTmpdir();
  const path = env.TMPDIR || env.TMP || env.TEMP || "/tmp";
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

/**
 * V8 trusts the bytecode it is given (it checks only the source's length and its own version), so
 * a cache is read only from a folder and a file that no one else could have written: the default
 * folder sits in a temp folder that every user shares.
 */
function ownedByUser(stat: Stats, uid: number | undefined, directory: boolean): boolean {
  if (directory ? !stat.isDirectory() : !stat.isFile()) return false;
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}

/** What the spot holds. Looked up without exceptions, which cost a first run more than the look-up. */
function readCache(spot: CodeCacheSpot): Buffer | "untrusted" | "no folder" | "no file" {
  try {
    const folder = lstatSync(spot.dir, { throwIfNoEntry: false });
    if (folder === undefined) return "no folder";
    if (!ownedByUser(folder, spot.uid, true)) return "untrusted";
    const path = join(spot.dir, spot.file);
    const file = lstatSync(path, { throwIfNoEntry: false });
    if (file === undefined) return "no file";
    return ownedByUser(file, spot.uid, false) ? readFileSync(path) : "untrusted";
  } catch {
    return "untrusted"; // unreadable: left alone
  }
}

/**
 * The mark of a first run, an empty file, in as few steps as a run that writes nothing else can
 * afford: a folder this run made is this user's; one found was judged by readCache.
 */
function markFirstRun(spot: CodeCacheSpot, folderFound: boolean): void {
  try {
    // mkdir gives undefined when another run made the folder meanwhile: the next run judges it.
    if (!folderFound && mkdirSync(spot.dir, { recursive: true, mode: 0o700 }) === undefined) return;
    writeFileSync(join(spot.dir, spot.file), "", { flag: "wx", mode: 0o600 });
  } catch {
    // No mark: the next run is a first run again.
  }
}

/** Longer than any list of the commands a cache holds. */
const HEADER_LIMIT = 128;

/**
 * Writes the cache whole (a reader sees the old file or the new one): a line naming the commands it holds,
 * then the cache twice over (see intactCache). Drops the caches of this package's older builds.
 */
export function saveCache(spot: CodeCacheSpot, data: Buffer, commands: readonly string[]): void {
  try {
    mkdirSync(spot.dir, { recursive: true, mode: 0o700 });
    if (!ownedByUser(lstatSync(spot.dir), spot.uid, true)) return;
    const partial = join(spot.dir, `${spot.file}.${Math.random().toString(36).slice(2)}.partial`);
    writeFileSync(partial, Buffer.concat([Buffer.from(`${commands.join(",")}\n`), data, data]), { mode: 0o600 });
    renameSync(partial, join(spot.dir, spot.file));
    // Older builds' caches for this Node go, and partial files a killed run left; other Nodes' caches stay
    // (a machine that runs several, as a CI matrix or nvm does, would otherwise rewrite them in turn).
    const sameNode = spot.file.slice(spot.file.indexOf("-", PREFIX.length));
    for (const name of readdirSync(spot.dir)) {
      if (name.startsWith(PREFIX) && name !== spot.file && (name.endsWith(sameNode) || name.endsWith(".partial")))
        unlinkSync(join(spot.dir, name));
    }
  } catch {
    // A cache that cannot be written costs the next run a compile, nothing more.
  }
}

/**
 * The cache from a file that holds it twice, when both copies agree. V8 checks a cache's header,
 * not its bytes (their checksum is verified in debug builds only): one flipped byte can crash
 * the process, run after run, or change what the program does. A checksum in JavaScript costs 2 to
 * 4 ms here and loading zlib's crc32 about 2 ms; comparing two copies is one memcmp.
 */
export function intactCache(file: Buffer): Buffer | undefined {
  const half = file.length / 2;
  const first = file.subarray(0, half);
  return Number.isInteger(half) && first.equals(file.subarray(half)) ? first : undefined;
}

/** The commands a cache file names and the cache itself, when its line of commands is there and its two copies agree. */
export function readCacheFile(file: Buffer): { commands: string[]; cache: Buffer | undefined } {
  const end = file.subarray(0, HEADER_LIMIT).indexOf(10);
  if (end === -1) return { commands: [], cache: undefined };
  return { commands: file.subarray(0, end).toString("latin1").split(","), cache: intactCache(file.subarray(end + 1)) };
}

/**
 * Runs `file` as Node runs a CommonJS module, compiled from the cache at `spot` when one fits.
 * `whenDone` is handed the one step left when there was no cache to use, or one that does not hold
 * `command`'s run yet: writing the mark of a first run or the cache itself. The caller runs it at exit,
 * once the run has compiled the functions it needed. Returns the outcome and the module's exports.
 */
export function runCached(
  file: string,
  spot: CodeCacheSpot | undefined,
  command: string,
  whenDone: (save: () => void) => void,
): { outcome: CacheOutcome; exports: unknown } {
  const cached = spot ? readCache(spot) : "untrusted";
  if (spot === undefined || typeof cached === "string") {
    // No cache to read or to write, at most a mark: Node's own loader runs the file, as without a cache,
    const firstRun = spot !== undefined && cached !== "untrusted";
    if (firstRun) whenDone(() => markFirstRun(spot, cached === "no file"));
    const outcome = spot === undefined ? "off" : firstRun ? "first-run" : "untrusted";
    // except on a first run where Node keeps a compile cache of its own (NODE_COMPILE_CACHE, Node 22 on): its
    // loader would serialize the program into it and write it at exit (7 M instructions on Node 24), for no
    // run to read, since later runs compile the program here. So the first run compiles it here too.
    if (firstRun && nodeCompileCacheOn()) return { outcome, exports: runScript(compile(file), file) };
    return { outcome, exports: createRequire(file)(file) };
  }
  const { commands, cache } = cached.length > 0 ? readCacheFile(cached) : { commands: [], cache: undefined };
  const script = compile(file, cache);
  const outcome: CacheOutcome =
    cached.length === 0
      ? "second-run"
      : cache === undefined || script.cachedDataRejected
        ? "rejected"
        : commands.includes(command)
          ? "accepted"
          : "widened";
  // A widened cache keeps the commands it held: their functions, deserialized, are in what V8 writes now.
  const holds = outcome === "widened" ? [...commands, command] : [command];
  if (outcome !== "accepted") whenDone(() => saveCache(spot, script.createCachedData(), holds));
  return { outcome, exports: runScript(script, file) };
}
