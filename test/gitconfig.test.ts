/** Our reading of user.name against git's own, on the same config files. */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { readGitUserName } from "../src/io/gitconfig.js";
import { tempDir } from "./support/context.js";

const gitThere = spawnSync("git", ["--version"]).status === 0;

function setUp(global: string | undefined, xdg?: string) {
  const home = tempDir("spec-agent-home-");
  const cwd = tempDir("spec-agent-cwd-");
  if (global !== undefined) writeFileSync(join(home, ".gitconfig"), global);
  if (xdg !== undefined) {
    mkdirSync(join(home, ".config/git"), { recursive: true });
    writeFileSync(join(home, ".config/git/config"), xdg);
  }
  const env = { HOME: home, GIT_CONFIG_NOSYSTEM: "1", PATH: process.env.PATH ?? "" };
  return { home, cwd, env };
}

function gitSays(env: Record<string, string>, cwd: string): string {
  const result = spawnSync("git", ["config", "user.name"], { cwd, env, encoding: "utf8" });
  return result.status === 0 ? result.stdout.replace(/\n$/, "") : "";
}

describe.skipIf(!gitThere)(
  `readGitUserName reads what git config user.name prints${gitThere ? "" : " (skipped: git is not on PATH)"}`,
  () => {
    it.each([
      ["a plain value", "[user]\n\tname = Ada Lovelace\n"],
      ["no user section", "[core]\n\teditor = vim\n"],
      ["no file at all", undefined],
      ["quotes, inner blanks and escapes", '[user]\n  name = "Zoë  O\'Brien" \\"Jr\\" \\\\ x  \n'],
      ["a comment after the value", "[user]\nname = Grace Hopper # the admiral\n"],
      ["a semicolon comment", "[user]\nname = Grace ; Hopper\n"],
      ["a # inside quotes", '[user]\nname = "C# Dev"\n'],
      ["the last value wins", "[user]\nname = First\n[core]\nx = 1\n[user]\nname = Second\n"],
      ["case-insensitive section and key", "[User]\n\tNAME = Cased\n"],
      ["a subsection is another section", '[user "work"]\nname = Nope\n[user]\nname = Yes\n'],
      ["a key on the header line", "[user] name = Inline\n"],
      ["CRLF line endings", "[user]\r\nname = Windows User\r\n"],
      ["an email only", "[user]\nemail = a@example.com\n"],
      ["trailing blanks", "[user]\nname = Spaced   \n"],
    ])("%s", (_label, global) => {
      const { cwd, env } = setUp(global);
      const ours = readGitUserName(realFileSystem, env, cwd);
      expect(ours).toBe(gitSays(env, cwd));
    });

    it("lets ~/.gitconfig win over the XDG file, as git does", () => {
      const { cwd, env } = setUp("[user]\nname = From Home\n", "[user]\nname = From XDG\n");
      expect(readGitUserName(realFileSystem, env, cwd)).toBe("From Home");
      expect(gitSays(env, cwd)).toBe("From Home");
    });

    it("reads the XDG file when it is the only one", () => {
      const { cwd, env } = setUp(undefined, "[user]\nname = From XDG\n");
      expect(readGitUserName(realFileSystem, env, cwd)).toBe(gitSays(env, cwd));
    });
  },
);

describe("readGitUserName leaves to git what it does not model", () => {
  it.each([
    ["an include", "[include]\n\tpath = ~/.other\n[user]\nname = X\n"],
    ["an includeIf", '[includeIf "gitdir:~/work/"]\n\tpath = ~/.work\n'],
    ["a line continuation", "[user]\nname = Ada \\\n Lovelace\n"],
    ["an unclosed quote", '[user]\nname = "Ada\n'],
    ["a bare key", "[user]\nname\n"],
  ])("%s", (_label, global) => {
    const { cwd, env } = setUp(global);
    expect(readGitUserName(realFileSystem, env, cwd)).toBeUndefined();
  });

  it.each(["GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_DIR"])("when %s is set", (variable) => {
    const { cwd, env } = setUp("[user]\nname = X\n");
    expect(readGitUserName(realFileSystem, { ...env, [variable]: "1" }, cwd)).toBeUndefined();
  });

  it("inside a repository, whose own config may set user.name", () => {
    const { cwd, env } = setUp("[user]\nname = X\n");
    mkdirSync(join(cwd, ".git"));
    mkdirSync(join(cwd, "sub"));
    expect(readGitUserName(realFileSystem, env, join(cwd, "sub"))).toBeUndefined();
  });

  it("without HOME", () => {
    expect(readGitUserName(realFileSystem, {}, tempDir())).toBeUndefined();
  });
});
