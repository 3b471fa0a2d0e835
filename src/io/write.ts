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
import { CancelledError, GenerateError } from "../core/errors.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "./fs.js";
import type { Interruption } from "./host.js";
import type { Inspection } from "./inspect.js";

export interface WriteReport {
  created: string[];
  overwritten: string[];
  identical: string[];
}

/** Bytes go back as they were (a file being restored need not be UTF-8), with their mode. */
function writeAtomically(fs: FileSystem, path: string, contents: string | Uint8Array, mode: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.spec-agent-tmp`);
  try {
    fs.writeFileSync(temporary, contents, { mode, flag: "w" });
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Plan order, except that the manifest, which records the other files, comes after them. */
function writeOrder(files: readonly PlannedFile[]): number[] {
  const order = files.map((_, i) => i);
  const isManifest = (i: number): boolean => files[i]?.path === MANIFEST_PATH;
  return [...order.filter((i) => !isManifest(i)), ...order.filter(isManifest)];
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
      writes.push(fs.writeNewFile(path, file.contents, file.mode).then(() => void created.add(file.path), failed));
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
    for (const i of writeOrder(files)) {
      const file = files[i] as PlannedFile;
      const status = inspection.statuses[i];
      if (status === "identical") continue;
      if (file.path === MANIFEST_PATH) {
        // The record of a complete run goes to disk only once every other file is there.
        await Promise.all(writes);
        if (writeErrors.length > 0) return;
      }
      if (signal?.aborted) throw new CancelledError();
      const path = join(root, file.path);
      ensureFolder(dirname(path));
      if (status === "differs") {
        writeAtomically(fs, path, file.contents, file.mode);
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
