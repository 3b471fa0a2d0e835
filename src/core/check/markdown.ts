/** Markdown as check reads it: links outside code, and YAML frontmatter with the line it starts on. */

export interface Link {
  target: string;
  line: number;
}

const LINK = /(?<!!)\[(?:[^\]\n\\]|\\.)*\]\(<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\)/g;
const FENCE = /^\s{0,3}(```|~~~)/;

/** Every link's target outside fenced blocks and inline code, with its line. Images are links too. */
export function markdownLinks(text: string): Link[] {
  const links: Link[] = [];
  let fence: string | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opened = FENCE.exec(line);
    if (opened) {
      if (fence === undefined) fence = opened[1];
      else if (opened[1] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined || !line.includes("](")) continue;
    const prose = line.replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
    for (const match of prose.matchAll(LINK)) links.push({ target: match[1] as string, line: i + 1 });
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

/** A relative link's target as a path from the root, or a reason it cannot be one; undefined for URLs and anchors. */
export function resolveLink(file: string, target: string): { path: string } | { problem: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) return undefined;
  if (target.startsWith("/"))
    return { problem: `link ${target} is an absolute path on disk: make it relative to this file` };
  let path = target.split("#")[0]?.split("?")[0] ?? "";
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % stays as written.
  }
  const segments = file.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return { problem: `link ${target} points outside the repository` };
      segments.pop();
    } else segments.push(segment);
  }
  return { path: segments.join("/") };
}
