/**
 * The spec generators in a team's plop (issue 13): the real plop, a fixture
 * plopfile that calls plop.load("create-spec-agent") on the packed package,
 * answers on the command line; and the same files and refusals as the CLI.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import nodePlop, { type PromptQuestion } from "node-plop";
import { beforeAll, describe, expect, it } from "vitest";
import { SPEC_QUESTIONS } from "../src/commands/add.js";
import { packageFromName } from "../src/core/names.js";
import { packageRoot } from "../src/io/package-info.js";
import { runCli, tempDir } from "./support/context.js";
import { OWNER, ownerRepo } from "./support/owner.js";
import { readTree } from "./support/tree.js";

const plopBin = join(packageRoot, "node_modules/plop/bin/plop.js");
let fixture: string;

/** The package as npm would install it: packed, then unpacked into the fixture's node_modules. */
beforeAll(() => {
  fixture = tempDir();
  const pack = spawnSync("npm", ["pack", "--silent", "--pack-destination", fixture], {
    cwd: packageRoot,
    encoding: "utf8",
  });
  expect(pack.status, pack.stderr).toBe(0);
  const installed = join(fixture, "node_modules/create-spec-agent");
  mkdirSync(installed, { recursive: true });
  const tarball = join(fixture, pack.stdout.trim().split("\n").at(-1) as string);
  expect(spawnSync("tar", ["xzf", tarball, "-C", installed, "--strip-components=1"]).status).toBe(0);
  writeFileSync(
    join(fixture, "plopfile.mjs"),
    'export default async (plop) => {\n  await plop.load("create-spec-agent");\n};\n',
  );
}, 60_000);

async function repoWithPlan(): Promise<string> {
  const repo = ownerRepo({});
  expect((await runCli(["init", "--yes"], { cwd: repo })).code).toBe(0);
  expect((await runCli(["add", "plan", "Export CSV"], { cwd: repo })).code).toBe(0);
  return repo;
}

