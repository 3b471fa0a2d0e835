/**
 * Paths on Windows, with no Windows machine at hand: every path the one confinement check accepts stays inside the
 * target under path.win32's rules too (backslashes, drive letters, drive-relative and UNC paths), reserved device
 * names are refused in any case and with any extension, and names that differ only in case are one file there.
 */
import { posix, win32 } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confinementProblem } from "../src/core/confine.js";
import { GenerateError } from "../src/core/errors.js";
import { checkPathSegment } from "../src/core/names.js";
import { planFiles } from "../src/core/plan.js";
import { relativeWithSlashes, whereOf } from "../src/io/root.js";
import { DEFAULT_ANSWERS } from "./support/answers.js";

const WIN_ROOT = "C:\\Users\\ada\\my-service";
const POSIX_ROOT = "/home/ada/my-service";

/** Where Windows would put `path` under the root: inside it, or not. */
const insideOnWindows = (path: string): boolean => {
  const relative = win32.relative(WIN_ROOT, win32.resolve(WIN_ROOT, path));
  return relative !== "" && relative !== ".." && !relative.startsWith("..\\") && !win32.isAbsolute(relative);
};
const insideOnPosix = (path: string): boolean => {
  const relative = posix.relative(POSIX_ROOT, posix.resolve(POSIX_ROOT, path));
  return relative !== "" && relative !== ".." && !relative.startsWith("../") && !posix.isAbsolute(relative);
};

describe("paths on Windows", () => {
  it.each([
    ["..\\outside.md", /backslash|not a name/],
    ["spec\\..\\..\\outside.md", /backslash/],
    ["C:\\Windows\\System32\\x.dll", /absolute/],
    ["C:outside.md", /absolute/],
    ["c:/outside.md", /absolute/],
    ["\\\\server\\share\\x.md", /backslash/],
    ["//server/share/x.md", /absolute/],
    ["/etc/passwd", /absolute/],
    ["spec/../../outside.md", /not a name/],
    ["CON", /device name/],
    ["con.txt", /device name/],
    ["spec/NUL/x.md", /device name/],
    ["Aux.md", /device name/],
    ["COM1.log", /device name/],
    ["lpt9", /device name/],
    ["CONIN$", /device name/],
    ["com¹.txt", /device name/],
    ["notes.md:hidden", /Windows does not allow/],
    ["what?.md", /Windows does not allow/],
    ["trailing.", /dot or space/],
    ["trailing ", /dot or space/],
    ["spec/plan./x.md", /dot or space/],
    [".GIT/hooks/pre-commit", /git's own files/],
    ["git~1/config", /git's own files/],
  ])("%j is refused (%s)", (path, reason) => {
    expect(confinementProblem(path)).toMatch(reason);
    if (!path.includes("/") && !path.includes("\\")) expect(checkPathSegment(path)).toBeDefined();
  });

  it.each([
    "spec/plan/export-csv.md",
    ".github/agents/backend-engineer.agent.md",
    "console.md",
    "CONFIG.md",
    "com10.txt",
    "nul-results.md",
    "auxiliary/x.md",
  ])("%j is a name every OS holds, inside the target on Windows and POSIX", (path) => {
    expect(confinementProblem(path)).toBeUndefined();
    expect(insideOnWindows(path)).toBe(true);
    expect(insideOnPosix(path)).toBe(true);
  });

  it("whatever it accepts stays inside the target under path.win32 and path.posix (5,000 paths of separators, drives, dots and names)", () => {
    const pieces = fc.constantFrom(
      "a",
      "B",
      "..",
      ".",
      "/",
      "\\",
      ":",
      "C:",
      "c",
      "~",
      "$",
      " ",
      "con",
      "UNC",
      "?",
      "//",
      "\\\\",
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 8 }), (parts) => {
        const path = parts.join("");
        if (confinementProblem(path) !== undefined) return;
        expect(insideOnWindows(path), path).toBe(true);
        expect(insideOnPosix(path), path).toBe(true);
        // Windows reads each segment without its trailing dots and spaces: none of them is a device there either.
        for (const segment of path.split("/"))
          expect(checkPathSegment(segment.replace(/[. ]+$/, "") || "x")).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["README.md", "readme.md"],
    ["spec/plan/Export.md", "spec/plan/export.md"],
    ["Spec/plan/x.md", "spec/plan/x.md"],
  ])("a plan that writes %j and %j is refused: one file on Windows and macOS", (a, b) => {
    const rendered = [
      { path: a, contents: "a\n" },
      { path: b, contents: "b\n" },
    ];
    expect(() => planFiles(rendered, DEFAULT_ANSWERS, "0.0.0", "acme")).toThrow(GenerateError);
    expect(() => planFiles(rendered, DEFAULT_ANSWERS, "0.0.0", "acme")).toThrow(/differing only in case/);
  });

  it("names a repository above the current folder with / under path.win32's rules too", () => {
    expect(whereOf("C:\\work\\svc\\spec\\plan", "C:\\work\\svc", win32)).toBe("the repository at ../..");
    expect(whereOf("C:\\work\\svc", "C:\\work\\svc", win32)).toBe("the current folder");
  });

  it.each([
    ["C:\\work\\svc", "C:\\work\\svc\\spec\\plan", "spec/plan"],
    ["C:\\work\\svc\\spec\\plan", "C:\\work\\svc", "../.."],
    ["C:\\work\\svc", "C:\\work\\svc", ""],
    // Across drives there is no relative path: the other drive's, with /, which path.win32 still takes as absolute.
    ["C:\\work\\svc", "D:\\packs\\team", "D:/packs/team"],
  ])("makes %j to %j relative with / under path.win32's rules: %j", (from, to, shown) => {
    expect(relativeWithSlashes(from, to, win32)).toBe(shown);
  });

  it("makes a path relative with / under POSIX rules, as the host's", () => {
    expect(relativeWithSlashes("/work/svc", "/work/svc/spec/plan")).toBe("spec/plan");
    expect(relativeWithSlashes("/work/svc/spec", "/work/pack")).toBe("../../pack");
    expect(relativeWithSlashes("/work/svc", "/work/svc")).toBe("");
  });
});
