/** A pack's files, read through the injected file system. */
import type { FileSystem } from "../io/fs.js";

/** Every file of a pack, as `[source, text]`, sorted by path (with / separators). */
export function readPack(fs: FileSystem, packDir: string): [string, string][] {
  const sources: string[] = [];
  const walk = (relative: string): void => {
    for (const name of fs.readdirSync(relative === "" ? packDir : `${packDir}/${relative}`)) {
      const source = relative === "" ? name : `${relative}/${name}`;
      const stat = fs.lstatSync(`${packDir}/${source}`, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(source);
      else if (stat?.isFile()) sources.push(source);
    }
  };
  walk("");
  return sources.sort().map((source) => [source, fs.readTextSync(`${packDir}/${source}`)]);
}
