/**
 * A conflicted file, as git shows one after a merge: its three versions in
 * the index's stages 1 (base), 2 (ours) and 3 (theirs), so that `git status`
 * lists it as unmerged and an IDE's merge tool opens it. Only inside a work tree.
 */
import type { Exec } from "./host.js";

export interface ConflictStages {
  path: string;
  base: string;
  ours: string;
  theirs: string;
}

/** Whether the stages were set; false outside git, or when git is not there. */
export async function stageConflicts(exec: Exec, root: string, conflicts: readonly ConflictStages[]): Promise<boolean> {
  if (conflicts.length === 0) return false;
  const prefix = await exec("git", ["rev-parse", "--show-prefix"], root);
  if (prefix.status !== 0) return false;
  const lines: string[] = [];
  for (const { path, base, ours, theirs } of conflicts) {
    const full = `${prefix.stdout.trim()}${path}`;
    const blobs: string[] = [];
    for (const text of [base, ours, theirs]) {
      const hashed = await exec("git", ["hash-object", "-w", "--stdin"], root, text);
      if (hashed.status !== 0) return false;
      blobs.push(hashed.stdout.trim());
    }
    // Stage 0 out, stages 1 to 3 in: what git merge leaves for a conflicted path.
    lines.push(`0 ${"0".repeat(blobs[0]?.length ?? 40)}\t${full}`);
    for (const [i, blob] of blobs.entries()) lines.push(`100644 ${blob} ${i + 1}\t${full}`);
  }
  const updated = await exec("git", ["update-index", "--index-info"], root, `${lines.join("\n")}\n`);
  return updated.status === 0;
}
