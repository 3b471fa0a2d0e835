/**
 * Which of the files a run wrote the repository's own ignore rules keep out of
 * git, and by which line (`git check-ignore -v`): a `.vscode/` line, for one,
 * hides `.vscode/mcp.json` whatever `!.vscode/mcp.json` comes after it, since
 * git never looks inside a folder it ignores.
 */
import type { Exec } from "./host.js";

export interface Ignored {
  path: string;
  /** `.gitignore:3`, where the ignoring pattern is. */
  source: string;
  pattern: string;
}

/** None where git is missing, the folder is no repository, or nothing is ignored. */
export async function ignoredByGit(exec: Exec, root: string, paths: readonly string[]): Promise<Ignored[]> {
  if (paths.length === 0) return [];
  const result = await exec("git", ["check-ignore", "-v", "-z", "--stdin"], root, `${paths.join("\0")}\0`);
  if (result.status !== 0 || result.error) return [];
  // -z: source, line, pattern, path, each ended by NUL.
  const fields = result.stdout.split("\0");
  const ignored: Ignored[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const [source, line, pattern, path] = fields.slice(i, i + 4) as [string, string, string, string];
    // -v also names a matching `!pattern`, which keeps the path in.
    if (!pattern.startsWith("!")) ignored.push({ path, source: `${source}:${line}`, pattern });
  }
  return ignored;
}
