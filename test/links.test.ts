/** Links rewritten from the repository root to a file's own folder: a table of the cases the sources hold. */
import { describe, expect, it } from "vitest";
import { linksFrom, linksToRoot } from "../src/targets/links.js";

describe("linksFrom", () => {
  it.each([
    [
      "a relative link",
      "See [the plan](spec/plan/README.md).",
      ".github/agents",
      "See [the plan](../../spec/plan/README.md).",
    ],
    ["a fragment kept", "[rules](AGENTS.md#python)", ".github", "[rules](../AGENTS.md#python)"],
    ["a link to the folder itself", "[here](.github)", ".github", "[here](.)"],
    [
      "two on one line",
      "[a](README.md) and [b](spec/task/README.md)",
      "spec",
      "[a](../README.md) and [b](task/README.md)",
    ],
    ["an image left alone", "![logo](docs/logo.png)", ".github", "![logo](docs/logo.png)"],
    ["a URL left alone", "[uv](https://docs.astral.sh/uv/)", ".github", "[uv](https://docs.astral.sh/uv/)"],
    ["an anchor left alone", "[below](#commands)", ".github", "[below](#commands)"],
    ["the root: nothing to do", "[a](spec/plan/README.md)", "", "[a](spec/plan/README.md)"],
    [
      "a fenced block left alone, links after it rewritten",
      "```md\n[a](spec/plan/README.md)\n```\n[b](spec/plan/README.md)",
      "spec",
      "```md\n[a](spec/plan/README.md)\n```\n[b](plan/README.md)",
    ],
    [
      "a tilde fence too",
      "~~~\n[a](README.md)\n~~~\n[a](README.md)",
      "src",
      "~~~\n[a](README.md)\n~~~\n[a](../README.md)",
    ],
  ])("%s", (_, markdown, folder, expected) => {
    expect(linksFrom(markdown, folder)).toBe(expected);
  });

  it("is undone by linksToRoot outside code blocks", () => {
    const markdown = "[a](spec/plan/README.md), [b](AGENTS.md#x) and [c](https://example.com)";
    expect(linksToRoot(linksFrom(markdown, ".github/prompts"), ".github/prompts")).toBe(markdown);
  });
});
