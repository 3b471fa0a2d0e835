/** What defaults are derived from: the target's name, git's user.name, which tools are on PATH. */
import { basename, delimiter, join, resolve } from "node:path";
import type { DeclaredPython } from "../core/python.js";
import type { FileSystem } from "./fs.js";
import { gitUserName } from "./git.js";
import { readGitUserName } from "./gitconfig.js";
import type { Env, Exec } from "./host.js";

/** What the facts are read from: a part of the run context. */
export interface FactSources {
  cwd: string;
  env: Env;
  platform: NodeJS.Platform;
  fs: FileSystem;
  exec: Exec;
  isExecutableFile(path: string): boolean;
}

/** What defaults are derived from; the lazy ones cost a process or a PATH walk. */
export interface Facts {
  /** The folder's own name when the target was given (`my-svc`, or cwd's name for `.`). */
  folderName: string | undefined;
  gitUserName(): Promise<string>;
  hasGit(): boolean;
  hasUv(): boolean;
  /** init in a project with its own pyproject.toml: its names are the answers, and its licence stays its own. */
  ownerProject?: boolean;
  /**
   * What that project declares about its Python: the Python offered is the lowest it admits (a valid one is
   * taken without asking), and the question says what the project declares.
   */
  ownerPython?: DeclaredPython;
  /** init in a project of another language (core/other-language.ts): no Python package or version is asked or checked. */
  otherLanguage?: boolean;
  /** go-task's `task`, which every next step runs. */
  hasTask(): boolean;
  /** `uv --version` when a uv on PATH answers it: the project's build bound follows it. */
  uvVersion(): Promise<string | undefined>;
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}

function onPath(ctx: FactSources, command: string): boolean {
  const extensions = ctx.platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  const folders = (ctx.env.PATH ?? "").split(delimiter).filter(Boolean);
  return folders.some((folder) => extensions.some((ext) => ctx.isExecutableFile(join(folder, command + ext))));
}

/**
 * When the author's default will be needed, it is looked up at once: read from
 * git's config files when they are plain, otherwise by starting git, which then
 * runs while the rest of the answers are worked out.
 */
export function gatherFacts(ctx: FactSources, folderArg: string | undefined, authorNeeded: boolean): Facts {
  const hasGit = once(() => onPath(ctx, "git"));
  const hasUv = once(() => onPath(ctx, "uv"));
  const facts: Facts = {
    folderName: folderArg === undefined ? undefined : basename(resolve(ctx.cwd, folderArg)),
    gitUserName: once(async () => {
      const read = readGitUserName(ctx.fs, ctx.env, ctx.cwd);
      if (read !== undefined) return read;
      return hasGit() ? gitUserName(ctx.exec, ctx.cwd) : "";
    }),
    hasGit,
    hasUv,
    hasTask: once(() => onPath(ctx, "task")),
    uvVersion: once(async () => {
      if (!hasUv()) return undefined;
      const result = await ctx.exec("uv", ["--version"], ctx.cwd);
      return result.status === 0 ? result.stdout : undefined;
    }),
  };
  if (authorNeeded) void facts.gitUserName();
  return facts;
}
