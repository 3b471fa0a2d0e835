/**
 * Property tests for init's merges (issue 13): 1,000 random repositories,
 * each with its own hubs, .gitignore and commented MCP settings; init's merge
 * plan keeps every byte of the owner's outside the marked blocks and the added
 * JSON entries, and merging again changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonc } from "../src/core/merge/jsonc.js";
import { outsideBlock } from "../src/core/merge/marked.js";
import { mergePlan } from "../src/core/merge/plan.js";
import { rootMcp } from "../src/targets/mcp.js";
import { HUB_FILES } from "../src/targets/table.js";
import { vscodeMcp, vscodeSettings } from "../src/targets/tools/copilot.js";
import { insertedInto } from "./support/bytes.js";

const OURS = [
  { path: "AGENTS.md", contents: "# AGENTS.md\n\nOur rules.\n" },
  { path: "CLAUDE.md", contents: "# CLAUDE.md\n\n@AGENTS.md\n" },
  { path: ".github/copilot-instructions.md", contents: "# Copilot\n\nSee AGENTS.md.\n" },
  { path: ".gitignore", contents: "__pycache__/\n.venv/\n!.vscode/mcp.json\n" },
  { path: ".vscode/mcp.json", contents: vscodeMcp() },
  { path: ".mcp.json", contents: rootMcp() },
  { path: ".vscode/settings.json", contents: vscodeSettings() },
].map((f) => ({ ...f, mode: 0o644 }));

const text = fc.string({ unit: fc.constantFrom("a", "Z", " ", "\n", "#", "-", "é", "<", "!", "*", "`", "\r\n") });
const key = fc.constantFrom("github", "context7", "servers", "mcpServers", "editor.tabSize", "x", "inputs");
const value = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
const jsonObject = fc.dictionary(key, fc.oneof(value, fc.dictionary(key, value, { maxKeys: 3 })), { maxKeys: 4 });

/** The object as an owner writes it: their indentation, comments between entries, perhaps a trailing comma. */
const jsonc = fc
  .tuple(jsonObject, fc.constantFrom("  ", "    ", "\t"), fc.boolean(), fc.boolean())
  .map(([object, indent, comments, trailing]) => {
    let out = JSON.stringify(object, null, indent);
    if (comments) out = `// owner's settings\n${out.replace(/,\n/g, ", // mine\n")}`;
    if (trailing) out = out.replace(/\n(\s*)}$/, ",\n$1}");
    return `${out}\n`;
  });

const repository = fc.record({
  "AGENTS.md": fc.option(text, { nil: undefined }),
  "CLAUDE.md": fc.option(text, { nil: undefined }),
  ".github/copilot-instructions.md": fc.option(text, { nil: undefined }),
  ".gitignore": fc.option(text, { nil: undefined }),
  ".vscode/mcp.json": fc.option(jsonc, { nil: undefined }),
  ".mcp.json": fc.option(jsonc, { nil: undefined }),
  ".vscode/settings.json": fc.option(jsonc, { nil: undefined }),
});

describe("init's merges, on 1,000 random repositories", () => {
  it("keep every byte of the owner's outside the marked blocks and the added entries, and settle", () => {
    fc.assert(
      fc.property(repository, (owner) => {
        const read = (path: string): string | undefined => owner[path as keyof typeof owner];
        const plan = mergePlan(OURS, read, HUB_FILES);
        for (const file of plan.files) {
          const theirs = read(file.path);
          if (theirs === undefined) continue;
          if (file.path.endsWith(".md")) {
            const kept = outsideBlock(file.contents);
            expect(kept.startsWith(theirs) || kept === theirs).toBe(true);
            expect(kept.slice(theirs.length).trim()).toBe("");
          } else if (file.path === ".gitignore") {
            expect(file.contents.startsWith(theirs)).toBe(true);
          } else if (!plan.unmergeable.has(file.path)) {
            expect(insertedInto(theirs, file.contents)).toBe(true);
            const merged = readJsonc(file.contents) as Record<string, unknown>;
            const before = readJsonc(theirs) as Record<string, unknown>;
            for (const [k, v] of Object.entries(before)) {
              if (typeof v !== "object" || v === null) expect(merged[k]).toEqual(v);
            }
          } else {
            expect(file.contents).toBe(OURS.find((f) => f.path === file.path)?.contents);
          }
        }
        const written = new Map(plan.files.map((f) => [f.path, f.contents]));
        const again = mergePlan(
          OURS,
          (path) => (plan.unmergeable.has(path) ? read(path) : written.get(path)),
          HUB_FILES,
        );
        for (const file of again.files)
          if (!plan.unmergeable.has(file.path)) expect(file.contents).toBe(written.get(file.path));
      }),
      { numRuns: 1000 },
    );
  });
});
