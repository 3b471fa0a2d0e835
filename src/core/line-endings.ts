/**
 * Line endings are not edits: git for Windows checks text out with CRLF
 * (`core.autocrlf=true`), so a file that differs from ours only in its
 * endings is the same file. Every comparison with a base or a plan is made on
 * LF text; what is written takes the style of the file it replaces, or the
 * repository's for a new file, and never mixes the two. Pure.
 */

import { type AttributesFile, type AttributeValue, attributesFor } from "./git-attributes.js";

export type { AttributesFile } from "./git-attributes.js";

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

/**
 * The ending `.gitattributes` gives `path` in the working tree, as git's convert.c reads its attributes: not text
 * (`-text`, `binary`, a macro that says so) keeps the file as written, LF as ours are; otherwise `eol` decides,
 * and `text=input` (or `crlf=input`) alone means LF. Undefined when nothing decides it: the checkout's settings do.
 */
export function lineEndingFromAttributes(attributes: string, path: string): LineEnding | undefined {
  return lineEndingFromAttributeFiles([{ folder: "", text: attributes }], path);
}

/** `text`, else the older `crlf`, as convert.c reads them: set, unset, `input` or `auto`. */
const textAction = (value: AttributeValue | undefined): "text" | "binary" | "input" | "auto" | undefined =>
  value === true ? "text" : value === false ? "binary" : value === "input" || value === "auto" ? value : undefined;

/**
 * The same over every file git reads for `path`, in git's precedence, lowest first (see attributesFor);
 * `ignoreCase` says whether the repository has core.ignorecase, asked only when case alone would decide.
 */
export function lineEndingFromAttributeFiles(
  files: readonly AttributesFile[],
  path: string,
  ignoreCase?: () => boolean,
): LineEnding | undefined {
  const attributes = attributesFor(files, path, ignoreCase);
  const action = textAction(attributes.get("text")) ?? textAction(attributes.get("crlf"));
  // Not text: git writes the file as it is stored, and ours are LF.
  if (action === "binary") return "\n";
  const eol = attributes.get("eol");
  if (eol === "crlf") return "\r\n";
  if (eol === "lf" || action === "input") return "\n";
  return undefined;
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
