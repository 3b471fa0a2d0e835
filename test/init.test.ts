/**
 * init into repositories that exist (issue 13), in process over real files in
 * temp folders: each planned file's class, the owner's bytes kept, a second
 * run that changes nothing, clashes left alone or overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outsideBlock } from "../src/core/merge/marked.js";
import { insertedInto } from "./support/bytes.js";
import { runCli, scriptedPrompter, tempDir } from "./support/context.js";
import { OWNER, ownerRepo } from "./support/owner.js";
import { readTree } from "./support/tree.js";

const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");

describe("init in a repository that exists", () => {
  it("ends, as create does, with how to reach the agent in the first tool chosen (not on a dry run)", async () => {
    const root = ownerRepo();
    const dry = await runCli(["init", "--dry-run", "--agents", "claude,copilot"], { cwd: root });
    expect(dry.stdout).not.toContain("Next steps:");
    const result = await runCli(["init", "--agents", "claude,copilot"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    // The table's order, as create's next steps: copilot comes first.
    expect(result.stdout).toMatch(
      /\nNext steps:\n {2}open it in VS Code and pick the Backend Engineer agent in Copilot Chat; start with \/spec-context\n$/,
    );
  });

  it("classes every file, keeps every byte of the owner's, and names the project from pyproject.toml", async () => {
    const root = ownerRepo();
    const dry = await runCli(["init", "--dry-run"], { cwd: root });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^ {2}merged {4}\.gitignore$/m);
    expect(dry.stdout).toMatch(/^ {2}merged {4}\.vscode\/mcp\.json$/m);
    expect(dry.stdout).toMatch(/^ {2}merged {4}AGENTS\.md$/m);
    // The team's own Taskfile stays theirs (no clash to settle): the rules name its tasks instead.
    expect(dry.stdout).not.toMatch(/^ {2}(new|identical|merged|clash|overwrite) +Taskfile\.yml/m);
    expect(dry.stdout).toContain("your Taskfile.yml is kept");
    expect(dry.stdout).toMatch(/^ {2}new {7}\.github\/agents\/backend-engineer\.agent\.md$/m);
    expect(existsSync(join(root, "spec"))).toBe(false);

    const result = await runCli(["init"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("merged: .gitignore, .vscode/mcp.json, AGENTS.md");
    expect(result.stdout).not.toContain("clash, left as it is: Taskfile.yml");
    for (const path of ["README.md", "pyproject.toml", "src/acme_core/__init__.py", "Taskfile.yml"])
      expect(read(root, path)).toBe(OWNER[path as keyof typeof OWNER]);
    expect(outsideBlock(read(root, "AGENTS.md")).startsWith(OWNER["AGENTS.md"])).toBe(true);
    expect(read(root, ".gitignore").startsWith(OWNER[".gitignore"])).toBe(true);
    expect(insertedInto(OWNER[".vscode/mcp.json"], read(root, ".vscode/mcp.json"))).toBe(true);
    expect(read(root, ".vscode/mcp.json")).toContain('\t\t"context7": {');
    // No skeleton beside the owner's project; names from their pyproject.toml.
    expect(existsSync(join(root, "src/acme_tool"))).toBe(false);
    expect(existsSync(join(root, "tests"))).toBe(false);
    expect(read(root, ".github/copilot-instructions.md")).toContain("acme-tool");
    expect(JSON.parse(read(root, ".spec-agent.json")).answers).toMatchObject({
      name: "acme-tool",
      package: "acme_core",
      description: "Acme & Co's tool",
      author: "Zoë O'Neil",
      python: "3.12",
    });
    expect(existsSync(join(root, "spec/plan/TEMPLATE.md"))).toBe(true);

    const before = readTree(root);
    const again = await runCli(["init"], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/already has the preset: nothing changed/);
    expect(readTree(root)).toEqual(before);
  });

  it("adds no licence to a project of the owner's by default, and none of its metadata to their pyproject.toml", async () => {
    const root = ownerRepo();
    const plain = await runCli(["init", "--yes"], { cwd: root });
    expect(plain.code, plain.stderr).toBe(0);
    expect(existsSync(join(root, "LICENSE"))).toBe(false);
    const other = ownerRepo();
    const asked = await runCli(["init", "--yes", "--force", "--license", "MIT"], { cwd: other });
    expect(asked.code, asked.stderr).toBe(0);
    expect(read(other, "LICENSE")).toMatch(/^MIT License\n/);
    // Their pyproject.toml is theirs (init never writes ours over it, core/existing.ts): no metadata of ours.
    expect(read(other, "pyproject.toml")).toBe(OWNER["pyproject.toml"]);
  });

  it("never replaces the owner's licence file, even with --force, and says so", async () => {
    for (const name of ["LICENSE", "LICENSE.md", "COPYING"]) {
      const root = ownerRepo({ ...OWNER, [name]: "Our own terms\n" });
      const result = await runCli(["init", "--yes", "--force", "--license", "Apache-2.0"], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
      expect(read(root, name)).toBe("Our own terms\n");
      if (name !== "LICENSE") expect(existsSync(join(root, "LICENSE"))).toBe(false);
      expect(result.stdout).toContain(`your ${name} is kept`);
    }
  });

  it("overwrites clashes with --force, and still merges the shared files", async () => {
    const root = ownerRepo();
    const result = await runCli(["init", "--force"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("overwritten: Taskfile.yml");
    // The owner declares no test runner and no [build-system]: pytest is added, and run from the root.
    expect(read(root, "Taskfile.yml")).toContain("uv run --with pytest python -m pytest");
    expect(outsideBlock(read(root, "AGENTS.md")).startsWith(OWNER["AGENTS.md"])).toBe(true);
    expect(read(root, "README.md")).toBe(OWNER["README.md"]);
  });

  it("asks about each clash at a terminal: skip by default, overwrite when told", async () => {
    const root = ownerRepo({
      ...OWNER,
      "spec/plan/README.md": "# Our plans\n",
      "spec/task/README.md": "# Our tasks\n",
    });
    const prompter = scriptedPrompter([undefined, "overwrite"]);
    const flags = [
      "--description",
      "d",
      "--author",
      "",
      "--package",
      "acme_core",
      "--python",
      "3.12",
      "--license",
      "none",
    ];
    const result = await runCli(["init", ...flags, "--agents", "copilot,agents-md"], {
      cwd: root,
      terminal: true,
      prompter,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([
      "spec/plan/README.md exists and differs from the preset",
      "spec/task/README.md exists and differs from the preset",
    ]);
    expect(read(root, "Taskfile.yml")).toBe(OWNER["Taskfile.yml"]);
    expect(read(root, "spec/plan/README.md")).toBe("# Our plans\n");
    expect(read(root, "spec/task/README.md")).not.toBe("# Our tasks\n");
  });

  it("aborts at a clash with exit 130 and writes nothing", async () => {
    const root = ownerRepo({ ...OWNER, "spec/plan/README.md": "# Our plans\n" });
    const before = readTree(root);
    const flags = [
      "--description",
      "d",
      "--author",
      "",
      "--package",
      "acme_core",
      "--python",
      "3.12",
      "--license",
      "none",
    ];
    const result = await runCli(["init", ...flags, "--agents", "copilot"], {
      cwd: root,
      terminal: true,
      prompter: scriptedPrompter(["abort"]),
    });
    expect(result.code).toBe(130);
    expect(readTree(root)).toEqual(before);
  });

  it("in a repository made by create, writes for the AI tools it recorded, and changes nothing", async () => {
    const cwd = tempDir();
    const created = await runCli(["svc", "--yes", "--no-git", "--no-install", "--agents", "copilot,claude"], { cwd });
    expect(created.code, created.stderr).toBe(0);
    const root = join(cwd, "svc");
    mkdirSync(join(root, ".git"));
    const before = readTree(root);
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("nothing changed");
    expect(result.stdout).toContain("AI tools: copilot, claude");
    expect(readTree(root)).toEqual(before);
  });

  it("replaces a shared file whole when it is still as an earlier run wrote it, and merges one its owner edited", async () => {
    const cwd = tempDir();
    expect((await runCli(["svc", "--yes", "--no-git", "--no-install", "--agents", "copilot"], { cwd })).code).toBe(0);
    const root = join(cwd, "svc");
    mkdirSync(join(root, ".git"));
    writeFileSync(join(root, ".gitignore"), `${read(root, ".gitignore")}my-own/\n`);
    const result = await runCli(["init", "--yes", "--agents", "copilot,agents-md"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    // Copilot's instructions held our rules untouched: now the pointer to AGENTS.md, not the rules and a block.
    const instructions = read(root, ".github/copilot-instructions.md");
    expect(instructions).not.toContain("create-spec-agent:start");
    expect(instructions).toContain("are in [AGENTS.md](../AGENTS.md)");
    expect(read(root, ".gitignore")).toMatch(/my-own\/\n$/);
  });

  it("leaves shared files that are not UTF-8 text alone, byte for byte, as clashes", async () => {
    const latin1 = Buffer.from("# Caf\xe9 rules\n", "latin1");
    const root = ownerRepo({});
    writeFileSync(join(root, "AGENTS.md"), latin1);
    writeFileSync(join(root, ".gitignore"), Buffer.from("caf\xe9/\n", "latin1"));
    const result = await runCli(["init", "--yes"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("clash, left as it is: .gitignore, AGENTS.md");
    expect(readFileSync(join(root, "AGENTS.md")).equals(latin1)).toBe(true);
    expect(readFileSync(join(root, ".gitignore")).equals(Buffer.from("caf\xe9/\n", "latin1"))).toBe(true);
  });

  it("leaves a JSON file that does not parse alone, and prints what to add", async () => {
    const root = ownerRepo({ ".mcp.json": '{ "mcpServers": { oops } }\n' });
    const result = await runCli(["init", "--yes", "--force"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(read(root, ".mcp.json")).toBe('{ "mcpServers": { oops } }\n');
    expect(result.stdout).toMatch(/\.mcp\.json could not be read as JSON \(line 1: [^)]+\): left as it is/);
    expect(result.stdout).toContain('"sequentialthinking": {');
  });

  it("writes the Python skeleton where there is no pyproject.toml, named after the folder, and works from a subfolder", async () => {
    const root = ownerRepo({ "docs/notes.md": "mine\n" });
    const result = await runCli(["init", "--yes"], { cwd: join(root, "docs") });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Wrote the repository at ..:");
    expect(existsSync(join(root, "pyproject.toml"))).toBe(true);
    expect(existsSync(join(root, "docs/pyproject.toml"))).toBe(false);
    expect(read(root, "AGENTS.md")).toMatch(/^<!-- create-spec-agent:start/);
    expect((await runCli(["init", "--yes"], { cwd: root })).stdout).toContain("nothing changed");
  });
});

describe("init, then update", () => {
  it("finds nothing to do right after init: the shared files it merged (.gitignore, JSON settings, hubs) included", async () => {
    // The owner's Taskfile would be a clash that init leaves alone: this repository has only files init merges.
    const { "Taskfile.yml": _clash, ...shared } = OWNER;
    const root = ownerRepo(shared);
    const initialised = await runCli(["init", "--yes"], { cwd: root });
    expect(initialised.stdout).toContain("merged: .gitignore, .vscode/mcp.json, AGENTS.md");
    expect(initialised.code, initialised.stderr).toBe(0);
    const before = readTree(root);
    const dry = await runCli(["update", "--dry-run"], { cwd: root });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("every file is up to date: nothing to do");
    expect(dry.stdout).not.toMatch(/kept|clash|merged/);
    const updated = await runCli(["update"], { cwd: root });
    expect(updated.code, updated.stderr).toBe(0);
    expect(readTree(root)).toEqual(before);
  });
});
