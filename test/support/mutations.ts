/** The real file system with every change to the disk passed through `step` first: where tests kill or interrupt a run. */
import { type FileSystem, realFileSystem as fs } from "../../src/io/fs.js";

export function throughStep(step: <T>(act: () => T) => T): FileSystem {
  return {
    ...fs,
    writeFileSync: (p, d, o) => step(() => fs.writeFileSync(p, d, o)),
    writeNewFile: async (p, d, m) => step(() => fs.writeNewFile(p, d, m)),
    renameSync: (a, b) => step(() => fs.renameSync(a, b)),
    mkdirSync: (p) => step(() => fs.mkdirSync(p)),
    rmSync: (p, o) => step(() => fs.rmSync(p, o)),
    rmdirSync: (p) => step(() => fs.rmdirSync(p)),
    unlinkSync: (p) => step(() => fs.unlinkSync(p)),
    linkSync: (a, b) => step(() => fs.linkSync(a, b)),
    copyFileExclusiveSync: (a, b) => step(() => fs.copyFileExclusiveSync(a, b)),
  };
}

/** A process killed after `n` changes to the disk: from then on nothing it does reaches the disk. */
export function killedAfter(n: number): FileSystem & { dead: () => boolean } {
  let left = n;
  const killed = (): never => {
    throw Object.assign(new Error("killed"), { code: "KILLED" });
  };
  const step = <T>(act: () => T): T => {
    if (left <= 0) killed();
    left -= 1;
    return act();
  };
  return { ...throughStep(step), dead: () => left <= 0 };
}
