/** The merges of shared files (issue 13): pure, so table tests; the owner's bytes are what they check first. */
import { describe, expect, it } from "vitest";
import { GITIGNORE_HEADING, mergeGitignore } from "../src/core/merge/gitignore.js";
import { mergeJsonc, readJsonc } from "../src/core/merge/jsonc.js";
import { BLOCK_END, BLOCK_START, markedBlock, mergeMarkedBlock, outsideBlock } from "../src/core/merge/marked.js";
import { mergeKindOf, mergePlan } from "../src/core/merge/plan.js";
import { HUB_FILES } from "../src/targets/table.js";
import { insertedInto } from "./support/bytes.js";

describe(".gitignore: missing lines appended", () => {
  it.each([
    ["nothing missing: unchanged", "a/\nb\n", "a/\n# ours\nb\n", "a/\nb\n"],
    ["a missing line under our heading", "a/\n", "a/\nb\n", `a/\n\n${GITIGNORE_HEADING}\nb\n`],
    ["no final newline: one added first", "a/", "b", `a/\n\n${GITIGNORE_HEADING}\nb\n`],
    ["an empty file", "", "b\n", `${GITIGNORE_HEADING}\nb\n`],
    ["compared trimmed", "  b  \n", "b\n", "  b  \n"],
    ["comments alone are never added", "a\n", "# Python\n\na\n", "a\n"],
    [
      "our order kept for exceptions",
      "x\n",
      ".vscode/*\n!.vscode/mcp.json\n",
      `x\n\n${GITIGNORE_HEADING}\n.vscode/*\n!.vscode/mcp.json\n`,
    ],
    ["CRLF kept", "a\r\n", "b\n", `a\r\n\r\n${GITIGNORE_HEADING}\r\nb\r\n`],
    ["after a blank line, no second one", "a\n\n", "b\n", `a\n\n${GITIGNORE_HEADING}\nb\n`],
  ])("%s", (_label, existing, ours, expected) => {
    expect(mergeGitignore(existing, ours)).toBe(expected);
  });

  it("is idempotent and keeps the owner's text as its start", () => {
    const once = mergeGitignore("node_modules/\n# mine\n", "__pycache__/\n.venv/\n");
    expect(once.startsWith("node_modules/\n# mine\n")).toBe(true);
    expect(mergeGitignore(once, "__pycache__/\n.venv/\n")).toBe(once);
  });
});

const OURS = `${JSON.stringify({ servers: { context7: { type: "http", url: "u" } } }, null, 2)}\n`;

describe("JSON with comments: missing entries added, nothing of the owner's moved", () => {
  it.each([
    [
      "an empty object",
      "{}\n",
      '{\n  "servers": {\n    "context7": {\n      "type": "http",\n      "url": "u"\n    }\n  }\n}\n',
    ],
    [
      "a sibling server, with comments and a trailing comma",
      '// mine\n{\n    "servers": {\n        "gh": { "url": "x" }, // kept\n    },\n}\n',
      '// mine\n{\n    "servers": {\n        "gh": { "url": "x" },\n        "context7": {\n            "type": "http",\n            "url": "u"\n        }, // kept\n    },\n}\n',
    ],
    [
      "the entry already there, another value: theirs wins",
      '{ "servers": { "context7": { "url": "mine" } } }',
      '{ "servers": { "context7": { "url": "mine" } } }',
    ],
    ["an empty file: ours", "", OURS],
    ["only a comment: kept, ours after it", "// to fill in", `// to fill in\n${OURS}`],
  ])("%s", (_label, existing, expected) => {
    const merged = mergeJsonc(existing, OURS);
    expect(merged).toEqual({ ok: true, text: expected });
    if (merged.ok) {
      expect(insertedInto(existing, merged.text)).toBe(true);
      expect(mergeJsonc(merged.text, OURS)).toEqual(merged);
      expect(readJsonc(merged.text)).toMatchObject({ servers: { context7: {} } });
    }
  });

  it.each([
    ["a syntax error", '{ "servers": { ', /line 1/],
    ["an array", "[]", /no JSON object/],
  ])("leaves %s alone, with the reason", (_label, existing, reason) => {
    const merged = mergeJsonc(existing, OURS);
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.reason).toMatch(reason);
  });
});

describe("Markdown hubs: a marked block", () => {
  const ours = "# Rules\n\nOurs.\n";
  it.each([
    ["appended after the owner's text", "# Mine\n", `# Mine\n\n${markedBlock(ours)}\n`],
    ["no final newline", "# Mine", `# Mine\n\n${markedBlock(ours)}\n`],
    ["replaced in place", `top\n${BLOCK_START}\nold\n${BLOCK_END}\nbottom\n`, `top\n${markedBlock(ours)}\nbottom\n`],
    ["a file that is exactly ours stays", ours, ours],
    ["an empty file", "", `${markedBlock(ours)}\n`],
    ["only whitespace: kept", " ", ` \n\n${markedBlock(ours)}\n`],
  ])("%s", (_label, existing, expected) => {
    const merged = mergeMarkedBlock(existing, ours);
    expect(merged).toBe(expected);
    expect(mergeMarkedBlock(merged, ours)).toBe(merged);
  });

  it("keeps every byte outside the block when the block is updated", () => {
    const owner = "# Mine\n\nbefore\n";
    const first = mergeMarkedBlock(`${owner}\n${markedBlock("old")}\nafter\n`, ours);
    expect(outsideBlock(first)).toBe(`${owner}\n\nafter\n`);
  });
});

describe("the merge plan", () => {
  it.each([
    [".gitignore", "lines"],
    ["AGENTS.md", "block"],
    [".github/copilot-instructions.md", "block"],
    ["CLAUDE.md", "block"],
    [".vscode/mcp.json", "entries"],
    [".mcp.json", "entries"],
    [".vscode/settings.json", "entries"],
    [".spec-agent.json", "record"],
    ["Taskfile.yml", undefined],
    ["README.md", undefined],
  ])("merges %s by %s", (path, kind) => {
    expect(mergeKindOf(path, HUB_FILES)).toBe(kind);
  });

  it("marks a new hub, leaves an unparseable file alone with its snippet", () => {
    const files = [
      { path: "AGENTS.md", contents: "ours\n", mode: 0o644 },
      { path: ".mcp.json", contents: OURS, mode: 0o644 },
    ];
    const plan = mergePlan(files, (path) => (path === ".mcp.json" ? "{ broken" : undefined), HUB_FILES);
    expect(plan.files[0]?.contents).toBe(`${markedBlock("ours\n")}\n`);
    expect(plan.files[1]?.contents).toBe(OURS);
    expect(plan.merged.size).toBe(0);
    expect(plan.unmergeable.get(".mcp.json")?.snippet).toBe(OURS);
  });
});
