/** `update --check`: a CI step's question "is this repository behind?", answered without writing a byte. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/context.js";
import { snapshot, writeTree } from "./support/tree.js";

const PATH = "spec/plan/README.md";

/** Edits a made repository into a state: the record's base and the owner's file as an older version left them. */
type Setup = (repo: string, record: { version: string; files: Record<string, string> }) => void;

/** An older version wrote line 2 of the plan README otherwise; the owner's file still holds `owner`'s line 2. */
const olderLineTwo =
  (ownerLine: (old: string) => string): Setup =>
  (repo, record) => {
    const lines = (record.files[PATH] as string).split("\n");
    const old = `${lines[1]} (as an older version wrote it)`;
    record.files[PATH] = [lines[0], old, ...lines.slice(2)].join("\n");
    writeFileSync(join(repo, PATH), [lines[0], ownerLine(old), ...lines.slice(2)].join("\n"));
  };

const CASES: [
  string,
  Setup,
  number,
  RegExp,
  { behind: boolean; files: { path: string; fate: string }[] } | undefined,
][] = [
  ["up to date", () => {}, 0, /up to date with create-spec-agent/, { behind: false, files: [] }],
  [
    "behind (a file the owner left alone)",
    olderLineTwo((old) => old),
    1,
    new RegExp(`^replaced \\(you had not edited it\\)  ${PATH}$`, "m"),
    { behind: true, files: [{ path: PATH, fate: "replaced" }] },
  ],
  [
    "behind with a conflict (the owner edited the same line)",
    olderLineTwo(() => "The owner's own line two."),
    1,
    new RegExp(`^CONFLICT: your edits and ours overlap  ${PATH}$`, "m"),
    { behind: true, files: [{ path: PATH, fate: "conflict" }] },
  ],
  [
    "behind in the record alone (made by an older version, no file changed since)",
    (_repo, record) => {
      record.version = "0.1.9";
    },
    1,
    /^recorded as 0\.1\.9, would be \S+ {2}\.spec-agent\.json$/m,
    { behind: true, files: [{ path: ".spec-agent.json", fate: "record" }] },
  ],
  [
    "a newer record (made by a later version than this one)",
    (_repo, record) => {
      record.version = "99.0.0";
    },
    2,
    /newer than this/,
    undefined,
  ],
];

