import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { StaticText, templateFunction } from "../build/precompile.js";
import { GenerateError } from "../src/core/errors.js";
import { tomlString, yamlString } from "../src/core/quote.js";
import { realFileSystem } from "../src/io/fs.js";
import { templatesDir } from "../src/io/package-info.js";
import { compilePack } from "../src/templates/compile.js";
import { COMPILE_OPTIONS, HELPERS, isEmpty, registerHelpers } from "../src/templates/engine.js";
import { readPack } from "../src/templates/pack.js";
import { outputPath, type TemplateContext, template, templateContext } from "../src/templates/template.js";
import { DEFAULT_ANSWERS, HARD_ANSWERS, NO_AUTHOR } from "./support/answers.js";

describe("outputPath", () => {
  it.each([
    ["_gitignore", ".gitignore"],
    ["_github/agents/x.agent.md", ".github/agents/x.agent.md"],
    ["src/__package__/__init__.py", "src/my_pkg/__init__.py"],
    ["src/__package__/__main__.py", "src/my_pkg/__main__.py"],
    ["spec/plan/TEMPLATE.md", "spec/plan/TEMPLATE.md"],
    ["a/_b/__c", "a/.b/__c"],
  ])("%s -> %s", (source, expected) => expect(outputPath(source, "my_pkg")).toBe(expected));
});

describe("the engine", () => {
  const engine = registerHelpers(Handlebars.create());

  it("does not HTML-escape", () => {
    expect(engine.compile("{{v}}", COMPILE_OPTIONS)({ v: 'O\'Neil & <Co> "q" `b` =' })).toBe(
      'O\'Neil & <Co> "q" `b` =',
    );
  });

  it("is strict: an unknown name throws instead of rendering nothing", () => {
    expect(() => engine.compile("{{nope}}", COMPILE_OPTIONS)({})).toThrow(/"nope" not defined/);
  });

  it("keeps go-task variables escaped with a backslash", () => {
    expect(engine.compile("run \\{{.CLI_ARGS}}", COMPILE_OPTIONS)({})).toBe("run {{.CLI_ARGS}}");
  });

  it("does not render what users typed a second time", () => {
    expect(engine.compile("{{v}}", COMPILE_OPTIONS)({ v: "{{not}}" })).toBe("{{not}}");
  });

  it("quotes with yaml and toml helpers, and refuses non-strings", () => {
    expect(engine.compile("{{yaml v}} {{toml v}} {{json v}}", COMPILE_OPTIONS)({ v: 'a"b' })).toBe(
      '"a\\"b" "a\\"b" "a\\"b"',
    );
    expect(() => engine.compile("{{yaml v}}", COMPILE_OPTIONS)({ v: 1 })).toThrow(/takes a string/);
  });

  it("names the template that failed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-agent-pack-"));
    writeFileSync(join(dir, "broken.md"), "{{missing}}\n");
    const [template] = compilePack(realFileSystem, dir);
    expect(() => template?.render(templateContext(DEFAULT_ANSWERS, "0.0.0", TEXTS))).toThrow(GenerateError);
    expect(() => template?.render(templateContext(DEFAULT_ANSWERS, "0.0.0", TEXTS))).toThrow(
      /template broken.md failed to render: "missing" not defined/,
    );
  });
});

/** A template as the build bundles it: turned into a JavaScript function by precompile.ts. */
function precompiled(source: string, template: string): (context: TemplateContext) => string {
  const text = new StaticText();
  const code = templateFunction(source, template, text);
  return new Function("HELPERS", "isEmpty", "S", `return ${code}`)(HELPERS, isEmpty, text.pieces);
}

