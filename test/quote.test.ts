import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { tomlString, yamlString } from "../src/core/quote.js";
import { NO_PYTHON, systemPython } from "./support/python.js";

// Any text a user could type or paste, lone surrogates aside (they are not text).
const anyText = fc.string({ unit: "binary", maxLength: 60 }).filter((s) => !/\p{Surrogate}/u.test(s));
const trickyText = fc.constantFrom(
  "",
  "O'Neil & <Co>",
  'Ships "fast": it\'s <safe> & {{not}} a #template',
  "- list? no",
  "key: value",
  "\\ backslash \\n not a newline",
  "line\nbreak\r\n",
  "nel\u0085ls\u2028ps\u2029",
  "bom\ufeff and \ufffe\uffff",
  "del\u007f c1\u0080\u009f",
  "null",
  "true",
  "0x1F",
  "~",
  "tab\there",
  "😀 中文 Zoë",
);
const samples = fc.oneof(anyText, trickyText);

describe("yamlString", () => {
  it.each([
    ["plain", '"plain"'],
    ["O'Neil & <Co>", '"O\'Neil & <Co>"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["a\u2028b", '"a\\u2028b"'],
  ])("%j -> %s", (input, output) => expect(yamlString(input)).toBe(output));

  it("reads back exactly in YAML 1.2", () => {
    fc.assert(
      fc.property(samples, (value) => {
        expect(parseYaml(`key: ${yamlString(value)}\n`)).toEqual({ key: value });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("tomlString", () => {
  it.each([
    ["plain", '"plain"'],
    ['a "q" \\ b', '"a \\"q\\" \\\\ b"'],
    ["tab\tnl\n", '"tab\\tnl\\n"'],
    ["del\u007f", '"del\\u007f"'],
    ["Zoë", '"Zoë"'],
  ])("%j -> %s", (input, output) => expect(tomlString(input)).toBe(output));

  it("reads back exactly in TOML 1.0", () => {
    fc.assert(
      fc.property(samples, (value) => {
        expect(parseToml(`key = ${tomlString(value)}\n`)).toEqual({ key: value });
      }),
      { numRuns: 2000 },
    );
  });
});

describe.skipIf(!systemPython())(`Python's parsers (PyYAML, tomllib) ${systemPython() ? "" : NO_PYTHON}`, () => {
  it("read the same 2,000 values back exactly", () => {
    const values = fc.sample(samples, { numRuns: 2000, seed: 42 });
    const yaml = values.map((v) => `- ${yamlString(v)}`).join("\n");
    const toml = values.map((v, i) => `k${i} = ${tomlString(v)}`).join("\n");
    const script = `
import json, sys, tomllib, yaml
data = json.load(sys.stdin)
expected = data["values"]
assert yaml.safe_load(data["yaml"]) == expected, "yaml"
parsed = tomllib.loads(data["toml"])
assert [parsed[f"k{i}"] for i in range(len(expected))] == expected, "toml"
print("ok", len(expected))
`;
    const result = spawnSync(systemPython() as string, ["-c", script], {
      input: JSON.stringify({ values, yaml, toml }),
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("ok 2000");
  });
});
