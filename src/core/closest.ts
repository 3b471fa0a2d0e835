/** "Did you mean": candidates by edit distance, closest first. */

/**
 * Edit distance with a swap of two neighbours as one edit (optimal string alignment): `yse` is one from `yes`,
 * as a typo is. Small strings, so the plain dynamic programme.
 */
export function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The candidates sorted by their distance to `wanted`, ties in their own order. */
export function closestFirst(wanted: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate, i) => ({ candidate, i, d: distance(wanted, candidate) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.candidate);
}

/**
 * The one candidate a typo most likely meant: the closest, if within a third of the word's length (at least 1).
 * Callers ask only about a word that matched nothing, which may still match once they fold its case.
 */
export function didYouMean(wanted: string, candidates: readonly string[]): string | undefined {
  const [best] = closestFirst(wanted, candidates);
  if (best === undefined) return undefined;
  return distance(wanted, best) <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}
