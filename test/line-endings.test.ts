/**
 * Line endings are not edits: git's own CRLF checkouts (`core.autocrlf=true`, as Git for Windows sets it, and
 * `core.eol=crlf` with `text=auto`) of a repository that `create --git` made, run through the built bin.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  lineEndingFromAttributeFiles,
  lineEndingFromAttributes,
  lineEndingOf,
  majorityLineEnding,
  sameText,
  withLineEnding,
} from "../src/core/line-endings.js";
import { GITATTRIBUTES_HEADING, mergeGitattributes } from "../src/core/merge/gitattributes.js";
import { realFileSystem } from "../src/io/fs.js";
import { repositoryStyle } from "../src/io/line-style.js";
import { packageRoot } from "../src/io/package-info.js";
import { GIT_IDENTITY, tempDir } from "./support/context.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;
const BIN = join(packageRoot, "dist/cli.cjs");

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_IDENTITY } });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};

/** The built bin, without uv on PATH (the bytes must not depend on it), without colour. */
const bin = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: cwd, ...GIT_IDENTITY },
  });

/** Every file of the tree but .git, path → bytes. */
function tree(root: string, under = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(join(root, under))) {
    const path = under ? `${under}/${name}` : name;
    if (path === ".git") continue;
    if (statSync(join(root, path)).isDirectory()) for (const [p, b] of tree(root, path)) files.set(p, b);
    else files.set(path, readFileSync(join(root, path)));
  }
  return files;
}

/** LF lines and CRLF lines in one file. */
const mixed = (text: string): boolean => /\r\n/.test(text) && /(^|[^\r])\n/.test(text);
const read = (path: string): string => readFileSync(path, "utf8");

/**
 * A repository `create --git` made (`seed` edits it, and the edits are committed), and a clone of it checked out
 * with CRLF endings under `config`.
 */
function crlfClone(config: string[], seed?: (repo: string) => void): string {
  const cwd = tempDir();
  const made = bin(cwd, "svc", "--yes", "--git", "--no-install");
  expect(made.status, made.stderr).toBe(0);
  if (seed) {
    seed(join(cwd, "svc"));
    git(join(cwd, "svc"), "add", "-A");
    git(join(cwd, "svc"), "commit", "-q", "-m", "seeded");
  }
  const clone = join(cwd, "clone");
  git(cwd, "clone", "-q", "--no-checkout", ...config.flatMap((c) => ["-c", c]), `file://${join(cwd, "svc")}`, clone);
  // The repository's own attributes may fix LF (eol=lf); the owner's local ones leave the ending to the config.
  writeFileSync(join(clone, ".git/info/attributes"), "* text=auto !eol\n");
  git(clone, "checkout", "-q", "HEAD");
  // Git's checkout, not ours: the test means nothing unless the files arrived with CRLF.
  expect(read(join(clone, "Taskfile.yml"))).toContain("\r\n");
  expect(mixed(read(join(clone, "Taskfile.yml")))).toBe(false);
  return clone;
}

const CHECKOUTS: [string, string[]][] = [
  ["core.autocrlf=true", ["core.autocrlf=true"]],
  ["core.eol=crlf", ["core.autocrlf=false", "core.eol=crlf"]],
];

describe("attribute files without a needless global replace", () => {
  const crlfReplaces = (run: () => void): number => {
    const replace = vi.spyOn(String.prototype, "replace");
    try {
      run();
      return replace.mock.calls.filter(([pattern]) => pattern instanceof RegExp && pattern.source === "\\r\\n").length;
    } finally {
      replace.mockRestore();
    }
  };

  // attr-quoted: the reader splits lines on bytes (git-attribute-lines.ts), so neither file needs a replace.
  it("reads an LF file without one (V8 compiles a global replace's expression to machine code at once), a CRLF file as LF", () => {
    const lf = [{ folder: "", text: "* text=auto eol=lf\n*.bat text eol=crlf\n" }];
    const crlf = [{ folder: "", text: "* text=auto eol=lf\r\n*.bat text eol=crlf\r\n" }];
    expect(crlfReplaces(() => lineEndingFromAttributeFiles(lf, "a.md"))).toBe(0);
    expect(crlfReplaces(() => lineEndingFromAttributeFiles(crlf, "a.md"))).toBe(0);
    expect(lineEndingFromAttributeFiles(crlf, "x.bat")).toBe("\r\n");
    expect(lineEndingFromAttributeFiles(lf, "x.bat")).toBe("\r\n");
  });
});

