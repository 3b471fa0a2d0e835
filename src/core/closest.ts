/** "Did you mean": candidates by edit distance, closest first. */

/** Edit distance: small strings, so the plain dynamic programme. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The candidates sorted by their distance to `wanted`, ties in their own order. */
export function closestFirst(wanted: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate, i) => ({ candidate, i, d: distance(wanted, candidate) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.candidate);
}
