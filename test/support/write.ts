/** The writer as the target module calls it: under a lock this process takes first. */
import type { PlannedRemoval } from "../../src/core/planned-file.js";
import type { FileSystem } from "../../src/io/fs.js";
import type { Interruption } from "../../src/io/host.js";
import type { Inspection } from "../../src/io/target/inspect.js";
import { takeLock } from "../../src/io/target/lock.js";
import { type WriteReport, writePlan } from "../../src/io/target/write.js";

export async function writeLocked(
  fs: FileSystem,
  root: string,
  inspection: Inspection,
  signal?: Interruption,
  removals?: readonly PlannedRemoval[],
): Promise<WriteReport> {
  const lock = takeLock(fs, root, root, { pid: process.pid, isRunning: () => false });
  return writePlan(fs, root, inspection, lock, signal, removals);
}