describe.skipIf(!hasGit)("a CRLF checkout of a repository create --git made", () => {
  for (const [name, config] of CHECKOUTS) {
    it(`${name}: update --dry-run finds every file up to date; update changes no byte; check passes; a second init changes nothing`, () => {
      const clone = crlfClone(config);
      const before = tree(clone);
      const dry = bin(clone, "update", "--dry-run");
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toContain("every file is up to date: nothing to do");
      const update = bin(clone, "update");
      expect(update.status, update.stderr).toBe(0);
      expect(tree(clone)).toEqual(before);
      const check = bin(clone, "check");
      expect(check.stdout + check.stderr).not.toMatch(/:\d+: /);
      expect(check.status).toBe(0);
      const init = bin(clone, "init", "--yes");
      expect(init.status, init.stderr).toBe(0);
      expect(tree(clone)).toEqual(before);
      expect(git(clone, "status", "--porcelain")).toBe("");
    });
  }

  it("check finds the same problems, on the same lines, in a CRLF checkout as in the LF original", () => {
    const seed = (repo: string) => {
      const agent = ".github/agents/backend-engineer.agent.md";
      writeFileSync(join(repo, agent), read(join(repo, agent)).replace(/^---\n/, "---\ncolour: red\n"));
      const plan = "spec/plan/README.md";
      writeFileSync(
        join(repo, plan),
        `${read(join(repo, plan))}<<<<<<< yours\nmine\n=======\nours\n>>>>>>> create-spec-agent 0.1.0\n`,
      );
      writeFileSync(
        join(repo, "spec/context/notes.md"),
        "# Notes\n\nSee [the map](map.md).\n\n```text\n[not a link](fenced.md)\n```\n\nAnd [the guide](guide.md).\n",
      );
      writeFileSync(
        join(repo, "spec/task/001-parse.md"),
        "# Parse\n\n- **Plan**: [plan](../plan/none.md)\n- **Depends on**: 002-missing\n",
      );
    };
    const clone = crlfClone(["core.autocrlf=true"], seed);
    expect(read(join(clone, "spec/task/001-parse.md"))).toContain("\r\n");
    const original = join(clone, "../svc");
    const lf = bin(original, "check", "--json");
    const crlf = bin(clone, "check", "--json");
    expect(lf.status).toBe(1);
    expect(crlf.status).toBe(1);
    const problems = JSON.parse(lf.stdout).problems as { file: string; line: number; message: string }[];
    const marker = read(join(original, "spec/plan/README.md")).split("\n").indexOf("<<<<<<< yours") + 1;
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      ".github/agents/backend-engineer.agent.md:2",
      "spec/context/notes.md:3",
      "spec/context/notes.md:9",
      `spec/plan/README.md:${marker}`,
      "spec/task/001-parse.md:3",
      "spec/task/001-parse.md:4",
    ]);
    expect(JSON.parse(crlf.stdout).problems).toEqual(problems);
  });

  it("after a template change and an owner's edit on another line, update merges cleanly, in CRLF", () => {
    const clone = crlfClone(["core.autocrlf=true"]);
    const path = "spec/plan/README.md";
    const now = read(join(clone, path));
    const lines = now.split("\r\n");
    expect(lines.length).toBeGreaterThan(6);
    const oldLine = `${lines[1]} (as an older version wrote it)`;
    // The record's base is what an older version wrote: its line 2 differed from today's.
    const record = JSON.parse(read(join(clone, ".spec-agent.json")));
    const base: string = record.files[path];
    const baseLines = base.split("\n");
    baseLines[1] = oldLine;
    record.files[path] = baseLines.join("\n");
    writeFileSync(join(clone, ".spec-agent.json"), JSON.stringify(record, null, 2).replace(/\n/g, "\r\n"));
    // The owner's file: the older version's line 2, and the owner's own edit near the end.
    const owner = [...lines];
    owner[1] = oldLine;
    owner.splice(owner.length - 1, 0, "A line the owner added.");
    writeFileSync(join(clone, path), owner.join("\r\n"));

    const result = bin(clone, "update");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`merged with your edits  ${path}`);
    const merged = read(join(clone, path));
    expect(mixed(merged)).toBe(false);
    expect(merged).toContain("A line the owner added.\r\n");
    expect(merged).toContain(`${lines[1]}\r\n`);
    expect(merged).not.toContain(oldLine);
    expect(mixed(read(join(clone, ".spec-agent.json")))).toBe(false);
  });

  it("where the owner edited the line ours changed, the conflict is written in CRLF, markers and all, and left unmerged", () => {
    const clone = crlfClone(["core.autocrlf=true"]);
    const path = "spec/plan/README.md";
    const lines = read(join(clone, path)).split("\r\n");
    const record = JSON.parse(read(join(clone, ".spec-agent.json")));
    const baseLines = (record.files[path] as string).split("\n");
    baseLines[2] = "A line an older version wrote.";
    record.files[path] = baseLines.join("\n");
    writeFileSync(join(clone, ".spec-agent.json"), JSON.stringify(record, null, 2).replace(/\n/g, "\r\n"));
    writeFileSync(join(clone, path), [...lines.slice(0, 2), "The owner's line.", ...lines.slice(3)].join("\r\n"));

    const result = bin(clone, "update");
    expect(result.status).toBe(1);
    const text = read(join(clone, path));
    expect(text).toContain("<<<<<<< yours\r\nThe owner's line.\r\n=======\r\n");
    expect(mixed(text)).toBe(false);
    expect(git(clone, "status", "--porcelain")).toContain(`UU ${path}`);
  });

  it("add plan writes one style, and lists a task in the plan without mixing", () => {
    const clone = crlfClone(["core.autocrlf=true"]);
    expect(bin(clone, "add", "plan", "Export reports").status).toBe(0);
    const plan = read(join(clone, "spec/plan/export-reports.md"));
    expect(plan).toContain("\r\n");
    expect(mixed(plan)).toBe(false);
    expect(bin(clone, "add", "task", "Parse input", "--plan", "export-reports").status).toBe(0);
    expect(mixed(read(join(clone, "spec/plan/export-reports.md")))).toBe(false);
    expect(mixed(read(join(clone, "spec/task/001-parse-input.md")))).toBe(false);
    expect(bin(clone, "check").status).toBe(0);
  });

  it("a file of ours whose endings someone mixed is identical to init, not a clash, and left byte for byte", () => {
    const cwd = tempDir();
    expect(bin(cwd, "svc", "--yes", "--no-git", "--no-install").status).toBe(0);
    const repo = join(cwd, "svc");
    const lines = read(join(repo, "Taskfile.yml")).split("\n");
    const half = Math.floor(lines.length / 2);
    const mixedText = `${lines.slice(0, half).join("\r\n")}\r\n${lines.slice(half).join("\n")}`;
    writeFileSync(join(repo, "Taskfile.yml"), mixedText);
    expect(mixed(mixedText)).toBe(true);
    const result = bin(repo, "init", "--yes");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("Taskfile.yml");
    expect(read(join(repo, "Taskfile.yml"))).toBe(mixedText);
  });

  it("init into a CRLF repository of the owner's keeps the owner's endings in every file it merges", () => {
    const cwd = tempDir();
    git(cwd, "init", "-q");
    writeFileSync(join(cwd, ".gitignore"), "secrets/\r\n*.log\r\n");
    writeFileSync(join(cwd, "AGENTS.md"), "# Our rules\r\n\r\nBe kind.\r\n");
    writeFileSync(join(cwd, "notes.md"), "# Notes\r\n");
    const result = bin(cwd, "init", "--yes");
    expect(result.status, result.stderr).toBe(0);
    for (const path of [".gitignore", "AGENTS.md", "Taskfile.yml", "spec/plan/README.md", ".vscode/mcp.json"]) {
      const text = read(join(cwd, path));
      expect(text, path).toContain("\r\n");
      expect(mixed(text), path).toBe(false);
    }
    expect(read(join(cwd, "AGENTS.md")).startsWith("# Our rules\r\n\r\nBe kind.\r\n")).toBe(true);
    expect(read(join(cwd, ".gitignore")).startsWith("secrets/\r\n*.log\r\n")).toBe(true);
    const again = tree(cwd);
    expect(bin(cwd, "init", "--yes").status).toBe(0);
    expect(tree(cwd)).toEqual(again);
  });
});

