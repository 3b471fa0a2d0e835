/**
 * A `.gitattributes` pattern matched as git matches it: dir.c's parse_path_pattern, match_basename and
 * match_pathname over wildmatch.c, ported line for line on UTF-8 bytes (git's `?` takes one byte, its
 * case folding is ASCII only, `**` is special only between slashes, `\` escapes, an unclosed `[` matches
 * nothing). By hand: npm's globs (picomatch, minimatch) differ from wildmatch in each of these. Pure.
 */

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const OPEN = 91;
const CLOSE = 93;
const [MATCH, NOMATCH, ABORT_ALL, ABORT_TO_STARSTAR] = [0, 1, -1, -2];

const upper = (c: number): boolean => c >= 65 && c <= 90;
const lower = (c: number): boolean => c >= 97 && c <= 122;
const toLower = (c: number): number => (upper(c) ? c + 32 : c);
const digit = (c: number): boolean => c >= 48 && c <= 57;
const alpha = (c: number): boolean => upper(c) || lower(c);
const punct = (c: number): boolean => c > 32 && c < 127 && !alpha(c) && !digit(c);
/** wildmatch's `[:class:]` names, as git's ASCII ctype reads them. */
const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => alpha(c) || digit(c),
  alpha,
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit,
  graph: (c) => c > 32 && c < 127,
  lower,
  print: (c) => c >= 32 && c < 127,
  punct,
  space: (c) => c === 32 || c === 9 || c === 10 || c === 13,
  upper,
  xdigit: (c) => digit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};
const globSpecial = (c: number | undefined): boolean => c === STAR || c === 63 || c === OPEN || c === BACKSLASH;

/** Steps left: wildmatch backtracks (`*a*a…*b` on a name of `a`s takes exponential time, in git too). */
export interface Budget {
  steps: number;
}

/** wildmatch.c's dowild: `p` from `pi` against `t` from `ti`; `start` is where the pattern began (for `**`). */
function dowild(
  p: Uint8Array,
  pi: number,
  start: number,
  t: Uint8Array,
  ti: number,
  path: boolean,
  fold: boolean,
  budget: Budget,
): number {
  for (; pi < p.length; ti++, pi++) {
    if (--budget.steps < 0) return ABORT_ALL;
    let pCh = p[pi] as number;
    let tCh = t[ti] ?? 0;
    if (tCh === 0 && pCh !== STAR) return ABORT_ALL;
    if (fold) {
      tCh = toLower(tCh);
      pCh = toLower(pCh);
    }
    if (pCh === BACKSLASH || (pCh !== 63 && pCh !== STAR && pCh !== OPEN)) {
      if (pCh === BACKSLASH) pCh = p[++pi] ?? 0;
      if (tCh !== pCh) return NOMATCH;
    } else if (pCh === 63) {
      if (path && tCh === SLASH) return NOMATCH;
    } else if (pCh === STAR) {
      let matchSlash = !path;
      if (p[++pi] === STAR) {
        const before = pi - 2;
        while (p[++pi] === STAR) {}
        if (!path) matchSlash = true;
        else if (
          (before < start || p[before] === SLASH) &&
          (pi >= p.length || p[pi] === SLASH || (p[pi] === BACKSLASH && p[pi + 1] === SLASH))
        ) {
          if (p[pi] === SLASH && dowild(p, pi + 1, pi + 1, t, ti, path, fold, budget) === MATCH) return MATCH;
          matchSlash = true;
        } else matchSlash = false;
      }
      if (pi >= p.length) return !matchSlash && t.indexOf(SLASH, ti) !== -1 ? NOMATCH : MATCH;
      if (!matchSlash && p[pi] === SLASH) {
        // One star and a slash: the rest of this folder's name.
        const slash = t.indexOf(SLASH, ti);
        if (slash === -1) return NOMATCH;
        ti = slash;
        continue;
      }
      for (;;) {
        if (tCh === 0 || --budget.steps < 0) break;
        if (!globSpecial(p[pi])) {
          // A literal after the star: skip to where it occurs.
          const literal = fold ? toLower(p[pi] as number) : (p[pi] as number);
          for (tCh = t[ti] ?? 0; tCh !== 0 && (matchSlash || tCh !== SLASH); tCh = t[++ti] ?? 0) {
            if (fold) tCh = toLower(tCh);
            if (tCh === literal) break;
          }
          if (tCh !== literal) return NOMATCH;
        }
        const matched = dowild(p, pi, pi, t, ti, path, fold, budget);
        if (matched !== NOMATCH) {
          if (!matchSlash || matched !== ABORT_TO_STARSTAR) return matched;
        } else if (!matchSlash && tCh === SLASH) return ABORT_TO_STARSTAR;
        tCh = t[++ti] ?? 0;
      }
      return ABORT_ALL;
    } else {
      // A bracket expression: `!` or `^` negates, `\` escapes, ranges, `[:class:]`, `]` first is literal.
      pCh = p[++pi] ?? 0;
      const negated = pCh === 33 || pCh === 94;
      if (negated) pCh = p[++pi] ?? 0;
      let previous = 0;
      let matched = false;
      do {
        if (!pCh) return ABORT_ALL;
        if (pCh === BACKSLASH) {
          pCh = p[++pi] ?? 0;
          if (!pCh) return ABORT_ALL;
          if (tCh === pCh) matched = true;
        } else if (pCh === 45 && previous && p[pi + 1] && p[pi + 1] !== CLOSE) {
          pCh = p[++pi] as number;
          if (pCh === BACKSLASH) {
            pCh = p[++pi] ?? 0;
            if (!pCh) return ABORT_ALL;
          }
          if (tCh <= pCh && tCh >= previous) matched = true;
          else if (fold && lower(tCh) && tCh - 32 <= pCh && tCh - 32 >= previous) matched = true;
          pCh = 0;
        } else if (pCh === OPEN && p[pi + 1] === 58) {
          const from = pi + 2;
          pi = p.indexOf(CLOSE, from);
          if (pi === -1) return ABORT_ALL;
          if (pi - from - 1 < 0 || p[pi - 1] !== 58) {
            // No `:]`: the `[` is one more character of the set.
            pi = from - 2;
            pCh = OPEN;
            if (tCh === pCh) matched = true;
          } else {
            const name = String.fromCharCode(...p.subarray(from, pi - 1));
            const test = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
            if (!test) return ABORT_ALL;
            if (test(tCh) || (name === "upper" && fold && lower(tCh))) matched = true;
            pCh = 0;
          }
        } else if (tCh === pCh) matched = true;
        previous = pCh;
        pCh = p[++pi] ?? 0;
      } while (pCh !== CLOSE);
      if (matched === negated || (path && tCh === SLASH)) return NOMATCH;
    }
  }
  return ti < t.length ? NOMATCH : MATCH;
}

