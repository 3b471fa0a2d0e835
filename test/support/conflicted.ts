/** A repository whose owner's edit and the next version of a team pack change the same line: update's conflict. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { GIT_IDENTITY, tempDir } from "./context.js";
import { writeTree } from "./tree.js";

export const gitEnv = { ...process.env, ...GIT_IDENTITY };
export const git = (dir: string, ...args: string[]) =>
  spawnSync("git", args, { cwd: dir, env: gitEnv, encoding: "utf8" });

export const pack = (dir: string, version: string, clash: string) =>
  writeTree(dir, {
    "spec-agent.pack.json": JSON.stringify({ name: "team", version }),
    "templates/docs/clash.md": clash,
    "templates/docs/plain.md": `plain ${version}\n`,
  });

/** A folder holding `files`, made a repository with one commit. */
export function committed(files: Readonly<Record<string, string>>): string {
  const repo = tempDir();
  writeTree(repo, files);
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "owner's state");
  return repo;
}

/**
 * A repository from pack 1.0.0 (made by `create`, given the folder and its arguments: in process or the bin),
 * committed, whose owner edited docs/clash.md where pack 2.0.0, beside it as ../pack, changes it too.
 */
export async function conflicted(create: (cwd: string, args: string[]) => Promise<number> | number): Promise<string> {
  const cwd = tempDir();
  pack(join(cwd, "pack"), "1.0.0", "a\nb\nc\n");
  expect(await create(cwd, ["svc", "--yes", "--no-git", "--no-install", "--template", "./pack"])).toBe(0);
  const repo = join(cwd, "svc");
  writeFileSync(join(repo, "docs/clash.md"), "a\nb (owner)\nc\n");
  pack(join(cwd, "pack"), "2.0.0", "a\nB (ours)\nc\n");
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "owner's state");
  return repo;
}
