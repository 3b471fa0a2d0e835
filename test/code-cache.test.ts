/**
 * The bin's code cache (src/io/code-cache.ts): where it lives, when it is read, written and
 * refused, and that the program runs the same with it, without it, and with a damaged one.
 * runCached runs in child processes: V8 keeps what one process compiled, which would answer
 * for a cache that process was handed.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { codeCacheSpot, intactCache, readCacheFile, saveCache, tempFolder } from "../src/io/code-cache.js";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";
import { readTree } from "./support/tree.js";

const FILE = "create-spec-agent-build-v20-x64.cache";
/** Whether this Node has a compile cache of its own (Node 22 on), which NODE_COMPILE_CACHE turns on. */
const nodeHasCompileCache = "getCompileCacheDir" in Module;
const asRoot = process.getuid?.() === 0;

describe("codeCacheSpot", () => {
  const facts = { tmpdir: () => "/tmp", buildId: "b1", nodeVersion: "v20.20.2", arch: "x64", uid: 1000 };
  it.each([
    [{}, "/tmp/node-compile-cache"],
    [{ NODE_COMPILE_CACHE: "/home/me/.cache/node" }, "/home/me/.cache/node"],
    [{ NODE_COMPILE_CACHE: "" }, "/tmp/node-compile-cache"],
  ])("with %j keeps the cache in %s, named for the build, Node and the machine", (env, dir) => {
    expect(codeCacheSpot(env, facts)).toEqual({ dir, file: "create-spec-agent-b1-v20.20.2-x64.cache", uid: 1000 });
  });
  it("asks for the temp folder only when NODE_COMPILE_CACHE does not say", () => {
    const asked = { ...facts, tmpdir: () => expect.unreachable("the temp folder was asked for") };
    expect(codeCacheSpot({ NODE_COMPILE_CACHE: "/c" }, asked)?.dir).toBe("/c");
  });
  it.each([
    {},
    { TMPDIR: "/var/tmp/me/" },
    { TMPDIR: "/" },
    { TMPDIR: "//" },
    { TMPDIR: "", TMP: "/t/" },
    { TEMP: "relative/dir" },
    { TMP: "/a", TEMP: "/b" },
  ])("finds the temp folder os.tmpdir() gives, without node:os, with %j", (vars) => {
    const script = 'process.stdout.write(require("node:os").tmpdir())';
    const env = { PATH: process.env.PATH ?? "", ...vars };
    const node = spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" });
    expect(tempFolder(vars, "linux", () => expect.unreachable("node:os asked on POSIX"))).toBe(node.stdout);
  });
  it("keeps none when Node's compile cache is disabled", () => {
    expect(codeCacheSpot({ NODE_DISABLE_COMPILE_CACHE: "1", NODE_COMPILE_CACHE: "/c" }, facts)).toBeUndefined();
  });
});

describe("intactCache", () => {
  it.each([
    ["abcabc", "abc"],
    ["abcabd", undefined],
    ["abcab", undefined],
    ["xabcabc", undefined],
  ])("reads %j as %j", (file, cache) => {
    expect(intactCache(Buffer.from(file))?.toString()).toBe(cache);
  });
});

describe("readCacheFile", () => {
  it.each([
    ["create\nabcabc", ["create"], "abc"],
    ["create,add\nabcabc", ["create", "add"], "abc"],
    ["create\nabcabd", ["create"], undefined],
    ["abcabc", [], undefined],
    [`${"x".repeat(200)}\nabcabc`, [], undefined],
  ])("reads %j as the commands %j and the cache %j", (file, commands, cache) => {
    const read = readCacheFile(Buffer.from(file));
    expect([read.commands, read.cache?.toString()]).toEqual([commands, cache]);
  });
});

