/**
 * A folder's names in the order `<` sorts strings (by UTF-16 code unit), held as UTF-8 in one buffer with their
 * offsets: spec/task/ may hold 100,000 names, and 100,000 strings in V8's heap (with readdirSync's list and the
 * C library's) made the young generation grow to its largest and stay there, for 30 MB of peak memory; bytes
 * outside the heap do not. A name is decoded when the walk comes to it and dropped after.
 */

/**
 * Where a byte that begins a character sorts when strings compare by UTF-16 code unit: a character past U+FFFF
 * (4 bytes, lead 0xF0 to 0xF4) is a surrogate pair, U+D800 to U+DBFF first, so it sorts after U+D7FF (lead 0xED)
 * and before U+E000 (lead 0xEE). Every other byte sorts as it is.
 */
const rank = (byte: number): number => (byte >= 0xf0 ? 0xed * 16 + (byte - 0xef) : byte * 16);

/**
 * `<`'s order of two UTF-8 byte ranges. The first byte that differs starts a character in both (the bytes before
 * are the same whole characters), so only lead bytes need ranking; below it, byte order is code point order,
 * which is UTF-16's except across the surrogates.
 */
function compareBytes(x: Uint8Array, xFrom: number, xTo: number, y: Uint8Array, yFrom: number, yTo: number): number {
  const length = Math.min(xTo - xFrom, yTo - yFrom);
  for (let i = 0; i < length; i++) {
    const a = x[xFrom + i] as number;
    const b = y[yFrom + i] as number;
    if (a !== b) return rank(a) - rank(b);
  }
  return xTo - xFrom - (yTo - yFrom);
}

/** One buffer a name to find is written into, grown for a longer one. */
let scratch = Buffer.allocUnsafeSlow(1024);

export class SortedNames {
  private constructor(
    private readonly bytes: Buffer,
    /** Where each name starts, and one past the last name's end. */
    private readonly starts: Uint32Array,
    readonly count: number,
  ) {}

  /** Collects names in any order; `done()` sorts them and drops a name that is there twice. */
  static collect(): { add(name: string): void; done(): SortedNames } {
    let bytes = Buffer.allocUnsafeSlow(4096);
    let starts = new Uint32Array(256);
    let used = 0;
    let count = 0;
    return {
      add(name) {
        if (used + name.length * 3 > bytes.length) {
          const larger = Buffer.allocUnsafeSlow(Math.max(bytes.length * 2, used + name.length * 3));
          bytes.copy(larger, 0, 0, used);
          bytes = larger;
        }
        if (count + 2 > starts.length) {
          const larger = new Uint32Array(starts.length * 2);
          larger.set(starts);
          starts = larger;
        }
        starts[count++] = used;
        used += bytes.write(name, used);
      },
      done() {
        starts[count] = used;
        const order = new Uint32Array(count);
        for (let i = 0; i < count; i++) order[i] = i;
        const from = starts;
        order.sort((a, b) =>
          compareBytes(
            bytes,
            from[a] as number,
            from[a + 1] as number,
            bytes,
            from[b] as number,
            from[b + 1] as number,
          ),
        );
        // Laid out again in sorted order, each name once: two names that read the same (bytes that are not UTF-8,
        // decoded) are one path, as they were one in a set of paths.
        const sorted = Buffer.allocUnsafeSlow(Math.max(used, 1));
        const sortedStarts = new Uint32Array(count + 1);
        let at = 0;
        let kept = 0;
        let previous = -1;
        for (const i of order) {
          const start = from[i] as number;
          const end = from[i + 1] as number;
          if (
            previous !== -1 &&
            compareBytes(bytes, from[previous] as number, from[previous + 1] as number, bytes, start, end) === 0
          )
            continue;
          previous = i;
          sortedStarts[kept++] = at;
          at += bytes.copy(sorted, at, start, end);
        }
        sortedStarts[kept] = at;
        return new SortedNames(sorted, sortedStarts, kept);
      },
    };
  }

  /** The name at `index`, 0 to `count - 1`. */
  at(index: number): string {
    return this.bytes.toString("utf8", this.starts[index] as number, this.starts[index + 1] as number);
  }

  /** Where `name` is, by a binary search over the bytes (nothing decoded); -1 when it is not there. */
  indexOf(name: string): number {
    if (name.length * 3 > scratch.length) scratch = Buffer.allocUnsafeSlow(name.length * 3);
    const length = scratch.write(name, 0);
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareBytes(
        this.bytes,
        this.starts[middle] as number,
        this.starts[middle + 1] as number,
        scratch,
        0,
        length,
      );
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
