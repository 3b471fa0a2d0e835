/**
 * Recovery: the journal a run left when it was cut off (killed, the machine down) is undone by the next run,
 * before anything reads the target. It is untrusted input like every byte of the repository.
 */
import { join } from "node:path";
import { JOURNAL_NAME } from "../../core/confine.js";
import { UsageError } from "../../core/errors.js";
import { quoted } from "../../core/quote.js";
import type { FileSystem } from "../fs.js";
import { confinedOnDisk } from "./confined.js";
import { type Undone, undoJournal } from "./journal.js";
import { type JournalRecord, RECORD, recordProblem } from "./journal-record.js";
import { type Lock, madeHere, readSmall, releaseLock } from "./lock.js";

const LEFT_BY_A_RUN = /^(owner|journal\.json|\d{1,6}\.(old|new|removed))$/;

/**
 * A stale journal: undone when its record is whole; without one, the run had changed nothing yet. A journal a
 * run of ours could not have left (a path outside the target, in git's files or through a link, a backup
 * outside the journal folder, or one git tracks: committed by someone) is refused, and nothing is touched.
 * A dry run only judges it (`undo` false).
 */
export async function recoverJournal(
  fs: FileSystem,
  root: string,
  where: string,
  tracked: () => Promise<boolean>,
  undo = true,
): Promise<Undone | undefined> {
  const dir = join(root, JOURNAL_NAME);
  const refuse = (why: string): UsageError =>
    new UsageError(
      `${where}/${JOURNAL_NAME} is not a journal a run of create-spec-agent left here (${why}): nothing was touched; if no run of yours was cut off here, remove that folder and run again`,
    );
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (error) {
    // Gone since it was seen: the run that left it has finished (two runs at once), and there is nothing to undo.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undo ? { removed: 0, restored: 0 } : undefined;
    throw error;
  }
  // What a run of ours leaves in the folder: its owner, its record, backups and temporaries, all plain files.
  for (const entry of entries) {
    if (!LEFT_BY_A_RUN.test(entry) || !fs.lstatSync(join(dir, entry), { throwIfNoEntry: false })?.isFile())
      throw refuse(`${quoted(entry)} in it is not a file a run writes there`);
  }
  const text = readSmall(fs, join(dir, RECORD), 16 * 1024 * 1024);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // A record cut off while it was written: the run had changed nothing yet.
  const problem = parsed === undefined ? undefined : recordProblem(parsed);
  if (problem) throw refuse(problem);
  const record = parsed as JournalRecord | undefined;
  // Only this machine's own run could have made the owner file the record names: a journal that came with the
  // files (a tarball, a copy, a planted folder) has another inode and change time, and none can be set by hand.
  const here = record && madeHere(fs, dir);
  if (record && (here?.ino !== record.madeHere.ino || here.ctimeMs !== record.madeHere.ctimeMs))
    throw refuse("it was not made here by a run that was cut off: it came with the files, copied or planted");
  const paths = [
    ...(record?.folders ?? []),
    ...[...(record?.created ?? []), ...(record?.overwritten ?? []), ...(record?.removed ?? [])].map((e) => e.path),
  ];
  for (const path of paths) {
    const onDisk = confinedOnDisk(fs, root, path);
    if (onDisk) throw refuse(onDisk);
  }
  if (await tracked()) throw refuse("git tracks it: it came with the repository");
  if (!undo) return undefined;
  const lock: Lock = { dir, createdRoot: record?.createdRoot === true };
  if (!record) {
    releaseLock(fs, root, lock, false);
    return { removed: 0, restored: 0 };
  }
  return undoJournal(fs, root, lock, record);
}