describe("saveCache", () => {
  const uid = process.getuid?.();
  it("writes the cache for this user alone and drops older builds' for this Node and partial files, nothing else", () => {
    const dir = join(tempDir(), "cache");
    mkdirSync(join(dir, "v20.20.2-x64-1234"), { recursive: true });
    writeFileSync(join(dir, "create-spec-agent-old-v20-x64.cache"), "an older build, this Node");
    writeFileSync(join(dir, "create-spec-agent-build-v22-x64.cache"), "another Node");
    writeFileSync(join(dir, `${FILE}.k1ll3d.partial`), "a killed run's");
    writeFileSync(join(dir, "someone-else.cache"), "theirs");
    saveCache({ dir, file: FILE, uid }, Buffer.from("new"), ["create", "add"]);
    expect(readdirSync(dir).sort()).toEqual([
      FILE,
      "create-spec-agent-build-v22-x64.cache",
      "someone-else.cache",
      "v20.20.2-x64-1234",
    ]);
    expect(readFileSync(join(dir, FILE), "utf8"), "its commands, then the cache twice over").toBe("create,add\nnewnew");
    expect(statSync(join(dir, FILE)).mode & 0o777).toBe(0o600);
    const fresh = join(tempDir(), "fresh");
    saveCache({ dir: fresh, file: FILE, uid }, Buffer.from("new"), ["create"]);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });
  it("writes nothing into a folder others can write to, and never throws", () => {
    const open = join(tempDir(), "open");
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777);
    saveCache({ dir: open, file: FILE, uid }, Buffer.from("x"), ["create"]);
    expect(readdirSync(open)).toEqual([]);
    const blocked = join(tempDir(), "a-file");
    writeFileSync(blocked, "");
    expect(() =>
      saveCache({ dir: join(blocked, "cache"), file: FILE, uid }, Buffer.from("x"), ["create"]),
    ).not.toThrow();
  });
});

