/**
 * `.gitignore` is the owner's: ours only adds the patterns it lacks, at the
 * end, under one heading, in our order (a `!` exception must follow the
 * pattern it excepts). Lines are compared trimmed; comments and blank lines
 * are never added on their own, so a second run finds nothing missing.
 */
export const GITIGNORE_HEADING = "# Added by create-spec-agent";

const patterns = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));

/** The owner's text, then our missing patterns; unchanged when none are missing. */
export function mergeGitignore(existing: string, ours: string): string {
  const present = new Set(patterns(existing));
  const missing = [...new Set(patterns(ours))].filter((line) => !present.has(line));
  if (missing.length === 0) return existing;
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const body = existing === "" || /\n$/.test(existing) ? existing : `${existing}${newline}`;
  const gap = body === "" || /\n\s*\n$/.test(body) || body.trim() === "" ? "" : newline;
  return `${body}${gap}${[GITIGNORE_HEADING, ...missing].join(newline)}${newline}`;
}
