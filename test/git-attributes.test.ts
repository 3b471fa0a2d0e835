/**
 * A repository is untrusted input: `.gitattributes` as a hostile owner could write it costs bounded time and
 * stack. The agreement with git itself is in line-endings.test.ts (git check-attr, row by row).
 */
import { describe, expect, it } from "vitest";
import { attributesFor } from "../src/core/git-attributes.js";

const root = (text: string) => [{ folder: "", text }];

describe("attributesFor on hostile input", () => {
  it("follows a chain of 100,000 macros to its end without overflowing the stack", () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => `[attr]m${i} m${i + 1}`);
    const text = [...chain, "[attr]m100000 eol=crlf", "* m0"].join("\n");
    expect(attributesFor(root(text), "a.md").get("eol")).toBe("crlf");
  });

  it("ends a cycle of macros, each attribute decided once, as attr.c does", () => {
    const attributes = attributesFor(root("[attr]a b eol=crlf\n[attr]b a eol=lf\n* a"), "x.md");
    expect([...attributes]).toEqual([
      ["a", true],
      ["eol", "crlf"],
      ["b", true],
    ]);
  });

  it("gives up on a pattern that backtracks exponentially (git would still be matching it), not on the others", () => {
    const name = `${"a".repeat(60)}.md`;
    const text = `${"*a".repeat(1000)}*b eol=lf\n${"*a".repeat(30)}* eol=crlf\n`.repeat(200);
    expect(attributesFor(root(text), name).get("eol")).toBe("crlf");
  });

  it("counts a last line's CR toward attr.c's 2,048 bytes, and drops CRLF's (git check-attr says so)", () => {
    const line = "long.md eol=crlf".padEnd(2047, " ");
    expect(attributesFor(root(`* eol=lf\n${line}\r`), "long.md").get("eol")).toBe("lf");
    expect(attributesFor(root(`* eol=lf\n${line}\r\n`), "long.md").get("eol")).toBe("crlf");
  });
});
