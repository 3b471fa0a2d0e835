/**
 * init into each real project of the corpus (test/fixtures/projects): the
 * rules it writes state what the project declares and nothing the facts
 * contradict (the preset's Python, layout, entry point, version, ruff rules),
 * and every project path they name exists.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readProjectFacts } from "../src/core/project-facts.js";
import { runCli, tempDir } from "./support/context.js";
import { CORPUS, projectSources } from "./support/projects.js";

const RULE_FILES = [
  "AGENTS.md",
  ".github/copilot-instructions.md",
  ".github/instructions/python.instructions.md",
  ".github/agents/backend-engineer.agent.md",
  "CLAUDE.md",
  ".claude/agents/backend-engineer.md",
  ".agents/skills/spec-implement/SKILL.md",
  "Taskfile.yml",
];

function projectTree(project: string): string {
  const root = tempDir();
  mkdirSync(join(root, ".git"));
  const { files, read } = projectSources(project);
  for (const path of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), read(path) ?? "");
  }
  return root;
}

/** Paths in backticks that name a file or folder of the project: `src/click/`, `marko/__init__.py`. */
const namedPaths = (text: string): string[] =>
  [...text.matchAll(/(?<!no )`([\w.-]+(?:\/[\w.-]+)*\/?)`/g)]
    .map((m) => m[1] as string)
    .filter(
      (p) =>
        (p.includes("/") || /\.(py|toml|cfg|ini|ya?ml)$/.test(p)) &&
        !/^(spec|\.github|\.agents|\.claude|\.vscode|\.cursor|\.gemini|\.codex)\//.test(p),
    )
    .filter((p) => !p.startsWith("tests/test_") && !p.includes("NNN") && p !== "spec/task/NNN-slug.md");

describe("init writes rules that are true of a real project", () => {
  it.each(CORPUS)("%s", async (project) => {
    const facts = readProjectFacts(projectSources(project));
    const root = projectTree(project);
    const result = await runCli(["init", "--yes", "--agents", "copilot,agents-md,claude"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const written = RULE_FILES.filter((f) => existsSync(join(root, f))).map(
      (f) => [f, readFileSync(join(root, f), "utf8")] as const,
    );
    expect(written.length).toBeGreaterThan(6);
    const all = written.map(([, text]) => text).join("\n");

    // Python: the project's lowest, or that none is declared; never the preset's 3.13.
    if (facts.lowestPython !== "3.13") expect(all).not.toMatch(/Python 3\.13/);
    if (facts.lowestPython) expect(all).toContain(`Python ${facts.lowestPython} or newer`);
    else expect(all).toContain("no `requires-python` is declared");
    // Layout, entry point, version, lint rules: only what the project says.
    if (facts.layout !== "src") expect(all).not.toMatch(/src layout|in `src\/`/);
    expect(all).not.toContain(".cli:main`, installed");
    for (const script of facts.scripts) expect(all).toContain(script.target);
    if (facts.version.kind !== "static" || facts.version.value !== "0.1.0") expect(all).not.toContain("0.1.0");
    expect(all).not.toContain("rules E, F, I, UP, B, SIM");
    expect(all).not.toContain("rules `E`, `F`, `I`, `UP`, `B`, `SIM`");
    if (facts.tools.mypy === undefined) expect(all).not.toMatch(/mypy/);
    expect(all).not.toContain("cli.py");
    // The Taskfile has a run task exactly when the project has a command, and the rules say so.
    const taskfile = readFileSync(join(root, "Taskfile.yml"), "utf8");
    const hasCommand = facts.scripts.length > 0 || facts.mainPackages.length > 0;
    expect(taskfile.includes("\n  run:\n")).toBe(hasCommand);
    expect(all.includes("task run")).toBe(hasCommand);
    // check holds the Taskfile to the tasks the rules name: a library without `run` passes.
    const checked = await runCli(["check"], { cwd: root });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    // Every project path the rules name exists.
    for (const [file, text] of written)
      for (const path of namedPaths(text)) expect(existsSync(join(root, path)), `${file} names ${path}`).toBe(true);
  });
});
