/** A pack's files, read through the injected file system. */
import type { FileSystem } from "../io/fs.js";

/** What a walk met that is neither a file nor a folder: a link (never followed, it could point anywhere), or else. */
export type Refusal = (source: string, what: "a link" | "not a file or a folder") => never;

const refuseAny: Refusal = (source, what) => {
  throw new Error(`${source} is ${what}: templates are files and folders only`);
};

/** Every file of a pack, as `[source, text]`, sorted by path (with / separators). */
export function readPack(fs: FileSystem, packDir: string, refuse: Refusal = refuseAny): [string, string][] {
  const sources: string[] = [];
  const walk = (relative: string): void => {
    for (const name of fs.readdirSync(relative === "" ? packDir : `${packDir}/${relative}`)) {
      const source = relative === "" ? name : `${relative}/${name}`;
      const stat = fs.lstatSync(`${packDir}/${source}`, { throwIfNoEntry: false });
      if (stat?.isSymbolicLink()) refuse(source, "a link");
      else if (stat?.isDirectory()) walk(source);
      else if (stat?.isFile()) sources.push(source);
      else refuse(source, "not a file or a folder");
    }
  };
  walk("");
  return sources.sort().map((source) => [source, fs.readTextSync(`${packDir}/${source}`)]);
}
