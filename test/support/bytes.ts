/** Whether `small` is `big` with text inserted: every character of it, in order (a merge that only adds). */
export function insertedInto(small: string, big: string): boolean {
  let i = 0;
  for (const char of big) if (char === small[i]) i++;
  return i === small.length;
}
