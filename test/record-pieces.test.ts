/**
 * The record (.spec-agent.json) is written in pieces (core/manifest.ts, serializedInPieces): its bytes must be those
 * of the one JSON.stringify it replaced, on any record: keys that JavaScript orders first (array indices), `__proto__`,
 * `{{` anywhere, quotes, control characters, lone surrogates; and its pieces, encoded one by one, the text's UTF-8.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializedInPieces } from "../src/core/manifest.js";
import { fileInPieces, textPieces } from "../src/core/planned-file.js";

/** The record's text as it was made before the pieces: the reference. */
const asBefore = (manifest: object): string =>
  `${JSON.stringify(manifest, null, 2).replaceAll("{{", "\\u007b\\u007b")}\n`;

const unit = fc.oneof(
  fc.constantFrom("{", "{{", "}", '"', "\\", "\n", "\r", "\t", "\u0000", "\u007f", "é", "→", "😀", "\ud800", "\udfff"),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const text = fc.array(unit, { maxLength: 24 }).map((units) => units.join(""));
const key = fc.oneof(
  text,
  fc.constantFrom("0", "1", "10", "02", "4294967294", "4294967295", "-1", "__proto__", "files"),
);

const manifest = fc.record({
  generator: fc.constant("create-spec-agent"),
  format: fc.constant(2),
  version: text,
  template: text,
  answers: fc.record({ name: text, description: text, agents: fc.array(text, { maxLength: 3 }) }),
  theirs: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
  files: fc.array(fc.tuple(key, text), { maxLength: 12 }).map((entries) => Object.fromEntries(entries)),
});

describe("serializedInPieces", () => {
  it("joins to the bytes JSON.stringify gave the record, and its pieces encode to the text's UTF-8", () => {
    fc.assert(
      fc.property(manifest, (record) => {
        const pieces = serializedInPieces(record);
        const joined = pieces.join("");
        expect(joined).toBe(asBefore(record));
        expect(Buffer.concat(pieces.map((piece) => Buffer.from(piece))).equals(Buffer.from(joined))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes a record without files as JSON.stringify does", () => {
    const record = { generator: "create-spec-agent", answers: { name: "{{x}}" }, files: {} };
    expect(serializedInPieces(record).join("")).toBe(asBefore(record));
  });
});

describe("fileInPieces", () => {
  it("reads as its joined text, and a copy with other contents is a plain file", () => {
    const file = fileInPieces(".spec-agent.json", ["{", '"a": 1', "}\n"]);
    expect(file).toEqual({ path: ".spec-agent.json", contents: '{"a": 1}\n', mode: 0o644 });
    expect(textPieces(file)).toEqual(["{", '"a": 1', "}\n"]);
    const copy = { ...file, contents: "other" };
    expect(textPieces(copy)).toEqual(["other"]);
  });
});
