/**
 * Start-up does only what the command needs. A preload hook records every
 * module the built bin requires: --version and --help load no prompt library,
 * no template, no crypto and no child_process; a --yes run adds the create path
 * but still no prompts; and no Handlebars compiler is bundled at all.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/package-info.js";
import { tempDir } from "./support/context.js";

const dist = join(packageRoot, "dist");
const bin = join(dist, "cli.cjs");

/** What `node <hook> bin ...args` required, builtins and files, and whether the preset's templates were evaluated. */
function loaded(args: string[]): { modules: string[]; presetEvaluated: boolean } {
  const dir = tempDir();
  const hook = join(dir, "hook.cjs");
  const log = join(dir, "loaded.json");
  writeFileSync(
    hook,
    `const Module = require("node:module"); const fs = require("node:fs"); const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on("exit", () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify([...seen])));`,
  );
  const result = spawnSync(process.execPath, ["--require", hook, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
  });
  expect(result.status, result.stderr).toBe(0);
  const modules = JSON.parse(readFileSync(log, "utf8")) as string[];
  const written = existsSync(join(dir, "svc/.github/agents/backend-engineer.agent.md"));
  return { modules, presetEvaluated: written };
}

const HEAVY = ["./prompts.cjs", "node:crypto", "node:child_process", "node:tty"];

describe("the built bin's start-up", () => {
  beforeAll(() => {
    expect(existsSync(bin), "run npm run build first (npm test does)").toBe(true);
  });

  it.each([["--version"], ["--help"]])("%s loads no prompts, crypto, child_process or tty", (flag) => {
    const { modules } = loaded([flag]);
    expect(modules.filter((m) => HEAVY.includes(m))).toEqual([]);
  });

  it("a --yes run loads crypto for the manifest's hashes, but no prompts and, with --author given, no child_process", () => {
    const { modules, presetEvaluated } = loaded(["svc", "--yes", "--no-git", "--no-install", "--author", "A"]);
    expect(presetEvaluated).toBe(true);
    expect(modules).toContain("node:crypto");
    expect(modules).not.toContain("./prompts.cjs");
    expect(modules).not.toContain("node:child_process");
    expect(modules, "--yes never asks, so it never looks for a terminal").not.toContain("node:tty");
  });

  it("bundles no Handlebars compiler: the preset is precompiled", () => {
    // A string only Handlebars' compiler (its parser) holds.
    const withCompiler = readdirSync(dist).filter((file) =>
      readFileSync(join(dist, file), "utf8").includes("Parse error on line"),
    );
    expect(withCompiler).toEqual([]);
  });
});
