/** Team template packs and the config file, through the whole create command, in temp folders. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePackManifest } from "../src/core/pack-manifest.js";
import { packageRoot } from "../src/io/package-info.js";
import type { Prompter } from "../src/options/prompter.js";
import { runCli, tempDir } from "./support/context.js";

const HARD = `Ops & <Platform> "core" it's {{x}}`;

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
}

function pack(root: string, manifest: object, templates: Record<string, string>): string {
  writeTree(root, {
    "spec-agent.pack.json": JSON.stringify(manifest),
    ...Object.fromEntries(Object.entries(templates).map(([p, t]) => [`templates/${p}`, t])),
  });
  return root;
}

const ACME = {
  name: "acme-pack",
  version: "1.2.0",
  questions: [
    { name: "team", message: "Which team owns it?", default: "platform", pattern: "[a-z-]+" },
    { name: "owner", message: "Who is on call?" },
  ],
  defaults: { python: "3.12", agents: "copilot,claude" },
};

const NO_TOOLS = ["--yes", "--no-git", "--no-install"];
const read = (path: string): string => readFileSync(path, "utf8");

describe("--template", () => {
  it("overrides one of our files, adds its own, takes its defaults and records itself with its answers", async () => {
    const cwd = tempDir();
    pack(join(cwd, "acme"), ACME, {
      "_github/copilot-instructions.md.hbs":
        "# {{name}} for {{team}}\n\nOn call: {{owner}}. See [AGENTS.md](../AGENTS.md).\n",
      "docs/onboarding.md": "Welcome to {{name}}: {{description}}\n",
    });
    const result = await runCli(["svc", ...NO_TOOLS, "--template", "./acme", "--set", `owner=${HARD}`], {
      cwd,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const svc = join(cwd, "svc");
    expect(read(join(svc, ".github/copilot-instructions.md"))).toBe(
      `# svc for platform\n\nOn call: ${HARD}. See [AGENTS.md](../AGENTS.md).\n`,
    );
    expect(read(join(svc, "docs/onboarding.md"))).toMatch(/^Welcome to svc: /);
    expect(read(join(svc, ".python-version"))).toBe("3.12\n");
    expect(existsSync(join(svc, ".claude/agents/backend-engineer.md"))).toBe(true);
    const record = JSON.parse(read(join(svc, ".spec-agent.json")));
    expect(record.packs).toEqual([
      {
        name: "acme-pack",
        version: "1.2.0",
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        // From the repository's root, wherever create ran: the same bytes for every teammate's update.
        source: "../acme",
        answers: { team: "platform", owner: HARD },
      },
    ]);
    expect(record.files["docs/onboarding.md"]).toBe(read(join(svc, "docs/onboarding.md")));
    expect(record.answers.python).toBe("3.12");
  });

  it("layers packs in order, the last one winning, and asks their questions at a terminal", async () => {
    const cwd = tempDir();
    pack(
      join(cwd, "a"),
      { name: "a", version: "1.0.0", questions: [{ name: "team", message: "Team?" }] },
      {
        "docs/x.md": "a {{team}}\n",
        "docs/only-a.md": "a\n",
      },
    );
    pack(join(cwd, "b"), { name: "b", version: "2.0.0" }, { "docs/x.md": "b {{team}}\n" });
    const asked: string[] = [];
    // Every default taken, but the pack's own question, which has none.
    const prompter: Prompter = {
      text: async (message, initial) => {
        asked.push(message);
        return message === "Team?" ? "payments" : (initial ?? "");
      },
      confirm: async (message, initial) => {
        asked.push(message);
        return initial;
      },
      multiselect: async (message, _choices, initial) => {
        asked.push(message);
        return [...initial];
      },
      select: async (message, choices, initial) => {
        asked.push(message);
        return choices[initial]?.value ?? "";
      },
    };
    const result = await runCli(["svc", "--no-git", "--no-install", "--template", "./a", "--template", "./b"], {
      cwd,
      terminal: true,
      prompter,
    });
    expect(result.stderr).toBe("");
    expect(asked.at(-1)).toBe("Team?");
    expect(read(join(cwd, "svc/docs/x.md"))).toBe("b payments\n");
    expect(read(join(cwd, "svc/docs/only-a.md"))).toBe("a\n");
  });

  it("works from an installed npm package (a packed tarball)", () => {
    const cwd = tempDir();
    const source = pack(
      join(cwd, "src-pack"),
      { name: "@acme/spec-pack", version: "0.3.0" },
      {
        "docs/team.md": "{{name}} by the package\n",
        _gitattributes: "* text=auto\n",
      },
    );
    writeFileSync(
      join(source, "package.json"),
      JSON.stringify({ name: "@acme/spec-pack", version: "0.3.0", files: ["spec-agent.pack.json", "templates"] }),
    );
    const packed = spawnSync("npm", ["pack", "--silent", "--pack-destination", cwd], { cwd: source, encoding: "utf8" });
    expect(packed.status, packed.stderr).toBe(0);
    const app = join(cwd, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), "{}");
    const tarball = join(cwd, packed.stdout.trim().split("\n").at(-1) as string);
    const installed = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], {
      cwd: app,
      encoding: "utf8",
    });
    expect(installed.status, installed.stderr).toBe(0);
    const created = spawnSync(
      process.execPath,
      [join(packageRoot, "dist/cli.cjs"), "svc", ...NO_TOOLS, "--template", "@acme/spec-pack"],
      { cwd: app, encoding: "utf8", env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: cwd } },
    );
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    expect(read(join(app, "svc/docs/team.md"))).toBe("svc by the package\n");
    expect(read(join(app, "svc/.gitattributes"))).toBe("* text=auto\n");
  });

  it.each([
    ["a missing pack", {}, "--template ./nope: no folder"],
    ["a malformed manifest", { "p/spec-agent.pack.json": "{ nope" }, "spec-agent.pack.json: not valid JSON"],
    [
      "an unknown manifest key",
      { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0","files":[]}', "p/templates/a.md": "a" },
      'unknown key "files"',
    ],
    [
      "a question that shadows ours",
      {
        "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0","questions":[{"name":"author","message":"A?"}]}',
        "p/templates/a.md": "a",
      },
      '"author" is one of our own answers',
    ],
    ["no templates folder", { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0"}' }, "templates is missing"],
    [
      "a write into .git",
      { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0"}', "p/templates/_git/hooks/post-checkout": "x" },
      "is inside .git",
    ],
    [
      "a write over our record",
      { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0"}', "p/templates/_spec-agent.json": "{}" },
      "the generator's own record",
    ],
    [
      "a name no OS takes",
      { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0"}', "p/templates/docs/CON.md": "x" },
      "cannot write templates/docs/CON.md",
    ],
    [
      "an unknown variable",
      { "p/spec-agent.pack.json": '{"name":"p","version":"1.0.0"}', "p/templates/a.md": "{{nope}}" },
      "templates/a.md failed to render",
    ],
  ])("refuses %s with exit 2 and writes nothing", async (_what, files, message) => {
    const cwd = tempDir();
    writeTree(cwd, files as Record<string, string>);
    const ref = Object.keys(files).length ? "./p" : "./nope";
    const result = await runCli(["svc", ...NO_TOOLS, "--template", ref], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(cwd, "svc"))).toBe(false);
  });

  it("refuses a link in the pack, which could point outside it", async () => {
    const cwd = tempDir();
    pack(join(cwd, "p"), { name: "p", version: "1.0.0" }, { "a.md": "a" });
    symlinkSync("/etc/hostname", join(cwd, "p/templates/hostname"));
    const result = await runCli(["svc", ...NO_TOOLS, "--template", "./p"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("templates/hostname is a link");
    expect(existsSync(join(cwd, "svc"))).toBe(false);
  });

  it.each([
    [["--set", "owner=x", "--set", "nope=1"], "--set nope: no pack asks it (they ask team, owner)"],
    [
      ["--set", "owner=x", "--set", "taem=1"],
      "--set taem: no pack asks it (they ask team, owner): did you mean --set team=…?",
    ],
    [["--set", "team=Not Valid"], "--set team: team must match [a-z-]+"],
    [[], 'the template pack asks "Who is on call?", which has no default: pass --set owner=VALUE'],
    [
      ["--set", "owner=x", "--set", "__proto__=1"],
      '--set "__proto__": a pack question\'s name must be a letter then letters, digits or _',
    ],
    [
      ["--set", "owner=x", "--set", "constructor=1"],
      '--set "constructor": a pack question\'s name must not be a name every JavaScript object has (constructor, toString, ...)',
    ],
  ])("answers a pack's questions only with what they accept: %j", async (args, message) => {
    const cwd = tempDir();
    pack(join(cwd, "acme"), ACME, { "a.md": "{{team}} {{owner}}" });
    const result = await runCli(["svc", ...NO_TOOLS, "--template", "./acme", ...args], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${message}\n`);
  });

  it("--set without a pack is a usage error", async () => {
    const result = await runCli(["svc", ...NO_TOOLS, "--set", "a=b"], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("give the pack with --template");
  });
});

describe("init --template", () => {
  it("adds a pack's files to a repository that exists, and records the pack", async () => {
    const cwd = tempDir();
    pack(join(cwd, "acme"), ACME, { "docs/onboarding.md": "Welcome to {{name}}, {{team}} ({{owner}})\n" });
    const repo = join(cwd, "repo");
    writeTree(repo, { ".git/HEAD": "ref: refs/heads/main\n", "README.md": "# Ours\n" });
    const result = await runCli(["init", "--yes", "--template", "../acme", "--set", "owner=Ann"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(read(join(repo, "docs/onboarding.md"))).toBe("Welcome to repo, platform (Ann)\n");
    expect(read(join(repo, "README.md"))).toBe("# Ours\n");
    expect(JSON.parse(read(join(repo, ".spec-agent.json"))).packs[0]).toMatchObject({ name: "acme-pack" });
  });
});

describe("the team's config file", () => {
  it("is found in a parent folder; flags beat SPEC_AGENT_* variables, which beat the config, which beats the defaults", async () => {
    const team = tempDir();
    pack(join(team, "packs/acme"), { ...ACME, defaults: { description: "from the pack" } }, { "a.md": "{{owner}}\n" });
    writeFileSync(
      join(team, "spec-agent.config.json"),
      JSON.stringify({
        author: "Config Author",
        description: "from the config",
        python: "3.11",
        template: "./packs/acme",
        set: { owner: "config on call" },
      }),
    );
    const cwd = join(team, "services");
    mkdirSync(cwd);
    const env = { PATH: "", SPEC_AGENT_AUTHOR: "Env Author", SPEC_AGENT_PYTHON: "3.10" };
    const result = await runCli(["svc", ...NO_TOOLS, "--python", "3.13"], { cwd, env });
    expect(result.stderr).toBe("");
    const answers = JSON.parse(read(join(cwd, "svc/.spec-agent.json"))).answers;
    expect(answers).toMatchObject({ author: "Env Author", description: "from the config", python: "3.13" });
    expect(read(join(cwd, "svc/a.md"))).toBe("config on call\n");
  });

  it("--config names the file; a bad key exits 2 naming it", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "team.json"), '{"authr": "typo"}');
    const result = await runCli(["svc", ...NO_TOOLS, "--config", "team.json"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: ${join(cwd, "team.json")}: unknown key "authr" (did you mean author?) (known: package, description, author, python, license, agents, git, install, template, set)\n`,
    );
  });

  it("--help says where defaults come from", async () => {
    const result = await runCli(["--help"], { cwd: tempDir() });
    expect(result.stdout).toContain("flags beat SPEC_AGENT_* variables");
  });
});

describe("the pack manifest", () => {
  it.each([
    [
      '{"name":"p","version":"1.0.0","questions":[{"name":"a","message":"A?","pattern":"("}]}',
      "pattern is not a valid",
    ],
    [
      '{"name":"p","version":"1.0.0","questions":[{"name":"a","message":"A?","default":"X","pattern":"[a-z]+"}]}',
      "default does not match",
    ],
    ['{"name":"p","version":"1.0.0","defaults":{"name":"x"}}', "defaults only for"],
    ['{"name":"p","version":"v1"}', '"version" must be'],
    [
      '{"name":"p","version":"1.0.0","questions":[{"name":"a","message":"A?"},{"name":"a","message":"B?"}]}',
      "asked twice",
    ],
    // Answers are looked up by name: these would find Object.prototype's own.
    ['{"name":"p","version":"1.0.0","questions":[{"name":"constructor","message":"A?"}]}', "every JavaScript object"],
    ['{"name":"p","version":"1.0.0","questions":[{"name":"toString","message":"A?"}]}', "every JavaScript object"],
  ])("refuses %s", (text, message) => {
    expect(() => parsePackManifest(text, "spec-agent.pack.json", ["name"])).toThrow(message);
  });
});
