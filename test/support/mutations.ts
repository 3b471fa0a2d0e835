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