/** A pattern as parse_path_pattern leaves it; a negated one (`!x`) is git's to refuse, not ours. */
export interface GitPattern {
  bytes: Uint8Array;
  /** No `/` but a trailing one: matched against the file's name. */
  basename: boolean;
  /** A trailing `/`: only a folder matches, never a file. */
  folderOnly: boolean;
  /** The length of the part before the first `*?[\`. */
  literal: number;
  /** An ASCII capital in it: core.ignorecase may change what it matches (`[R]` then matches no `r` nor `R`). */
  upper: boolean;
}

export function parsePattern(bytes: Uint8Array): GitPattern {
  const folderOnly = bytes.length > 0 && bytes[bytes.length - 1] === SLASH;
  const body = folderOnly ? bytes.subarray(0, -1) : bytes;
  const special = body.findIndex(globSpecial);
  const literal = special === -1 ? body.length : special;
  return { bytes: body, basename: !body.includes(SLASH), folderOnly, literal, upper: hasUpper(body) };
}

export const hasUpper = (bytes: Uint8Array): boolean => bytes.some(upper);

const sameBytes = (a: Uint8Array, b: Uint8Array, fold: boolean): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i] || (fold && toLower(c) === toLower(b[i] as number)));

/** Whether `pattern` matches the file at `path` (UTF-8, relative to the attribute file's folder). */
export function patternMatches(pattern: GitPattern, path: Uint8Array, fold: boolean, budget: Budget): boolean {
  if (pattern.folderOnly) return false;
  const { bytes, literal } = pattern;
  if (pattern.basename) {
    const name = path.subarray(path.lastIndexOf(SLASH) + 1);
    if (literal === bytes.length) return sameBytes(bytes, name, fold);
    return dowild(bytes, 0, 0, name, 0, false, fold, budget) === MATCH;
  }
  // match_pathname: a leading `/` anchors what would be anchored anyway; the literal part compared first.
  const anchored = bytes[0] === SLASH ? 1 : 0;
  const prefix = literal - anchored;
  if (prefix > path.length || !sameBytes(bytes.subarray(anchored, literal), path.subarray(0, prefix), fold))
    return false;
  if (literal === bytes.length) return prefix === path.length;
  return dowild(bytes, literal, literal, path, prefix, true, fold, budget) === MATCH;
}
