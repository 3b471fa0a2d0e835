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
    .split(/(\*\*\/?|\*|\?|\[!?\]?[^\]]*\])/)
    .map((part) => {
      // A bracket expression, `[!…]` negated as in fnmatch; its characters taken literally but for a range's `-`.
      if (part.startsWith("[") && part.length > 2)
        return `[${part.startsWith("[!") ? "^" : ""}${part
          .slice(part.startsWith("[!") ? 2 : 1, -1)
          .replace(/[\\^\]]/g, "\\$&")}]`;
      if (part === "**/") return "(?:.*/)?";
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  try {
    return new RegExp(`^${source}$`).test(subject);
  } catch {
    // A range git would not read either (`[z-a]`): the line matches nothing.
    return false;
  }
}

/** One `.gitattributes` file: the folder it lies in (`""` for the root's, `a/b` below it) and its text. */
export interface AttributesFile {
  folder: string;
  text: string;
}

/**
 * The ending `.gitattributes` gives `path` in the working tree: the last matching line that sets `eol`, unless
 * the last that sets `text` unsets it (`-text`, `binary`: the file as written, LF as ours are). Undefined when
 * no line decides it.
 */
export function lineEndingFromAttributes(attributes: string, path: string): LineEnding | undefined {
  return lineEndingFromAttributeFiles([{ folder: "", text: attributes }], path);
}

/**
 * The same over every file git reads for `path`, in the order git gives them precedence, lowest first (the
 * root's, then each folder's down to the path's own, then `.git/info/attributes` as the root's): a line in a
 * later file overrides an earlier one, as a later line does within one file. A file's patterns match the path
 * from its own folder (gitattributes(5)); a file in a folder that does not hold `path` says nothing of it.
 */
export function lineEndingFromAttributeFiles(files: readonly AttributesFile[], path: string): LineEnding | undefined {
  // `text` and `eol` are two attributes, each set by the last line that names it.
  let text: "set" | "unset" | "auto" | undefined;
  let eol: LineEnding | undefined;
  for (const { folder, text: lines } of files) {
    if (folder !== "" && !path.startsWith(`${folder}/`)) continue;
    const relative = folder === "" ? path : path.slice(folder.length + 1);
    for (const line of toLf(lines).split("\n")) {
      const [pattern, ...attrs] = line.trim().split(/\s+/);
      // `[attr]name …` defines a macro, it matches no path.
      if (!pattern || pattern.startsWith("#") || pattern.startsWith("[attr]") || !globMatches(pattern, relative))
        continue;
      for (const attr of attrs) {
        if (attr === "eol=crlf") eol = "\r\n";
        else if (attr === "eol=lf" || attr === "crlf=input") eol = "\n";
        else if (attr === "!eol") eol = undefined;
        else if (attr === "text" || attr === "crlf") text = "set";
        else if (attr === "text=auto") text = "auto";
        else if (attr === "-text" || attr === "-crlf" || attr === "binary") text = "unset";
        else if (attr === "!text") text = undefined;
      }
    }
  }
  // Not text: git writes the file as it is stored, and ours are LF. Otherwise `eol`, or the checkout's settings.
  return text === "unset" ? "\n" : eol;
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
