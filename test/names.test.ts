import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkLicense } from "../src/core/license.js";
import {
  checkFolderName,
  checkOneLine,
  checkPackageName,
  checkPathSegment,
  checkProjectName,
  checkPythonVersion,
  normalizeName,
  packageFromName,
  shadowedModule,
} from "../src/core/names.js";
import { declaredPython, namesFromPyproject } from "../src/core/pyproject.js";
import { declaredPythonDefault, declaredPythonNote } from "../src/core/python.js";

describe("project names (PEP 508)", () => {
  it.each([
    ["my-service", undefined],
    ["My.Service_2", undefined],
    ["a", undefined],
    ["1password", undefined],
  ])("accepts %s", (name, expected) => {
    expect(checkProjectName(name)).toBe(expected);
  });

  it.each([
    ["", /empty/],
    ["-lead", /not a valid Python distribution name/],
    ["trail-", /not a valid Python distribution name/],
    ["has space", /not a valid Python distribution name/],
    ["a/b", /path separator/],
    ["a\\b", /path separator/],
    ["..", /not a name/],
    ["CON", /device name/],
    ["aux.txt", /device name/],
    ["nul.tar.gz", /device name/],
    ["ünï", /not a valid Python distribution name/],
  ])("refuses %j", (name, reason) => {
    expect(checkProjectName(name)).toMatch(reason);
  });
});

