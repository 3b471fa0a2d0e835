import { describe, expect, it } from "vitest";
import { MANIFEST_PATH } from "../src/core/manifest.js";
import { checkPlannedPath } from "../src/core/planned-file.js";
import { realFileSystem } from "../src/io/fs.js";
import { templatesDir } from "../src/io/package-info.js";
import { planPreset, renderPreset } from "../src/targets/preset.js";
import { presetPacks } from "../src/templates/preset.js";
import type { Template } from "../src/templates/template.js";
import { DEFAULT_ANSWERS, NO_AUTHOR } from "./support/answers.js";

const PACKS = presetPacks(realFileSystem, templatesDir);
const plan = await planPreset(realFileSystem, templatesDir, DEFAULT_ANSWERS, "0.1.0");
const byPath = Object.fromEntries(plan.map((f) => [f.path, f.contents]));

describe("the preset's plan", () => {
  it("lists the files of the preset", () => {
    expect(plan.map((f) => f.path)).toMatchSnapshot();
  });

  it("has the contents it has (snapshot; the manifest, which repeats them, is checked below)", () => {
    const { [MANIFEST_PATH]: _manifest, ...files } = byPath;
    expect(files).toMatchSnapshot();
  });

  it("records each file as written (update's merge base) and the answers in .spec-agent.json, with no timestamp", () => {
    const manifest = JSON.parse(byPath[MANIFEST_PATH] as string);
    expect(manifest.generator).toBe("create-spec-agent");
    expect(manifest.answers).toEqual({
      name: "my-service",
      package: "my_service",
      description: DEFAULT_ANSWERS.description,
      author: "Ada Lovelace",
      python: "3.13",
      license: "Proprietary",
      agents: ["copilot", "agents-md"],
    });
    for (const file of plan.filter((f) => f.path !== MANIFEST_PATH)) {
      expect(manifest.files[file.path]).toBe(file.contents);
    }
    expect(Object.keys(manifest.files)).toHaveLength(plan.length - 1);
    expect(byPath[MANIFEST_PATH]).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it("is the same for the same answers", async () => {
    expect(await planPreset(realFileSystem, templatesDir, DEFAULT_ANSWERS, "0.1.0")).toEqual(plan);
  });

  it("leaves authors out when there is no author", async () => {
    const pyproject = (await planPreset(realFileSystem, templatesDir, NO_AUTHOR, "0.1.0")).find(
      (f) => f.path === "pyproject.toml",
    );
    expect(pyproject?.contents).not.toContain("authors");
  });

  it("names the project where the seed says 'this project', and links resolve from .github/agents/", () => {
    const agent = byPath[".github/agents/backend-engineer.agent.md"] as string;
    expect(agent).toContain("## Working with my-service");
    expect(agent).toContain("(../copilot-instructions.md)");
    expect(agent).toContain("(../instructions/python.instructions.md)");
    expect(agent).not.toContain("](.github/");
  });

  it("configures an MCP server for every server/* tool of the agent", () => {
    const agent = byPath[".github/agents/backend-engineer.agent.md"] as string;
    const tools = /^tools: \[(.*)\]$/m.exec(agent)?.[1] ?? "";
    const servers = [...tools.matchAll(/'([\w.-]+)\/\*'/g)].map((m) => m[1]);
    expect(servers).toEqual(["context7", "sequentialthinking"]);
    const mcp = JSON.parse(byPath[".vscode/mcp.json"] as string);
    expect(Object.keys(mcp.servers).sort()).toEqual(servers);
  });
});

describe("a pack's paths are confined", () => {
  const pack = (source: string): Template[] => [{ source, render: () => "x\n" }];

  it.each([
    ["../escape.md", /not a name/],
    ["a/../../b", /not a name/],
    ["_git/config", /inside .git/],
    ["docs/CON.md", /device name/],
    ["docs/a:b.md", /Windows does not allow/],
  ])("refuses %s", (source, reason) => {
    expect(() => renderPreset({ ...PACKS, default: pack(source) }, DEFAULT_ANSWERS, "0.1.0")).toThrow(reason);
  });

  it("refuses names that clash on case-insensitive file systems", () => {
    const templates: Template[] = [
      { source: "README.md", render: () => "a\n" },
      { source: "readme.md", render: () => "b\n" },
    ];
    expect(() => renderPreset({ ...PACKS, default: templates }, DEFAULT_ANSWERS, "0.1.0")).toThrow(/twice/);
  });

  it.each([
    ["/etc/passwd", "/etc/passwd is absolute"],
    ["ok/path.md", undefined],
  ])("checkPlannedPath(%s)", (path, expected) => expect(checkPlannedPath(path)).toBe(expected));
});

describe("the licence", () => {
  const planFor = async (license: string, author = "Ada Lovelace") => {
    const files = await planPreset(realFileSystem, templatesDir, { ...DEFAULT_ANSWERS, license, author }, "0.1.0");
    return Object.fromEntries(files.map((f) => [f.path, f.contents]));
  };
  const metadata = (pyproject: string | undefined) =>
    (pyproject ?? "").split("\n").filter((line) => /^(license|license-files|classifiers) = /.test(line));

  it.each([
    [
      "Proprietary",
      [
        'license = "LicenseRef-Proprietary"',
        'license-files = ["LICENSE"]',
        'classifiers = ["Private :: Do Not Upload"]',
      ],
    ],
    ["MIT", ['license = "MIT"', 'license-files = ["LICENSE"]']],
    ["Apache-2.0", ['license = "Apache-2.0"', 'license-files = ["LICENSE"]']],
    ["none", []],
  ])("%s: PEP 639 metadata in pyproject.toml", async (license, lines) => {
    expect(metadata((await planFor(license))["pyproject.toml"])).toEqual(lines);
  });

  it("MIT: the standard text, with the author and no year", async () => {
    const text = (await planFor("MIT")).LICENSE as string;
    expect(text.startsWith("MIT License\n\nCopyright (c) Ada Lovelace\n\nPermission is hereby granted")).toBe(true);
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect((await planFor("MIT", "")).LICENSE).toContain("Copyright (c) the my-service authors\n");
  });

  it("Apache-2.0: the text as apache.org publishes it, byte for byte", async () => {
    const text = (await planFor("Apache-2.0")).LICENSE as string;
    // Debian ships apache.org's LICENSE-2.0.txt unchanged; its md5 is 3b83ef96387f14655fc854ddc3c6bd57.
    const { createHash } = await import("node:crypto");
    expect(createHash("md5").update(text).digest("hex")).toBe("3b83ef96387f14655fc854ddc3c6bd57");
    expect(text).toContain("Version 2.0, January 2004");
  });

  it("Proprietary: all rights reserved, by the author", async () => {
    expect((await planFor("Proprietary")).LICENSE).toMatch(/^Copyright \(c\) Ada Lovelace\. All rights reserved\.\n/);
  });

  it.each([
    [
      "Proprietary",
      "LICENSE                                the licence, Proprietary (pyproject.toml's license is LicenseRef-Proprietary)",
    ],
    ["MIT", "LICENSE                                the licence, MIT (pyproject.toml's license is MIT)"],
    [
      "Apache-2.0",
      "LICENSE                                the licence, Apache-2.0 (pyproject.toml's license is Apache-2.0)",
    ],
    ["none", undefined],
  ])("%s: the README's layout lists LICENSE when there is one", async (license, line) => {
    const readme = (await planFor(license))["README.md"] as string;
    const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("```\n", readme.indexOf("## Layout") + 15));
    expect(layout.split("\n").find((l) => l.startsWith("LICENSE"))).toBe(line);
    expect(layout).toMatch(/^pyproject\.toml {2,}project metadata and tool settings$/m);
  });

  it("none: no LICENSE, and the record leaves the answer out as records made before the question did", async () => {
    const files = await planFor("none");
    expect(files.LICENSE).toBeUndefined();
    expect(JSON.parse(files[MANIFEST_PATH] as string).answers).not.toHaveProperty("license");
  });
});
