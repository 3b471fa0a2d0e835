/**
 * Start-up does only what the command needs: the modules that --help and
 * --version load, and those a --yes run adds, hold neither the prompt library
 * nor the Handlebars compiler. Read off the built bundle's import graph.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/package-info.js";

const dist = join(packageRoot, "dist");
const read = (file: string) => readFileSync(join(dist, file), "utf8");
const staticImports = (file: string) =>
  [...read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)].map((m) => m[1] as string);
const dynamicImports = (file: string) =>
  [...read(file).matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1] as string);

/** A module and everything it imports statically: what loading it loads. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  visit(entry);
  return seen;
}

const isPrompts = (file: string) => /prompts/.test(file) || read(file).includes("sisteransi");
// A string only Handlebars' compiler (its parser) holds.
const isCompiler = (file: string) => read(file).includes("Parse error on line");

describe("the built bin's start-up", () => {
  beforeAll(() => {
    expect(existsSync(join(dist, "cli.js")), "run npm run build first (npm test does)").toBe(true);
  });

  it("loads neither prompts nor a template compiler for --help and --version", () => {
    const loaded = [...closure("cli.js")];
    expect(loaded.filter(isPrompts)).toEqual([]);
    expect(loaded.filter(isCompiler)).toEqual([]);
    expect(loaded.some((file) => read(file).includes("backend-engineer.agent.md"))).toBe(false);
  });

  it("adds the create path, without prompts, only when creating", () => {
    const [create, ...others] = dynamicImports("cli.js").filter((file) => !isPrompts(file));
    expect(others).toEqual([]);
    const loaded = [...closure(create as string)];
    expect(loaded.some((file) => read(file).includes("backend-engineer.agent.md"))).toBe(true);
    expect(loaded.filter(isPrompts)).toEqual([]);
    expect(loaded.filter(isCompiler)).toEqual([]);
  });

  it("bundles no Handlebars compiler at all: the preset is precompiled", () => {
    expect(readdirSync(dist).filter(isCompiler)).toEqual([]);
  });
});
