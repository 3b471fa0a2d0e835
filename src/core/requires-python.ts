/**
 * Which Pythons a project's `requires-python` admits: PEP 440 specifiers (`,`-separated clauses of `==`, `!=`,
 * `<`, `<=`, `>`, `>=`, `~=`, `===`, with `.*` wildcards) and Poetry's `python` requirement (`^`, `~`, a bare
 * version, `*`, `||` between alternatives, spaces between clauses).
 *
 * Written by hand rather than with @renovatebot/pep440, the maintained port of Python's `packaging`: it reads no
 * Poetry syntax (which pyproject files use for `python`), its current major declares no Node 20 and its previous
 * one no Node 26 (both in our engines), and the one question here (which `3.X` of a short list) needs release
 * numbers only: a specifier with anything else (pre-, post- or dev-releases, local versions) reads as unknown.
 */

/** Release numbers; `Infinity` stands for the newest patch of a minor, the one CI's setup and uv install. */
type Release = readonly number[];
type Clause = (version: Release) => boolean;

function compare(a: Release, b: Release): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const startsWith = (version: Release, prefix: Release): boolean => prefix.every((n, i) => (version[i] ?? 0) === n);

/** The release after `version` cut to `length` numbers: 3.9 cut to 1 is 4, 3.9.1 cut to 2 is 3.10. */
const nextAt = (version: Release, length: number): Release => [
  ...version.slice(0, length - 1),
  (version[length - 1] ?? 0) + 1,
];

const CLAUSE = /^(===|==|!=|<=|>=|~=|<|>|\^|~|=)?\s*v?(\d{1,4}(?:\.\d{1,4}){0,3})(\.\*)?$/;

function clause(source: string): Clause | undefined {
  if (source === "*") return () => true;
  const match = CLAUSE.exec(source);
  if (match === null) return undefined;
  const [, operator = "==", numbers = "", wildcard] = match;
  const v: Release = numbers.split(".").map(Number);
  if (wildcard !== undefined) {
    // PEP 440 allows `.*` after == and != only (Poetry also after a bare version).
    if (operator === "==" || operator === "=") return (c) => startsWith(c, v);
    if (operator === "!=") return (c) => !startsWith(c, v);
    return undefined;
  }
  switch (operator) {
    case "==":
    case "===":
    case "=":
      return (c) => compare(c, v) === 0;
    case "!=":
      return (c) => compare(c, v) !== 0;
    case "<":
      return (c) => compare(c, v) < 0;
    case "<=":
      return (c) => compare(c, v) <= 0;
    case ">":
      return (c) => compare(c, v) > 0;
    case ">=":
      return (c) => compare(c, v) >= 0;
    case "~=": {
      // PEP 440: ~=3.9.0 is >=3.9.0,==3.9.*; a single number is not allowed.
      if (v.length < 2) return undefined;
      const prefix = v.slice(0, -1);
      return (c) => compare(c, v) >= 0 && startsWith(c, prefix);
    }
    case "^": {
      // Poetry: up to the next change of the first number that is not zero (^3.9 is <4, ^0.2 is <0.3).
      const first = v.findIndex((n) => n !== 0);
      const upper = nextAt(v, first === -1 ? v.length : first + 1);
      return (c) => compare(c, v) >= 0 && compare(c, upper) < 0;
    }
    default: {
      // Poetry's ~: ~3.9 and ~3.9.1 are <3.10, ~3 is <4.
      const upper = nextAt(v, Math.min(v.length, 2));
      return (c) => compare(c, v) >= 0 && compare(c, upper) < 0;
    }
  }
}

/** A test of whole versions, or undefined where the specifier holds anything this does not read. */
export function pythonSpecifier(spec: string): ((version: Release) => boolean) | undefined {
  const alternatives: Clause[][] = [];
  for (const alternative of spec.split("||")) {
    const clauses: Clause[] = [];
    // Poetry separates clauses with spaces too (">=3.8 <3.11"); an operator never stands apart from its version.
    const parts = alternative
      .trim()
      .replace(/([<>=!~^])\s+(?=\d)/g, "$1")
      .split(/\s*,\s*|\s+/);
    for (const part of parts) {
      const test = clause(part);
      if (test === undefined) return undefined;
      clauses.push(test);
    }
    alternatives.push(clauses);
  }
  return (version) => alternatives.some((clauses) => clauses.every((test) => test(version)));
}

/**
 * The minors `3.X` from `from` to `to` whose newest patch `spec` admits, lowest first; undefined where the
 * specifier is not read. The newest patch, as `<=3.10` admits 3.10.0 and no later 3.10 that CI would set up.
 */
export function admittedMinors(spec: string, from: number, to: number): number[] | undefined {
  const admits = pythonSpecifier(spec);
  if (admits === undefined) return undefined;
  const minors: number[] = [];
  for (let minor = from; minor <= to; minor++) if (admits([3, minor, Number.POSITIVE_INFINITY])) minors.push(minor);
  return minors;
}

/** Past any minor a requirement names: a range that admits it has no upper bound. */
const FAR_MINOR = 99;

/**
 * The lowest and, where the requirement bounds it, the newest `3.X` it admits (`>=3.8,<3.10`: 3.8 to 3.9;
 * `^3.9`: 3.9, no newest); undefined where none is declared, it is not read, it admits no Python 3, or it has
 * no floor in Python 3 (`<4`, `>=2.7,!=3.0.*`: it admits a Python 2).
 */
export function declaredRange(spec: string | undefined): { lowest: string; newest: string | undefined } | undefined {
  const admits = spec === undefined ? undefined : pythonSpecifier(spec);
  if (admits === undefined || admits([2, Number.POSITIVE_INFINITY])) return undefined;
  const minors = admittedMinors(spec as string, 0, FAR_MINOR);
  const [lowest] = minors ?? [];
  if (minors === undefined || lowest === undefined) return undefined;
  const last = minors[minors.length - 1] ?? lowest;
  return { lowest: `3.${lowest}`, newest: last === FAR_MINOR ? undefined : `3.${last}` };
}
