/** git, after the files are written: init and a first commit; and git's user.name when its config needs git itself. */
import { JOURNAL_NAME } from "../core/confine.js";
import type { Exec } from "./host.js";

export interface StepResult {
  ok: boolean;
  /** One line for the user; empty when there is nothing to say. */
  note: string;
  /** The tool could not start at all: nothing ran, so the run goes on as if it were absent. */
  unavailable?: boolean;
}

export const firstLine = (text: string): string => text.trim().split("\n")[0] ?? "";

export async function gitUserName(exec: Exec, cwd: string): Promise<string> {
  const result = await exec("git", ["config", "user.name"], cwd);
  return result.status === 0 ? result.stdout.trim() : "";
}

/**
 * `paths` are the files this run wrote: only they go into the first commit
 * (with `-A`, whatever else the folder held would, `secrets/` included), taken
 * literally (a name starting with `:` is no pathspec magic). The child's
 * environment holds no GIT_DIR and the like (context.ts), and the inspection
 * refused a `.git` that is a link, so git works on this folder's repository.
 */
export async function initGit(
  exec: Exec,
  root: string,
  paths: readonly string[],
  gitFolderThere: boolean,
): Promise<StepResult> {
  const inside = await exec("git", ["rev-parse", "--is-inside-work-tree"], root);
  if (inside.status === 0 && inside.stdout.trim() === "true") {
    return { ok: true, note: "git: already inside a repository, so no git init" };
  }
  // A .git git does not take for a repository came with the folder: git init would keep its config (filters,
  // signing programs) for our add and commit. It is left as it is.
  if (gitFolderThere)
    return {
      ok: true,
      note: "git: a .git is already here that git does not read as a repository: left alone, no git init",
    };
  for (const args of [
    ["init", "-q"],
    // The journal is never committed: a journal that comes with a clone is refused, not undone.
    ["--literal-pathspecs", "add", "--", ...paths.filter((path) => !path.startsWith(JOURNAL_NAME))],
  ]) {
    const result = await exec("git", args, root);
    if (result.status !== 0)
      return {
        ok: false,
        note: `git ${args.find((a) => !a.startsWith("-"))} failed: ${firstLine(result.stderr) || result.error?.message}`,
      };
  }
  const commit = await exec("git", ["commit", "-q", "-m", "Initial commit from create-spec-agent"], root);
  if (commit.status === 0) return { ok: true, note: "git: initialised with a first commit" };
  if (/user\.(name|email)|identity|who you are/i.test(commit.stderr)) {
    return {
      ok: true,
      note: "git: initialised; no first commit because git has no user.name/user.email (git config --global user.email you@example.com)",
    };
  }
  return { ok: false, note: `git commit failed: ${firstLine(commit.stderr) || commit.error?.message}` };
}
