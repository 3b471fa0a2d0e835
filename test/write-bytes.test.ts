/**
 * The writer encodes each new file's text once (write-order.ts, encodedNewFiles): the bytes it writes and the size
 * the journal records must be the UTF-8 Node writes for the text, on any text, lone surrogates and all.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILE_MODE, fileInPieces, type PlannedFile } from "../src/core/planned-file.js";
import { type FileSystem, realFileSystem } from "../src/io/fs.js";
import { type FileStatus, inspectTarget } from "../src/io/target/inspect.js";
import { RECORD } from "../src/io/target/journal-record.js";
import { encodedNewFiles } from "../src/io/target/write-order.js";
import { tempDir } from "./support/context.js";
import { writeLocked } from "./support/write.js";

/** Texts of every kind: ASCII, Latin-1, the BMP beyond it, astral pairs, lone surrogates of either half. */
const unit = fc.oneof(
  fc.constantFrom("a", "\n", '"', "{", "é", "\u00ff", "→", "—", "😀", "\ud800", "\udfff", "\u0000"),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.string({ unit: "binary", maxLength: 3 }),
);
const text = fc.array(unit, { maxLength: 60 }).map((units) => units.join(""));
const statuses: FileStatus[] = ["new", "identical", "differs"];

describe("encodedNewFiles", () => {
  it("gives each new file the UTF-8 Node writes for its text, and nothing for the others", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.constantFrom(...statuses)), { maxLength: 12 }), (plan) => {
        const entries = plan.map(([contents, status], i) => ({
          file: { path: `f${i}`, contents, mode: FILE_MODE },
          status,
        }));
        const encoded = encodedNewFiles(entries);
        expect(encoded.length).toBe(entries.length);
        for (const [i, { file, status }] of entries.entries()) {
          if (status !== "new") expect(encoded[i]).toBeUndefined();
          else expect(Buffer.from(encoded[i] as Uint8Array).equals(Buffer.from(file.contents, "utf8"))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("writePlan with texts beyond ASCII", () => {
  const hostile = [
    "",
    "plain\n",
    "café\u00ff",
    "a → b — c…",
    "😀 astral",
    "lone \ud800 high",
    "lone \udc00 low",
    "\ud83d",
  ];
  const plan: PlannedFile[] = [
    ...hostile.map((contents, i) => ({ path: `t/${i}.txt`, contents, mode: FILE_MODE })),
    // A text kept in pieces (the record's way) is written as its joined text.
    fileInPieces("t/pieces.json", ['{\n  "a": ', JSON.stringify("é → 😀 \ud800"), ',\n  "b": "plain"', "\n}\n"]),
  ];

  for (const made of [true, false])
    it(`writes the bytes Node writes for each text and records their size (${made ? "a folder it makes" : "a folder there"})`, async () => {
      const root = join(tempDir(), "target");
      if (!made) mkdirSync(root);
      let record: { createdRoot: boolean; created: { path: string; size: number }[] } | undefined;
      const fs: FileSystem = {
        ...realFileSystem,
        writeFileSync(path, data, options) {
          if (path.endsWith(RECORD)) record = JSON.parse(String(data));
          realFileSystem.writeFileSync(path, data, options);
        },
      };
      await writeLocked(fs, root, inspectTarget(realFileSystem, root, "target", plan));
      expect(record?.createdRoot).toBe(made);
      for (const file of plan) {
        const expected = Buffer.from(file.contents, "utf8");
        expect(readFileSync(join(root, file.path)).equals(expected), file.path).toBe(true);
        expect(record?.created.find((entry) => entry.path === file.path)?.size, file.path).toBe(expected.length);
      }
    });
});
