/**
 * git's user.name read from its config files, without starting git (a process
 * and child_process cost the CLI milliseconds and megabytes). Only the plain
 * case is modelled: the system and global files, read as git reads them.
 * Anything else (include directives, GIT_CONFIG_* overrides, a repository
 * around the folder, a value this reader does not parse) gives undefined, and
 * the caller asks git itself. And a repository's core.ignorecase, the same way.
 */
import { dirname, join } from "node:path";
import type { FileSystem } from "./fs.js";
import { readSmall } from "./target/lock.js";

type Env = Readonly<Record<string, string | undefined>>;

const NOT_MODELLED = Symbol("not modelled");

/** The files `git config` reads for a folder outside any repository, lowest precedence first. */
function configFiles(env: Env): string[] | undefined {
  if (env.GIT_CONFIG_COUNT || env.GIT_CONFIG_PARAMETERS || env.GIT_DIR || env.GIT_CONFIG) return undefined;
  const home = env.HOME;
  if (!home) return undefined;
  const files: string[] = [];
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? "/etc/gitconfig");
  if (env.GIT_CONFIG_GLOBAL) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(join(env.XDG_CONFIG_HOME || join(home, ".config"), "git/config"), join(home, ".gitconfig"));
  return files;
}

/** A value after `=`: quotes, escapes and comments as git's config parser reads them. */
function parseValue(raw: string): string | typeof NOT_MODELLED {
  let value = "";
  let quoted = false;
  let pendingSpace = "";
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    if (char === "\\") {
      const next = raw[++i];
      const escaped =
        next === undefined
          ? undefined
          : ({ '"': '"', "\\": "\\", n: "\n", t: "\t", b: "\b" } as Record<string, string>)[next];
      if (escaped === undefined) return NOT_MODELLED; // a line continuation or an escape git refuses
      value += pendingSpace + escaped;
      pendingSpace = "";
    } else if (char === '"') {
      value += pendingSpace;
      pendingSpace = "";
      quoted = !quoted;
    } else if (!quoted && (char === "#" || char === ";")) {
      break;
    } else if (!quoted && (char === " " || char === "\t")) {
      if (value !== "") pendingSpace += char; // leading and trailing blanks are dropped
    } else {
      value += pendingSpace + char;
      pendingSpace = "";
    }
  }
  return quoted ? NOT_MODELLED : value;
}

/**
 * The last value of `section.key` (both lower case) in one file's text: true for a bare key (git's "true"),
 * undefined when absent, NOT_MODELLED when the file needs git itself.
 */
function lastValueIn(text: string, section: string, key: string): string | true | undefined | typeof NOT_MODELLED {
  let current = "";
  let found: string | true | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\]/.exec(line);
    if (header) {
      current = `${(header[1] as string).toLowerCase()}${header[2] ? " sub" : ""}`;
      if (current.startsWith("include")) return NOT_MODELLED;
      line = line.slice(header[0].length).trim();
    } else if (line.startsWith("[")) {
      return NOT_MODELLED;
    }
    if (line === "" || line.startsWith("#") || line.startsWith(";") || current !== section) continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line);
    if (!entry) return NOT_MODELLED;
    if ((entry[1] as string).toLowerCase() !== key) continue;
    const value = entry[2] === undefined ? true : parseValue(entry[2]);
    if (value === NOT_MODELLED) return NOT_MODELLED;
    found = value;
  }
  return found;
}

/**
 * core.ignorecase in the repository's own `.git/config`, which git init and clone set on a case-insensitive file
 * system: git then matches attribute patterns without regard to ASCII case. A value git reads as true (a bare key,
 * true, yes, on, a number but 0); anything else, or a file this reader does not model, is false, git's default.
 * One machine's global config is left out, as its attribute files are (line-style.ts).
 */
export function repositoryIgnoresCase(fs: FileSystem, root: string): boolean {
  const text = readSmall(fs, join(root, ".git/config"), 1024 * 1024);
  const value = text === undefined ? undefined : lastValueIn(text, "core", "ignorecase");
  if (value === true) return true;
  if (typeof value !== "string") return false;
  const word = value.toLowerCase();
  return word === "true" || word === "yes" || word === "on" || /^[-+]?0*[1-9][0-9]*[kmg]?$/i.test(word);
}

/** Whether `folder` is inside a git work tree, where a repository's own config could set user.name. */
function insideRepository(fs: FileSystem, folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    try {
      if (fs.lstatSync(join(dir, ".git"), { throwIfNoEntry: false })) return true;
    } catch {
      // A folder that cannot be searched holds no repository git could read either.
    }
    if (dirname(dir) === dir) return false;
  }
}

export function readGitUserName(fs: FileSystem, env: Env, cwd: string): string | undefined {
  const files = configFiles(env);
  if (!files || insideRepository(fs, cwd)) return undefined;
  let name = "";
  for (const file of files) {
    // An unreadable HOME or config file is skipped, as git skips it.
    let text: string;
    try {
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
      text = fs.readTextSync(file);
    } catch {
      continue;
    }
    const found = lastValueIn(text, "user", "name");
    // A bare key means "true" to git: not a name this reader gives.
    if (found === NOT_MODELLED || found === true) return undefined;
    if (found !== undefined) name = found;
  }
  return name;
}
