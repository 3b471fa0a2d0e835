/**
 * The owner's bytes, exactly (issue 20): a file that is not UTF-8 text is never re-encoded, marker pairs count
 * only outside code fences, a BOM stays and does not make JSON "not JSON", every JSON file we parse has size and
 * nesting limits; and check prints names escaped, with task numbers exact at any size.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTree } from "../src/core/check/run.js";
import { JSON_SIZE_LIMIT, mergeJsonc, readJsonc } from "../src/core/merge/jsonc.js";
import { BLOCK_END, BLOCK_START, markedBlock, mergeMarkedBlock } from "../src/core/merge/marked.js";
import { nextTaskNumber } from "../src/core/spec-docs.js";
import { checkKnowledge } from "../src/targets/table.js";
import { runCli, tempDir } from "./support/context.js";
import { checkedTree } from "./support/tree.js";

const deep = (levels: number): string => `{"servers": ${"[".repeat(levels)}${"]".repeat(levels)}}`;

async function created(): Promise<string> {
  const cwd = tempDir();
  const made = await runCli(["svc", "--yes", "--no-git", "--no-install", "--author", "A"], { cwd });
  expect(made.stderr).toBe("");
  return join(cwd, "svc");
}

describe("a marked block", () => {
  it("is not found inside the owner's code fence: their example stays, ours is added after", () => {
    const example = `${BLOCK_START}\nthe owner's example of our block\n${BLOCK_END}`;
    const owner = `# Notes\n\n\`\`\`markdown\n${example}\n\`\`\`\n`;
    const merged = mergeMarkedBlock(owner, "our rules\n");
    expect(merged).toBe(`${owner}\n${markedBlock("our rules\n")}\n`);
    // Run again, ours (outside the fence) is the one rewritten.
    expect(mergeMarkedBlock(merged, "new rules\n")).toBe(`${owner}\n${markedBlock("new rules\n")}\n`);
  });

  it("after an owner's fence that never closes, is still found: a second run settles", () => {
    const once = mergeMarkedBlock("```", "our rules\n");
    expect(mergeMarkedBlock(once, "our rules\n")).toBe(once);
  });
});

describe("JSON the owner wrote", () => {
  it("with a BOM merges, and the BOM stays", () => {
    const owner = '\ufeff{\n  "servers": {\n    "theirs": { "command": "x" }\n  }\n}\n';
    const merged = mergeJsonc(owner, '{"servers": {"ours": {"command": "y"}}}');
    expect(merged.ok).toBe(true);
    expect(merged.ok && merged.text.startsWith('\ufeff{\n  "servers": {\n    "theirs"')).toBe(true);
    expect(merged.ok && readJsonc(merged.text)).toEqual({
      servers: { theirs: { command: "x" }, ours: { command: "y" } },
    });
  });

  it("nested past the limit, or too large, is refused with a reason, never a stack overflow", () => {
    expect(mergeJsonc(deep(100_000), '{"servers": {}}')).toEqual({
      ok: false,
      reason: "it nests deeper than 100 levels",
    });
    expect(readJsonc(deep(100_000))).toBeUndefined();
    expect(mergeJsonc(deep(50), '{"a": 1}').ok).toBe(true);
    const large = `{"a": "${"x".repeat(JSON_SIZE_LIMIT)}"}`;
    expect(mergeJsonc(large, '{"b": 1}')).toEqual({ ok: false, reason: "it is larger than 1 MiB" });
  });

  it("init and check name a deeply nested mcp.json in one line instead of crashing", async () => {
    const root = await created();
    writeFileSync(join(root, ".vscode/mcp.json"), deep(100_000));
    const init = await runCli(["init", "--yes", "--author", "A"], { cwd: root });
    expect(init.stderr).not.toContain("Maximum call stack");
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("nests deeper than 100 levels");
    const check = await runCli(["check"], { cwd: root });
    expect(check.stderr).not.toContain("Maximum call stack");
    expect(check.stdout).toContain(".vscode/mcp.json:1: it nests deeper than 100 levels");
  });
});

describe("update and a file that is not UTF-8 text", () => {
  it("leaves a Latin-1 file as its bytes (a clash), never U+FFFD", async () => {
    const root = await created();
    // A record whose base differs from this version's rendering: update would merge the owner's edit in.
    const recordPath = join(root, ".spec-agent.json");
    const record = JSON.parse(readFileSync(recordPath, "utf8"));
    record.files["README.md"] = `${record.files["README.md"]}\nA line an older version wrote.\n`;
    writeFileSync(recordPath, JSON.stringify(record, null, 2));
    const owner = Buffer.concat([
      readFileSync(join(root, "README.md")),
      Buffer.from("\nCaf\xe9 (Latin-1)\n", "latin1"),
    ]);
    writeFileSync(join(root, "README.md"), owner);
    const result = await runCli(["update"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/left alone.*README\.md/);
    expect(readFileSync(join(root, "README.md"))).toEqual(owner);
  });
});

describe("check's output", () => {
  it("quotes a file name or link target holding a line break or an escape sequence: one problem, one line", async () => {
    const root = await created();
    mkdirSync(join(root, "spec/context"), { recursive: true });
    writeFileSync(join(root, "spec/context/two\nlines.md"), "[x](missing.md)\n");
    writeFileSync(join(root, "spec/context/colour.md"), "[x](\u001b[31mred.md)\n");
    const result = await runCli(["check"], { cwd: root });
    expect(result.stdout).not.toContain("\u001b");
    expect(result.stdout.trim().split("\n")).toEqual([
      'spec/context/colour.md:1: link "\\u001b[31mred.md" points nowhere ("spec/context/\\u001b[31mred.md" does not exist)',
      '"spec/context/two\\nlines.md":1: link missing.md points nowhere (spec/context/missing.md does not exist)',
    ]);
  });

  it("keeps task numbers past 2^53 apart, and add numbers after them exactly", () => {
    const files = new Map([
      ["spec/task/9007199254740992-a.md", "# a\n"],
      ["spec/task/9007199254740993-b.md", "# b\n"],
    ]);
    const { problems } = checkTree(
      checkedTree(files, () => true),
      checkKnowledge(),
    );
    expect(problems.filter((p) => p.file.startsWith("spec/task/"))).toEqual([]);
    expect(nextTaskNumber(["9007199254740993-b.md", "002-a.md"])).toBe("9007199254740994");
  });
});
