/**
 * A conflicted file, as git shows one after a merge: its three versions in
 * the index's stages 1 (base), 2 (ours) and 3 (theirs), so that `git status`
 * lists it as unmerged and an IDE's merge tool opens it. Only inside a work tree.
 *
 * In two steps, so that the index changes with the files or not at all: the
 * blobs go into git's objects before the files are written (unreferenced
 * objects change nothing), and the index takes the stages as the last step of
 * the write, before the journal commits (io/target/): a signal or a failure
 * before then puts the files back and leaves the index as it was.
 */
import type { Exec } from "./host.js";

export interface ConflictStages {
  path: string;
  base: string;
  ours: string;
  theirs: string;
}

/** The index lines that stage the conflicts; undefined outside git, or when git could not store the blobs. */
export async function prepareStages(
  exec: Exec,
  root: string,
  conflicts: readonly ConflictStages[],
): Promise<string | undefined> {
  if (conflicts.length === 0) return undefined;
  const prefix = await exec("git", ["rev-parse", "--show-prefix"], root);
  if (prefix.status !== 0) return undefined;
  const lines: string[] = [];
  for (const { path, base, ours, theirs } of conflicts) {
    const full = `${prefix.stdout.trim()}${path}`;
    const blobs: string[] = [];
    for (const text of [base, ours, theirs]) {
      const hashed = await exec("git", ["hash-object", "-w", "--stdin"], root, text);
      if (hashed.status !== 0) return undefined;
      blobs.push(hashed.stdout.trim());
    }
    // Stage 0 out, stages 1 to 3 in: what git merge leaves for a conflicted path.
    lines.push(`0 ${"0".repeat(blobs[0]?.length ?? 40)}\t${full}`);
    for (const [i, blob] of blobs.entries()) lines.push(`100644 ${blob} ${i + 1}\t${full}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Sets the stages prepared; the error says why git refused (the write is then undone). Writing the index, git
 * hashes anew the files it cannot tell from their stat (racily clean), through the filter their attributes
 * name: a `filter.<x>.clean` in the repository's config would run. Each configured filter is emptied for this
 * one command (reading the config runs nothing); the rest of git's programs are off for every call (git-guard.ts).
 */
export async function applyStages(exec: Exec, root: string, indexInfo: string): Promise<void> {
  const listed = await exec("git", ["config", "--includes", "--name-only", "--get-regexp", "^filter\\."], root);
  const drivers = new Set(
    (listed.status === 0 ? listed.stdout : "")
      .split("\n")
      .filter((name) => name.startsWith("filter."))
      .map((name) => name.slice("filter.".length, name.lastIndexOf("."))),
  );
  const off = [...drivers].flatMap((driver) =>
    ["clean=", "smudge=", "process=", "required=false"].flatMap((key) => ["-c", `filter.${driver}.${key}`]),
  );
  const updated = await exec("git", [...off, "update-index", "--index-info"], root, indexInfo);
  if (updated.status !== 0)
    throw new Error(`git could not mark the conflicts unmerged: ${updated.stderr.trim().split("\n")[0] || "stopped"}`);
}
