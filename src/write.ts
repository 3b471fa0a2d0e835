/**
 * Writes the plan so that nothing half-written remains: each file goes to a
 * temporary name in its own folder and is renamed into place; on a failure or
 * an interruption, what this run created is removed and what it overwrote is
 * put back, and the error says so.
 */
import { basename, dirname, join } from "node:path";
import { CancelledError, GenerateError } from "./errors.js";
import type { FileSystem } from "./fs.js";
import type { PlannedFile } from "./plan.js";
import type { Inspection } from "./target.js";

/** Set when the run is interrupted; checked between files. */
export interface Interruption {
  readonly aborted: boolean;
}

export interface WriteReport {
  created: string[];
  overwritten: string[];
  identical: string[];
}

const FILE_MODE = 0o644;
const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Bytes go back as they were (a file being restored need not be UTF-8), with their mode. */
function writeAtomically(fs: FileSystem, path: string, contents: string | Uint8Array, mode = FILE_MODE): void {
  const temporary = join(dirname(path), `.${basename(path)}.spec-agent-tmp`);
  try {
    fs.writeFileSync(temporary, contents, { mode, flag: "w" });
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export async function writePlan(
  fs: FileSystem,
  root: string,
  files: readonly PlannedFile[],
  inspection: Inspection,
  signal?: Interruption,
): Promise<WriteReport> {
  const report: WriteReport = { created: [], overwritten: [], identical: [] };
  const createdFolders: string[] = [];

  const knownFolders = new Set<string>();
  const ensureFolder = (folder: string): void => {
    if (knownFolders.has(folder)) return;
    if (!fs.lstatSync(folder, { throwIfNoEntry: false })) {
      ensureFolder(dirname(folder));
      fs.mkdirSync(folder);
      createdFolders.push(folder);
    }
    knownFolders.add(folder);
  };

  const rollBack = (): void => {
    for (const path of report.created) fs.rmSync(join(root, path), { force: true });
    for (const path of report.overwritten) {
      const previous = inspection.previous.get(path);
      if (previous) writeAtomically(fs, join(root, path), previous.bytes, previous.mode);
    }
    for (const folder of createdFolders.reverse()) fs.rmdirSync(folder);
  };

  try {
    for (const [i, file] of files.entries()) {
      // A signal is seen between files: the event loop turns once per file.
      await nextTick();
      if (signal?.aborted) throw new CancelledError();
      const status = inspection.statuses[i];
      if (status === "identical") {
        report.identical.push(file.path);
        continue;
      }
      const path = join(root, file.path);
      ensureFolder(dirname(path));
      writeAtomically(fs, path, file.contents);
      (status === "differs" ? report.overwritten : report.created).push(file.path);
    }
  } catch (error) {
    try {
      rollBack();
    } catch (rollbackError) {
      throw new GenerateError(
        `could not undo a failed run in ${root}: ${message(rollbackError)}; check that folder by hand`,
        { cause: error },
      );
    }
    const undone = describeUndo(report);
    if (error instanceof CancelledError) throw new CancelledError(`Cancelled: ${undone}.`, { cause: error });
    throw new GenerateError(`could not write ${root}: ${message(error)}; ${undone}`, { cause: error });
  }
  return report;
}

const files = (n: number): string => `${n} file${n === 1 ? "" : "s"}`;

function describeUndo({ created, overwritten }: WriteReport): string {
  if (created.length === 0 && overwritten.length === 0) return "nothing was written";
  const parts = [];
  if (created.length > 0) parts.push(`removed the ${files(created.length)} this run had written`);
  if (overwritten.length > 0) parts.push(`put back the ${files(overwritten.length)} it had overwritten`);
  return parts.join(" and ");
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