describe("import packages", () => {
  it.each([
    ["my-service", "my_service"],
    ["My.Service__2", "my_service_2"],
    ["a--b..c", "a_b_c"],
    ["1password", "1password"],
  ])("%s gives %s", (name, pkg) => {
    expect(packageFromName(name)).toBe(pkg);
  });

  it("normalizes like PEP 503", () => {
    expect(normalizeName("Foo._-Bar")).toBe("foo-bar");
  });

  it.each([
    ["my_service", undefined],
    ["_private", undefined],
    ["class", /Python keyword/],
    ["import", /Python keyword/],
    ["1password", /not a lower-case ASCII identifier/],
    ["My_Service", /not a lower-case ASCII identifier/],
    ["Foo", /not a lower-case ASCII identifier: use a-z, 0-9 and _/],
    ["café", /not a lower-case ASCII identifier: use a-z, 0-9 and _/],
    ["a-b", /not a lower-case ASCII identifier/],
    ["con", /device name/],
    ["", /empty/],
  ])("%j -> %s", (pkg, reason) => {
    const result = checkPackageName(pkg);
    if (reason === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(reason);
  });

  it.each([
    ["json", "3.13", /standard-library module of Python 3.13/],
    ["test", "3.10", /standard-library module/],
    ["tomllib", "3.11", /standard-library module/],
    ["tomllib", "3.10", undefined],
    ["distutils", "3.11", /standard-library module/],
    ["distutils", "3.12", undefined],
    ["telnetlib", "3.12", /standard-library module/],
    ["telnetlib", "3.13", undefined],
    ["annotationlib", "3.13", undefined],
    ["annotationlib", "3.14", /standard-library module/],
    ["pytest", "3.13", /dev tool/],
    ["ruff", "3.13", /dev tool/],
    ["mypy", "3.13", /dev tool/],
    ["my_service", "3.13", undefined],
  ])("warns that %s hides a module in Python %s", (pkg, python, warning) => {
    const result = shadowedModule(pkg, python);
    if (warning === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(warning);
  });
});

describe("case without case-insensitive regexes", () => {
  // The rules as first written, with the `i` flag: the faster forms must agree with them on any text.
  const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
  const distribution = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.stringMatching(
      /^([cC][oO][nN]|[pP][rR][nN]|[aA][uU][xX]|[nN][uU][lL]|[cC][oO][mM][0-9¹²³]|[lL][pP][tT][0-9¹²³])(\..{0,3})?$/,
    ),
    fc.constantFrom("\u212Aon", "İ", "COM¹", "Lpt3.txt", "ſ", "K", "CONIN$", "conout$.txt", "CONIN"),
  );

  it("finds Windows device names as the case-insensitive rule does (2,000 runs)", () => {
    fc.assert(
      fc.property(text, (segment) => {
        expect(/device name/.test(checkPathSegment(segment) ?? "")).toBe(
          reserved.test(segment) &&
            !/[/\\<>:"|?*\u0000-\u001f]|[. ]$/.test(segment) &&
            segment !== "." &&
            segment !== "..",
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the distribution names the case-insensitive rule takes (2,000 runs)", () => {
    fc.assert(
      fc.property(text, (name) => {
        expect(/not a valid Python distribution name/.test(checkProjectName(name) ?? "")).toBe(
          name !== "" && checkPathSegment(name) === undefined && !distribution.test(name),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("path segments without a regular expression where a string test says the same", () => {
  /** checkPathSegment as it was, each rule a regular expression: the reference. */
  const byExpressions = (segment: string): string | undefined => {
    if (segment === "") return "empty";
    if (Buffer.byteLength(segment) > 255) return "long";
    if (segment === "." || segment === "..") return "dots";
    if (/[/\\]/.test(segment)) return "separator";
    if (/[<>:"|?*\u0000-\u001f]/.test(segment)) return "forbidden";
    if (/[. ]$/.test(segment)) return "end";
    if (
      /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(\..*)?$/.test(
        segment.toLowerCase(),
      )
    )
      return "device";
    return undefined;
  };
  const kind = (message: string | undefined): string | undefined =>
    message === undefined
      ? undefined
      : (
          [
            ["is empty", "empty"],
            ["longer than 255", "long"],
            ["is not a name", "dots"],
            ["path separator", "separator"],
            ["does not allow", "forbidden"],
            ["dot or space", "end"],
            ["device name", "device"],
          ] as const
        ).find(([words]) => message.includes(words))?.[1];

  it("judges any name as the expressions did (2,000 runs)", () => {
    const piece = fc.constantFrom(
      "con",
      "CON",
      "Lpt",
      "com\u00b9",
      "conin$",
      "conout$",
      "nul",
      "a",
      ".",
      " ",
      "/",
      "\\",
      ":",
      "\u0001",
      "x.txt",
      "",
    );
    const name = fc.oneof(
      fc.string({ unit: "binary", maxLength: 10 }),
      fc.array(piece, { maxLength: 4 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(name, (segment) => {
        expect(kind(checkPathSegment(segment))).toBe(byExpressions(segment));
      }),
      { numRuns: 2000 },
    );
  });

  it("runs one regular expression on a plain name (V8 compiles one to machine code on its second run)", () => {
    const test = vi.spyOn(RegExp.prototype, "test");
    const exec = vi.spyOn(RegExp.prototype, "exec");
    try {
      expect(checkPathSegment("export-csv.md")).toBeUndefined();
      expect(test.mock.calls.length + exec.mock.calls.length).toBe(1);
    } finally {
      test.mockRestore();
      exec.mockRestore();
    }
  });
});

describe("folders and path segments", () => {
  it.each([
    ["my-service", undefined],
    [".hidden", undefined],
    ["-rf", /reads as an option/],
    ["a:b", /Windows does not allow/],
    ["what?", /Windows does not allow/],
    ["trailing.", /ends with a dot/],
    ["trailing ", /ends with a dot or space/],
    ["x".repeat(256), /longer than 255 bytes/],
    ["é".repeat(128), /longer than 255 bytes/],
    ["x".repeat(255), undefined],
    ["LPT1", /device name/],
    ["com¹", /device name/],
    ["CONIN$", /device name/],
    ["conout$", /device name/],
    ["CONOUT$.log", /device name/],
    ["CONIN", undefined],
    [".", /not a name/],
  ])("folder %j", (name, reason) => {
    const result = checkFolderName(name);
    if (reason === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(reason);
  });

  it("refuses control characters in a segment", () => {
    expect(checkPathSegment("a\u0001b")).toMatch(/Windows does not allow/);
  });
});

describe("python versions", () => {
  it.each(["3.10", "3.13", "3.14", "3.15", "3.16"])("accepts %s", (v) => expect(checkPythonVersion(v)).toBeUndefined());
  it.each(["3", "3.9", "2.7", "3.9.1", "py3.13", "", "3.x", "3.17", "3.99", "3.010"])("refuses %j", (v) =>
    expect(checkPythonVersion(v)).toMatch(/not one of 3\.10 to 3\.16 \(released, or in development\)/),
  );
  it.each([
    ["3.13.1", "3.13"],
    ["3.12.0rc1", undefined],
    ["python3.11", "3.11"],
    ["3.10.14", "3.10"],
  ])("a full version %j names the minor it meant: %s", (v, meant) =>
    expect(checkPythonVersion(v)).toBe(
      meant
        ? `Python version "${v}" is not one of 3.10 to 3.16 (did you mean ${meant}?)`
        : `Python version "${v}" is not one of 3.10 to 3.16 (released, or in development)`,
    ),
  );
});

describe("the Python offered in a project that exists", () => {
  const declared = (requires: string | undefined, versionFile = false) =>
    declaredPython(
      requires === undefined ? "[project]\n" : `[project]\nrequires-python = ${JSON.stringify(requires)}\n`,
      new Set(versionFile ? [".python-version"] : []),
    );
  it.each([
    [
      ">=3.8",
      "3.10",
      'for CI: the project\'s requires-python ">=3.8" starts below 3.10, the oldest supported; the rules keep its own',
    ],
    [
      ">= 3.9, <4",
      "3.10",
      'for CI: the project\'s requires-python ">= 3.9, <4" starts below 3.10, the oldest supported; the rules keep its own',
    ],
    [">=3.11", "3.11", 'for CI: the project\'s requires-python ">=3.11"'],
    ["~=3.12", "3.12", 'for CI: the project\'s requires-python "~=3.12"'],
    // The lowest it admits: >3 is >3.0.0, so 3.0 and on (it was 3.13 before the requirement was read whole).
    [
      ">3",
      "3.10",
      'for CI: the project\'s requires-python ">3" starts below 3.10, the oldest supported; the rules keep its own',
    ],
    // An upper bound and exclusions are read: the lowest supported Python the project admits.
    [
      ">=3.8,<3.12",
      "3.10",
      'for CI: the project\'s requires-python ">=3.8,<3.12" starts below 3.10, the oldest supported; the rules keep its own',
    ],
    [">=3.10,!=3.10.*", "3.11", 'for CI: the project\'s requires-python ">=3.10,!=3.10.*"'],
    [undefined, "3.13", "for CI: the project declares no requires-python"],
    // Printed at a terminal: a requirement that is not plain text is not quoted.
    [
      ">=3.8\u001b[2J",
      "3.10",
      "for CI: the project's requires-python starts below 3.10, the oldest supported; the rules keep its own",
    ],
  ])("requires-python %j: offers %s and says %j", (requires, offered, note) => {
    expect(declaredPythonDefault(declared(requires), "3.13")).toBe(offered);
    expect(declaredPythonNote(declared(requires))).toBe(note);
  });
  it("reads Poetry's python requirement, and whether the project keeps a .python-version", () => {
    const poetry = declaredPython('[tool.poetry.dependencies]\npython = "^3.9"\n', new Set([".python-version"]));
    expect(poetry).toEqual({
      requires: "^3.9",
      lowest: "3.9",
      admitted: [10, 11, 12, 13, 14, 15, 16],
      versionFile: true,
    });
    expect(namesFromPyproject('[tool.poetry.dependencies]\npython = "^3.11"\n').python).toBe("3.11");
  });
});

describe("one-line text", () => {
  it.each([
    ['Ships "fast": it\'s <safe> & {{not}} a #template', undefined],
    ["Zoë O'Brien & Co", undefined],
    ["emoji 🚀 and 中文", undefined],
    ["", undefined],
  ])("accepts %j", (value, expected) => {
    expect(checkOneLine("author", value, { required: false })).toBe(expected);
  });

  it.each([
    ["two\nlines", /one line/],
    ["tab\there", /one line/],
    ["nel\u0085", /one line/],
    ["ls\u2028", /one line/],
    ["del\u007f", /one line/],
    ["lone \ud800", /broken character/],
    ["x".repeat(1001), /longer than/],
  ])("refuses %#", (value, reason) => {
    expect(checkOneLine("description", value, { required: false })).toMatch(reason);
  });

  it("refuses an empty required value", () => {
    expect(checkOneLine("description", "  ", { required: true })).toMatch(/empty/);
  });
});

describe("checkLicense", () => {
  it.each([
    ["Proprietary", undefined],
    ["MIT", undefined],
    ["Apache-2.0", undefined],
    ["none", undefined],
    ["mit", '"mit" is not a licence we write (did you mean MIT?): use Proprietary, MIT, Apache-2.0, none'],
    ["Apache2.0", "(did you mean Apache-2.0?)"],
    ["Propietary", "(did you mean Proprietary?)"],
    ["GPL-3.0-only", '"GPL-3.0-only" is not a licence we write: use Proprietary, MIT, Apache-2.0, none'],
    ["", '"" is not a licence we write'],
  ])("%j: %s", (value, message) => {
    const problem = checkLicense(value);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(message);
  });
});
