/**
 * Adding and dropping AI tools in a repository that has the preset (issue 25), through the built bin:
 * `init --agents` with one more tool writes that tool's files and brings ours that list the tools up to date,
 * every other file untouched; a narrower `init --agents` or `update --agents` removes a dropped tool's files
 * nobody edited, keeps (and names) the edited ones, and the record says which tools remain.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./support/bin.js";
import { tempDir } from "./support/context.js";
import { readTree } from "./support/tree.js";

/** A repository made by create for `agents`, committed: `git status` then shows what a later run changed. */
function made(agents: string): string {
  const cwd = tempDir();
  const created = cli(["svc", "--yes", "--no-git", "--no-install", "--agents", agents], cwd);
  expect(created.status, created.stderr).toBe(0);
  return join(cwd, "svc");
}

/** What changed between two trees: added, removed and changed paths. */
function changes(before: Record<string, string>, after: Record<string, string>) {
  const paths = (tree: Record<string, string>) => new Set(Object.keys(tree));
  return {
    added: [...paths(after)].filter((p) => !(p in before)).sort(),
    removed: [...paths(before)].filter((p) => !(p in after)).sort(),
    changed: [...paths(after)].filter((p) => p in before && before[p] !== after[p]).sort(),
  };
}

/** The files create writes for one set of tools: what a tool alone adds is the difference. */
const createdFor = (agents: string): Record<string, string> => readTree(made(agents));
const recordedAgents = (root: string): string[] =>
  JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8")).answers.agents;
/** The files the README and the hubs list the tools in; the record. */
const LISTING = [".github/copilot-instructions.md", ".spec-agent.json", "AGENTS.md", "README.md"];

describe("init --agents in a repository that has the preset", () => {
  it("adds only the new tool's files, brings ours that list the tools up to date, and check passes", () => {
    const root = made("copilot,agents-md");
    const before = readTree(root);
    const result = cli(["init", "--yes", "--agents", "copilot,agents-md,claude"], root);
    expect(result.status, result.stderr).toBe(0);
    const { added, removed, changed } = changes(before, readTree(root));
    const claudeOnly = changes(createdFor("copilot,agents-md"), createdFor("copilot,agents-md,claude")).added;
    expect(added).toEqual(claudeOnly);
    expect(added).toContain(".claude/agents/backend-engineer.md");
    expect(removed).toEqual([]);
    expect(changed).toEqual(LISTING);
    expect(result.stdout).toContain("updated (as the last run wrote them, unedited since): README.md");
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain("| Claude Code |");
    expect(recordedAgents(root)).toEqual(["copilot", "agents-md", "claude"]);
    expect(cli(["check"], root).status).toBe(0);
    // Again: nothing to do.
    const again = cli(["init", "--yes"], root);
    expect(again.stdout).toContain("already has the preset: nothing changed");
  });

  it("drops a tool: its files nobody edited are removed, an edited one is kept and named, check passes", () => {
    const root = made("copilot,agents-md,claude");
    const agent = join(root, ".claude/agents/backend-engineer.md");
    writeFileSync(agent, `${readFileSync(agent, "utf8")}\nOur own note.\n`);
    const before = readTree(root);
    const result = cli(["init", "--yes", "--agents", "copilot,agents-md"], root);
    expect(result.status, result.stderr).toBe(0);
    const { added, removed, changed } = changes(before, readTree(root));
    const claudeOnly = changes(createdFor("copilot,agents-md"), createdFor("copilot,agents-md,claude")).added;
    expect(added).toEqual([]);
    expect(removed).toEqual(claudeOnly.filter((p) => p !== ".claude/agents/backend-engineer.md"));
    expect(changed).toEqual(LISTING);
    expect(result.stdout).toMatch(/removed \(of a tool no longer chosen, unedited\): [^\n]*CLAUDE\.md/);
    expect(result.stdout).toContain(
      "kept (of a tool no longer chosen, but edited: yours to remove): .claude/agents/backend-engineer.md",
    );
    expect(readFileSync(agent, "utf8")).toContain("Our own note.");
    // The folders the removals emptied go too: a skill folder without SKILL.md is a broken skill.
    expect(existsSync(join(root, ".claude/skills"))).toBe(false);
    expect(recordedAgents(root)).toEqual(["copilot", "agents-md"]);
    expect(cli(["check"], root).status).toBe(0);
  });

  it("--dry-run says what it would remove, and removes nothing", () => {
    const root = made("copilot,agents-md,gemini");
    const before = readTree(root);
    const result = cli(["init", "--yes", "--dry-run", "--agents", "copilot,agents-md"], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /would remove \(of a tool no longer chosen, unedited\): [^\n]*\.gemini\/settings\.json/,
    );
    expect(readTree(root)).toEqual(before);
  });
});

describe("update --agents", () => {
  it("drops a tool as init does: unedited files removed, edited ones kept and named, the record narrowed", () => {
    const root = made("copilot,agents-md,gemini");
    const settings = join(root, ".gemini/settings.json");
    writeFileSync(settings, readFileSync(settings, "utf8").replace('"mcpServers"', '"theme": "dark",\n  "mcpServers"'));
    const result = cli(["update", "--agents", "copilot,agents-md"], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/kept \(gone from the preset, but you edited it\) +\.gemini\/settings\.json/);
    expect(result.stdout).toMatch(
      /removed \(gone from the preset, and you had not edited it\) +\.gemini\/agents\/backend-engineer\.md/,
    );
    const after = readTree(root);
    expect(Object.keys(after).filter((p) => p.startsWith(".gemini/"))).toEqual([".gemini/settings.json"]);
    expect(readdirSync(join(root, ".gemini"))).toEqual(["settings.json"]);
    expect(recordedAgents(root)).toEqual(["copilot", "agents-md"]);
    expect(cli(["check"], root).status).toBe(0);
    expect(cli(["update", "--check"], root).status).toBe(0);
  });

  it("refuses an unknown tool with exit 2 and one line naming the one it meant, changing nothing", () => {
    const root = made("copilot,agents-md");
    const before = readTree(root);
    const result = cli(["update", "--agents", "copilot,geminy"], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^error: "geminy" is not an AI tool we write for \(did you mean gemini\?\): [^\n]+\n$/,
    );
    expect(readTree(root)).toEqual(before);
  });
});