describe(".gitattributes in the preset", () => {
  it.skipIf(!hasGit)(
    "makes a checkout LF even where git's settings say CRLF, so every machine has the same bytes",
    () => {
      const cwd = tempDir();
      expect(bin(cwd, "svc", "--yes", "--git", "--no-install").status).toBe(0);
      expect(read(join(cwd, "svc/.gitattributes"))).toContain("* text=auto eol=lf\n");
      const clone = join(cwd, "clone");
      git(cwd, "clone", "-q", "-c", "core.autocrlf=true", `file://${join(cwd, "svc")}`, clone);
      expect(tree(clone)).toEqual(tree(join(cwd, "svc")));
      expect(git(clone, "status", "--porcelain")).toBe("");
    },
  );

  it("governs the new files of the run that writes it: a CRLF README the owner had does not make them CRLF", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "README.md"), "# notes\r\n");
    const made = bin(cwd, ".", "--yes", "--no-git", "--no-install", "--force", "--name", "svc");
    expect(made.status, made.stderr).toBe(0);
    for (const [path, bytes] of tree(cwd))
      if (path !== "README.md") expect(bytes.includes("\r\n"), `${path} is LF`).toBe(false);
    // The file it replaced keeps the owner's style.
    expect(read(join(cwd, "README.md"))).toMatch(/^[^\n]*\r\n/);
  });

  it("init puts our missing rules before the owner's, whose lines still win; a second init changes nothing", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, ".gitattributes"), "*.sh text eol=lf\r\n*.txt   text eol=crlf\r\n");
    expect(bin(cwd, "init", "--yes").status).toBe(0);
    const merged = read(join(cwd, ".gitattributes"));
    expect(merged).toBe(
      `${GITATTRIBUTES_HEADING}\r\n* text=auto eol=lf\r\n*.bat text eol=crlf\r\n*.cmd text eol=crlf\r\n\r\n*.sh text eol=lf\r\n*.txt   text eol=crlf\r\n`,
    );
    expect(lineEndingFromAttributes(merged, "notes.txt")).toBe("\r\n");
    const again = tree(cwd);
    expect(bin(cwd, "init", "--yes").status).toBe(0);
    expect(tree(cwd)).toEqual(again);
  });

  it.each([
    ["", "* text=auto\n", `${GITATTRIBUTES_HEADING}\n* text=auto\n`],
    ["* text=auto\n", "* text=auto\n", "* text=auto\n"],
    ["*  text=auto\n", "* text=auto\n", "*  text=auto\n"],
    ["*.sh eol=lf\n", "# c\n* text=auto\n", `${GITATTRIBUTES_HEADING}\n* text=auto\n\n*.sh eol=lf\n`],
  ])("%j with ours %j is %j", (owner, ours, expected) => {
    expect(mergeGitattributes(owner, ours)).toBe(expected);
  });
});

