/**
 * Writes the plan so that nothing half-written remains. A new file is created
 * exclusively (never over something that appeared since the inspection), on
 * libuv's thread: while the files go to disk, this thread goes on, to hash
 * them for the manifest, which is written last. A file that is overwritten
 * goes to a temporary name in its own folder and is renamed into place, so the
 * user's version is whole until the new one is. On a failure or an
 * interruption, the run waits for what is under way, then removes what it
 * created and puts back what it overwrote, and the error says so.
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

/** Plan order, except that what records the other files is written after them. */
function writeOrder(files: readonly PlannedFile[]): number[] {
  const order = files.map((_, i) => i);
  return [...order.filter((i) => !files[i]?.last), ...order.filter((i) => files[i]?.last)];
}

export async function writePlan(
  fs: FileSystem,
  root: string,
  files: readonly PlannedFile[],
  inspection: Inspection,
  signal?: Interruption,
): Promise<WriteReport> {
  const createdFolders: string[] = [];
  const overwritten = new Set<string>();
  /** New files written whole, and those a failed write may have left in part: both are removed on rollback. */
  const created = new Set<string>();
  const partlyWritten = new Set<string>();
  /** New files under way; each settles without rejecting (a rejection nobody awaits yet would end the process). */
  const writes: Promise<void>[] = [];
  const writeErrors: unknown[] = [];

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

  const writeNew = (file: PlannedFile, path: string): void => {
    const failed = (error: unknown): void => {
      // A file someone made meanwhile (EEXIST) is not ours to remove.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") partlyWritten.add(file.path);
      writeErrors.push(error);
    };
    try {
      writes.push(fs.writeNewFile(path, file.contents, FILE_MODE).then(() => void created.add(file.path), failed));
    } catch (error) {
      failed(error);
    }
  };

  const rollBack = (): void => {
    for (const path of [...created, ...partlyWritten]) fs.rmSync(join(root, path), { force: true });
    for (const path of overwritten) {
      const previous = inspection.previous.get(path);
      if (previous) writeAtomically(fs, join(root, path), previous.bytes, previous.mode);
    }
    for (const folder of createdFolders.reverse()) fs.rmdirSync(folder);
  };

  const writeAll = async (): Promise<void> => {
    let turned = Date.now();
    for (const i of writeOrder(files)) {
      if (Date.now() - turned >= TURN_EVERY_MS) {
        await turnEventLoop();
        turned = Date.now();
      }
      if (signal?.aborted) throw new CancelledError();
      const file = files[i] as PlannedFile;
      const status = inspection.statuses[i];
      if (status === "identical") continue;
      const path = join(root, file.path);
      ensureFolder(dirname(path));
      if (status === "differs") {
        writeAtomically(fs, path, file.contents);
        overwritten.add(file.path);
      } else {
        writeNew(file, path);
      }
    }
  };

  let failure: { error: unknown } | undefined;
  try {
    await writeAll();
  } catch (error) {
    failure = { error };
  }
  // Nothing is undone while a write is still under way; the first failure is the one reported.
  await Promise.all(writes);
  if (!failure && writeErrors.length > 0) failure = { error: writeErrors[0] };
  if (!failure && signal?.aborted) failure = { error: new CancelledError() };

  if (failure) {
    const { error } = failure;
    const report = reportOf(files, inspection, created, overwritten);
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
  return reportOf(files, inspection, created, overwritten);
}

/** What was written, in plan order. */
function reportOf(
  files: readonly PlannedFile[],
  inspection: Inspection,
  created: ReadonlySet<string>,
  overwritten: ReadonlySet<string>,
): WriteReport {
  const paths = files.map((file) => file.path);
  return {
    created: paths.filter((path) => created.has(path)),
    overwritten: paths.filter((path) => overwritten.has(path)),
    identical: paths.filter((_, i) => inspection.statuses[i] === "identical"),
  };
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
