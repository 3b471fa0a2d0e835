/** What defaults are derived from: the target's name, git's user.name, which tools are on PATH. */
import { basename, delimiter, join, resolve } from "node:path";
import { readGitUserName } from "./gitconfig.js";
import type { RunContext } from "./main.js";
import type { Facts } from "./options.js";
import { gitUserName } from "./post.js";

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}

function onPath(ctx: RunContext, command: string): boolean {
  const extensions = process.platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  const folders = (ctx.env.PATH ?? "").split(delimiter).filter(Boolean);
  return folders.some((folder) => extensions.some((ext) => ctx.isExecutableFile(join(folder, command + ext))));
}

/**
 * When the author's default will be needed, it is looked up at once: read from
 * git's config files when they are plain, otherwise by starting git, which then
 * runs while the rest of the answers are worked out.
 */
export function gatherFacts(ctx: RunContext, folderArg: string | undefined, authorNeeded: boolean): Facts {
  const hasGit = once(() => onPath(ctx, "git"));
  const facts: Facts = {
    folderName: folderArg === undefined ? undefined : basename(resolve(ctx.cwd, folderArg)),
    gitUserName: once(async () => {
      const read = readGitUserName(ctx.fs, ctx.env, ctx.cwd);
      if (read !== undefined) return read;
      return hasGit() ? gitUserName(ctx.exec, ctx.cwd) : "";
    }),
    hasGit,
    hasUv: once(() => onPath(ctx, "uv")),
  };
  if (authorNeeded) void facts.gitUserName();
  return facts;
}
