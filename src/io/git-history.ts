/**
 * A file as some commit held it, found by its content hash: a 0.1.0 record
 * kept only a sha256 per file, and when the repository's history still holds
 * that version, it is the merge base an edited file needs. Only inside git.
 */
import type { Exec } from "./host.js";

/** The text whose `digest` is `hash`, from any commit that touched `path`; undefined when none does. */
export async function textFromHistory(
  exec: Exec,
  root: string,
  path: string,
  hash: string,
  digest: (text: string) => string,
): Promise<string | undefined> {
  const revisions = await exec("git", ["log", "--all", "--format=%H", "--", path], root);
  if (revisions.status !== 0) return undefined;
  for (const revision of revisions.stdout.split("\n").filter(Boolean)) {
    const shown = await exec("git", ["show", `${revision}:./${path}`], root);
    if (shown.status === 0 && digest(shown.stdout) === hash) return shown.stdout;
  }
  return undefined;
}
