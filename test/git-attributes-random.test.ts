/**
 * Random `.gitattributes` files (the root's, two folders', `.git/info/attributes`) built from the pieces git
 * reads specially (quotes, escapes, brackets and classes, `*`, `**`, `?`, `!`, `#`, blanks, `[attr]`, case,
 * a non-ASCII name, CRLF), and random paths: attributesFor must say what `git check-attr` says of every
 * attribute of every path, with core.ignorecase on in a third of the repositories. A fixed seed: the same
 * 40 repositories every run (300 more, with other seeds, agreed when it was written).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AttributesFile, attributesFor } from "../src/core/git-attributes.js";
import { tempDir } from "./support/context.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;

let seed = 1;
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
const PIECES = [
  ...["a", "b", "A", "B", ".md", "x", "é", "-", "/", "/a", "a/", "\\/", "/**/", "**/"],
  ...["*", "**", "***", "?", "[ab]", "[!a]", "[^b]", "[a-c]", "[z-a]", "[]a]", "[a/]", "[", "]"],
  ...["[[:alpha:]]", "[[:upper:]]", "[[:digit:]", "[[:bogus:]]", "\\*", "\\a", "\\\\", "!", "#", " ", "\t", '"'],
  "\\303\\251",
];
const NAMES = ["a", "b", "A", "B", "aa", "ab", "ba", "aba", "a.md", "b.md", "A.MD", "é", "x", "*", "[a", "!a", "#a"];
const WORDS = ["e1", "-e1", "!e1", "e1=v", "e1=a=b", "e2", "-e2=x", "e2=", "m", "m=1", "[attr]m", "-", "!", "bad/x"];

/** One random line: a pattern of 1 to 4 pieces, quoted one time in six, or a macro, and 1 to 3 words. */
function line(): string {
  let pattern = Array.from({ length: 1 + random(4) }, () => pick(PIECES)).join("");
  if (random(6) === 0) pattern = `"${pattern.replace(/"/g, '\\"')}"`;
  if (random(8) === 0) pattern = `[attr]${pick(["m", "n", "e1"])}`;
  return [pattern, ...Array.from({ length: 1 + random(3) }, () => pick(WORDS))].join(" ");
}

describe.skipIf(!hasGit)("attributesFor on random attribute files", () => {
  it("says what git check-attr says of e1, e2 and the macro m, path by path", () => {
    const differences: string[] = [];
    for (let round = 0; round < 40; round++) {
      const cwd = tempDir();
      const env = { ...process.env, HOME: cwd, XDG_CONFIG_HOME: join(cwd, ".config"), GIT_CONFIG_NOSYSTEM: "1" };
      const git = (...args: string[]) =>
        spawnSync("git", args, { cwd, env: { ...env, GIT_CONFIG_GLOBAL: join(cwd, "none") }, encoding: "utf8" });
      git("init", "-q");
      const ignoreCase = random(3) === 0;
      if (ignoreCase) git("config", "core.ignorecase", "true");
      const files: AttributesFile[] = [];
      for (const [folder, at] of [
        ["", ".gitattributes"],
        ["a", "a/.gitattributes"],
        ["a/b", "a/b/.gitattributes"],
        ["", ".git/info/attributes"],
      ] as const) {
        const text = `${Array.from({ length: 12 }, line).join(random(2) ? "\n" : "\r\n")}\n`;
        mkdirSync(join(cwd, at, ".."), { recursive: true });
        writeFileSync(join(cwd, at), text);
        files.push({ folder, text });
      }
      const paths = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const folders = [pick(["a", "A", "b", "x"]), pick(["b", "B", "c"]), pick(NAMES)].slice(0, random(4));
        paths.add([...folders, pick(NAMES)].join("/"));
      }
      const fields = git("check-attr", "-z", "e1", "e2", "m", "--", ...paths).stdout.split("\0");
      const said = new Map<string, string>();
      for (let i = 0; i + 2 < fields.length; i += 3) said.set(`${fields[i]} ${fields[i + 1]}`, fields[i + 2] as string);
      for (const path of paths) {
        const ours = attributesFor(files, path, () => ignoreCase);
        for (const name of ["e1", "e2", "m"]) {
          const value = ours.get(name);
          const shown = value == null ? "unspecified" : value === true ? "set" : value === false ? "unset" : value;
          if (shown !== said.get(`${path} ${name}`))
            differences.push(
              `${JSON.stringify(files)} ${ignoreCase ? "ignorecase " : ""}${path} ${name}: ours ${shown}, git ${said.get(`${path} ${name}`)}`,
            );
        }
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });
});
