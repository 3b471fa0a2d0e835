/** The package's main is a plopfile: other plopfiles load our generator with plop.load. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nodePlop from "node-plop";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/package-info.js";
import { tempDir } from "./support/context.js";

describe("plop.load('create-spec-agent')", () => {
  it("registers a spec-agent generator that writes the preset, unescaped", async () => {
    const dest = tempDir();
    const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
    await plop.load(join(packageRoot, readJson("package.json").main));
    const generator = plop.getGenerator("spec-agent");
    const answers = {
      name: "plopped",
      package: "plopped",
      description: "O'Neil & <Co>",
      author: "Zoë",
      python: "3.13",
    };
    const result = await generator.runActions(answers);
    expect(result.failures).toEqual([]);
    expect(result.changes).toHaveLength(1);
    expect(existsSync(join(dest, "plopped/.github/agents/backend-engineer.agent.md"))).toBe(true);
    expect(readFileSync(join(dest, "plopped/pyproject.toml"), "utf8")).toContain(`description = "O'Neil & <Co>"`);

    const again = await generator.runActions(answers);
    expect(again.failures[0]?.error).toMatch(/plopped is not empty/);
  });

  it("asks the same questions as the CLI, with the same validation", async () => {
    const plop = await nodePlop(undefined, { destBasePath: tempDir(), force: false });
    await plop.load(join(packageRoot, readJson("package.json").main));
    const prompts = plop.getGenerator("spec-agent").prompts as { name: string; validate: (v: string) => unknown }[];
    expect(prompts.map((p) => p.name)).toEqual(["name", "package", "description", "author", "python"]);
    expect(prompts[1]?.validate("class")).toMatch(/keyword/);
    expect(prompts[1]?.validate("ok_pkg")).toBe(true);
  });
});

function readJson(path: string) {
  return JSON.parse(readFileSync(join(packageRoot, path), "utf8"));
}
