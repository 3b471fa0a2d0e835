/** The package's main is a plopfile: other plopfiles load our generator with plop.load. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodePlop from "node-plop";
import { afterEach, describe, expect, it, vi } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";

async function loadGenerator(dest: string) {
  const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
  await plop.load(join(packageRoot, readJson("package.json").main));
  return plop.getGenerator("spec-agent");
}

/** What the generator printed on stdout (plop shares the process's streams). */
function captureStdout(): () => string {
  let text = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return () => {
    spy.mockRestore();
    return text;
  };
}

const answers = {
  name: "plopped",
  package: "plopped",
  description: "O'Neil & <Co>",
  author: "Zoë",
  python: "3.13",
  git: false,
  install: false,
};

afterEach(() => vi.restoreAllMocks());

describe("plop.load('create-spec-agent')", () => {
  it("registers a spec-agent generator that writes the preset, unescaped, and prints the CLI's summary", async () => {
    const dest = tempDir();
    const generator = await loadGenerator(dest);
    const printed = captureStdout();
    const result = await generator.runActions(answers);
    const stdout = printed();
    expect(result.failures).toEqual([]);
    expect(result.changes).toHaveLength(1);
    expect(stdout).toMatch(/^✔ Wrote \.\/plopped: \d+ new files$/m);
    expect(stdout).toContain("Next steps:");
    expect(existsSync(join(dest, "plopped/.github/agents/backend-engineer.agent.md"))).toBe(true);
    expect(readFileSync(join(dest, "plopped/pyproject.toml"), "utf8")).toContain(`description = "O'Neil & <Co>"`);

    const again = captureStdout();
    expect((await generator.runActions(answers)).failures).toEqual([]);
    expect(again()).toContain("nothing needed writing");
  });

  it("refuses a folder that holds other things unless plop's question had a yes, naming that question, not --force", async () => {
    const dest = tempDir();
    mkdirSync(join(dest, "plopped"));
    writeFileSync(join(dest, "plopped/notes.txt"), "mine\n");
    const generator = await loadGenerator(dest);
    const result = await generator.runActions(answers);
    expect(result.failures[0]?.error).toBe(
      `./plopped is not empty (it holds notes.txt): choose a new folder, or say yes when plop asks "Write the preset into it?" (on plop's command line, --writeInto y after --) (none of its files would be overwritten)`,
    );
    expect(readFileSync(join(dest, "plopped/notes.txt"), "utf8")).toBe("mine\n");
  });

  it("asks the same questions as the CLI, with the same validation", async () => {
    const generator = await loadGenerator(tempDir());
    const prompts = generator.prompts as { name: string; validate?: (v: string) => unknown }[];
    expect(prompts.map((p) => p.name)).toEqual([
      "name",
      "writeInto",
      "package",
      "description",
      "author",
      "python",
      "agents",
      "license",
      "git",
      "install",
      "rules-dir",
      "commands-dir",
    ]);
    // The folders only for a tool that takes them, checked as the flags are.
    const rulesDir = prompts[10] as unknown as { when: (a: object) => boolean; validate: (v: string) => unknown };
    expect(rulesDir.when({ agents: ["claude"] })).toBe(false);
    expect(rulesDir.when({ agents: ["generic"] })).toBe(true);
    expect(rulesDir.validate("../x")).toMatch(/\.\./);
    expect(prompts[2]?.validate?.("class")).toMatch(/keyword/);
    expect(prompts[2]?.validate?.("ok_pkg")).toBe(true);
  });
});

describe("the generators in plop's list", () => {
  it("registered directly, they keep their description", async () => {
    const plop = await nodePlop(undefined, { destBasePath: tempDir(), force: false });
    const { default: specAgent } = await import(join(packageRoot, readJson("package.json").main));
    await specAgent(plop);
    expect(plop.getGeneratorList()).toEqual([
      { name: "spec-agent", description: expect.stringMatching(/spec-driven development/) },
      { name: "spec:plan", description: expect.stringMatching(/^spec\/plan\/<slug>\.md/) },
      { name: "spec:task", description: expect.stringMatching(/^spec\/task\/<NNN>-<slug>\.md/) },
      { name: "spec:context", description: expect.stringMatching(/^spec\/context\/<slug>\.md/) },
      { name: "spec:init", description: expect.stringMatching(/create-spec-agent init/) },
    ]);
  });

  it("loaded with plop.load, they are listed by name (node-plop drops a loaded generator's description)", async () => {
    const plop = await nodePlop(undefined, { destBasePath: tempDir(), force: false });
    await plop.load(join(packageRoot, readJson("package.json").main));
    expect(plop.getGeneratorList().map((g) => g.name)).toEqual([
      "spec-agent",
      "spec:plan",
      "spec:task",
      "spec:context",
      "spec:init",
    ]);
  });
});

describe("npm run plop (contributors, the TypeScript plopfile on Node 20)", () => {
  it("runs the real plop with answers given on the command line", () => {
    const dest = tempDir();
    const args = ["run", "--silent", "plop", "--", "--dest", dest, "spec-agent"];
    const answers = ["plopped", "_", "plopped", "A & <b>", "Zoë", "3.13", "copilot,claude", "MIT", "n", "n"];
    const result = spawnSync("npm", [...args, ...answers], {
      cwd: packageRoot,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Wrote ./plopped:");
    expect(readFileSync(join(dest, "plopped/pyproject.toml"), "utf8")).toContain('description = "A & <b>"');
    expect(existsSync(join(dest, "plopped/.claude/agents/backend-engineer.md"))).toBe(true);
    expect(readFileSync(join(dest, "plopped/LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) Zoë\n/);
  });
});

function readJson(path: string) {
  return JSON.parse(readFileSync(join(packageRoot, path), "utf8"));
}
