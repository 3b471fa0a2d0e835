/**
 * git reads the repository's own configuration (`.git/config`, its includes, `.git/hooks`), and that
 * configuration can name programs for git to run: an fsmonitor hook for any command that reads the index
 * (`ls-files`, `check-ignore`, `update-index`), hooks (`post-index-change` after `update-index`, the commit
 * hooks, `reference-transaction`), gpg for a log that shows signatures, a transport for a partial clone's lazy
 * fetch. A `.git` folder travels with an archive or a copied folder: it is the repository's, not the user's.
 * Every git we start gets these settings first; given with `-c`, they outrank every config file, and git
 * hands them on to the git processes it starts itself. The user's identity, templates and signing keys are
 * untouched. Our first commit in a new repository therefore runs no hooks, as `--no-verify` would.
 */
const GUARD: readonly string[] = [
  // Empty, not "false": before git 2.36 the value is a hook's path and only an empty one means none.
  "core.fsmonitor=",
  // No folder: no hook is found, neither in .git/hooks nor where the config points.
  "core.hooksPath=/dev/null",
  "log.showSignature=false",
  // None of our git commands needs the network: no transport, so no ssh command, helper or ext:: program.
  "protocol.allow=never",
].flatMap((setting) => ["-c", setting]);

/** The arguments a program is started with: git's behind the guard above, any other's as given. */
export const guardedArgs = (command: string, args: readonly string[]): readonly string[] =>
  command === "git" ? [...GUARD, ...args] : args;
