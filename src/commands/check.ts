/**
 * The check command: validates the repository's preset and spec folder, for
 * people and for CI. Each problem is one `file:line: message` line (or the
 * same as JSON with --json), in a fixed order; any problem exits 1.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { type CheckedTree, formatProblem, type Problem, sortProblems } from "../core/check/problems.js";
import { checkTree } from "../core/check/run.js";
import { confinementProblem, folderPath, folderProblem, JOURNAL_NAME } from "../core/confine.js";
import { conflictLeftAt } from "../core/conflict-markers.js";
import { GenerateError, UsageError } from "../core/errors.js";
import { isRecord } from "../core/json-input.js";
import { FOLDER_ANSWERS, MANIFEST_PATH } from "../core/manifest.js";
import { quoted } from "../core/quote.js";
import type { FileSystem } from "../io/fs.js";
import { findRoot, whereOf } from "../io/root.js";
import { readSmall } from "../io/target/lock.js";
import { readCheckedTree } from "../io/tree.js";
import type { ParsedArgs } from "../options/parse.js";
import { CHECKED_FOLDERS, checkKnowledge } from "../targets/table.js";

/** Larger than any file the record lists; one beyond it is not read. */
const RECORD_LIMIT = 16 * 1024 * 1024;

/** A run's journal in the repository: a run writes now, or one was stopped and its files may be half written. */
const journalLeft = (tree: CheckedTree): Problem[] =>
  tree.exists(JOURNAL_NAME)
    ? [
        {
          file: JOURNAL_NAME,
          line: 1,
          message:
            "a run of create-spec-agent is writing, or was stopped part-way: once none runs, init or update puts its files back first",
        },
      ]
    : [];

/** Files of the record that still hold the markers of an update's conflict: one finding each, at the first. */
function conflictsLeft(fs: FileSystem, root: string): Problem[] {
  let listed: unknown;
  try {
    listed = JSON.parse(readSmall(fs, join(root, MANIFEST_PATH), RECORD_LIMIT) ?? "null")?.files;
  } catch {
    return [];
  }
  if (typeof listed !== "object" || listed === null) return [];
  return Object.keys(listed).flatMap((file) => {
    const text = confinementProblem(file) ? undefined : readSmall(fs, join(root, file), RECORD_LIMIT);
    const line = text === undefined ? undefined : conflictLeftAt(text);
    const message = "holds the conflict markers of an update: resolve them, then git add the file";
    return line === undefined ? [] : [{ file, line, message }];
  });
}

/** The top folders of the folders the user named for a tool (`--rules-dir`…), from the record, checked as flags are. */
function namedFolders(fs: FileSystem, root: string): string[] {
  let answers: unknown;
  try {
    answers = JSON.parse(readSmall(fs, join(root, MANIFEST_PATH), RECORD_LIMIT) ?? "null")?.answers;
  } catch {
    return [];
  }
  if (!isRecord(answers)) return [];
  return FOLDER_ANSWERS.flatMap((key) => {
    const value = answers[key];
    return typeof value === "string" && folderProblem(value) === undefined
      ? [folderPath(value).split("/")[0] as string]
      : [];
  });
}

export async function check(ctx: CommandContext, { positionals, switches }: ParsedArgs): Promise<void> {
  const [extra] = positionals;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${quoted(extra)}: check validates the repository you are in`);
  const root = findRoot(ctx.fs, ctx.cwd);
  const tree = readCheckedTree(ctx.fs, root, [...CHECKED_FOLDERS, ...namedFolders(ctx.fs, root)]);
  const checked = checkTree(tree, checkKnowledge());
  // Nothing of ours to check (the folder above a repository, say): "run init" would put the preset there.
  if (checked.files === 0 && ![MANIFEST_PATH, JOURNAL_NAME, "Taskfile.yml", "spec"].some((path) => tree.exists(path)))
    throw new UsageError(
      `nothing to check in ${whereOf(ctx.cwd, root)} (no spec/, ${MANIFEST_PATH} or AI tool's files): run check inside a repository create-spec-agent made, or add the preset with create-spec-agent init`,
    );
  const problems = sortProblems([...checked.problems, ...journalLeft(tree), ...conflictsLeft(ctx.fs, root)]);
  if (switches.json) {
    ctx.out.write(`${JSON.stringify({ files: checked.files, problems }, null, 2)}\n`);
  } else if (problems.length > 0) {
    ctx.out.write(`${problems.map(formatProblem).join("\n")}\n`);
  } else {
    ctx.out.write(
      `${ctx.out.paint.green("✔")} ${whereOf(ctx.cwd, root)}: ${checked.files} files checked, no problems\n`,
    );
  }
  if (problems.length > 0) {
    const n = problems.length;
    throw new GenerateError(
      `${n} problem${n === 1 ? "" : "s"} in ${whereOf(ctx.cwd, root)}: fix ${n === 1 ? "it" : "them"} and run check again`,
    );
  }
}
