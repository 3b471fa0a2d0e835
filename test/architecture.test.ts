/**
 * The layout holds: modules by layer, each layer importing only the layers
 * below it, no import cycle (type-only imports included), small modules, and
 * the process touched only by the entry points.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";

const SRC = join(packageRoot, "src");
const aliases: Record<string, string> = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).imports;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The modules of ours a file imports (static, dynamic and type-only), as paths under src/. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1] as string);
  return specifiers.flatMap((specifier) => {
    const target = aliases[specifier] ?? (specifier.startsWith(".") ? specifier : undefined);
    if (target === undefined) return [];
    const absolute = aliases[specifier]
      ? resolve(packageRoot, target)
      : resolve(dirname(join(SRC, file)), target.replace(/\.js$/, ".ts"));
    return [relative(SRC, absolute).split("\\").join("/")];
  });
}

/** Every cycle's first closing edge, found by depth-first search. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const files = sourceFiles(SRC);
const texts = new Map(files.map((file) => [file, readFileSync(join(SRC, file), "utf8")]));
const graph = new Map(files.map((file) => [file, importsOf(file, texts.get(file) as string)]));

/** A module's layer: its folder, or the file itself at the top of src/. */
const layerOf = (file: string): string => (file.includes("/") ? (file.split("/")[0] as string) : file);

/** What each layer may import, besides itself. The top (cli, plop, run, context, pipeline, commands) takes anything. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  io: ["core"],
  templates: ["core", "io"],
  ui: ["core", "io"],
  options: ["core", "io"],
  targets: ["core", "io", "templates"],
};

describe("the source layout", () => {
  it("has the layer folders the README's module map names", () => {
    const folders = new Set(files.filter((f) => f.includes("/")).map(layerOf));
    expect([...folders].sort()).toEqual(["commands", "core", "io", "options", "targets", "templates", "ui"]);
  });

  it("has no import cycle", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself)", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(findCycles(cyclic)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(importsOf("io/x.ts", 'import type { A } from "../core/a.js";\nconst m = await import("./y.js");')).toEqual([
      "core/a.ts",
      "io/y.ts",
    ]);
  });

  it("imports only downwards: each layer takes from the layers below it", () => {
    const violations = files.flatMap((file) => {
      const allowed = ALLOWED[layerOf(file)];
      if (allowed === undefined) return [];
      return (graph.get(file) ?? [])
        .filter((target) => layerOf(target) !== layerOf(file) && !allowed.includes(layerOf(target)))
        .map((target) => `${file} -> ${target}`);
    });
    expect(violations).toEqual([]);
  });

  it("keeps every module under 200 lines", () => {
    const long = files
      .map((file) => [file, (texts.get(file) as string).split("\n").length] as const)
      .filter(([, lines]) => lines > 200);
    expect(long).toEqual([]);
  });

  it("touches the process only in the entry points, cli.ts, plop.ts and start.ts", () => {
    const touching = files.filter((file) => {
      const code = (texts.get(file) as string).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      return /\bprocess\s*[.[]/.test(code);
    });
    expect(touching).toEqual(["cli.ts", "plop.ts", "start.ts"]);
  });

  it("writes into the target from one module, io/target/: no other module calls a writing file-system function", () => {
    const writing =
      /\.(writeFileSync|writeNewFile|renameSync|mkdirSync|rmSync|rmdirSync|unlinkSync|linkSync|copyFileExclusiveSync)\(/;
    // fs.ts is the file system itself; old-generator.ts removes only the temporary folder it made outside the target.
    const elsewhere = new Set(["io/fs.ts", "io/old-generator.ts"]);
    const writers = files.filter((file) => {
      const code = (texts.get(file) as string).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      return writing.test(code) && !file.startsWith("io/target/") && !elsewhere.has(file);
    });
    expect(writers).toEqual([]);
  });
});
