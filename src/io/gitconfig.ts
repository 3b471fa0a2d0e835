/**
 * git's user.name read from its config files, without starting git (a process
 * and child_process cost the CLI milliseconds and megabytes). Only the plain
 * case is modelled: the system and global files, read as git reads them.
 * Anything else (include directives, GIT_CONFIG_* overrides, a repository
 * around the folder, a value this reader does not parse) gives undefined, and
 * the caller asks git itself.
 */
import { dirname, join } from "node:path";
import type { FileSystem } from "./fs.js";

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

/** user.name in one file's text: undefined when absent, NOT_MODELLED when the file needs git itself. */
function userNameIn(text: string): string | undefined | typeof NOT_MODELLED {
  let section = "";
  let found: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\]/.exec(line);
    if (header) {
      section = `${(header[1] as string).toLowerCase()}${header[2] ? " sub" : ""}`;
      if (section.startsWith("include")) return NOT_MODELLED;
      line = line.slice(header[0].length).trim();
    } else if (line.startsWith("[")) {
      return NOT_MODELLED;
    }
    if (line === "" || line.startsWith("#") || line.startsWith(";") || section !== "user") continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line);
    if (!entry) return NOT_MODELLED;
    if ((entry[1] as string).toLowerCase() !== "name") continue;
    if (entry[2] === undefined) return NOT_MODELLED; // a bare key means "true" to git
    const value = parseValue(entry[2]);
    if (value === NOT_MODELLED) return NOT_MODELLED;
    found = value;
  }
  return found;
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
    const found = userNameIn(text);
    if (found === NOT_MODELLED) return undefined;
    if (found !== undefined) name = found;
  }
  return name;
}
