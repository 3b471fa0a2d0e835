/** add plan|task|context (issue 13), in process over real files: slugs, numbers, the plan link, what is refused. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SPEC_QUESTIONS } from "../src/commands/add.js";
import { runCli, scriptedPrompter, tempDir } from "./support/context.js";
import { ownerRepo } from "./support/owner.js";
import { readTree } from "./support/tree.js";

const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");

async function initialised(): Promise<string> {
  const root = ownerRepo({});
  const result = await runCli(["init", "--yes"], { cwd: root });
  expect(result.code, result.stderr).toBe(0);
  return root;
}

/** Every relative link of a Markdown file outside inline code (the templates' examples), resolved from its folder. */
const links = (root: string, path: string): string[] =>
  [
    ...read(root, path)
      .replace(/`[^`\n]*`/g, "")
      .matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g),
  ]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => resolve(root, dirname(path), target));

describe("add", () => {
  it("writes a plan, numbered tasks linked to it and listed in it, and a context note", async () => {
    const root = await initialised();
    expect((await runCli(["add", "plan", "Export reports as CSV"], { cwd: root })).code).toBe(0);
    const plan = "spec/plan/export-reports-as-csv.md";
    expect(read(root, plan)).toMatch(/^# Plan: Export reports as CSV\n\n- \*\*Status\*\*: draft\n/);
    expect(read(root, plan)).not.toContain("Copy this file");

    writeFileSync(join(root, "spec/task/007-earlier.md"), "# 007: Earlier\n");
    const first = await runCli(["add", "task", "Parse", "the", "input", "--plan", "export-reports-as-csv"], {
      cwd: root,
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("new: spec/task/008-parse-the-input.md");
    const task = "spec/task/008-parse-the-input.md";
    expect(read(root, task)).toContain("- **Plan**: [Plan: Export reports as CSV](../plan/export-reports-as-csv.md)");
    expect(read(root, plan)).toContain("- [008 Parse the input](../task/008-parse-the-input.md)");
    for (const target of [...links(root, task), ...links(root, plan)]) expect(existsSync(target), target).toBe(true);

    await runCli(["add", "task", "Write the file", "--plan", "spec/plan/export-reports-as-csv.md"], { cwd: root });
    expect(existsSync(join(root, "spec/task/009-write-the-file.md"))).toBe(true);
    expect(read(root, plan)).toMatch(/008-parse-the-input\.md\)\n- \[009 Write the file\]/);

    expect((await runCli(["add", "context", "Ünïcode: title!"], { cwd: root })).code).toBe(0);
    expect(read(root, "spec/context/unicode-title.md")).toMatch(/^# Context: Ünïcode: title!\n/);
  });

  it("says what it wrote with the counts that are not zero, of the current folder", async () => {
    const root = await initialised();
    const plan = await runCli(["add", "plan", "Export reports"], { cwd: root });
    expect(plan.stdout).toMatch(/^✔ Wrote the current folder: 1 new$/m);
    const task = await runCli(["add", "task", "Parse", "--plan", "export-reports"], { cwd: root });
    expect(task.stdout).toMatch(/^✔ Wrote the current folder: 1 new, 1 merged$/m);
    expect(`${plan.stdout}${task.stdout}`).not.toMatch(/\b0 \w/);
  });

  it.each([
    [["add", "plan", ""], /the title is empty/],
    [["add", "plan"], /the title is empty/],
    [["add", "plan", "!!!"], /no letter or digit/],
    [["add", "thing", "x"], /cannot add "thing": use add plan\|task\|context/],
    [["add", "tsak", "x"], /cannot add "tsak": did you mean add task\? use add plan\|task\|context/],
    [["add", "task", "x"], /add task needs --plan SLUG \(there is no terminal to ask\): one of existing/],
    [
      ["add", "task", "x", "--plan", "exsiting"],
      /no plan "exsiting" in spec\/plan\/ \(the plans are existing, other\)/,
    ],
    [["add", "plan", "x", "--plan", "existing"], /--plan is for add task only/],
  ])("refuses %j with exit 2 and one line, writing nothing", async (argv, message) => {
    const root = await initialised();
    writeFileSync(join(root, "spec/plan/other.md"), "# Plan: Other\n");
    writeFileSync(join(root, "spec/plan/existing.md"), "# Plan: Existing\n");
    const before = readTree(root);
    const result = await runCli(argv, { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(readTree(root)).toEqual(before);
  });

  it("says --yes, not a missing terminal, is why the plan was not asked for at a terminal", async () => {
    const root = await initialised();
    writeFileSync(join(root, "spec/plan/existing.md"), "# Plan: Existing\n");
    const result = await runCli(["add", "task", "x", "--yes"], { cwd: root, terminal: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: add task needs --plan SLUG (--yes asks nothing): one of existing\n");
    const created = await runCli(["svc", "--yes", "--agents", "generic"], { cwd: tempDir(), terminal: true });
    expect(created.stderr).toMatch(/^error: missing --rules-dir: .* \(--yes asks nothing\)\n$/);
  });

  it("never overwrites: the same title twice is exit 2, the file as it was", async () => {
    const root = await initialised();
    await runCli(["add", "plan", "Same"], { cwd: root });
    writeFileSync(join(root, "spec/plan/same.md"), "edited\n");
    const again = await runCli(["add", "plan", "Same"], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("spec/plan/same.md exists, and add never overwrites");
    expect(read(root, "spec/plan/same.md")).toBe("edited\n");
  });

  it("keeps a 300-character title inside spec/plan/, with a bounded name", async () => {
    const root = await initialised();
    const result = await runCli(["add", "plan", `../../${"Long ".repeat(60)}`], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const names = readdirSync(join(root, "spec/plan")).filter((n) => n.startsWith("long"));
    expect(names).toHaveLength(1);
    expect((names[0] as string).length).toBeLessThanOrEqual(63);
  });

  it("uses the repository's own template, and works before init with the preset's", async () => {
    const root = ownerRepo({ "spec/context/TEMPLATE.md": "# Context: X\n\nOur own format.\n" });
    expect((await runCli(["add", "context", "Rates"], { cwd: root })).code).toBe(0);
    expect(read(root, "spec/context/rates.md")).toBe("# Context: Rates\n\nOur own format.\n");
    expect((await runCli(["add", "plan", "Rates"], { cwd: root })).code).toBe(0);
    expect(read(root, "spec/plan/rates.md")).toContain("## Requirements and acceptance criteria");
  });

  it("asks for the plan at a terminal", async () => {
    const root = await initialised();
    await runCli(["add", "plan", "Alpha"], { cwd: root });
    await runCli(["add", "plan", "Beta"], { cwd: root });
    const prompter = scriptedPrompter(["beta"]);
    const result = await runCli(["add", "task", "Do it"], { cwd: root, terminal: true, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual(["The plan this task implements"]);
    expect(read(root, "spec/task/001-do-it.md")).toContain("(../plan/beta.md)");
  });

  it("asks the title first at a terminal, then the plan from the list, as plop does", async () => {
    const root = await initialised();
    await runCli(["add", "plan", "Alpha"], { cwd: root });
    const prompter = scriptedPrompter(["Do it", "alpha"]);
    const result = await runCli(["add", "task"], { cwd: root, terminal: true, prompter });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([SPEC_QUESTIONS.title, SPEC_QUESTIONS.plan]);
    expect(read(root, "spec/task/001-do-it.md")).toContain("(../plan/alpha.md)");
    const plan = scriptedPrompter(["Rates"]);
    expect((await runCli(["add", "context"], { cwd: root, terminal: true, prompter: plan })).code).toBe(0);
    expect(plan.asked).toEqual([SPEC_QUESTIONS.title]);
    expect(read(root, "spec/context/rates.md")).toMatch(/^# Context: Rates\n/);
  });
});

describe("add outside any repository (issue 27)", () => {
  it("refuses a folder with no .git above it, no spec/, record or project file: nothing is left there", async () => {
    const cwd = tempDir();
    const result = await runCli(["add", "plan", "Stray"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: the current folder is in no repository (no .git, spec/, .spec-agent.json or project file here or above): run add inside your repository, or add the preset to this folder first with create-spec-agent init\n",
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("takes a project that is not in git (a package.json), as plop's projects are", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "package.json"), "{}\n");
    expect((await runCli(["add", "plan", "Kept"], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, "spec/plan/kept.md"))).toBe(true);
  });
});
