/**
 * Start-up does only what the command needs. A preload hook records every
 * module the built bin requires, and Node's own list of the internals it
 * loaded: --version and --help load no prompt library, no template, no crypto,
 * no child_process and no stream library (output goes straight to the file
 * descriptor); a --yes run adds the create path but still no prompts or
 * streams; and no Handlebars, compiler or runtime, is bundled at all.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";

const dist = join(packageRoot, "dist");
const bin = join(dist, "cli.cjs");

/**
 * What `node <hook> bin ...args` required (builtins and files), the internals
 * Node loaded for it, and whether the preset's templates were evaluated.
 */
function loaded(
  args: string[],
  env: Record<string, string> = { NO_COLOR: "1" },
  cwd?: string,
): { modules: string[]; internals: string[]; presetEvaluated: boolean } {
  const dir = tempDir();
  const hook = join(dir, "hook.cjs");
  const log = join(dir, "loaded.json");
  writeFileSync(
    hook,
    `const Module = require("node:module"); const fs = require("node:fs"); const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on("exit", () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify([[...seen], process.moduleLoadList])));`,
  );
  const result = spawnSync(process.execPath, ["--require", hook, bin, ...args], {
    cwd: cwd ?? dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout, "the output still arrives, through a pipe").not.toBe("");
  const [modules, internals] = JSON.parse(readFileSync(log, "utf8")) as [string[], string[]];
  const written = existsSync(join(dir, "svc/.github/agents/backend-engineer.agent.md"));
  return { modules, internals, presetEvaluated: written };
}

const HEAVY = ["./prompts.cjs", "node:crypto", "node:child_process", "node:tty"];
/** The libraries only init, add and check use, each in its own file beside the bin. */
const EXISTING_LIBRARIES = ["./jsonc-parser.cjs", "./smol-toml.cjs", "./js-yaml.cjs", "./diff.cjs"];
/** Node's stream library, which building process.stdout for a pipe or a file loads. */
const STREAMS = "NativeModule stream";

describe("the built bin's start-up", () => {
  beforeAll(() => {
    expect(existsSync(bin), "run npm run build first (npm test does)").toBe(true);
  });

  it.each([["--version"], ["--help"]])("%s loads no prompts, crypto, child_process, tty or streams", (flag) => {
    const { modules, internals } = loaded([flag]);
    expect(modules.filter((m) => HEAVY.includes(m))).toEqual([]);
    expect(internals).not.toContain(STREAMS);
  });

  it("a --yes run loads no crypto (the manifest keeps files, not hashes), no prompts and, with --author given and no uv to ask, no child_process", () => {
    const { modules, presetEvaluated } = loaded(["svc", "--yes", "--no-git", "--no-install", "--author", "A"], {
      NO_COLOR: "1",
      PATH: "",
    });
    expect(presetEvaluated).toBe(true);
    expect(modules).not.toContain("node:crypto");
    expect(modules).not.toContain("./prompts.cjs");
    expect(modules).not.toContain("node:child_process");
    expect(modules, "--yes never asks, so it never looks for a terminal").not.toContain("node:tty");
    expect(modules.filter((m) => EXISTING_LIBRARIES.includes(m))).toEqual([]);
  });

  it("init loads its JSON and TOML libraries from their own files, check its YAML one too, and neither loads the diff", () => {
    const repo = tempDir();
    writeFileSync(join(repo, "pyproject.toml"), '[project]\nname = "svc"\n');
    const init = loaded(["init", "--yes", "--author", "A"], { NO_COLOR: "1" }, repo);
    expect(init.modules.filter((m) => EXISTING_LIBRARIES.includes(m)).sort()).toEqual([
      "./jsonc-parser.cjs",
      "./smol-toml.cjs",
    ]);
    const check = loaded(["check"], { NO_COLOR: "1" }, repo);
    // TOML: check compares pyproject.toml's licence with LICENSE (core/check/license.ts).
    expect(check.modules.filter((m) => EXISTING_LIBRARIES.includes(m)).sort()).toEqual([
      "./js-yaml.cjs",
      "./jsonc-parser.cjs",
      "./smol-toml.cjs",
    ]);
  });

  it("add at a pipe sees no terminal without loading node:tty (nor node:net under it)", () => {
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    const { modules, internals } = loaded(["add", "plan", "A title"], { NO_COLOR: "1" }, repo);
    expect(existsSync(join(repo, "spec/plan/a-title.md"))).toBe(true);
    expect(modules).not.toContain("node:tty");
    expect(internals).not.toContain("NativeModule net");
    expect(internals, "the code cache's temp folder is found without node:os").not.toContain("NativeModule os");
  });

  it("deciding on colour for a pipe loads neither node:tty nor kleur's stream check", () => {
    const { modules, internals } = loaded(["--help"], {});
    expect(modules).not.toContain("node:tty");
    expect(internals).not.toContain(STREAMS);
  });

  it("the bin copies no module's properties at start (esbuild's interop for a default import of a CommonJS module)", () => {
    // esbuild's __toESM copies every own property of what it wraps, by getOwnPropertyNames; named imports need none.
    expect(readFileSync(bin, "utf8")).not.toContain("getOwnPropertyNames");
  });

  it("keeps Handlebars in dist/handlebars.cjs alone: the preset is precompiled to JavaScript", () => {
    // Strings only Handlebars' compiler (its parser) and its runtime (its version check) hold.
    const withHandlebars = readdirSync(dist).filter((file) => {
      const text = readFileSync(join(dist, file), "utf8");
      return text.includes("Parse error on line") || text.includes("Template was precompiled with");
    });
    expect(withHandlebars).toEqual(["handlebars.cjs"]);
  });

  it("loads Handlebars and node:crypto only for a team's pack", () => {
    const plain = loaded(["svc", "--yes", "--no-git", "--no-install", "--author", "A"]);
    expect(plain.modules).not.toContain("./handlebars.cjs");
    const dir = tempDir();
    writeFileSync(join(dir, "spec-agent.pack.json"), '{"name":"p","version":"1.0.0"}');
    mkdirSync(join(dir, "templates"));
    writeFileSync(join(dir, "templates/team.md"), "{{name}}\n");
    const withPack = loaded(["svc", "--yes", "--no-git", "--no-install", "--author", "A", "--template", dir]);
    expect(withPack.modules).toContain("./handlebars.cjs");
    expect(withPack.modules).toContain("node:crypto");
  });
});
