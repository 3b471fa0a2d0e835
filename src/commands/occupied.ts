/** create's question about a folder that is not empty, asked as soon as the folder is known, and what a yes covers. */
import { resolve } from "node:path";
import type { CommandContext } from "../context.js";
import { earlyOccupiedQuestion } from "../core/decide.js";
import { CancelledError, UsageError } from "../core/errors.js";
import type { PlannedFile } from "../core/planned-file.js";
import { quoted } from "../core/quote.js";
import { type Approval, changedSinceApproval, noteApproval, occupantsIfFolder } from "../io/approval.js";
import type { FileSystem } from "../io/fs.js";
import type { Prompter } from "../options/prompter.js";

/**
 * The question to ask about a folder that holds other things, and the folder as it is while it is asked;
 * undefined when there is nothing to ask. The CLI's prompt and plop's ask the same.
 */
export function occupiedQuestion(
  fs: FileSystem,
  root: string,
  where: string,
): { question: string; seen: Approval | undefined } | undefined {
  const occupants = occupantsIfFolder(fs, root);
  const question = occupants && earlyOccupiedQuestion(occupants, where);
  if (!occupants || !question) return undefined;
  return { question, seen: noteApproval(fs, root, occupants) };
}

/**
 * Whether to write into a folder that holds other things, asked right after the folder is known (as
 * create-vite does) rather than after every other answer; a no cancels before anything else is asked.
 * Returns the folder as the yes found it; undefined when there was nothing to ask, or too much to note
 * (the pipeline then asks, after the last answer).
 */
export async function confirmOccupied(
  ctx: CommandContext,
  prompter: Prompter,
  folder: string,
  where: string,
): Promise<Approval | undefined> {
  const asked = occupiedQuestion(ctx.fs, resolve(ctx.cwd, folder), where);
  if (!asked) return undefined;
  if (!(await prompter.confirm(asked.question, false))) throw new CancelledError("Cancelled: nothing was written.");
  return asked.seen;
}

/** The folder changed since the yes (an entry added or gone, a planned path touched): nothing is written. */
export function assertUnchanged(
  fs: FileSystem,
  root: string,
  where: string,
  approved: Approval,
  files: readonly PlannedFile[],
): void {
  const changed = changedSinceApproval(
    fs,
    root,
    approved,
    files.map((f) => f.path),
  );
  if (changed === undefined) return;
  const shown = /^[\w./@+-]+$/.test(changed) ? changed : quoted(changed);
  throw new UsageError(`${shown} changed in ${where} while the run waited: nothing was written; run again`);
}