describe("runCached", () => {
  let driver: string;
  let program: string;
  beforeAll(() => {
    const dir = tempDir();
    driver = join(dir, "driver.cjs");
    buildSync({
      stdin: {
        contents: `import { runCached } from "./src/io/code-cache.ts";
const [file, dir, command = "create"] = process.argv.slice(2);
const spot = dir === "-" ? undefined : { dir, file: ${JSON.stringify(FILE)}, uid: process.getuid?.() };
let saves = false;
const { outcome } = runCached(file, spot, command, (save) => { saves = true; process.on("exit", save); });
process.stdout.write(JSON.stringify({ outcome, saves, seen: globalThis.seen }));`,
        resolveDir: packageRoot,
        loader: "ts",
      },
      outfile: driver,
      bundle: true,
      platform: "node",
      format: "cjs",
      logLevel: "error",
    });
    program = join(dir, "program.cjs");
    writeFileSync(join(dir, "dep.cjs"), 'module.exports = "dep";\n');
    writeFileSync(
      program,
      `"use strict";\nconst helpers = Array.from({ length: 50 }, (_, i) => () => i * 2);\nglobalThis.seen = { file: __filename, dir: __dirname, dep: require("./dep.cjs"), exports: this === exports && module.exports === exports, sum: helpers.reduce((s, f) => s + f(), 0) };\n`,
    );
  });
  const run = (cacheDir: string, command = "create") => {
    const result = spawnSync(process.execPath, [driver, program, cacheDir, command], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { outcome: string; saves: boolean; seen: Record<string, unknown> };
  };

  it("runs the file as Node runs a CommonJS module; marks a first run, caches on the second, uses it on the third", () => {
    const dir = join(tempDir(), "cache");
    const first = run(dir);
    expect(first).toEqual({
      outcome: "first-run",
      saves: true,
      seen: { file: program, dir: join(program, ".."), dep: "dep", exports: true, sum: 2450 },
    });
    expect(statSync(join(dir, FILE)).size, "a first run leaves only a mark").toBe(0);
    const second = run(dir);
    expect([second.outcome, second.saves]).toEqual(["second-run", true]);
    const written = statSync(join(dir, FILE));
    expect(written.size).toBeGreaterThan(0);
    const third = run(dir);
    expect([third.outcome, third.saves]).toEqual(["accepted", false]);
    expect(third.seen).toEqual(first.seen);
    expect(statSync(join(dir, FILE)).mtimeMs).toBe(written.mtimeMs);
  });

  it("uses a cache another command wrote, writes it again once holding both, then uses it", () => {
    const dir = join(tempDir(), "cache");
    run(dir);
    run(dir);
    const path = join(dir, FILE);
    const created = readCacheFile(readFileSync(path));
    expect(created.commands).toEqual(["create"]);
    expect(run(dir, "add")).toMatchObject({ outcome: "widened", saves: true, seen: { dep: "dep", sum: 2450 } });
    const widened = statSync(path);
    expect(readCacheFile(readFileSync(path)).commands).toEqual(["create", "add"]);
    expect(run(dir, "add")).toMatchObject({ outcome: "accepted", saves: false });
    expect(run(dir, "create")).toMatchObject({ outcome: "accepted", saves: false });
    expect(statSync(path).mtimeMs, "a cache that holds the command is not written again").toBe(widened.mtimeMs);
  });

  it("refuses a damaged cache, runs all the same, and leaves a good one", () => {
    const dir = join(tempDir(), "cache");
    run(dir);
    run(dir);
    const path = join(dir, FILE);
    const good = readFileSync(path);
    writeFileSync(path, Buffer.alloc(good.length, 7));
    expect(run(dir)).toMatchObject({ outcome: "rejected", saves: true, seen: { dep: "dep" } });
    expect(run(dir).outcome, "the run after a refused cache writes a good one").toBe("accepted");
    truncateSync(path, 16);
    expect(run(dir).outcome).toBe("rejected");
    expect(run(dir).outcome).toBe("accepted");
    const cache = readFileSync(path);
    cache.writeUInt8((cache.readUInt8(cache.length >> 2) ^ 0x55) & 0xff, cache.length >> 2);
    writeFileSync(path, cache);
    expect(run(dir)).toMatchObject({ outcome: "rejected", saves: true, seen: { dep: "dep" } });
    expect(run(dir).outcome).toBe("accepted");
  });

  it("reads no cache from a folder others can write to, or from a file another user owns", () => {
    const dir = join(tempDir(), "cache");
    run(dir);
    run(dir);
    chmodSync(dir, 0o777);
    expect(run(dir)).toMatchObject({ outcome: "untrusted", saves: false, seen: { dep: "dep" } });
    chmodSync(dir, 0o700);
    expect(run(dir).outcome).toBe("accepted");
    if (asRoot) {
      chownSync(join(dir, FILE), 4242, 4242);
      expect(run(dir).outcome).toBe("untrusted");
    }
  });

  it("keeps no cache when there is no place for one", () => {
    expect(run("-")).toMatchObject({ outcome: "off", saves: false, seen: { dep: "dep" } });
  });

  it("reads the program as Latin-1 (a byte over 0x7f is one character, not a replaced one)", () => {
    const dir = tempDir();
    const latin = join(dir, "latin.cjs");
    // "é" in Latin-1: one byte that is no UTF-8, which a UTF-8 read would turn into U+FFFD.
    writeFileSync(
      latin,
      Buffer.concat([Buffer.from('globalThis.seen = { text: "'), Buffer.of(0xe9), Buffer.from('" };\n')]),
    );
    // The first run is Node's own loader's (UTF-8, as for a program of any other bytes); the second compiles it here.
    const runs = [0, 1].map(() =>
      spawnSync(process.execPath, [driver, latin, join(dir, "cache")], { encoding: "utf8" }),
    );
    expect(runs.map((r) => JSON.parse(r.stdout))).toEqual([
      { outcome: "first-run", saves: true, seen: { text: "\ufffd" } },
      { outcome: "second-run", saves: true, seen: { text: "\u00e9" } },
    ]);
  });
});

describe("the program", () => {
  it("is ASCII, which the bin's Latin-1 read of it needs (src/io/commonjs.ts)", () => {
    const program = readFileSync(join(packageRoot, "dist/main.cjs"));
    expect(program.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });
});

describe("the bin", () => {
  const bin = join(packageRoot, "dist/cli.cjs");
  const create = (cwd: string, env: Record<string, string>, args = ["svc", "--yes", "--no-git", "--no-install"]) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: "utf8",
      env: { PATH: "", NO_COLOR: "1", HOME: cwd, ...env },
    });
  // Ours only: from Node 22 on, NODE_COMPILE_CACHE also turns on Node's own compile cache, which keeps a folder
  // of its own there (v22.23.5-x64-<hash>-<uid>) for the modules its loader compiles (dist/cli.cjs among them).
  const cacheFiles = (dir: string) =>
    existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith("create-spec-agent-")) : [];

  it("marks its first create, caches on the second, uses the cache on the third, and writes the same files each time", () => {
    const cache = join(tempDir(), "cache");
    const [first, second, third, without] = [tempDir(), tempDir(), tempDir(), tempDir()];
    expect(create(first, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    const files = cacheFiles(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^create-spec-agent-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.cache$/);
    const path = join(cache, files[0] as string);
    expect(statSync(path).size, "a first run pays for no cache").toBe(0);
    expect(create(second, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    const written = statSync(path);
    expect(written.size).toBeGreaterThan(50_000);
    expect(create(third, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    expect(statSync(path).mtimeMs, "a cache that fits is not written again").toBe(written.mtimeMs);
    const disabled = join(tempDir(), "disabled");
    expect(create(without, { NODE_COMPILE_CACHE: disabled, NODE_DISABLE_COMPILE_CACHE: "1" }).status).toBe(0);
    expect(cacheFiles(disabled)).toEqual([]);
    const tree = readTree(join(first, "svc"));
    expect(readTree(join(second, "svc"))).toEqual(tree);
    expect(readTree(join(third, "svc"))).toEqual(tree);
    expect(readTree(join(without, "svc"))).toEqual(tree);
  });

  // Node 22 on: where NODE_COMPILE_CACHE turns Node's own cache on, its loader would also serialize the program
  // on a first run (about 7 M instructions on Node 24) and write it at exit, for no run to read: the bin compiles
  // the program itself from the second run on.
  it.skipIf(!nodeHasCompileCache)(
    "leaves the program out of Node's own compile cache on a first run, and writes the same files",
    () => {
      const cache = join(tempDir(), "cache");
      const [first, second] = [tempDir(), tempDir()];
      expect(create(first, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
      const nodeFolders = readdirSync(cache).filter((name) => !name.startsWith("create-spec-agent-"));
      expect(nodeFolders, "Node's own cache is on").toHaveLength(1);
      const entries = readdirSync(join(cache, nodeFolders[0] as string)).map((name) =>
        readFileSync(join(cache, nodeFolders[0] as string, name), "latin1"),
      );
      expect(
        entries.some((entry) => entry.includes(bin)),
        "the bin itself is Node's to cache",
      ).toBe(true);
      expect(entries.filter((entry) => entry.includes(join(packageRoot, "dist/main.cjs")))).toEqual([]);
      expect(create(second, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
      expect(readTree(join(second, "svc"))).toEqual(readTree(join(first, "svc")));
    },
  );

  it("replaces a damaged cache and writes the same files", () => {
    const cache = join(tempDir(), "cache");
    const [first, second] = [tempDir(), tempDir()];
    expect(create(first, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    expect(create(first, { NODE_COMPILE_CACHE: cache }, ["again", "--yes", "--no-git", "--no-install"]).status).toBe(0);
    const path = join(cache, cacheFiles(cache)[0] as string);
    const size = statSync(path).size;
    truncateSync(path, 100);
    const result = create(second, { NODE_COMPILE_CACHE: cache });
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(readTree(join(second, "svc"))).toEqual(readTree(join(first, "svc")));
    expect(Math.abs(statSync(path).size - size)).toBeLessThan(size / 10);
  });

  it("runs, and writes the same files, whatever byte of its cache has flipped (V8 alone would crash on some)", () => {
    const cache = join(tempDir(), "cache");
    const reference = tempDir();
    expect(create(reference, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    expect(
      create(reference, { NODE_COMPILE_CACHE: cache }, ["again", "--yes", "--no-git", "--no-install"]).status,
    ).toBe(0);
    const path = join(cache, cacheFiles(cache)[0] as string);
    const good = readFileSync(path);
    const tree = readTree(join(reference, "svc"));
    for (let i = 1; i <= 8; i++) {
      const flipped = Buffer.from(good);
      const at = Math.floor(((good.length / 2) * i) / 9);
      flipped[at] = (flipped[at] as number) ^ 0x55;
      writeFileSync(path, flipped);
      const cwd = tempDir();
      const result = create(cwd, { NODE_COMPILE_CACHE: cache });
      expect([result.status, result.signal, result.stderr], `byte ${at} flipped`).toEqual([0, null, ""]);
      expect(readTree(join(cwd, "svc"))).toEqual(tree);
    }
  });

  it("holds what add compiles too, once an add ran after a create: the cache is written again once", () => {
    const cache = join(tempDir(), "cache");
    const cwd = tempDir();
    expect(create(cwd, { NODE_COMPILE_CACHE: cache }).status).toBe(0);
    expect(create(cwd, { NODE_COMPILE_CACHE: cache }, ["again", "--yes", "--no-git", "--no-install"]).status).toBe(0);
    const path = join(cache, cacheFiles(cache)[0] as string);
    const created = statSync(path);
    expect(readCacheFile(readFileSync(path)).commands).toEqual(["create"]);
    const repo = join(cwd, "svc");
    const add = (title: string) => create(repo, { NODE_COMPILE_CACHE: cache, CI: "1" }, ["add", "plan", title]);
    expect(add("First").status).toBe(0);
    const widened = statSync(path);
    expect(readCacheFile(readFileSync(path)).commands).toEqual(["create", "add"]);
    expect(widened.size, "the functions of both").toBeGreaterThan(created.size);
    expect(add("Second").status).toBe(0);
    expect(create(cwd, { NODE_COMPILE_CACHE: cache }, ["third", "--yes", "--no-git", "--no-install"]).status).toBe(0);
    expect(statSync(path).mtimeMs, "written once for add, then used by both").toBe(widened.mtimeMs);
  });

  it.each([[["--version"]], [["--help"]], [["--nope"]]])(
    "keeps no cache from %j, which compiles too little",
    (args) => {
      const cache = join(tempDir(), "cache");
      create(tempDir(), { NODE_COMPILE_CACHE: cache }, args);
      expect(cacheFiles(cache)).toEqual([]);
    },
  );
});