describe("the build's precompiler", () => {
  const context = templateContext(DEFAULT_ANSWERS, "1.2.3", TEXTS);
  const both = (text: string) => [precompiled("t.md", text)(context), engine.compile(text, COMPILE_OPTIONS)(context)];
  const engine = registerHelpers(Handlebars.create());

  it.each([
    "plain text, no mustache\n",
    "{{name}} and {{{package}}}, {{toml author}} {{yaml description}} {{json python}}\n",
    "{{! a comment }}a\n{{!-- another --}}\nb",
    "x\n{{#if author}}\nby {{author}}\n{{/if}}\ny\n",
    "{{#if author}}yes{{else}}no{{/if}} {{#if name}}{{/if}}",
    "  {{~name~}}  \n\\{{.CLI_ARGS}} \\{{name}}\n",
    "",
  ])("renders %j as Handlebars does", (text) => {
    const [ours, theirs] = both(text);
    expect(ours).toBe(theirs);
  });

  it("keeps each distinct piece of text once, shared between templates", () => {
    const text = new StaticText();
    templateFunction("a.md", "# {{name}}\n", text);
    templateFunction("b.md", "# {{package}}\n", text);
    expect(text.pieces).toEqual(["# ", "\n"]);
  });

  it.each([
    ["{{missing}}", /t\.md, line 1: "missing" is not a template variable/],
    ["a\n{{#each name}}x{{/each}}", /t\.md, line 2: only \{\{#if name\}\} and \{\{#unless name\}\} blocks/],
    ["{{../name}}", /only a plain name/],
    ["{{@root.name}}", /only a plain name/],
    ["{{name.length}}", /only a plain name/],
    ["{{> partial}}", /PartialStatement is not supported/],
    ["{{upper name}}", /\{\{upper \.\.\.\}\} is not a helper of ours/],
    ["{{toml name x=1}}", /hash arguments/],
  ])("refuses %j at build time, naming the template and line", (text, message) => {
    expect(() => templateFunction("t.md", text, new StaticText())).toThrow(message);
  });
});

/** What src/targets/ gives templates about the chosen AI tools. */
const TEXTS = {
  aiLayout: ".github/\n  copilot-instructions.md  rules\n",
  aiTools: "## AI tools\n\nHere.\n",
  agentFile: "AGENTS.md",
  aiIgnored: "CLAUDE.local.md",
  uvBuild: "uv_build>=0.13.6,<0.14.0",
};

describe("every template of the preset", async () => {
  // Both packs: the files written as they are, and the one source of the AI tools' files.
  const packDirs = ["default", "agents"].map((pack) => join(templatesDir, pack));
  const templates = packDirs.flatMap((dir) => compilePack(realFileSystem, dir));
  // What the build bundles: the same templates as JavaScript functions.
  const built = packDirs.flatMap((dir) =>
    readPack(realFileSystem, dir).map(([source, text]) => template(source, precompiled(source, text))),
  );

  it("renders the same precompiled (as built) as compiled by Handlebars", () => {
    expect(built.map((t) => t.source)).toEqual(templates.map((t) => t.source));
    for (const answers of [DEFAULT_ANSWERS, HARD_ANSWERS, NO_AUTHOR]) {
      const context = templateContext(answers, "9.9.9", TEXTS);
      for (const [i, t] of built.entries()) expect(t.render(context), t.source).toBe(templates[i]?.render(context));
    }
  });

  it("renders the same precompiled as compiled for any answers (1,000 runs)", () => {
    const text = fc.string({ unit: "binary", maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({ name: text, package: text, description: text, author: text, python: text, aiLayout: text }),
        ({ aiLayout, ...answers }) => {
          const context = templateContext({ ...answers, license: "MIT", agents: [] }, "9.9.9", { ...TEXTS, aiLayout });
          for (const [i, t] of built.entries()) expect(t.render(context), t.source).toBe(templates[i]?.render(context));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("is there", () => {
    expect(templates.length).toBeGreaterThan(20);
  });

  it.each([
    ["default answers", DEFAULT_ANSWERS],
    ["hard answers", HARD_ANSWERS],
    ["no author", NO_AUTHOR],
  ])("renders under strict mode with %s, ending in one newline, with no residue", (_label, answers) => {
    const context = templateContext(answers, "9.9.9", TEXTS);
    for (const template of templates) {
      const text = template.render(context);
      if (text === "") continue; // py.typed is an empty marker
      expect(text.endsWith("\n"), template.source).toBe(true);
      expect(text.endsWith("\n\n"), template.source).toBe(false);
      expect(text, template.source).not.toMatch(/&(#x27|#39|quot|amp|lt|gt|#x3D|#x60);/);
      expect(text, template.source).not.toMatch(/\r/);
      const typed = [
        answers.description,
        tomlString(answers.description).slice(1, -1),
        yamlString(answers.description).slice(1, -1),
      ];
      const withoutTyped = typed.reduce((rest, form) => rest.replaceAll(form, ""), text);
      // go-task's `{{.CLI_ARGS}}` and GitHub Actions' `${{ github.ref }}` are meant to survive rendering.
      expect(withoutTyped, template.source).not.toMatch(/(?<!\$)\{\{(?!\s*\.[A-Z_]+\s*\}\})/);
    }
  });
});
