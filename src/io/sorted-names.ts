/**
 * A folder's names in the order `<` sorts strings (by UTF-16 code unit). Past a few thousand, they are held as
 * UTF-8 in 64 KB chunks outside V8's heap, with their places in typed arrays: spec/task/ may hold 100,000 names,
 * and 100,000 strings that outlive scavenges (with readdirSync's list of them) made V8 grow its young generation to
 * the largest and keep it, about 30 MB of peak memory. A name held as bytes is decoded when the walk comes to it.
 */
import { isUtf8 } from "node:buffer";
import { NamesAsBytes } from "./names-as-bytes.js";

/** A folder's names in sorted order, each once. */
export interface FolderNames {
  readonly count: number;
  /** The name at `index`, 0 to `count - 1`. */
  at(index: number): string;
  /** Where `name` is, by a binary search; -1 when it is not there. */
  indexOf(name: string): number;
}

/**
 * Up to this many names, a folder's are strings, sorted by V8: a name as bytes costs its encoding, its decoding
 * and its look-ups in bytes, 12,900 instructions a name more (check of 10,000 files: 1,452 M against 1,326 M).
 * This many strings are about 750 KB, too few to make the young generation grow; every folder of a repository but
 * a very large spec/task/ holds fewer.
 */
const FEW = 16_384;

class FewNames implements FolderNames {
  constructor(private readonly names: readonly string[]) {}

  get count(): number {
    return this.names.length;
  }

  at(index: number): string {
    return this.names[index] as string;
  }

  indexOf(name: string): number {
    const { names } = this;
    let low = 0;
    let high = names.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = names[middle] as string;
      if (at === name) return middle;
      if (at < name) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/**
 * Collects a folder's names in any order; `done()` sorts them and drops a name that is there twice (none is, since
 * the walk keeps names that are not UTF-8 apart: undecodableName). Past `few` names, they are held as bytes.
 */
export function collectNames(few = FEW): { add(name: string): void; done(): FolderNames } {
  const strings: string[] = [];
  let bytes: ReturnType<typeof NamesAsBytes.collect> | undefined;
  return {
    add(name) {
      if (bytes !== undefined) bytes.add(name);
      else if (strings.length < few) strings.push(name);
      else {
        bytes = NamesAsBytes.collect();
        for (const earlier of strings) bytes.add(earlier);
        strings.length = 0;
        bytes.add(name);
      }
    },
    done() {
      if (bytes !== undefined) return bytes.done();
      // The default order of sort is by UTF-16 code unit, as `<` compares, without a comparator to call.
      strings.sort();
      let kept = 0;
      for (const name of strings) if (kept === 0 || strings[kept - 1] !== name) strings[kept++] = name;
      strings.length = kept;
      return new FewNames(strings);
    },
  };
}

/**
 * A name that is not UTF-8 as Python's os.fsdecode reads it (surrogateescape): each byte outside a valid sequence
 * as U+DC80 to U+DCFF, so that two such names, or one and the name Node decodes it to (U+FFFD for the bad bytes,
 * which a real name may hold), are never one string, and JSON gives the bytes back.
 */
export function undecodableName(bytes: Buffer): string {
  let name = "";
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
    const sequence = bytes.subarray(i, i + length);
    const valid = length > 0 && sequence.length === length && isUtf8(sequence);
    name += valid ? sequence.toString() : String.fromCharCode(0xdc00 + lead);
    i += valid ? length : 1;
  }
  return name;
}
