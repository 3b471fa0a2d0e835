/**
 * Where the record says a team's pack is: the same bytes whoever runs the command, from whichever folder, on
 * whichever system (issue 22). The built bin end to end, then the rule itself with POSIX and Windows paths.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { recordedSource } from "../src/templates/team-pack.js";
import { cli } from "./support/bin.js";
import { tempDir } from "./support/context.js";

const NO_TOOLS = ["--yes", "--no-git", "--no-install"];

function writePack(dir: string, version: string, text: string): void {
  mkdirSync(posix.join(dir, "templates/docs"), { recursive: true });
  writeFileSync(posix.join(dir, "spec-agent.pack.json"), JSON.stringify({ name: "team", version }));
  writeFileSync(posix.join(dir, "templates/docs/team.md.hbs"), text);
}

const recordOf = (repo: string): string => readFileSync(posix.join(repo, ".spec-agent.json"), "utf8");

/** The record's fields that differ between two records, as `packs.0.version`, `files.docs/team.md`. */
function changedFields(before: unknown, after: unknown, at = ""): string[] {
  if (typeof before !== "object" || typeof after !== "object" || before === null || after === null)
    return before === after ? [] : [at];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) =>
    changedFields(
      (before as Record<string, unknown>)[key],
      (after as Record<string, unknown>)[key],
      at ? `${at}.${key}` : key,
    ),
  );
}

describe("the pack's source in the record", () => {
  it("is relative to the repository's root, and update from inside it (nothing new) changes no byte of the record", () => {
    const cwd = tempDir();
    writePack(posix.join(cwd, "pack"), "1.0.0", "Team of {{name}}\n");
    expect(cli(["svc", ...NO_TOOLS, "--template", "./pack"], cwd).status).toBe(0);
    const repo = posix.join(cwd, "svc");
    const made = recordOf(repo);
    expect(JSON.parse(made).packs[0].source).toBe("../pack");
    // The same pack named from the repository's root, and from a folder below it.
    for (const [where, ref] of [
      [repo, "../pack"],
      [posix.join(repo, "docs"), "../../pack"],
    ] as const) {
      const result = cli(["update", "--yes", "--template", ref], where);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(recordOf(repo)).toBe(made);
    }
  });

  it("names a pack moved into the repository from its root, which plain update then finds from any folder", () => {
    const cwd = tempDir();
    writePack(posix.join(cwd, "pack"), "1.0.0", "Team of {{name}}\n");
    expect(cli(["svc", ...NO_TOOLS, "--template", "./pack"], cwd).status).toBe(0);
    const repo = posix.join(cwd, "svc");
    renameSync(posix.join(cwd, "pack"), posix.join(repo, "packs-team"));
    // Given from a folder below the root: recorded from the root.
    expect(cli(["update", "--yes", "--template", "../packs-team"], posix.join(repo, "docs")).status).toBe(0);
    const moved = recordOf(repo);
    expect(JSON.parse(moved).packs[0].source).toBe("./packs-team");
    for (const where of [repo, posix.join(repo, "docs"), posix.join(repo, "src")]) {
      const result = cli(["update", "--yes"], where);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(recordOf(repo)).toBe(moved);
    }
  });

  it("a new version of the pack changes only its version, its digest and the files it writes", () => {
    const cwd = tempDir();
    writePack(posix.join(cwd, "pack"), "1.0.0", "Team of {{name}}\n");
    expect(cli(["svc", ...NO_TOOLS, "--template", "./pack"], cwd).status).toBe(0);
    const repo = posix.join(cwd, "svc");
    const before = JSON.parse(recordOf(repo));
    writePack(posix.join(cwd, "pack"), "1.1.0", "Team of {{name}}, on call weekly\n");
    const result = cli(["update", "--yes", "--template", "../pack"], repo);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(changedFields(before, JSON.parse(recordOf(repo))).sort()).toEqual([
      "files.docs/team.md",
      "packs.0.digest",
      "packs.0.version",
    ]);
  });
});

describe("recordedSource", () => {
  const manifest = { name: "team" } as Parameters<typeof recordedSource>[0]["manifest"];
  it.each([
    // A folder: its path from the root, with `/`, inside or outside the repository.
    [posix, "/w/svc", "../pack", "/w/pack", [], "../pack"],
    [posix, "/w/svc", "./packs/team", "/w/svc/packs/team", [], "./packs/team"],
    [posix, "/w/svc", "/w/svc/packs/team", "/w/svc/packs/team", [], "./packs/team"],
    [posix, "/w/svc", "/home/me/pack", "/home/me/pack", [], "../../home/me/pack"],
    [posix, "/w/svc", "svc", "/w/svc", [], "."],
    [posix, "/w/svc", "..pack", "/w/svc/..pack", [], "./..pack"],
    // An installed package by its name.
    [posix, "/w/svc", "@acme/pack", "/w/node_modules/@acme/pack", [], "@acme/pack"],
    // The record's source kept for the same folder, however it is named now; not for another, nor a machine's path.
    [posix, "/w/svc", "./packs/team/", "/w/svc/packs/team", ["packs/team"], "packs/team"],
    [posix, "/w/svc", "../other", "/w/other", ["../pack"], "../other"],
    [posix, "/w/svc", "/w/pack", "/w/pack", ["/w/pack"], "../pack"],
    // Windows: `\` and drive letters never reach the record; across drives no relative path exists.
    [win32, "C:\\w\\svc", "..\\pack", "C:\\w\\pack", [], "../pack"],
    [win32, "C:\\w\\svc", "C:\\w\\svc\\packs\\team", "C:\\w\\svc\\packs\\team", [], "./packs/team"],
    [win32, "C:\\w\\svc", "..\\pack", "C:\\w\\pack", ["..\\pack"], "../pack"],
    [win32, "C:\\w\\svc", "@acme/pack", "C:\\w\\node_modules\\@acme\\pack", [], "@acme/pack"],
    [win32, "C:\\w\\svc", "D:\\packs\\team", "D:\\packs\\team", [], "D:\\packs\\team"],
  ] as const)("%#: root %s, --template %s found at %s, recorded %j: %s", (paths, root, ref, dir, recorded, source) => {
    expect(
      recordedSource(
        { ref, dir, manifest },
        root,
        recorded.map((s) => ({ name: "team", source: s })),
        paths,
      ),
    ).toBe(source);
  });
});
