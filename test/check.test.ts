/** check (issue 13): a healthy tree passes; each broken case is one `file:line: message` line and exit 1. */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownLinks } from "../src/core/check/markdown.js";
import { fieldLines } from "../src/core/check/tasks.js";
import { packageRoot } from "../src/io/package-info.js";
import { runCli, tempDir } from "./support/context.js";
import { killedAfter } from "./support/mutations.js";
import { ownerRepo } from "./support/owner.js";

const ALL = "copilot,agents-md,claude,cursor,gemini,codex";

async function created(): Promise<string> {
  const cwd = tempDir();
  const result = await runCli(["svc", "--yes", "--no-git", "--no-install", "--agents", ALL], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const root = join(cwd, "svc");
  await runCli(["add", "plan", "Export CSV"], { cwd: root });
  await runCli(["add", "task", "Parse input", "--plan", "export-csv"], { cwd: root });
  await runCli(["add", "context", "Rates"], { cwd: root });
  return root;
}

const edit = (root: string, path: string, change: (text: string) => string): void =>
  writeFileSync(join(root, path), change(readFileSync(join(root, path), "utf8")));

describe("check", () => {
  it("passes on a fresh create with every AI tool and a few adds", async () => {
    const root = await created();
    const result = await runCli(["check"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ the current folder: \d+ files checked, no problems\n$/);
  });

  it("finds nothing to check in a folder with nothing of ours, and does not send it to init as a problem", async () => {
    const root = await created();
    const above = join(root, "..");
    const nothing = "nothing to check in the current folder (no spec/, .spec-agent.json or AI tool's files)";
    for (const argv of [["check"], ["check", "--json"]]) {
      const result = await runCli(argv, { cwd: above });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `error: ${nothing}: run check inside a repository create-spec-agent made, or add the preset with create-spec-agent init\n`,
      );
    }
    // A folder that has begun to be ours is checked: what it lacks is a problem.
    mkdirSync(join(above, "spec"));
    const begun = await runCli(["check"], { cwd: above });
    expect(begun.code).toBe(1);
    expect(begun.stdout).toBe("Taskfile.yml:1: there is no Taskfile.yml: run init to add one\n");
  });

  it("names the journal a stopped run left, and passes once update has put its files back", async () => {
    const root = await created();
    // An add stopped once its journal holds a record (a step later, it may be done).
    for (let n = 3; !existsSync(join(root, ".spec-agent-journal/journal.json")); n++) {
      expect(n, "an add that never leaves its journal").toBeLessThan(20);
      await runCli(["add", "plan", `Stopped ${n}`], { cwd: root, fs: killedAfter(n) });
    }
    const result = await runCli(["check"], { cwd: root });
    expect([result.code, result.stdout]).toEqual([
      1,
      ".spec-agent-journal:1: a run of create-spec-agent is writing, or was stopped part-way: once none runs, init or update puts its files back first\n",
    ]);
    expect((await runCli(["update"], { cwd: root })).code).toBe(0);
    expect(existsSync(join(root, ".spec-agent-journal"))).toBe(false);
    expect((await runCli(["check"], { cwd: root })).code).toBe(0);
  });

  it("passes on a repository after init", async () => {
    const root = ownerRepo({ "README.md": "# Ours\n", "AGENTS.md": "# Ours\n" });
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    const result = await runCli(["check", "--json"], { cwd: root });
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout).problems).toEqual([]);
  });

  it("takes a /path link in the team's own root document for the repository's root, as GitHub renders it", async () => {
    const root = ownerRepo({
      "CONTRIBUTING.md": "# Ours\n\nSee [the changes](/CHANGES.md).\n",
      "CHANGES.md": "# 1.0\n",
    });
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    expect((await runCli(["check"], { cwd: root })).code).toBe(0);
    writeFileSync(join(root, "CONTRIBUTING.md"), "# Ours\n\nSee [the changes](/CHANGELOG.md).\n");
    expect((await runCli(["check"], { cwd: root })).stdout).toContain(
      "CONTRIBUTING.md:3: link /CHANGELOG.md points nowhere (CHANGELOG.md does not exist)",
    );
    appendFileSync(join(root, "AGENTS.md"), "\nSee [the changes](/CHANGES.md).\n");
    expect((await runCli(["check"], { cwd: root })).stdout).toContain("link /CHANGES.md is an absolute path on disk");
  });

  it("takes a //host link in the owner's README for the URL it is, not a path on disk", async () => {
    const root = ownerRepo({ "README.md": "# Ours\n\nBy [us](//example.com/us).\n" });
    expect((await runCli(["init", "--yes"], { cwd: root })).code).toBe(0);
    const result = await runCli(["check"], { cwd: root });
    expect(result.code, result.stdout).toBe(0);
  });

  it.each<[string, (root: string) => void, string]>([
    [
      "a task's plan link that points nowhere",
      (root) => rmSync(join(root, "spec/plan/export-csv.md")),
      "spec/task/001-parse-input.md:4: the task's plan ../plan/export-csv.md points nowhere: link a plan in spec/plan/",
    ],
    [
      "a dependency that names no task",
      (root) =>
        edit(root, "spec/task/001-parse-input.md", (t) =>
          t.replace("**Depends on**: none", "**Depends on**: `007-later`"),
        ),
      "spec/task/001-parse-input.md:6: dependency 007-later names no task in spec/task/",
    ],
    [
      "a task number used twice",
      (root) => writeFileSync(join(root, "spec/task/001-again.md"), "# 001: Again\n"),
      "spec/task/001-parse-input.md:1: task number 001 is used twice (also by spec/task/001-again.md): renumber one",
    ],
    [
      "a relative link that points nowhere",
      (root) => appendFileSync(join(root, "spec/context/rates.md"), "\nSee [the API](../context/api.md).\n"),
      "spec/context/rates.md:18: link ../context/api.md points nowhere (spec/context/api.md does not exist)",
    ],
    [
      "frontmatter that does not parse",
      (root) =>
        edit(root, ".github/prompts/spec-plan.prompt.md", (t) =>
          t.replace("agent: Backend Engineer", "agent: [Backend"),
        ),
      ".github/prompts/spec-plan.prompt.md:4: frontmatter does not parse: missed comma between flow collection entries",
    ],
    [
      "a key the tool does not know",
      (root) =>
        edit(root, ".github/agents/backend-engineer.agent.md", (t) =>
          t.replace("name: Backend", "infer: true\nname: Backend"),
        ),
      '.github/agents/backend-engineer.agent.md:3: a Copilot custom agent has no key "infer"',
    ],
    [
      "a skill whose name is not its folder's",
      (root) => edit(root, ".agents/skills/spec-plan/SKILL.md", (t) => t.replace("name: spec-plan", "name: plan")),
      ".agents/skills/spec-plan/SKILL.md:2: a skill's name must be its folder's, \"spec-plan\"",
    ],
    [
      "a subagent without its description",
      (root) => edit(root, ".claude/agents/backend-engineer.md", (t) => t.replace(/^description: .*\n/m, "")),
      ".claude/agents/backend-engineer.md:2: a Claude Code subagent needs a description: the tool skips it without one",
    ],
    [
      "an MCP tool that names no configured server",
      (root) => {
        edit(root, ".vscode/mcp.json", (t) => t.replace('"context7"', '"c7"'));
        edit(root, ".mcp.json", (t) => t.replace('"context7"', '"c7"'));
      },
      ".github/agents/backend-engineer.agent.md:4: tool context7/* names the MCP server context7, which .vscode/mcp.json and .mcp.json do not configure",
    ],
    [
      "a Claude subagent's MCP tool without its server",
      (root) => edit(root, ".mcp.json", (t) => t.replace('"sequentialthinking"', '"thinking"')),
      ".claude/agents/backend-engineer.md:4: tool mcp__sequentialthinking__* names the MCP server sequentialthinking",
    ],
    [
      "a Taskfile without a task the rules name",
      (root) => edit(root, "Taskfile.yml", (t) => t.replace("  lint:", "  check:")),
      "Taskfile.yml:4: missing the task lint: AGENTS.md names it; add it to Taskfile.yml",
    ],
    [
      "a missing Taskfile",
      (root) => rmSync(join(root, "Taskfile.yml")),
      "Taskfile.yml:1: there is no Taskfile.yml: run init to add one",
    ],
    [
      "a Copilot setup job under another name",
      (root) =>
        edit(root, ".github/workflows/copilot-setup-steps.yml", (t) => t.replace("  copilot-setup-steps:", "  setup:")),
      ".github/workflows/copilot-setup-steps.yml:20: no job named copilot-setup-steps: GitHub runs only that job before the cloud agent starts",
    ],
    [
      "a key the Copilot setup job does not honour",
      (root) =>
        edit(root, ".github/workflows/copilot-setup-steps.yml", (t) =>
          t.replace("    timeout-minutes: 15", "    timeout-minutes: 90\n    env:\n      A: b"),
        ),
      ".github/workflows/copilot-setup-steps.yml:24: copilot-setup-steps has the key env, which GitHub ignores there",
    ],
    [
      "a Copilot setup timeout over 59 minutes",
      (root) =>
        edit(root, ".github/workflows/copilot-setup-steps.yml", (t) =>
          t.replace("    timeout-minutes: 15", "    timeout-minutes: 90"),
        ),
      ".github/workflows/copilot-setup-steps.yml:23: timeout-minutes must be a number from 1 to 59",
    ],
    [
      "Claude Code settings that do not parse",
      (root) => edit(root, ".claude/settings.json", (t) => t.replace('"permissions"', "permissions")),
      ".claude/settings.json:1: is not valid JSON, so Claude Code ignores it",
    ],
    [
      "a Claude Code permissions key it does not know",
      (root) => edit(root, ".claude/settings.json", (t) => t.replace('"deny"', '"denied"')),
      '.claude/settings.json:9: permissions has no key "denied"',
    ],
    [
      "VS Code settings that do not parse",
      (root) => edit(root, ".vscode/settings.json", (t) => t.replace("{", "{{")),
      ".vscode/settings.json:1: does not parse as JSON",
    ],
    [
      "a workflow that does not parse",
      (root) => edit(root, ".github/workflows/ci.yml", (t) => t.replace("  push:", "  push: [")),
      ".github/workflows/ci.yml:",
    ],
  ])("finds %s: the file, line and message, exit 1", async (_label, breakIt, line) => {
    const root = await created();
    breakIt(root);
    const result = await runCli(["check"], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(
      lines.some((l) => l.startsWith(line)),
      result.stdout,
    ).toBe(true);
    expect(result.stderr).toMatch(/^error: \d+ problems? in the current folder: fix (it|them) and run check again\n$/);
  });

  it("prints the same bytes for the same tree, as text and as JSON", async () => {
    const root = await created();
    writeFileSync(
      join(root, "spec/task/002-b.md"),
      "- **Plan**: [x](../plan/nope.md)\n- **Depends on**: `009-x`\n[a](nope.md)\n",
    );
    const first = await runCli(["check", "--json"], { cwd: root });
    const second = await runCli(["check", "--json"], { cwd: root });
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const data = JSON.parse(first.stdout) as { problems: { file: string; line: number; message: string }[] };
    expect(data.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      "spec/task/002-b.md:1",
      "spec/task/002-b.md:2",
      "spec/task/002-b.md:3",
    ]);
    const text = await runCli(["check"], { cwd: root });
    expect(text.stdout).toBe(`${data.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n")}\n`);
  });
});

