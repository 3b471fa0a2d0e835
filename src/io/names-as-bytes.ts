/**
 * A large folder's names as UTF-8 in 64 KB chunks outside V8's heap, their places in typed arrays, in the order
 * `<` sorts strings (src/io/sorted-names.ts says why).
 */
/**
 * Where a byte that begins a character sorts when strings compare by UTF-16 code unit: a character past U+FFFF
 * (4 bytes, lead 0xF0 to 0xF4) is a surrogate pair, U+D800 to U+DBFF first, so it sorts after U+D7FF (lead 0xED)
 * and before U+E000 (lead 0xEE, 0xEF). Every other byte sorts as it is. 0xF5 and up are not in UTF-8; no name
 * holds 0.
 */
const RANK = new Uint8Array(256).map((_, byte) => (byte <= 0xed ? byte : byte >= 0xf0 ? byte - 2 : byte + 5));
const rank = (byte: number): number => RANK[byte] as number;

/** A sort key holds a name's first 4 bytes, ranked, above its number: 32 bits and 21 make a double's 53. */
const NUMBER_BITS = 2 ** 21;

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

/**
 * The names are written into chunks of this size, each name whole in one chunk: no buffer is copied to grow, and
 * a name's place is one number (its chunk times CHUNK, plus where it starts there).
 */
const CHUNK = 1 << 16;

/** Twice as long, the first `length` entries kept. */
function grown<T extends Uint32Array | Uint16Array>(array: T, make: (length: number) => T): T {
  const larger = make(array.length * 2);
  larger.set(array);
  return larger;
}

/** A FolderNames of src/io/sorted-names.ts (not imported: that module makes these). */
export class NamesAsBytes {
  private constructor(
    private readonly chunks: Buffer[],
    /** Where each name starts (its chunk times CHUNK, plus its offset there), in the order the disk gave them. */
    private readonly starts: Uint32Array,
    /** Each name's length in bytes (a name is at most 255 bytes on Linux, 765 anywhere: 255 UTF-16 units). */
    private readonly lengths: Uint16Array,
    /** The names' numbers in sorted order, each name once. */
    private readonly order: Uint32Array,
  ) {}

  get count(): number {
    return this.order.length;
  }

  /** Collects names in any order; `done()` sorts them and drops a name that is there twice. */
  static collect(): { add(name: string): void; done(): NamesAsBytes } {
    const chunks: Buffer[] = [];
    let chunk = Buffer.allocUnsafeSlow(0);
    let used = 0;
    let starts = new Uint32Array(256);
    let lengths = new Uint16Array(256);
    let count = 0;
    return {
      add(name) {
        // A name starts in the first CHUNK bytes of its chunk (one longer than a chunk gets a chunk of its own).
        if (used + name.length * 3 > Math.min(chunk.length, CHUNK)) {
          chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK, name.length * 3));
          chunks.push(chunk);
          used = 0;
        }
        if (count === starts.length) {
          starts = grown(starts, (length) => new Uint32Array(length));
          lengths = grown(lengths, (length) => new Uint16Array(length));
        }
        const length = chunk.write(name, used);
        starts[count] = (chunks.length - 1) * CHUNK + used;
        lengths[count++] = length;
        used += length;
      },
      done() {
        const names = new NamesAsBytes(chunks, starts, lengths, new Uint32Array(count));
        const order = names.order;
        const byBytes = (a: number, b: number): number => names.compare(a, b);
        // Sorted by a number (V8 sorts a Float64Array without calling back), then each run of names whose first 4
        // bytes are the same by their bytes: a comparator for every pair, run cold, cost 37 M instructions for
        // 1,000 names, more than the rest of the listing.
        const keys = new Float64Array(count < NUMBER_BITS ? count : 0);
        if (count < NUMBER_BITS) {
          for (let i = 0; i < count; i++) keys[i] = names.prefix(i) * NUMBER_BITS + i;
          keys.sort();
          for (let i = 0; i < count; i++) order[i] = (keys[i] as number) % NUMBER_BITS;
        } else for (let i = 0; i < count; i++) order[i] = i;
        // More than 2 million names: one run, sorted by their bytes alone.
        const prefixOf = (i: number): number => (i < keys.length ? Math.floor((keys[i] as number) / NUMBER_BITS) : 0);
        for (let from = 0; from < count; ) {
          let to = from + 1;
          while (to < count && prefixOf(to) === prefixOf(from)) to++;
          if (to - from > 1) order.subarray(from, to).sort(byBytes);
          from = to;
        }
        // Each name once; only names of the same first bytes can be the same.
        let kept = 0;
        for (let i = 0; i < count; i++)
          if (
            kept === 0 ||
            prefixOf(i) !== prefixOf(i - 1) ||
            byBytes(order[kept - 1] as number, order[i] as number) !== 0
          )
            order[kept++] = order[i] as number;
        return kept === count ? names : new NamesAsBytes(chunks, starts, lengths, order.slice(0, kept));
      },
    };
  }

  private chunkOf(name: number): Buffer {
    return this.chunks[Math.floor((this.starts[name] as number) / CHUNK)] as Buffer;
  }

  /** A name's first 4 bytes, ranked, as one number (a byte past its end is 0, before any). */
  private prefix(name: number): number {
    const chunk = this.chunkOf(name);
    const from = (this.starts[name] as number) % CHUNK;
    const length = this.lengths[name] as number;
    let prefix = 0;
    for (let i = 0; i < 4; i++) prefix = prefix * 256 + (i < length ? rank(chunk[from + i] as number) : 0);
    return prefix;
  }

  private compare(x: number, y: number): number {
    const xFrom = (this.starts[x] as number) % CHUNK;
    const yFrom = (this.starts[y] as number) % CHUNK;
    const xChunk = this.chunkOf(x);
    const yChunk = this.chunkOf(y);
    return compareBytes(
      xChunk,
      xFrom,
      xFrom + (this.lengths[x] as number),
      yChunk,
      yFrom,
      yFrom + (this.lengths[y] as number),
    );
  }

  /** The name at `index`, 0 to `count - 1`. */
  at(index: number): string {
    const name = this.order[index] as number;
    const from = (this.starts[name] as number) % CHUNK;
    return this.chunkOf(name).toString("utf8", from, from + (this.lengths[name] as number));
  }

  /** Where `name` is, by a binary search over the bytes (nothing decoded); -1 when it is not there. */
  indexOf(name: string): number {
    if (name.length * 3 > scratch.length) scratch = Buffer.allocUnsafeSlow(name.length * 3);
    const length = scratch.write(name, 0);
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.order[middle] as number;
      const from = (this.starts[at] as number) % CHUNK;
      const order = compareBytes(this.chunkOf(at), from, from + (this.lengths[at] as number), scratch, 0, length);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
