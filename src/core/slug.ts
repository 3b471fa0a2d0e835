/**
 * Titles to file names: ASCII letters and digits joined by hyphens, accents
 * folded, everything else dropped, length bounded. A slug holds no `.`, `/`
 * or `\`, so a title can never place a file outside its folder.
 */
export const SLUG_MAX = 60;

/** Letters that Unicode does not decompose into an ASCII letter and a mark. */
const FOLDS: Readonly<Record<string, string>> = {
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

const NON_ASCII = /[^\u0000-\u007f]/;

export function slugify(title: string, max = SLUG_MAX): string {
  // Global replaces only where they have work: V8 compiles a global replace's expression to machine code at once.
  const lowered = title.normalize("NFKD").toLowerCase();
  const folded = NON_ASCII.test(lowered)
    ? lowered.replace(/[^\u0000-\u007f]/g, (char) => FOLDS[char] ?? (/\p{M}/u.test(char) ? "" : " "))
    : lowered;
  // Runs of anything else are one hyphen each, so at most one leads and one trails.
  const hyphened = folded.replace(/[^a-z0-9]+/g, "-");
  const slug = hyphened.slice(hyphened.startsWith("-") ? 1 : 0, hyphened.endsWith("-") ? -1 : undefined);
  if (slug.length <= max) return slug;
  // Cut at a word's end when one is near, never mid-way through a short title.
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}