describe("line endings", () => {
  it.each([
    ["a\nb\n", "\n"],
    ["a\r\nb\r\n", "\r\n"],
    ["a\r\nb\r\nc\n", "\r\n"],
    ["a\nb\nc\r\n", "\n"],
    ["no ending", undefined],
  ])("%j ends its lines in %j", (text, ending) => {
    expect(lineEndingOf(text)).toBe(ending);
  });

  it("writes one style, whatever the mix", () => {
    expect(withLineEnding("a\r\nb\nc", "\r\n")).toBe("a\r\nb\r\nc");
    expect(withLineEnding("a\r\nb\nc\r\n", "\n")).toBe("a\nb\nc\n");
    expect(sameText("a\r\nb\r\n", "a\nb\n")).toBe(true);
    expect(sameText("a\nb\n", "a\nc\n")).toBe(false);
    expect(majorityLineEnding(["a\r\n", "b\r\n", "c\n", "none"])).toBe("\r\n");
    expect(majorityLineEnding([])).toBe("\n");
  });

  it.each([
    ["* text=auto eol=lf", "src/a.py", "\n"],
    ["* text=auto eol=crlf", "src/a.py", "\r\n"],
    ["* text=auto", "src/a.py", undefined],
    ["* text=auto eol=lf\n*.bat text eol=crlf", "run.bat", "\r\n"],
    ["* text=auto eol=lf\n*.bat text eol=crlf", "tools/run.bat", "\r\n"],
    ["*.md eol=crlf\r\n", "spec/plan/x.md", "\r\n"],
    ["docs/*.md eol=crlf", "spec/plan/x.md", undefined],
    ["docs/**/*.md eol=crlf", "docs/a/b.md", "\r\n"],
    ["* eol=crlf\n*.png binary", "logo.png", "\n"],
    ["# * eol=crlf", "a.md", undefined],
    ["* text=auto eol=lf\n* text=auto !eol", "a.md", undefined],
  ])("%j gives %s the ending %j", (attributes, path, ending) => {
    expect(lineEndingFromAttributes(attributes, path)).toBe(ending);
  });
});

