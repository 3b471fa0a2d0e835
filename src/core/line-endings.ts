/**
 * Line endings are not edits: git for Windows checks text out with CRLF
 * (`core.autocrlf=true`), so a file that differs from ours only in its
 * endings is the same file. Every comparison with a base or a plan is made on
 * LF text; what is written takes the style of the file it replaces, or the
 * repository's for a new file, and never mixes the two. Pure.
 */

export type LineEnding = "\n" | "\r\n";

/** The text with every CRLF as LF (a lone CR, which no editor writes as an ending, is left as it is). */
export const toLf = (text: string): string => (text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text);

/** Whether two texts differ in their line endings at most. */
export const sameText = (a: string, b: string): boolean => a === b || toLf(a) === toLf(b);

/** The style most of the text's lines end in; undefined for a text without a line ending (it says nothing). */
export function lineEndingOf(text: string): LineEnding | undefined {
  let crlf = 0;
  let lf = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf + lf === 0) return undefined;
  return crlf > lf ? "\r\n" : "\n";
}

/** The text with every line ending in `ending`: one style, whatever mix it held. */
export function withLineEnding(text: string, ending: LineEnding): string {
  const lf = toLf(text);
  return ending === "\n" ? lf : lf.replace(/\n/g, "\r\n");
}

/** A `.gitattributes` glob as git matches it: without a `/`, against the file's name; with one, against its path. */
function globMatches(pattern: string, path: string): boolean {
  const anchored = pattern.replace(/^\//, "");
  const subject = pattern.includes("/") ? path : (path.split("/").pop() ?? path);
  const source = anchored
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === "**/") return "(?:.*/)?";
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`).test(subject);
}

/**
 * The ending `.gitattributes` gives `path` in the working tree: the last matching line that sets `eol`
 * (or `-text`/`binary`, which leave the file as written: LF, ours). Undefined when no line decides it.
 */
export function lineEndingFromAttributes(attributes: string, path: string): LineEnding | undefined {
  let found: LineEnding | undefined;
  for (const line of toLf(attributes).split("\n")) {
    const [pattern, ...attrs] = line.trim().split(/\s+/);
    if (!pattern || pattern.startsWith("#") || !globMatches(pattern, path)) continue;
    for (const attr of attrs) {
      if (attr === "eol=crlf") found = "\r\n";
      else if (attr === "eol=lf" || attr === "-text" || attr === "binary") found = "\n";
      // Unspecified again (a later file's `!eol`): the checkout's settings decide.
      else if (attr === "!eol") found = undefined;
    }
  }
  return found;
}

/** The style most of `samples` end their lines in; LF when none says (our templates are LF). */
export function majorityLineEnding(samples: readonly string[]): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (const sample of samples) {
    const ending = lineEndingOf(sample);
    if (ending === "\r\n") crlf++;
    else if (ending === "\n") lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}
