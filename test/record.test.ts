/**
 * The repository's `.spec-agent.json` is input like any flag: whoever sent the last pull request wrote it.
 * Its version runs nothing, its paths stay inside the repository, its answers pass create's validation,
 * and the packs it names are found only inside the repository or installed.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confinementProblem } from "../src/core/confine.js";
import { UsageError } from "../src/core/errors.js";
import { manifestFile, recordLeavingAlone } from "../src/core/manifest.js";
import { compareVersions, parseRecord, versionProblem } from "../src/core/record.js";
import { packageRoot } from "../src/io/package-info.js";
import { answerProblem } from "../src/options/answers.js";
import { loadToolTable } from "../src/options/tool-table.js";
import { TARGET_RULES } from "../src/targets/table.js";
import { runCli, tempDir } from "./support/context.js";
import { hostileRecord } from "./support/hostile-record.js";

// The option table reads the AI tools once they are loaded, as the commands that ask about them do.
await loadToolTable();

const read = (path: string): string => readFileSync(path, "utf8");
const readJson = (path: string) => JSON.parse(read(path));

/** A repository made by create, whose record the test then rewrites as an attacker would. */
async function created(): Promise<{ cwd: string; repo: string }> {
  const cwd = tempDir();
  const made = await runCli(["svc", "--yes", "--no-git", "--no-install", "--author", "A"], { cwd });
  expect(made.stderr).toBe("");
  return { cwd, repo: join(cwd, "svc") };
}

interface EditableRecord {
  version: string;
  answers: Record<string, unknown>;
  files: Record<string, string>;
  packs: { source: string; [key: string]: unknown }[];
}

function editRecord(repo: string, edit: (record: EditableRecord) => void): void {
  const record = readJson(join(repo, ".spec-agent.json"));
  edit(record);
  writeFileSync(join(repo, ".spec-agent.json"), JSON.stringify(record, null, 2));
}