describe("a new file's style from every .gitattributes git reads for it", () => {
  it.each([
    // A folder's file overrides the root's; its patterns match from its own folder.
    [
      [
        ["", "*.md eol=lf"],
        ["spec", "*.md eol=crlf"],
      ],
      "spec/plan/x.md",
      "\r\n",
    ],
    [
      [
        ["", "*.md eol=lf"],
        ["spec", "*.md eol=crlf"],
      ],
      "docs/x.md",
      "\n",
    ],
    [
      [
        ["", "*.md eol=lf"],
        ["spec", "plan/*.md eol=crlf"],
      ],
      "spec/plan/x.md",
      "\r\n",
    ],
    [
      [
        ["", "*.md eol=lf"],
        ["spec", "plan/*.md eol=crlf"],
      ],
      "spec/task/plan/x.md",
      "\n",
    ],
    [[["spec", "/x.md eol=crlf"]], "spec/x.md", "\r\n"],
    [[["spec", "/x.md eol=crlf"]], "spec/plan/x.md", undefined],
    // The deeper file wins, and .git/info/attributes (last, as the root's) over both.
    [
      [
        ["spec", "* eol=crlf"],
        ["spec/plan", "* eol=lf"],
      ],
      "spec/plan/x.md",
      "\n",
    ],
    [
      [
        ["spec", "* eol=crlf"],
        ["spec/plan", "* eol=lf"],
        ["", "x.md eol=crlf"],
      ],
      "spec/plan/x.md",
      "\r\n",
    ],
    // `text` and `eol` are separate attributes: binary after eol=crlf, or before it, leaves the file as written.
    [[["", "*.png binary\n* eol=crlf"]], "logo.png", "\n"],
    [
      [
        ["", "* -text\n*.md text"],
        ["spec", "* eol=crlf"],
      ],
      "spec/x.md",
      "\r\n",
    ],
    [[["", "*.[ch] eol=crlf"]], "src/a.h", "\r\n"],
    [[["", "*.[!ch] eol=crlf"]], "src/a.h", undefined],
    [[["", "*.[z-a] eol=crlf"]], "src/a.h", undefined],
    [[["", "[attr]foo eol=crlf"]], "tfoo", undefined],
    // Macros: defined in the root's file (or info/attributes), used anywhere; a folder's definition is dropped.
    [[["", "*.md crlfy\n[attr]crlfy eol=crlf"]], "a.md", "\r\n"],
    [[["spec", "[attr]crlfy eol=crlf\n*.md crlfy"]], "spec/a.md", undefined],
    [
      [
        ["", "[attr]crlfy eol=crlf"],
        ["spec", "*.md crlfy"],
      ],
      "spec/a.md",
      "\r\n",
    ],
    [[["", "[attr]picture binary\n* eol=crlf\n*.png picture"]], "a.png", "\n"],
    [[["", "[attr]loop loop eol=crlf\n* loop"]], "a.md", "\r\n"],
    // A name git cannot read drops its line; so does a negated pattern.
    [[["", "*.md eol=crlf bad/name"]], "a.md", undefined],
    [[["", "!*.md eol=crlf"]], "!a.md", undefined],
    // `text` before the older `crlf`, whatever their order; `text=input` checks out LF.
    [[["", "* -text\n* crlf eol=crlf"]], "a.md", "\n"],
    [[["", "* text=input"]], "a.md", "\n"],
  ] as [[string, string][], string, string | undefined][])("%j gives %s the ending %j", (files, path, ending) => {
    expect(
      lineEndingFromAttributeFiles(
        files.map(([folder, text]) => ({ folder, text })),
        path,
      ),
    ).toBe(ending);
  });

  /**
   * Writes `attributes` (path → text, in CRLF) into a new repository, then asks git and repositoryStyle about
   * each of `paths`. A path no line decides takes CRLF from the files beside it (the attribute files), so git's
   * `unspecified` is CRLF and only `-text` or `eol=lf` give LF. git reads no global or system attributes here.
   */
  function compareWithGit(
    attributes: Record<string, string>,
    paths: readonly string[],
    config: Record<string, string> = {},
  ): void {
    const cwd = tempDir();
    const isolated = {
      ...process.env,
      ...GIT_IDENTITY,
      HOME: cwd,
      XDG_CONFIG_HOME: join(cwd, ".config"),
      GIT_CONFIG_GLOBAL: join(cwd, ".config/none"),
    };
    const run = (...args: string[]) => {
      const result = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...isolated, GIT_CONFIG_NOSYSTEM: "1" } });
      if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
      return result.stdout;
    };
    run("init", "-q");
    for (const [key, value] of Object.entries(config)) run("config", key, value);
    for (const [path, text] of Object.entries(attributes)) {
      mkdirSync(join(cwd, path, ".."), { recursive: true });
      writeFileSync(join(cwd, path), text.replace(/\n/g, "\r\n"));
    }
    const said = new Map<string, string>();
    // -z: path, attribute and value each end in a NUL, the path unquoted (a tab or an é in it as it is).
    const fields = run("check-attr", "-z", "text", "eol", "--", ...paths).split("\0");
    for (let i = 0; i + 2 < fields.length; i += 3) said.set(`${fields[i]} ${fields[i + 1]}`, fields[i + 2] as string);
    const style = repositoryStyle(realFileSystem, cwd);
    const crlf: string[] = [];
    for (const path of paths) {
      const eol = said.get(`${path} eol`);
      const expected = said.get(`${path} text`) === "unset" || eol === "lf" ? "\n" : "\r\n";
      if (expected === "\r\n") crlf.push(path);
      expect.soft(style(path), `${path}: git says text ${said.get(`${path} text`)}, eol ${eol}`).toBe(expected);
    }
    // Both answers occur, so the comparison means something.
    expect(crlf.length).toBeGreaterThan(2);
    expect(crlf.length).toBeLessThan(paths.length - 2);
  }

  it.skipIf(!hasGit)(
    "agrees with git check-attr on each path, the root's, each folder's and info/attributes read",
    () => {
      compareWithGit(
        {
          ".gitattributes": "* text=auto eol=lf\n*.bat text eol=crlf\n",
          "spec/.gitattributes": "*.md eol=crlf\nplan/*.md eol=lf\n/notes.txt eol=crlf\n",
          "spec/plan/.gitattributes": "keep-*.md eol=crlf\n",
          "docs/.gitattributes": "*.md -text\n**/deep/*.md eol=crlf\n*.txt eol=crlf\n",
          "tools/.gitattributes": "*.[ch] eol=crlf\n*.bat !eol\n",
          ".git/info/attributes": "legacy.md eol=crlf\n",
        },
        [
          "README.md",
          "run.bat",
          "spec/a.md",
          "spec/plan/p.md",
          "spec/plan/keep-x.md",
          "spec/notes.txt",
          "spec/sub/notes.txt",
          "spec/task/legacy.md",
          "docs/a.md",
          "docs/a.txt",
          "docs/x/deep/y.md",
          "docs/deep/y.md",
          "tools/a.c",
          "tools/a.h",
          "tools/run.bat",
          "tools/sub/run.bat",
          "other/a.md",
        ],
      );
    },
  );

  it.skipIf(!hasGit)(
    "agrees with git check-attr on macros: binary, [attr] definitions, where git honours them, and their order",
    () => {
      compareWithGit(
        {
          ".gitattributes": [
            "[attr]lfonly text eol=lf",
            "[attr]crlfonly eol=crlf",
            // A macro that sets another: the built-in binary, or one of ours.
            "[attr]image binary",
            "[attr]outer lfonly",
            "*.ps1 eol=lf",
            "*.ps1 crlfonly",
            "*.dat eol=crlf",
            "*.dat image",
            "*.cfg outer",
            "x.cfg eol=crlf",
            // Unset or unspecified later, a macro fills nothing from an earlier line; nor does -binary.
            "*.yml lfonly",
            "*.yml -lfonly",
            "*.yaml lfonly",
            "*.yaml !lfonly",
            "*.jpg eol=crlf -binary",
            // binary, then text on the same line: the later attribute wins.
            "*.gif eol=lf binary",
            "*.svg binary text eol=crlf",
            // Used before it is defined, and defined only in .git/info/attributes.
            "*.json late",
            "*.toml infolf",
            "[attr]late text eol=lf",
            // A folder's file defines no macro (git warns and drops the line), but uses the root's.
            "",
          ].join("\n"),
          "sub/.gitattributes": "[attr]lfonly eol=crlf\n[attr]sublf eol=lf\n*.txt lfonly\n*.md sublf\n*.sh outer\n",
          ".git/info/attributes": "[attr]infolf eol=lf\n",
        },
        [
          "run.ps1",
          "a.dat",
          "a.cfg",
          "x.cfg",
          "a.yml",
          "a.yaml",
          "a.jpg",
          "a.gif",
          "a.svg",
          "a.json",
          "a.toml",
          "sub/a.txt",
          "sub/a.md",
          "sub/deep/run.sh",
          "other/a.md",
        ],
      );
    },
  );

  it.skipIf(!hasGit)(
    "agrees with git check-attr on quoted and escaped patterns and on lines as attr.c splits them",
    () => {
      const long = (pattern: string, bytes: number) => `${pattern} eol=crlf`.padEnd(bytes, " ");
      compareWithGit(
        {
          ".gitattributes": [
            "* eol=lf",
            // C-style quoted patterns: a space, an escape, octal UTF-8, a quote, attributes right after it.
            '"a b.md" eol=crlf',
            '"tab\\there.md" eol=crlf',
            '"caf\\303\\251.md" eol=crlf',
            '"say \\"hi\\".md" eol=crlf',
            '"glued.md"eol=crlf',
            // An escape quote.c refuses: the word is taken as it is, quotes and all (`\\q` is then a q).
            '"bad\\q.md" eol=crlf',
            // wildmatch's backslash: a literal `!`, `#`, `*`.
            "\\!bang.md eol=crlf",
            "\\#hash.md eol=crlf",
            "star\\*.md eol=crlf",
            // An unclosed bracket matches nothing; `^` negates as `!` does; classes; `?` is one byte.
            "[unclosed.md eol=crlf",
            "[^a]b.md eol=crlf",
            "[[:digit:]]*.md eol=crlf",
            "?.txt eol=crlf",
            // `**` not between slashes is one `*`, which stops at a slash.
            "docs/x**y.md eol=crlf",
            // Only space, tab and CR separate; a BOM past the first line is part of the pattern.
            "nbsp.md\u00a0eol=crlf",
            "vt.md\veol=crlf",
            "\ufeffbom.md eol=crlf",
            // `!name=value` is `!name`: the rest of the line still counts. A NUL ends the line.
            "bang.txt eol=crlf !text=x",
            "nul.md eol=lf\0junk",
            // A quoted macro definition is one.
            '"[attr]quoted" eol=crlf',
            "qm.md quoted",
            // attr.c drops a line of 2,048 bytes or more (CR not counted), bytes not characters.
            long("long.md", 2048),
            long("short.md", 2047),
            `${"\u00e9".repeat(1020)}.md eol=crlf`,
            "",
          ].join("\n"),
        },
        [
          "a b.md",
          "tab\there.md",
          "caf\u00e9.md",
          'say "hi".md',
          "glued.md",
          '"badq.md"',
          "!bang.md",
          "#hash.md",
          "star*.md",
          "starx.md",
          "[unclosed.md",
          "xb.md",
          "ab.md",
          "1x.md",
          "a.txt",
          "\u00e9.txt",
          "docs/xay.md",
          "docs/xa/by.md",
          "nbsp.md",
          "vt.md",
          "bom.md",
          "bang.txt",
          "nul.md",
          "qm.md",
          "long.md",
          "short.md",
          `${"\u00e9".repeat(1020)}.md`,
        ],
      );
    },
  );

  it.skipIf(!hasGit)(
    "agrees with git check-attr where core.ignorecase is true: ASCII case folded, as wildmatch folds it",
    () => {
      const attributes = {
        ".gitattributes":
          "* eol=lf\n*.MD eol=crlf\nDocs/*.txt eol=crlf\n[R]eadme.rst eol=crlf\n[A-C]*.cfg eol=crlf\n\u00c9.md eol=crlf\n",
        "sub/.gitattributes": "*.Bat eol=crlf\n",
        ".git/info/attributes": "LEGACY eol=crlf\n",
      };
      const paths = [
        "a.md",
        "A.Md",
        "docs/a.txt",
        "DOCS/a.TXT",
        "Readme.rst",
        "readme.rst",
        "b.cfg",
        "B.cfg",
        "\u00e9.md",
        "sub/run.BAT",
        "legacy",
        "a.txt",
        "e.cfg",
        "sub/run.sh",
        "x.MD",
        "Docs/b.txt",
        "sub/x.Bat",
        "LEGACY",
        "\u00c9.md",
      ];
      compareWithGit(attributes, paths, { "core.ignorecase": "true" });
      // Without it (git's default), case counts.
      compareWithGit(attributes, paths);
    },
  );

  it("reads .git/config for core.ignorecase only when case alone decides a path: never for the preset's paths", () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, ".git"));
    writeFileSync(join(cwd, ".git/config"), "[core]\n\tignoreCase\n");
    writeFileSync(join(cwd, ".gitattributes"), "* text=auto eol=lf\n*.bat text eol=crlf\n*.cmd text eol=crlf\n");
    const opened: string[] = [];
    const fs = {
      ...realFileSystem,
      openSync: (path: string, flags: number) => {
        opened.push(path);
        return realFileSystem.openSync(path, flags);
      },
    };
    const style = repositoryStyle(fs, cwd);
    expect(style("spec/plan/export-reports.md")).toBe("\n");
    expect(style("run.bat")).toBe("\r\n");
    expect(opened.filter((path) => path.endsWith("config"))).toEqual([]);
    // RUN.BAT matches *.bat only without regard to case: the bare key `ignoreCase` is git's true.
    expect(style("RUN.BAT")).toBe("\r\n");
    expect(opened.filter((path) => path.endsWith("config"))).toEqual([join(cwd, ".git/config")]);
  });

  it.skipIf(!hasGit)(
    "leaves out the attributes of one machine (~/.config/git/attributes), which git reads: the files beside decide",
    () => {
      const cwd = tempDir();
      expect(bin(cwd, "svc", "--yes", "--git", "--no-install").status).toBe(0);
      const repo = join(cwd, "svc");
      git(repo, "rm", "-q", ".gitattributes");
      // HOME is cwd for both the bin and this git: its global attributes file.
      mkdirSync(join(cwd, ".config/git"), { recursive: true });
      writeFileSync(join(cwd, ".config/git/attributes"), "*.md eol=crlf\n");
      const said = spawnSync("git", ["check-attr", "eol", "--", "spec/plan/export-reports.md"], {
        cwd: repo,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: cwd },
      });
      expect(said.stdout).toBe("spec/plan/export-reports.md: eol: crlf\n");
      expect(bin(repo, "add", "plan", "Export reports").status).toBe(0);
      const plan = read(join(repo, "spec/plan/export-reports.md"));
      expect(plan).toContain("\n");
      expect(plan).not.toContain("\r");
    },
  );

  it.skipIf(!hasGit)("add plan follows spec/plan/.gitattributes below the preset's root one", () => {
    const cwd = tempDir();
    expect(bin(cwd, "svc", "--yes", "--git", "--no-install").status).toBe(0);
    const repo = join(cwd, "svc");
    writeFileSync(join(repo, "spec/plan/.gitattributes"), "*.md text eol=crlf\n");
    expect(bin(repo, "add", "plan", "Export reports").status).toBe(0);
    const plan = read(join(repo, "spec/plan/export-reports.md"));
    expect(plan).toContain("\r\n");
    expect(mixed(plan)).toBe(false);
    // As git itself would check it out.
    git(repo, "add", "-A");
    expect(git(repo, "ls-files", "--eol", "spec/plan/export-reports.md")).toMatch(/i\/lf\s+w\/crlf/);
  });
});
