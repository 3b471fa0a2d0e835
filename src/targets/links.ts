/**
 * One source, many homes: the sources write their links from the repository
 * root, as the seed does (`.github/copilot-instructions.md`); each file gets
 * them relative to its own folder, which is how every tool resolves them.
 */
import { posix } from "node:path";

/** `[text](target)`, not an image; the target without spaces. */
const LINK = /(?<!!)\[([^\]\n]*)\]\(([^)\s]+)\)/g;
/** A fence line, or a link: one pass over the text finds both, in order. */
const FENCE_OR_LINK = /^(?:```|~~~).*$|(?<!!)\[([^\]\n]*)\]\(([^)\s]+)\)/gm;

const isRelative = (target: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#");

/** Links outside code blocks, rewritten from the root to `folder` (a path from the root, "" for the root). */
export function linksFrom(markdown: string, folder: string): string {
  if (folder === "") return markdown;
  let fenced = false;
  return markdown.replace(FENCE_OR_LINK, (whole, text: string | undefined, target: string | undefined) => {
    if (text === undefined || target === undefined) {
      fenced = !fenced;
      return whole;
    }
    if (fenced || !isRelative(target)) return whole;
    const [path = "", fragment] = target.split("#", 2);
    const relative = posix.relative(folder, path) || ".";
    return `[${text}](${relative}${fragment === undefined ? "" : `#${fragment}`})`;
  });
}

/** The inverse, for tests and checks: a file's links read back as paths from the root. */
export function linksToRoot(markdown: string, folder: string): string {
  return markdown.replace(LINK, (whole, text: string, target: string) => {
    if (!isRelative(target)) return whole;
    const [path = "", fragment] = target.split("#", 2);
    return `[${text}](${posix.join(folder, path)}${fragment === undefined ? "" : `#${fragment}`})`;
  });
}