describe("the record's version", () => {
  it.each([
    ["1.2.3", true],
    ["0.1.0-rc.1+build.5", true],
    ["file:../evil", false],
    ["0.1.0 --registry=http://evil", false],
    ["latest", false],
    ["1.2", false],
    ["01.2.3", false],
    ["https://example.com/x.tgz", false],
    ["github:someone/evil", false],
  ])("%s is a strict semver: %s", (version, strict) => {
    expect(versionProblem(version) === undefined).toBe(strict);
  });

  it("a record past 64 MiB is refused before it is parsed", () => {
    expect(() => parseRecord(" ".repeat(64 * 1024 * 1024 + 1), answerProblem, TARGET_RULES)).toThrow(
      ".spec-agent.json: is larger than 64 MiB",
    );
  });

  it("compares by number at any size, and throws rather than compare anything else", () => {
    expect(compareVersions("0.10.0", "0.9.9")).toBe(1);
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBe(-1);
    expect(compareVersions("1.0.0+build-1", "1.0.0")).toBe(0);
    expect(compareVersions("9007199254740993.0.0", "9007199254740992.0.0")).toBe(1);
    expect(() => compareVersions("file:../evil", "0.2.0")).toThrow();
  });

  /** A 0.1.0 repository with an edited file, so that update wants the recorded version's files for its base. */
  function oldRepository(version: unknown): string {
    const repo = join(tempDir(), "svc");
    cpSync(join(packageRoot, "test/fixtures/v0.1.0/svc"), repo, { recursive: true });
    writeFileSync(join(repo, "README.md"), `${read(join(repo, "README.md"))}\nOurs.\n`);
    editRecord(repo, (record) => {
      (record as { version: unknown }).version = version;
    });
    return repo;
  }

  it.each(
    [
      "file:../evil",
      "file:..",
      "../x",
      "/tmp/x",
      "1.0.0 || x",
      "^0.1.0",
      "latest",
      "https://example.com/create-spec-agent-0.1.0.tgz",
      "git+https://github.com/someone/evil.git",
      "github:someone/evil",
      "npm:other@0.1.0",
      "0.1.0 --registry=http://127.0.0.1:9",
      "0.1.0\n",
      `${"9".repeat(100)}.0.0`,
      "x".repeat(100_000),
    ].map((version) => [
      version.length > 40 ? `${version.slice(0, 12)}… (${version.length} characters)` : version,
      version,
    ]),
  )(
    "of a 0.1.0 record runs nothing when it is not a registry version (a file: spec ran its prepack and bin): %s",
    async (_shown, version) => {
      const repo = oldRepository(version);
      for (const args of [["update"], ["update", "--dry-run"], ["update", "--check"]]) {
        const result = await runCli(args, { cwd: repo, env: { PATH: "/usr/bin:/bin" } });
        expect(result.calls).toEqual([]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(
          /^error: \.spec-agent\.json: version ".*" is not a version like 1\.2\.3; restore it/,
        );
        expect(result.stderr.length).toBeLessThan(300);
      }
    },
  );

  it("of a 0.1.0 record that is a strict semver: exactly npm pack of our published package, install scripts off, outside the repository", async () => {
    for (const version of ["0.1.0", "0.1.0-rc.1+build.5"]) {
      for (const args of [
        ["update", "--yes"],
        ["update", "--dry-run"],
        ["update", "--check"],
      ]) {
        const repo = oldRepository(version);
        const asked: { argv: string[]; cwd: string }[] = [];
        await runCli(args, {
          cwd: repo,
          env: { PATH: "/usr/bin:/bin" },
          exec: (program, argv, cwd) => {
            asked.push({ argv: [program, ...argv], cwd });
            return { status: 1, stdout: "", stderr: "" };
          },
        });
        const npm = asked.filter(({ argv }) => argv[0] !== "git");
        expect(
          npm.map(({ argv }) => argv),
          `${version}: ${args.join(" ")}`,
        ).toEqual([["npm", "pack", "--silent", "--ignore-scripts", `create-spec-agent@${version}`]]);
        // A folder of its own, not the repository's nor above it: npm reads no .npmrc or package.json of theirs.
        expect(relative(join(repo, ".."), npm[0]?.cwd as string).startsWith("..")).toBe(true);
      }
    }
  });
});

describe("the record's paths", () => {
  it("outside the repository, in .git or absolute: exit 2 naming the key, and nothing is deleted or shown", async () => {
    const { cwd, repo } = await created();
    writeFileSync(join(cwd, "outside.txt"), "the neighbour's secret\n");
    mkdirSync(join(repo, ".git/hooks"), { recursive: true });
    writeFileSync(join(repo, ".git/hooks/pre-commit"), "#!/bin/sh\n");
    for (const [path, base] of [
      ["../outside.txt", "the neighbour's secret\n"],
      [".git/hooks/pre-commit", "#!/bin/sh\n"],
      [join(cwd, "outside.txt"), "the neighbour's secret\n"],
    ] as const) {
      editRecord(repo, (record) => {
        record.files = { ...record.files, [path]: base };
      });
      for (const dryRun of [[], ["--dry-run"]]) {
        const result = await runCli(["update", ...dryRun], { cwd: repo });
        expect(result.code, path).toBe(2);
        expect(result.stderr).toMatch(
          /^error: \.spec-agent\.json: files: ".*" is (absolute|inside git's own files|.*not a name)/,
        );
        expect(result.stdout).not.toContain("secret");
      }
      editRecord(repo, (record) => {
        delete record.files[path];
      });
    }
    expect(read(join(cwd, "outside.txt"))).toBe("the neighbour's secret\n");
    expect(read(join(repo, ".git/hooks/pre-commit"))).toBe("#!/bin/sh\n");
  });

  it("through a linked folder: refused, and the file the link reaches is kept", async () => {
    const { cwd, repo } = await created();
    mkdirSync(join(cwd, "elsewhere"));
    writeFileSync(join(cwd, "elsewhere/notes.md"), "someone else's\n");
    symlinkSync(join(cwd, "elsewhere"), join(repo, "linked"));
    editRecord(repo, (record) => {
      record.files["linked/notes.md"] = "someone else's\n";
    });
    for (const dryRun of [[], ["--dry-run"]]) {
      const result = await runCli(["update", ...dryRun], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error: "linked/notes.md" is reached through a link ("linked"): move the link away and run again\n`,
      );
      expect(result.stdout).not.toContain("someone else's");
    }
    expect(read(join(cwd, "elsewhere/notes.md"))).toBe("someone else's\n");
  });
});

describe("the record's answers pass create's checks", () => {
  it.each([
    [
      "name",
      "svc$(touch pwned)",
      'answers.name: project name "svc$(touch pwned)" is not a valid Python distribution name',
    ],
    ["package", "class", 'answers.package: Python package "class" is a Python keyword'],
    ["python", "2.7", 'answers.python: Python version "2.7" is not one of 3.'],
    ["description", "one\nrm -rf /", "answers.description: description must be one line"],
    ["author", 7, "answers.author is missing"],
    ["agents", ["copilot", "cluade"], 'answers.agents: "cluade" is not an AI tool we write for'],
    ["agents", "copilot", "answers.agents is not a list"],
    ["license", "GPL-3.0", 'answers.license: "GPL-3.0" is not a licence we write'],
    ["license", ["MIT"], "answers.license is not a text"],
  ])("%s = %j: exit 2 naming the key, nothing written", async (key, value, message) => {
    const { repo } = await created();
    editRecord(repo, (record) => {
      record.answers[key] = value;
    });
    const before = read(join(repo, ".spec-agent.json"));
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: .spec-agent.json: ${message}`);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(join(repo, ".spec-agent.json"))).toBe(before);
    expect(existsSync(join(repo, ".github/copilot-instructions.md"))).toBe(true);
  });

  it.each([
    ["a text", "Taskfile.yml", "theirs is not a list"],
    ["a number in it", [7], "theirs holds something other than a path"],
    ["a path outside", ["../x"], "theirs: "],
    ["a path also in files", ["Taskfile.yml"], '"Taskfile.yml" is both in files and in theirs'],
  ])("theirs as %s: exit 2 naming the key, nothing written", async (_what, value, message) => {
    const { repo } = await created();
    editRecord(repo, (record) => {
      (record as unknown as { theirs: unknown }).theirs = value;
    });
    const before = read(join(repo, ".spec-agent.json"));
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: .spec-agent.json: ${message}`);
    expect(read(join(repo, ".spec-agent.json"))).toBe(before);
  });

  it("a file theirs lists is left out of update: not merged, not reported, and still listed", async () => {
    const { repo } = await created();
    writeFileSync(join(repo, "Taskfile.yml"), "version: '3'\ntasks:\n  mine:\n    cmds: [echo]\n");
    editRecord(repo, (record) => {
      delete record.files["Taskfile.yml"];
      (record as unknown as { theirs: string[] }).theirs = ["Taskfile.yml"];
    });
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("Taskfile.yml");
    expect(read(join(repo, "Taskfile.yml"))).toContain("mine:");
    expect(readJson(join(repo, ".spec-agent.json")).theirs).toEqual(["Taskfile.yml"]);
  });

  it("a record without the licence (made before the question) means none: update writes no LICENSE and no metadata", async () => {
    const cwd = tempDir();
    const made = await runCli(["svc", "--yes", "--no-git", "--no-install", "--author", "A", "--license", "none"], {
      cwd,
    });
    expect(made.code, made.stderr).toBe(0);
    const repo = join(cwd, "svc");
    // The record as the last version without the question wrote it: no "license" key (none leaves it out too).
    expect(readJson(join(repo, ".spec-agent.json")).answers).not.toHaveProperty("license");
    const before = read(join(repo, "pyproject.toml"));
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(repo, "LICENSE"))).toBe(false);
    expect(read(join(repo, "pyproject.toml"))).toBe(before);
    expect(readJson(join(repo, ".spec-agent.json")).answers).not.toHaveProperty("license");
  });

  it("a malformed pack entry is named by its key", async () => {
    const { repo } = await created();
    editRecord(repo, (record) => {
      record.packs = [{ name: "team", version: "1.0.0", digest: "x", source: "pack", answers: { constructor: "x" } }];
    });
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `packs[0].answers: "constructor": a question's name must not be a name every JavaScript object has`,
    );
  });
});

describe("the packs a record names", () => {
  const packAt = (dir: string): void => {
    mkdirSync(join(dir, "templates/docs"), { recursive: true });
    writeFileSync(join(dir, "spec-agent.pack.json"), JSON.stringify({ name: "team", version: "1.0.0" }));
    writeFileSync(join(dir, "templates/docs/team.md"), "team rules\n");
  };

  it("outside the repository: refused until the user names it again with --template", async () => {
    const { cwd, repo } = await created();
    packAt(join(cwd, "pack"));
    for (const source of ["../pack", join(cwd, "pack")]) {
      editRecord(repo, (record) => {
        record.packs = [{ name: "team", version: "1.0.0", digest: "x", source, answers: {} }];
      });
      const refused = await runCli(["update"], { cwd: repo });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("which is neither a folder inside the repository nor an installed package");
      expect(existsSync(join(repo, "docs/team.md"))).toBe(false);
    }
    const named = await runCli(["update", "--template", "../pack"], { cwd: repo });
    expect(named.stderr).toBe("");
    expect(read(join(repo, "docs/team.md"))).toBe("team rules\n");
  });

  it("inside the repository: taken, but not through a link", async () => {
    const { cwd, repo } = await created();
    packAt(join(repo, "packs/team"));
    editRecord(repo, (record) => {
      record.packs = [{ name: "team", version: "1.0.0", digest: "x", source: "./packs/team", answers: {} }];
    });
    expect((await runCli(["update"], { cwd: repo })).stderr).toBe("");
    expect(read(join(repo, "docs/team.md"))).toBe("team rules\n");

    packAt(join(cwd, "pack"));
    symlinkSync(join(cwd, "pack"), join(repo, "linked-pack"));
    editRecord(repo, (record) => {
      record.packs = [{ ...record.packs[0], source: "linked-pack" }];
    });
    const linked = await runCli(["update"], { cwd: repo });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('names the pack "linked-pack", which is neither');
  });

  it("init in a repository made with an installed pack keeps the pack: its files rendered, the record still naming it", async () => {
    const cwd = tempDir();
    // An installed package, as npm puts it (node_modules beside the repository).
    const pack = join(cwd, "node_modules/acme-pack");
    mkdirSync(join(pack, "templates/docs"), { recursive: true });
    writeFileSync(
      join(pack, "spec-agent.pack.json"),
      JSON.stringify({ name: "acme-pack", version: "1.0.0", questions: [{ name: "team", message: "Team?" }] }),
    );
    writeFileSync(join(pack, "templates/docs/team.md.hbs"), "on call: {{team}}\n");
    writeFileSync(join(pack, "templates/AGENTS.md"), "# Acme rules\n");
    const made = await runCli(
      [
        "svc",
        "--yes",
        "--no-git",
        "--no-install",
        "--author",
        "A",
        "--template",
        "acme-pack",
        "--set",
        "team=payments",
      ],
      { cwd },
    );
    expect(made.stderr).toBe("");
    const repo = join(cwd, "svc");
    const agents = read(join(repo, "AGENTS.md"));
    const result = await runCli(["init", "--yes", "--author", "A"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(read(join(repo, "docs/team.md"))).toBe("on call: payments\n");
    expect(read(join(repo, "AGENTS.md"))).toBe(agents);
    expect(readJson(join(repo, ".spec-agent.json")).packs).toMatchObject([
      { name: "acme-pack", source: "acme-pack", answers: { team: "payments" } },
    ]);
  });

  it("a config file committed in the repository names packs as a record does: inside it or installed only", async () => {
    const { cwd, repo } = await created();
    packAt(join(cwd, "pack"));
    writeFileSync(join(repo, "spec-agent.config.json"), JSON.stringify({ template: join(cwd, "pack") }));
    const outside = await runCli(["init", "--yes", "--author", "A"], { cwd: repo });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(
      'error: spec-agent.config.json names the pack "../pack", which is neither a folder inside the repository nor an installed package: give it again with --template\n',
    );
    expect(existsSync(join(repo, "docs/team.md"))).toBe(false);
    packAt(join(repo, "packs/team"));
    writeFileSync(join(repo, "spec-agent.config.json"), JSON.stringify({ template: "./packs/team" }));
    const inside = await runCli(["init", "--yes", "--author", "A"], { cwd: repo });
    expect(inside.stderr).toBe("");
    expect(read(join(repo, "docs/team.md"))).toBe("team rules\n");
  });
});

describe("hostile records (property)", () => {
  it("1,000 records: each is refused with one line naming the file, or every path is confined and every answer valid", () => {
    fc.assert(
      fc.property(hostileRecord, (data) => {
        let parsed: ReturnType<typeof parseRecord> | undefined;
        try {
          parsed = parseRecord(JSON.stringify(data), answerProblem, TARGET_RULES);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          const message = (error as Error).message;
          expect(message.startsWith(".spec-agent.json: ")).toBe(true);
          expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
          return;
        }
        expect(versionProblem(parsed.version)).toBeUndefined();
        for (const path of parsed.files.keys()) expect(confinementProblem(path), path).toBeUndefined();
        for (const [key, value] of Object.entries(parsed.answers)) expect(answerProblem(key, value)).toBeUndefined();
        for (const pack of parsed.packs) for (const name of Object.keys(pack.answers)) expect(name in {}).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("60 records through update (and --dry-run): exit 0, 1 or 2 with one line; nothing outside or under .git changes; nothing the record chose runs", async () => {
    const { cwd, repo } = await created();
    writeFileSync(join(cwd, "outside.txt"), "outside\n");
    mkdirSync(join(repo, ".git/hooks"), { recursive: true });
    writeFileSync(join(repo, ".git/hooks/pre-commit"), "#!/bin/sh\n");
    const original = read(join(repo, ".spec-agent.json"));
    const runs = fc.sample(hostileRecord, { numRuns: 60, seed: 20 });
    for (const [i, data] of runs.entries()) {
      // Half keep the real record's answers and files, so that runs get past the first check too.
      const real = JSON.parse(original);
      const record = i % 2 ? { ...real, files: { ...real.files, ...data.files }, packs: data.packs } : data;
      writeFileSync(join(repo, ".spec-agent.json"), JSON.stringify(record));
      const result = await runCli(i % 3 ? ["update"] : ["update", "--dry-run"], { cwd: repo });
      expect([0, 1, 2]).toContain(result.code);
      if (result.code === 2) expect(result.stderr.trim().split("\n")).toHaveLength(1);
      // git in the repository, and for a 0.1.0 record only the registry's published version, scripts off.
      const registryFetch = /^npm pack --silent --ignore-scripts create-spec-agent@\d+\.\d+\.\d+(-[\w.-]+)?$/;
      expect(result.calls.filter((call) => !call.startsWith("git ") && !registryFetch.test(call))).toEqual([]);
      expect(result.stdout).not.toContain("outside\n+");
      expect(read(join(cwd, "outside.txt"))).toBe("outside\n");
      expect(read(join(repo, ".git/hooks/pre-commit"))).toBe("#!/bin/sh\n");
    }
  });
});

describe("the record of a run that left clashes alone (issue 27)", () => {
  const answers = {
    name: "svc",
    package: "svc",
    description: "d",
    author: "A",
    python: "3.13",
    license: "none",
    agents: [],
  };
  const file = (path: string, contents: string) => ({ path, contents, mode: 0o644 });
  const manifest = manifestFile([file("a.md", "ours a\n"), file("b.yml", "ours b\n"), file("c.md", "{{x}}\n")], {
    version: "0.2.0",
    template: "default",
    answers,
  });

  it("lists a clash the owner had as theirs, keeps an earlier run's base for one of ours they edited, and the rest as it was", () => {
    const settled = recordLeavingAlone(manifest, new Set(["a.md", "b.yml"]), new Map([["a.md", "earlier a\n"]]));
    const record = JSON.parse(settled.contents);
    expect(record.files).toEqual({ "a.md": "earlier a\n", "c.md": "{{x}}\n" });
    expect(record.theirs).toEqual(["b.yml"]);
    expect(Object.keys(record)).toEqual(["generator", "format", "version", "template", "answers", "theirs", "files"]);
    expect(settled.contents).not.toContain("{{");
  });

  it("leaves the record's bytes as manifestFile writes them when nothing was left alone", () => {
    expect(recordLeavingAlone(manifest, new Set(), new Map()).contents).toBe(manifest.contents);
  });
});
