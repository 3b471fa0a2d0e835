/**
 * Writes the plan so that nothing half-written remains. A new file is created
 * exclusively (never over something that appeared since the inspection); a
 * file that is overwritten goes to a temporary name in its own folder and is
 * renamed into place, so the user's version is whole until the new one is. On
 * a failure or an interruption, what this run created is removed and what it
 * overwrote is put back, and the error says so.
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
/**
 * A signal handler runs only when the event loop turns. Turning it after every
 * file costs more than the writes on a fast disk; every 20 ms still answers
 * Ctrl-C at once on a slow one.
 */
const TURN_EVERY_MS = 20;
const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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

/** A partly written new file is removed; one that someone else made meanwhile (EEXIST) is not ours to remove. */
function writeNew(fs: FileSystem, path: string, contents: string): void {
  try {
    fs.writeFileSync(path, contents, { mode: FILE_MODE, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") fs.rmSync(path, { force: true });
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

  // The target's parent exists (the create command checked it); the inspection saw the rest.
  const knownFolders = new Set([dirname(root), ...inspection.existingFolders]);
  const ensureFolder = (folder: string): void => {
    if (knownFolders.has(folder)) return;
    ensureFolder(dirname(folder));
    try {
      fs.mkdirSync(folder);
      createdFolders.push(folder);
    } catch (error) {
      // Made since the inspection: fine if it is a real folder, and not ours to remove.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST" || !fs.lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw error;
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
    let turned = Date.now();
    for (const [i, file] of files.entries()) {
      if (Date.now() - turned >= TURN_EVERY_MS) {
        await turnEventLoop();
        turned = Date.now();
      }
      if (signal?.aborted) throw new CancelledError();
      const status = inspection.statuses[i];
      if (status === "identical") {
        report.identical.push(file.path);
        continue;
      }
      const path = join(root, file.path);
      ensureFolder(dirname(path));
      if (status === "differs") {
        writeAtomically(fs, path, file.contents);
        report.overwritten.push(file.path);
      } else {
        writeNew(fs, path, file.contents);
        report.created.push(file.path);
      }
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
