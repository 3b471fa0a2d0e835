/**
 * `.gitattributes` is the owner's: ours only adds the rules it lacks. In this
 * file the last line that matches a path wins, so ours go first, under one
 * heading, and every line of the owner's still decides over them. Rules are
 * compared with their spacing collapsed; comments and blank lines are never
 * added on their own, so a second run finds nothing missing. LF text in and out.
 */
export const GITATTRIBUTES_HEADING =
  "# Added by create-spec-agent (the lines after these win where both set something)";

const rules = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim().split(/\s+/).join(" "))
    .filter((line) => line !== "" && !line.startsWith("#"));

/** Our missing rules, then the owner's text as it is; unchanged when none are missing. */
export function mergeGitattributes(existing: string, ours: string): string {
  const present = new Set(rules(existing));
  const missing = [...new Set(rules(ours))].filter((rule) => !present.has(rule));
  if (missing.length === 0) return existing;
  const added = `${[GITATTRIBUTES_HEADING, ...missing].join("\n")}\n`;
  return existing.trim() === "" ? added : `${added}\n${existing}`;
}
