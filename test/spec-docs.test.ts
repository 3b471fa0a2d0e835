/** Plans, tasks and notes from their templates (issue 13): slugs, numbers, headings, the plan's task list. */

import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkPathSegment } from "../src/core/names.js";
import { SLUG_MAX, slugify } from "../src/core/slug.js";
import { fillTemplate, listTask, nextTaskNumber, planTitle } from "../src/core/spec-docs.js";

describe("slugify", () => {
  it.each([
    ["Export reports as CSV", "export-reports-as-csv"],
    ["../../x", "x"],
    ["Ünïcode: title!", "unicode-title"],
    ["Straße & Œuvre", "strasse-oeuvre"],
    ["", ""],
    ["日本語", ""],
    ["a/b\\c", "a-b-c"],
    ["  --spaced--  ", "spaced"],
    ["x".repeat(300), "x".repeat(SLUG_MAX)],
    [`${"word ".repeat(30)}`, "word-".repeat(12).slice(0, -1)],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("never leaves spec/<kind>/: 2,000 random titles", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string()), (title) => {
        const slug = slugify(title);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        if (slug === "") return;
        const path = posix.join("spec/plan", `${slug}.md`);
        expect(posix.dirname(path)).toBe("spec/plan");
        expect(posix.normalize(path)).toBe(path);
        expect(checkPathSegment(`${slug}.md`) ?? "").not.toMatch(/separator|not a name/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("slugify without needless global replaces", () => {
  /** slugify as it was: the reference. */
  const byReplaces = (title: string): string => {
    const folds: Record<string, string> = {
      ß: "ss",
      æ: "ae",
      œ: "oe",
      ø: "o",
      đ: "d",
      ð: "d",
      ł: "l",
      þ: "th",
      ı: "i",
    };
    const slug = title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^\u0000-\u007f]/g, (char) => folds[char] ?? (/\p{M}/u.test(char) ? "" : " "))
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (slug.length <= SLUG_MAX) return slug;
    const cut = slug.slice(0, SLUG_MAX);
    const lastHyphen = cut.lastIndexOf("-");
    return (lastHyphen > SLUG_MAX / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
  };

  it("gives the slugs the replaces gave: 2,000 random titles", () => {
    const piece = fc.constantFrom("-", " ", "a", "Z", "9", "ß", "é", "\u0301", "日", "--", "/", "Œ");
    const title = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(piece, { maxLength: 80 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(title, (text) => {
        expect(slugify(text)).toBe(byReplaces(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("runs one global replace for an ASCII title (V8 compiles a global replace's expression to machine code at once)", () => {
    const replace = vi.spyOn(String.prototype, "replace");
    try {
      expect(slugify("-Export CSV-")).toBe("export-csv");
      expect(replace.mock.calls.filter(([pattern]) => pattern instanceof RegExp && pattern.global)).toHaveLength(1);
    } finally {
      replace.mockRestore();
    }
  });
});

describe("task numbers", () => {
  it.each([
    [[], "001"],
    [["001-a.md", "README.md", "TEMPLATE.md"], "002"],
    [["001-a.md", "007-b.md", "003-c.md"], "008"],
    [["999-z.md"], "1000"],
    [["12-x.md", "notes.md"], "013"],
    [["0010-a.md", "9-b.md", "000-c.md"], "011"],
    [["000-a.md"], "001"],
    [["99-a.md", "100-b.md", "0099-c.md"], "101"],
  ])("after %j: %s", (names, next) => {
    expect(nextTaskNumber(names)).toBe(next);
  });

  it("is one past the highest as numbers, whatever the zeros and lengths: 1,000 random folders", () => {
    const name = fc.tuple(fc.stringMatching(/^\d{1,20}$/), fc.constantFrom("-a.md", "-b.md", ".md", "-x.txt"));
    fc.assert(
      fc.property(fc.array(name.map(([digits, tail]) => digits + tail)), (names) => {
        const numbers = names.flatMap((n) => (/^(\d+)-[^/]*\.md$/.exec(n)?.[1] ?? []) as string[]).map(BigInt);
        let highest = 0n;
        for (const n of numbers) if (n > highest) highest = n;
        expect(nextTaskNumber(names)).toBe(String(highest + 1n).padStart(3, "0"));
      }),
      { numRuns: 1000 },
    );
  });
});

const TEMPLATE = [
  "# NNN: Task title",
  "",
  "> Copy this file to `spec/task/NNN-slug.md` and replace every placeholder.",
  "",
  "- **Status**: todo | in progress | done",
  "- **Plan**: the plan section, e.g. `[Plan](../plan/x.md)`",
  "- **Depends on**: e.g. `001-parse-input`, or none",
  "",
  "## Goal",
  "",
].join("\n");

describe("documents from templates", () => {
  it("gives a task its heading, status, plan link and no dependency, without the copy-me note", () => {
    const text = fillTemplate(TEMPLATE, {
      kind: "task",
      title: "Parse [the] input",
      number: "004",
      plan: { slug: "export-csv", title: "Export CSV" },
    });
    expect(text).toBe(
      [
        "# 004: Parse [the] input",
        "",
        "- **Status**: todo",
        "- **Plan**: [Plan: Export CSV](../plan/export-csv.md)",
        "- **Depends on**: none",
        "",
        "## Goal",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["plan", "# Plan: Feature title\n\nbody\n", "# Plan: Ünï & <co>\n\nbody\n"],
    ["context", "# Context: Topic\n", "# Context: Ünï & <co>\n"],
    ["context", "no heading\n", "# Context: Ünï & <co>\n\nno heading\n"],
  ] as const)("a %s keeps the title as typed", (kind, template, expected) => {
    expect(fillTemplate(template, { kind, title: "Ünï & <co>" })).toBe(expected);
  });

  /** fillTemplate as it was, every line through the regular expressions: the reference the prefixes must equal. */
  const byExpressions = (template: string, doc: Parameters<typeof fillTemplate>[1]): string => {
    const lines = template.split("\n");
    const out: string[] = [];
    let headed = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (!headed && line.startsWith("# ")) {
        out.push(
          `# ${doc.kind === "plan" ? "Plan: " : doc.kind === "task" ? `${doc.number}: ` : "Context: "}${doc.title}`,
        );
        headed = true;
      } else if (/^> Copy this file\b/.test(line)) {
        if (lines[i + 1] === "") i++;
      } else if (/^- \*\*Status\*\*: [^|]+ \| /.test(line)) out.push(line.split(" | ")[0] as string);
      else if (doc.kind === "task" && /^- \*\*Depends on\*\*:/.test(line)) out.push("- **Depends on**: none");
      else if (doc.plan && /^- \*\*Plan\*\*:/.test(line))
        out.push(`- **Plan**: [Plan: ${doc.plan.title}](../plan/${doc.plan.slug}.md)`);
      else out.push(line);
    }
    if (!headed) throw new Error("every template here has a heading");
    return out.join("\n");
  };

  it("reads each line as the regular expressions did", () => {
    const pieces = [
      "# ",
      "> Copy this file",
      "> Copy this files",
      "> Copy this file.",
      "- **Status**: ",
      "todo | doing | done",
      " | ",
      "|",
      "- **Depends on**:",
      "- **Plan**:",
      "- **Plan**: x",
      "a",
      "_",
      "\u00e9",
      " ",
      "",
    ];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((parts) => parts.join(""));
    const template = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => ["# H", ...lines].join("\n"));
    fc.assert(
      fc.property(template, fc.constantFrom("plan", "task", "context"), (text, kind) => {
        const doc = { kind, title: "T", number: "007", plan: kind === "task" ? { slug: "p", title: "P" } : undefined };
        expect(fillTemplate(text, doc)).toBe(byExpressions(text, doc));
      }),
    );
  });

  it("runs no regular expression on a line that cannot match it (V8 compiles one to machine code on its second run)", () => {
    const template = ["# H", ...Array.from({ length: 40 }, (_, i) => `line ${i}`), "- **Status**: todo | done"].join(
      "\n",
    );
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      fillTemplate(template, { kind: "plan", title: "T" });
      expect(test).toHaveBeenCalledTimes(1);
    } finally {
      test.mockRestore();
    }
  });

  it("reads a plan's title from its heading", () => {
    expect(planTitle("# Plan: Export CSV\n", "x")).toBe("Export CSV");
    expect(planTitle("no heading", "fallback")).toBe("fallback");
  });

  it.each([
    [
      "a Tasks section with prose",
      "# P\n\n## Tasks\n\nListed here.\n",
      "# P\n\n## Tasks\n\nListed here.\n\n- [002 T](../task/002-t.md)\n",
    ],
    [
      "a list already",
      "## Tasks\n\n- [001 A](../task/001-a.md)\n\n## Next\n",
      "## Tasks\n\n- [001 A](../task/001-a.md)\n- [002 T](../task/002-t.md)\n\n## Next\n",
    ],
    ["an empty section", "## Tasks\n## Next\n", "## Tasks\n\n- [002 T](../task/002-t.md)\n## Next\n"],
    ["no section", "# P\n", "# P\n\n## Tasks\n\n- [002 T](../task/002-t.md)\n"],
  ])("lists the task in %s", (_label, plan, expected) => {
    expect(listTask(plan, { number: "002", title: "T", file: "002-t.md" })).toBe(expected);
  });
});
