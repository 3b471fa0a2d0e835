/** `update --check`: a CI step's question "is this repository behind?", answered without writing a byte. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/context.js";
import { snapshot } from "./support/tree.js";

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
});
