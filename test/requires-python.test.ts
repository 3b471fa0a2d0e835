import { describe, expect, it } from "vitest";
import { admittedMinors, declaredRange } from "../src/core/requires-python.js";

/**
 * The supported minors (3.10 to 3.16) whose newest patch each requirement admits. The PEP 440 rows are what
 * Python's own `packaging` 25 answers (`f"3.{m}.99" in SpecifierSet(spec)`); the Poetry rows follow
 * poetry-core's documented ^ and ~ (`^3.9` is >=3.9,<4.0, `~3.9` is >=3.9,<3.10).
 */
const PEP_440: [string, number[]][] = [
  [">=3.8,<3.10", []],
  [">=3.8", [10, 11, 12, 13, 14, 15, 16]],
  [">=3.10", [10, 11, 12, 13, 14, 15, 16]],
  [">= 3.9, < 3.12", [10, 11]],
  ["~=3.9.0", []],
  ["~=3.9", [10, 11, 12, 13, 14, 15, 16]],
  ["~=3.11", [11, 12, 13, 14, 15, 16]],
  ["==3.9.*", []],
  ["==3.11.*", [11]],
  [">=3.9,!=3.11.*", [10, 12, 13, 14, 15, 16]],
  ["<=3.10", []],
  ["<=3.11,>=3.10", [10]],
  ["==3.10", []],
  [">3.10", [10, 11, 12, 13, 14, 15, 16]],
  [">3.10.0,<3.13", [10, 11, 12]],
  [">=3.10.5", [10, 11, 12, 13, 14, 15, 16]],
  ["<3.10.2", []],
  [">=3.8,<4", [10, 11, 12, 13, 14, 15, 16]],
  ["!=3.12.*", [10, 11, 13, 14, 15, 16]],
  [">=3.11,<3.11", []],
  [">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*", [10, 11, 12, 13, 14, 15, 16]],
  ["===3.12", []],
];

const POETRY: [string, number[]][] = [
  ["^3.9", [10, 11, 12, 13, 14, 15, 16]],
  ["^3.9,<3.11", [10]],
  ["^3.9, <3.11", [10]],
  [">=3.8 <3.11", [10]],
  ["~3.9", []],
  ["~3.10", [10]],
  ["~3.10.2", [10]],
  ["~3", [10, 11, 12, 13, 14, 15, 16]],
  ["3.11.*", [11]],
  ["*", [10, 11, 12, 13, 14, 15, 16]],
  [">=3.8,<3.9 || >=3.12", [12, 13, 14, 15, 16]],
  ["^3.8 || ^4.0", [10, 11, 12, 13, 14, 15, 16]],
];

describe("admittedMinors", () => {
  it.each([...PEP_440, ...POETRY])("%s admits 3.%j", (spec, minors) => {
    expect(admittedMinors(spec, 10, 16)).toEqual(minors);
  });

  it.each([">=3.10rc1", ">=3.10.post1", ">=3.10; python_version", "~=3", ">3.*", "", "latest"])(
    "%j is not read: the caller says so rather than guess",
    (spec) => {
      expect(admittedMinors(spec, 10, 16)).toBeUndefined();
    },
  );
});

describe("declaredRange", () => {
  it.each<[string | undefined, { lowest: string; newest: string | undefined } | undefined]>([
    [">=3.8,<3.10", { lowest: "3.8", newest: "3.9" }],
    [">=3.8", { lowest: "3.8", newest: undefined }],
    ["~=3.9.0", { lowest: "3.9", newest: "3.9" }],
    ["==3.9.*", { lowest: "3.9", newest: "3.9" }],
    ["^3.9,<3.11", { lowest: "3.9", newest: "3.10" }],
    ["^3.9", { lowest: "3.9", newest: undefined }],
    [">=3.8,<4", { lowest: "3.8", newest: undefined }],
    [">=3.11,<3.11", undefined],
    [undefined, undefined],
    [">=3.10rc1", undefined],
    // No floor in Python 3: it admits a Python 2.
    ["<4", undefined],
    [">=2.7,!=3.0.*,!=3.1.*", undefined],
    [">3", { lowest: "3.0", newest: undefined }],
  ])("%j: %j", (spec, range) => {
    expect(declaredRange(spec)).toEqual(range);
  });
});