describe("check on a large spec folder", () => {
  // Memory, not time: 4,000 notes of 10 KB are 40 MB of text, more than a V8 heap capped at 24 MB holds. A check
  // that kept every file's text died of "heap out of memory" here; one that reads, checks and drops each passes.
  it("holds one file's text at a time", () => {
    const root = ownerRepo({ "README.md": "# Ours\n" });
    const bin = join(packageRoot, "dist/cli.cjs");
    const env = { ...process.env, NO_COLOR: "1" };
    expect(spawnSync(process.execPath, [bin, "init", "--yes"], { cwd: root, env }).status).toBe(0);
    const body = `${"Context that a team keeps beside its plans. ".repeat(25)}\n`.repeat(10);
    for (let i = 0; i < 4000; i++)
      writeFileSync(
        join(root, `spec/context/note-${i}.md`),
        `# Note ${i}\n\nSee [the plan](../plan/TEMPLATE.md).\n${body}`,
      );
    const result = spawnSync(process.execPath, ["--max-old-space-size=24", bin, "check", "--json"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: expect.any(Number), problems: [] });
    expect(JSON.parse(result.stdout).files).toBeGreaterThan(4000);
  });
});

describe("markdownLinks", () => {
  it.each([
    ["a link on line 2", "# T\nsee [a](b.md)\n", [{ target: "b.md", line: 2 }]],
    [
      "two on a line",
      "[a](x.md) and [b](y.md#top)",
      [
        { target: "x.md", line: 1 },
        { target: "y.md#top", line: 1 },
      ],
    ],
    ["inside inline code: none", "see `[a](b.md)`\n", []],
    ["inside a fence: none", "```\n[a](b.md)\n```\n[c](d.md)\n", [{ target: "d.md", line: 4 }]],
    ["a fence of tildes holding backticks", "~~~\n```\n[a](b.md)\n~~~\n[c](d.md)", [{ target: "d.md", line: 5 }]],
    ["an image counts as a link", "![x](pic.png)\n", [{ target: "pic.png", line: 1 }]],
    ["an angle-bracketed target", "[a](<my file.md>)\n", [{ target: "my file.md", line: 1 }]],
  ])("%s", (_label, text, links) => {
    expect(markdownLinks(text)).toEqual(links);
  });
});

describe("fieldLines", () => {
  // The definition of a task's field line; fieldLines looks for the names instead of trying ^ at every position.
  const FIELD = /^[ \t]*[-*] \*\*(Plan|Depends on)\*\*:.*$/gm;
  const byRegex = (text: string) =>
    [...text.matchAll(FIELD)].map((m) => ({ content: m[0], line: text.slice(0, m.index).split("\n").length }));
  const PIECES = ["- ", "* ", "-", " ", "\t", "**Plan**:", "**Depends on**:", "x", "\n", "\r\n", "\r", "\u2028", "**"];

  it("finds what the field regex finds, in texts made of the pieces that matter", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 3000; n++) {
      let text = "";
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(fieldLines(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it.each([
    "- **Plan**: [a](b.md)\n- **Depends on**: `001-a`\n",
    "  * **Plan**: x\r\n\t- **Depends on**: none",
    "* * **Plan**: no\n- - **Plan**: no\n -**Plan**: no\nx - **Plan**: no\n- **Plan**: **Depends on**: yes",
    "",
  ])("%j", (text) => {
    expect(fieldLines(text)).toEqual(byRegex(text));
  });
});