/** plop with answers on its command line; `typed`, what the user types at the prompts it asks (for a `_` answer). */
const plopTyping = (typed: string | undefined, dest: string, ...args: string[]) =>
  spawnSync(process.execPath, [plopBin, "--plopfile", join(fixture, "plopfile.mjs"), "--dest", dest, ...args], {
    cwd: fixture,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: "1" },
    input: typed,
    stdio: [typed === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
const plop = (dest: string, ...args: string[]) => plopTyping(undefined, dest, ...args);

describe("plop.load('create-spec-agent') in a team's plopfile", () => {
  it("lists the generators", async () => {
    const api = await nodePlop(join(fixture, "plopfile.mjs"), { destBasePath: tempDir(), force: false });
    expect(api.getGeneratorList().map((g) => g.name)).toEqual([
      "spec-agent",
      "spec:plan",
      "spec:task",
      "spec:context",
      "spec:init",
    ]);
  });

  it("loads with plop's --dest a folder that is not there yet (where spec-agent is to write)", async () => {
    const api = await nodePlop(join(fixture, "plopfile.mjs"), { destBasePath: join(tempDir(), "new"), force: false });
    expect(api.getGeneratorList().map((g) => g.name)).toContain("spec:init");
  });

  it("runs spec:task with answers on the command line, writing what the CLI writes, unescaped", async () => {
    const viaPlop = await repoWithPlan();
    const viaCli = await repoWithPlan();
    const result = plop(viaPlop, "spec:task", "Parse <the> input & O'Neil's", "export-csv");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("spec/task/001-parse-the-input-o-neil-s.md: written");
    const cli = await runCli(["add", "task", "Parse <the> input & O'Neil's", "--plan", "export-csv"], { cwd: viaCli });
    expect(cli.code).toBe(0);
    // The folders' names differ (and with them the preset's names): spec/ is what both wrote.
    expect(readTree(join(viaPlop, "spec"))).toEqual(readTree(join(viaCli, "spec")));
    expect(readFileSync(join(viaPlop, "spec/task/001-parse-the-input-o-neil-s.md"), "utf8")).toMatch(
      /^# 001: Parse <the> input & O'Neil's\n/,
    );
  });

  it("refuses what the CLI refuses, naming plop's prompts rather than the CLI's flags, writing nothing", async () => {
    const repo = await repoWithPlan();
    const before = readTree(repo);
    const result = plop(repo, "spec:task", "x", "nope");
    expect(result.stdout + result.stderr).toContain('there is no plan "nope" in spec/plan/ (the plans are export-csv)');
    expect(result.stdout + result.stderr).toContain(`the prompt "${SPEC_QUESTIONS.plan}"`);
    expect(result.stdout + result.stderr).not.toContain("--plan");
    expect(readTree(repo)).toEqual(before);

    const empty = ownerRepo({});
    const planless = plop(empty, "spec:task", "x");
    expect(planless.stdout + planless.stderr).toContain(
      'there is no plan in spec/plan/ yet: add one first with npx plop spec:plan "title"',
    );
  });

  it("asks what add task asks at a terminal, in its order: the title, then the plan from the list of plans", async () => {
    const repo = await repoWithPlan();
    expect((await runCli(["add", "plan", "Alpha"], { cwd: repo })).code).toBe(0);
    const api = await nodePlop(join(fixture, "plopfile.mjs"), { destBasePath: repo, force: false });
    const prompts = api.getGenerator("spec:task").prompts as { name: string; type: string; message: string }[];
    expect(prompts.map((p) => [p.name, p.type, p.message])).toEqual([
      ["title", "input", SPEC_QUESTIONS.title],
      ["plan", "list", SPEC_QUESTIONS.plan],
    ]);
    expect((prompts[1] as unknown as { choices: string[] }).choices).toEqual(["alpha", "export-csv"]);
  });

  it("runs spec:plan and spec:context, and spec:init changes nothing in an init'd repository", async () => {
    const repo = await repoWithPlan();
    expect(plop(repo, "spec:plan", "Ünïcode plan").status).toBe(0);
    expect(plop(repo, "spec:context", "Rates").status).toBe(0);
    expect(readFileSync(join(repo, "spec/plan/unicode-plan.md"), "utf8")).toMatch(/^# Plan: Ünïcode plan\n/);
    const name = basename(repo);
    const answers = [name, packageFromName(name), "A tool.", "Ann", "3.13", "copilot,agents-md"];
    const flags = ["--name", name, "--description", "A tool.", "--author", "Ann", "--python", "3.13"];
    expect((await runCli(["init", ...flags], { cwd: repo })).stdout).toContain("merged: .spec-agent.json");
    const before = readTree(repo);
    const recorded = JSON.parse(readFileSync(join(repo, ".spec-agent.json"), "utf8")).answers.license ?? "none";
    const init = plop(repo, "spec:init", ...answers, recorded);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("nothing changed");
    expect(readTree(repo)).toEqual(before);
  });

  it("spec:init refuses a Python the project's requires-python leaves out, writing nothing", () => {
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    writeFileSync(join(repo, "pyproject.toml"), '[project]\nname = "svc"\nrequires-python = ">=3.8,<3.12"\n');
    const before = readTree(repo);
    const init = plop(repo, "spec:init", "svc", "svc", "A tool.", "Ann", "3.13", "copilot", "none");
    expect(init.stdout + init.stderr).toContain(
      'Python 3.13 is outside the project\'s requires-python ">=3.8,<3.12" (of ours it admits 3.10, 3.11), and uv would refuse it',
    );
    expect(readTree(repo)).toEqual(before);
  });

  it.each([
    [">=3.8,<3.12", "3.10", "3.12"],
    [">=3.9", "3.10", undefined],
    [">=3.10,!=3.10.*", "3.11", "3.10"],
  ])("spec:init offers the Python the CLI's init takes for requires-python %j: %s", async (spec, python, outside) => {
    const pyproject = `[project]\nname = "svc"\nrequires-python = "${spec}"\n`;
    const [viaPlop, viaCli] = [tempDir(), tempDir()];
    for (const repo of [viaPlop, viaCli]) {
      mkdirSync(join(repo, ".git"));
      writeFileSync(join(repo, "pyproject.toml"), pyproject);
    }
    const api = await nodePlop(join(fixture, "plopfile.mjs"), { destBasePath: viaPlop, force: false });
    const prompts = api.getGenerator("spec:init").prompts as PromptQuestion[];
    const question = prompts.find((q) => q.name === "python") as PromptQuestion;
    expect(await (question.default as (answers: object) => Promise<string>)({})).toBe(python);
    // As the CLI's prompt, plop's refuses a Python the project leaves out when it is typed.
    if (outside !== undefined)
      expect((question.validate as (value: string) => unknown)(outside)).toMatch(
        /^Python 3\.1\d is outside the project's/,
      );

    expect((await runCli(["init", "--yes"], { cwd: viaCli })).code).toBe(0);
    // `_` asks the question; Enter takes what it offers.
    const init = plopTyping(
      "\n",
      viaPlop,
      "spec:init",
      "svc",
      "svc",
      "A tool.",
      "Ann",
      "_",
      "copilot,agents-md",
      "none",
    );
    expect(init.status, init.stderr).toBe(0);
    const workflow = ".github/workflows/ci.yml";
    expect(readFileSync(join(viaPlop, workflow), "utf8")).toContain(`python-version: "${python}"`);
    expect(readFileSync(join(viaPlop, workflow), "utf8")).toBe(readFileSync(join(viaCli, workflow), "utf8"));
  });
});

/** The CLI's flags plop does not have: a message may name one only as the CLI's (`npx create-spec-agent init --force`). */
const NOT_PLOPS = /(?<!npx create-spec-agent init )--(force|license|package|plan|yes)\b/;

describe("plop's spec-agent and spec:init speak of plop's prompts, not the CLI's flags (issue 27)", () => {
  const create = (dest: string, ...more: string[]) =>
    plop(
      dest,
      "spec-agent",
      "--",
      "--name",
      "svc",
      ...more,
      "--package",
      "svc",
      "--description",
      "d",
      "--author",
      "Ann",
    ).stdout;
  const createArgs = ["--python", "3.13", "--agents", "copilot", "--license", "MIT", "--git", "n", "--install", "n"];

  it("asks right after the name whether to write into a folder that holds other things; a no writes nothing", async () => {
    const loaded = await nodePlop(join(fixture, "plopfile.mjs"), { destBasePath: tempDir(), force: false });
    const names = (loaded.getGenerator("spec-agent").prompts as { name: string }[]).map((p) => p.name);
    expect(names.slice(0, 3)).toEqual(["name", "writeInto", "package"]);
    const dest = tempDir();
    mkdirSync(join(dest, "svc"));
    writeFileSync(join(dest, "svc/notes.txt"), "mine\n");
    const no = plop(
      dest,
      "spec-agent",
      "--",
      "--name",
      "svc",
      "--writeInto",
      "n",
      "--package",
      "svc",
      "--description",
      "d",
      "--author",
      "Ann",
      ...createArgs,
    );
    expect(no.stdout + no.stderr).toContain("Cancelled: nothing was written.");
    expect(Object.keys(readTree(join(dest, "svc")))).toEqual(["notes.txt"]);
  });

  it("a yes on plop's command line writes the preset beside what the folder holds", () => {
    const dest = tempDir();
    mkdirSync(join(dest, "svc"));
    writeFileSync(join(dest, "svc/notes.txt"), "mine\n");
    const out = create(dest, "--writeInto", "y", ...createArgs);
    expect(out).toContain("svc: written");
    expect(readFileSync(join(dest, "svc/notes.txt"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(dest, "svc/pyproject.toml"), "utf8")).toContain('name = "svc"');
  });

  it("spec:init: clashes, a kept Taskfile and a kept licence are told in plop's words", () => {
    const repo = ownerRepo({
      ...OWNER,
      LICENSE: "Ours, all rights reserved.\n",
      ".github/workflows/ci.yml": "name: ours\non: push\njobs: {}\n",
    });
    const before = readFileSync(join(repo, ".github/workflows/ci.yml"), "utf8");
    const init = plop(repo, "spec:init", "acme-tool", "acme_core", "A tool.", "Ann", "3.13", "copilot", "MIT");
    const said = init.stdout + init.stderr;
    expect(init.status, said).toBe(0);
    expect(said).toContain(
      "clash, left as it is: .github/workflows/ci.yml (they differ from the preset; plop leaves them: npx create-spec-agent init asks about each at a terminal)",
    );
    expect(said).toContain("your Taskfile.yml is kept (npx create-spec-agent init --force replaces it)");
    expect(said).toContain(
      "your LICENSE is kept: no licence of ours is written (the licence MIT you chose is not applied)",
    );
    expect(said).not.toMatch(NOT_PLOPS);
    expect(readFileSync(join(repo, ".github/workflows/ci.yml"), "utf8")).toBe(before);
  });

  it("a package named like the standard library is refused, naming plop's prompt", () => {
    const dest = tempDir();
    const result = plop(
      dest,
      "spec-agent",
      "--",
      "--name",
      "svc",
      "--package",
      "json",
      "--description",
      "d",
      "--author",
      "A",
      ...createArgs,
    );
    const said = result.stdout + result.stderr;
    expect(said).toContain('Python package "json" has the name of the standard-library module of Python 3.13');
    expect(said).toContain('choose another with the prompt "Python package"');
    expect(said).not.toMatch(NOT_PLOPS);
  });
});