describe("update --check", () => {
  for (const [name, setup, code, line, json] of CASES) {
    it(`${name}: exit ${code}, nothing written, and the same answer as JSON`, async () => {
      const cwd = tempDir();
      expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
      const repo = join(cwd, "svc");
      const recordPath = join(repo, ".spec-agent.json");
      const record = JSON.parse(readFileSync(recordPath, "utf8"));
      setup(repo, record);
      writeFileSync(recordPath, `${JSON.stringify(record, null, 2)}\n`);
      const before = snapshot(repo);

      const result = await runCli(["update", "--check"], { cwd: repo });
      expect(result.code, result.stderr).toBe(code);
      expect(`${result.stdout}${result.stderr}`).toMatch(line);
      if (code === 1) expect(result.stderr).toMatch(/^error: behind create-spec-agent .*: update would change 1 file/);
      if (name.includes("conflict")) expect(result.stderr).toContain("1 with conflicts");
      expect(snapshot(repo)).toEqual(before);

      const asJson = await runCli(["update", "--check", "--json"], { cwd: repo });
      expect(asJson.code).toBe(code);
      if (json) expect(JSON.parse(asJson.stdout)).toMatchObject(json);
      expect(snapshot(repo)).toEqual(before);
    });
  }

  it("update names the repository as the other commands do, not by its absolute path", async () => {
    const cwd = tempDir();
    expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
    const inside = await runCli(["update", "--dry-run"], { cwd: join(cwd, "svc") });
    expect(inside.stdout).toMatch(
      /^Would update the current folder \(create-spec-agent [\d.]+, the version it records\):\n/,
    );
    const below = await runCli(["update"], { cwd: join(cwd, "svc/spec") });
    expect(below.stdout).toMatch(/^Updating the repository at \.\. \(create-spec-agent /);
    // An update that writes only the record (made by an older version): named files, no count of none.
    const recordPath = join(cwd, "svc/.spec-agent.json");
    writeFileSync(recordPath, readFileSync(recordPath, "utf8").replace(/"version": "[^"]*"/, '"version": "0.1.9"'));
    const written = await runCli(["update"], { cwd: join(cwd, "svc") });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^✔ Wrote the current folder\n {2}overwritten: \.spec-agent\.json$/m);
    expect(`${inside.stdout}${below.stdout}${written.stdout}`).not.toContain(cwd);
    expect(written.stdout).not.toMatch(/\b0 new/);
  });

  it("--json without --check is a usage error; --help lists --check", async () => {
    const cwd = tempDir();
    expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
    const result = await runCli(["update", "--json"], { cwd: join(cwd, "svc") });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--json is for update --check/);
    const help = await runCli(["update", "--help"], { cwd });
    expect(help.stdout).toMatch(/--check\s+write nothing/);
    expect(help.stdout).toMatch(/--json\s+with --check: print the files that would change as JSON/);
    // Each command's help says what the flag does there (issue 27).
    expect((await runCli(["check", "--help"], { cwd })).stdout).toMatch(/--json\s+print the findings as JSON\n/);
    expect((await runCli(["init", "--help"], { cwd })).stdout).toMatch(/--force\s+overwrite the clashes/);
  });

  describe("a repository behind its packs, this version unchanged", () => {
    /** A pack beside the repository, made with its 1.0.0; then the pack moves on to `version`. */
    async function behindPack(version: string, templates: Record<string, string>) {
      const cwd = tempDir();
      const pack = (v: string, files: Record<string, string>) =>
        writeTree(join(cwd, "pack"), {
          "spec-agent.pack.json": JSON.stringify({ name: "team", version: v, questions: [] }),
          ...Object.fromEntries(Object.entries(files).map(([p, t]) => [`templates/${p}`, t])),
        });
      pack("1.0.0", { "docs/team.md": "first version\n" });
      const made = await runCli(["svc", "--yes", "--no-git", "--no-install", "--template", "./pack"], { cwd });
      expect(made.code, made.stderr).toBe(0);
      pack(version, templates);
      return join(cwd, "svc");
    }

    it("a pack file changed: exit 1, the file listed, the pack named as what is behind", async () => {
      const repo = await behindPack("2.0.0", { "docs/team.md": "second version\n" });
      const before = snapshot(repo);
      const result = await runCli(["update", "--check", "--template", "../pack"], { cwd: repo });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe("replaced (you had not edited it)  docs/team.md\n");
      expect(result.stderr).toMatch(/^error: behind pack team 2\.0\.0: update would change 1 file;/);
      const asJson = await runCli(["update", "--check", "--json", "--template", "../pack"], { cwd: repo });
      expect(asJson.code).toBe(1);
      expect(JSON.parse(asJson.stdout)).toMatchObject({
        behind: true,
        packs: [{ name: "team", from: "1.0.0", to: "2.0.0" }],
        files: [{ path: "docs/team.md", fate: "replaced" }],
      });
      expect(snapshot(repo)).toEqual(before);
    });

    it("only the pack's version moved: exit 1 for the record, which says which versions", async () => {
      const repo = await behindPack("1.0.1", { "docs/team.md": "first version\n" });
      const result = await runCli(["update", "--check", "--template", "../pack"], { cwd: repo });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe("recorded as team 1.0.0, would be team 1.0.1  .spec-agent.json\n");
      expect(result.stderr).toMatch(/^error: behind pack team 1\.0\.1: update would change 1 file;/);
    });

    it("the pack as recorded: up to date, exit 0", async () => {
      const repo = await behindPack("1.0.0", { "docs/team.md": "first version\n" });
      const result = await runCli(["update", "--check", "--template", "../pack"], { cwd: repo });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/up to date/);
    });
  });
});
