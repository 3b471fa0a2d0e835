/**
 * The layout holds: modules by layer, each layer importing only the layers
 * below it, no import cycle (type-only imports included), small modules, the
 * process touched only by the entry points, and each AI tool named only by its
 * own module and the table that lists the tools.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { transformSync } from "esbuild";
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
  // The --agents question's choices, help and validation come from the table of targets.
  options: ["core", "io", "targets"],
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
    expect(writersOutsideTarget(texts)).toEqual([]);
  });

  it("finds a module that writes outside io/target/ (the check itself)", () => {
    const planted = new Map([
      ["io/target/write.ts", "fs.renameSync(from, to);"],
      [
        "commands/sneaky.ts",
        "// fs.rmSync(x) in a comment is not a call\nctx.fs.writeFileSync(join(root, path), text);",
      ],
      ["core/quiet.ts", "/* fs.unlinkSync(x) */ const x = 1;"],
      ["io/promised.ts", "await fsp.writeFile(path, text);"],
      ["ui/linker.ts", "nodeFs.symlinkSync(a, b);"],
      ["io/fs.ts", "nodeFs.mkdirSync(path);"],
    ]);
    expect(writersOutsideTarget(planted)).toEqual(["commands/sneaky.ts", "io/promised.ts", "ui/linker.ts"]);
  });
});

/** The modules outside io/target/ that call a writing file-system function, comments left out. */
function writersOutsideTarget(sources: ReadonlyMap<string, string>): string[] {
  // Node's writing calls, sync or not (and the FileSystem's own names), with the `.` of a call on an object.
  const writing =
    /\.((writeFile|appendFile|copyFile|cp|rename|mkdir|mkdtemp|rm|rmdir|unlink|link|symlink|chmod|lchmod|chown|lchown|truncate|ftruncate|utimes|lutimes|writeNewFile|copyFileExclusive)(Sync)?|createWriteStream|openSync|writeSync|writevSync)\(/;
  // fs.ts is the file system itself; old-generator.ts removes only the temporary folder it made outside the target.
  const elsewhere = new Set(["io/fs.ts", "io/old-generator.ts"]);
  return [...sources.keys()].filter((file) => {
    const code = (sources.get(file) as string).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    return writing.test(code) && !file.startsWith("io/target/") && !elsewhere.has(file);
  });
}

/** Each AI tool's module, src/targets/tools/<id>.ts, and the one table that lists them. */
const TOOLS = "targets/tools/";
const TABLE = "targets/table.ts";
const toolIds = files.filter((f) => f.startsWith(TOOLS)).map((f) => f.slice(TOOLS.length, -".ts".length));

/**
 * The ways code writes a tool's id: as it is (`".claude/agents"`, `/^\\.cursor\\//`, `claudeAgent`), in camel case
 * (`agentsMd`) and in capitals (`CLAUDE.md`, `CLAUDE_SETTINGS`); never inside another word (`preclaude`).
 */
function spellings(id: string): RegExp[] {
  const camel = id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const capitals = id.toUpperCase().replaceAll("-", "[-_]");
  return [
    new RegExp(`(?<![A-Za-z0-9_$])(${id}|${camel})(?![a-z0-9_$])`),
    new RegExp(`(?<![A-Za-z0-9_$])${capitals}(?![A-Z0-9$])`),
  ];
}

/** The tools a module's code names: its comments are not code (esbuild drops them), and prose (`Claude Code`) does not count. */
function toolsNamed(text: string, ids: readonly string[]): string[] {
  const code = transformSync(text, { loader: "ts" }).code;
  return ids.filter((id) => spellings(id).some((spelling) => spelling.test(code))).sort();
}

/** A word that is a tool's id and means something else there. */
const OTHER_MEANINGS = [
  { file: "options/prompter.ts", id: "cursor", why: "prompts' name for a multiselect's focused line" },
  { file: "core/python.ts", id: "antigravity", why: "a module of Python's standard library, no package's name" },
];

describe("one module per AI tool", () => {
  it("lists every tool module in the table, and only those", () => {
    const listed = [...(texts.get(TABLE) as string).matchAll(/from "\.\/tools\/([^"]+)\.js"/g)].map((m) => m[1]);
    expect(toolIds.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...toolIds].sort());
  });

  it("names a tool only in its own module and the table", () => {
    const elsewhere = files.flatMap((file) => {
      if (file === TABLE) return [];
      const own = file.startsWith(TOOLS) ? file.slice(TOOLS.length, -".ts".length) : undefined;
      return toolsNamed(texts.get(file) as string, toolIds)
        .filter((id) => id !== own && !OTHER_MEANINGS.some((o) => o.file === file && o.id === id))
        .map((id) => `${file} names ${id}`);
    });
    expect(elsewhere).toEqual([]);
  });

  it("finds a tool's id in literals and identifiers, not in comments or prose (the check itself)", () => {
    const ids = ["claude", "agents-md", "cursor"];
    expect(toolsNamed('const a = ".claude/agents"; // cursor', ids)).toEqual(["claude"]);
    expect(toolsNamed("const agentsMdFile = `Claude Code`;", ids)).toEqual(["agents-md"]);
    expect(toolsNamed("const m = /^\\.cursor\\//; const hub = 'CLAUDE.md';", ids)).toEqual(["claude", "cursor"]);
    expect(toolsNamed("/* claude */ const claudes = 1; const c = 'preclaude'; let Cursor: string;", ids)).toEqual([]);
  });
});

describe("what add starts with", () => {
  /** The modules a file imports for their values, not lazily: what esbuild's bundle initialises with it. */
  const eagerImports = (file: string): string[] => {
    const code = transformSync(texts.get(file) as string, { loader: "ts" }).code;
    const specifiers = [...code.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => `from "${m[1]}"`);
    return importsOf(file, specifiers.join("\n"));
  };
  const reached = (entries: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file) || !texts.has(file)) return;
      seen.add(file);
      for (const next of eagerImports(file)) visit(next);
    };
    for (const entry of entries) visit(entry);
    return seen;
  };

  it("add evaluates no AI tool's module: the option table reads them only once loaded (options/tool-table.ts)", () => {
    const tools = [...reached(["cli.ts", "run.ts", "commands/add.ts"])].filter(
      (file) => file === TABLE || file.startsWith(TOOLS),
    );
    expect(tools).toEqual([]);
  });
});
