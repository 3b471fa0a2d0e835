/** update's decision for a file init shared with its owner (issue 27): nothing to do while ours is all there. */
import { describe, expect, it } from "vitest";
import { type Fate, planUpdate } from "../src/core/update-plan.js";
import { HUB_FILES } from "../src/targets/table.js";

const labels = { ours: "yours", theirs: "create-spec-agent" };
const fateOf = (path: string, base: string, current: string, next: string): Fate | undefined =>
  planUpdate({
    bases: new Map([[path, base]]),
    current: new Map([[path, current]]),
    next: new Map([[path, next]]),
    labels,
    hubs: HUB_FILES,
  })[0]?.fate;

describe("a shared file after init", () => {
  const ours = ".venv/\n__pycache__/\n";
  it.each([
    ["the owner's lines with all of ours", ".gitignore", `node_modules/\n${ours}`, "current"],
    ["the owner removed one of ours", ".gitignore", "node_modules/\n.venv/\n", "kept"],
    ["a file that is not shared, edited", "Taskfile.yml", `node_modules/\n${ours}`, "kept"],
  ])("%s: %s", (_label, path, current, fate) => {
    expect(fateOf(path, ours, current, ours)).toBe(fate);
  });

  it("JSON settings holding every entry of ours beside the owner's", () => {
    const base = '{\n  "servers": {\n    "context7": { "type": "http" }\n  }\n}\n';
    const current =
      '{\n  "servers": {\n    "github": { "type": "http" },\n    "context7": { "type": "http" }\n  }\n}\n';
    expect(fateOf(".vscode/mcp.json", base, current, base)).toBe("current");
  });
});
