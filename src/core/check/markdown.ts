/** Markdown as check reads it: links outside code, and YAML frontmatter with the line it starts on. */
import { shownName } from "./problems.js";

export interface Link {
  target: string;
  line: number;
}

/** `[text](target)` and `![alt](target)`, the target bare or in angle brackets, an optional title after it. */
const LINK = /\[(?:[^\]\n\\]|\\.)*\]\((?:<([^>\n]*)>|([^)\s]+))(?:\s+"[^"\n]*")?\)/g;
const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * The lines (1-based) inside fenced code blocks, fence lines included; none when the text has no fence.
 * `closedOnly`: a fence never closed is left out (Markdown runs it to the end of the file; our block appended
 * after an owner's stray fence must still be found there).
 */
export function fencedLines(text: string, { closedOnly = false } = {}): Set<number> {
  const fenced = new Set<number>();
  if (!text.includes("```") && !text.includes("~~~")) return fenced;
  let fence: string | undefined;
  let openedAt = 0;
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const opened = FENCE.exec(line);
    if (opened) {
      fenced.add(i + 1);
      if (fence === undefined) {
        fence = opened[1];
        openedAt = i + 1;
      } else if (opened[1] === fence) fence = undefined;
    } else if (fence !== undefined) fenced.add(i + 1);
  });
  if (fence !== undefined && closedOnly) for (let n = openedAt; n <= lines.length; n++) fenced.delete(n);
  return fenced;
}

/**
 * Every link's target outside fenced blocks and inline code, with its line.
 * Only the lines that hold `](` are looked at: check reads thousands of files; `skip` names lines not to look at.
 */
export function markdownLinks(text: string, skip?: (line: number) => boolean): Link[] {
  const links: Link[] = [];
  let at = text.indexOf("](");
  if (at === -1) return links;
  const fenced = fencedLines(text);
  let line = 1;
  let counted = 0;
  while (at !== -1) {
    for (let nl = text.indexOf("\n", counted); nl !== -1 && nl < at; nl = text.indexOf("\n", nl + 1)) {
      line++;
      counted = nl + 1;
    }
    const start = text.lastIndexOf("\n", at) + 1;
    const endOfLine = text.indexOf("\n", at);
    const end = endOfLine === -1 ? text.length : endOfLine;
    if (!fenced.has(line) && !skip?.(line)) {
      let prose = text.slice(start, end);
      // Inline code blanked, where the line has any.
      if (prose.includes("`")) prose = prose.replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
      LINK.lastIndex = 0;
      for (let match = LINK.exec(prose); match !== null; match = LINK.exec(prose))
        links.push({ target: (match[1] ?? match[2]) as string, line });
    }
    at = endOfLine === -1 ? -1 : text.indexOf("](", endOfLine);
  }
  return links;
}

export interface Frontmatter {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** The line the YAML starts on, 1-based. */
  line: number;
}

export function frontmatter(text: string): Frontmatter | undefined {
  if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) return undefined;
  const end = text.search(/\r?\n---\s*(\r?\n|$)/);
  if (end === -1) return { yaml: text.slice(4), line: 2 };
  return { yaml: text.slice(text.indexOf("\n") + 1, end + 1), line: 2 };
}

/**
 * A relative link's target as a path from the root, or a reason it cannot be one; undefined for URLs and anchors.
 * `rootRelative`: in a root document of the team's own (README.md, CONTRIBUTING.md), `/CHANGELOG.md` is the
 * repository's root, as GitHub renders it; in the rules and the spec, where an agent would take it for a path on
 * disk, it is refused.
 */
export function resolveLink(
  file: string,
  target: string,
  rootRelative = false,
): { path: string } | { problem: string } | undefined {
  // `//host/path` is a URL without its scheme (RFC 3986's network-path reference), not a path on disk.
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target.startsWith("//")) return undefined;
  if (target.startsWith("/") && !rootRelative)
    return { problem: `link ${shownName(target)} is an absolute path on disk: make it relative to this file` };
  if (target.startsWith("/")) return resolveLink("", target.replace(/^\/+/, ""));
  // The part before any `#` and `?`, decoded where it holds an escape.
  let cut = target.indexOf("#");
  const query = target.indexOf("?");
  if (query !== -1 && (cut === -1 || query < cut)) cut = query;
  let path = cut === -1 ? target : target.slice(0, cut);
  if (path.includes("%"))
    try {
      path = decodeURIComponent(path);
    } catch {
      // A stray % stays as written.
    }
  // From the file's folder, one segment at a time: `..` takes the last one off.
  const slash = file.lastIndexOf("/");
  let resolved = slash === -1 ? "" : file.slice(0, slash);
  for (let from = 0; from <= path.length; ) {
    let to = path.indexOf("/", from);
    if (to === -1) to = path.length;
    const segment = path.slice(from, to);
    from = to + 1;
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (resolved === "") return { problem: `link ${shownName(target)} points outside the repository` };
      resolved = resolved.slice(0, Math.max(0, resolved.lastIndexOf("/")));
    } else resolved = resolved === "" ? segment : `${resolved}/${segment}`;
  }
  return { path: resolved };
}
