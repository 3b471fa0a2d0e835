/** `update`: the merge against git's own, and whole runs over packs that evolve and a repository made by 0.1.0. */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markedBlock } from "../src/core/merge/marked.js";
import { mergeThreeWay } from "../src/core/three-way.js";
import { realFileSystem } from "../src/io/fs.js";
import { packageRoot } from "../src/io/package-info.js";
import { journalState } from "../src/io/target/lock.js";
import { recoverJournal } from "../src/io/target/recover.js";
import { runCli, tempDir } from "./support/context.js";
import { killedAfter } from "./support/mutations.js";
import { snapshot } from "./support/tree.js";

const LABELS = { ours: "ours", theirs: "theirs" };
const read = (path: string): string => readFileSync(path, "utf8");

function write(root: string, files: Record<string, string | null>): void {
  for (const [path, contents] of Object.entries(files)) {
    if (contents === null) rmSync(join(root, path), { force: true });
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), contents);
    }
  }
}

function gitMergeFile(dir: string, ours: string, base: string, theirs: string): { text: string; conflicts: number } {
  write(dir, { o: ours, b: base, t: theirs });
  const r = spawnSync("git", ["merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", "o", "b", "t"], {
    cwd: dir,
    encoding: "utf8",
  });
  return { text: r.stdout, conflicts: r.status ?? -1 };
}

const hasGit = spawnSync("git", ["--version"]).status === 0;

/** git in `dir`, as a committer with a name (the tests' machines may have none). */
const gitIn = (dir: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], { cwd: dir, encoding: "utf8" });

describe("the three-way merge", () => {
  /** A base of numbered lines, and an edit: a few inserts, deletions and changes at random places. */
  const edits = fc.array(fc.tuple(fc.constantFrom("insert", "delete", "change"), fc.nat(40), fc.nat(99)), {
    maxLength: 3,
  });
  const apply = (base: string[], ops: [string, number, number][]): string[] => {
    const out = [...base];
    for (const [op, at, n] of ops) {
      const i = out.length ? at % (out.length + (op === "insert" ? 1 : 0)) : 0;
      if (op === "insert") out.splice(i, 0, `added ${n}\n`);
      else if (out.length && op === "delete") out.splice(i, 1);
      else if (out.length) out[i] = `changed ${n}\n`;
    }
    return out;
  };

  it.skipIf(!hasGit)(
    "gives git merge-file's bytes where it merges cleanly, and a conflict where it conflicts (1,000 edit-and-evolve runs; skipped without git)",
    () => {
      const dir = tempDir();
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }), edits, edits, (size, ownerEdit, templateEdit) => {
          const base = Array.from({ length: size }, (_, i) => `line ${i}\n`);
          const ours = apply(base, ownerEdit).join("");
          const theirs = apply(base, templateEdit).join("");
          const ourMerge = mergeThreeWay(ours, base.join(""), theirs, LABELS);
          const git = gitMergeFile(dir, ours, base.join(""), theirs);
          expect(ourMerge.conflicts > 0).toBe(git.conflicts > 0);
          if (git.conflicts === 0) expect(ourMerge.text).toBe(git.text);
          // No line the owner added is lost, conflict or not.
          for (const line of ours.split("\n").filter((l) => l.startsWith("added")))
            expect(ourMerge.text).toContain(line);
        }),
        { numRuns: 1000 },
      );
    },
    60_000,
  );

  it.each([
    ["a non-overlapping edit merges", "a\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "a\nB\nc\nd\nE\n", 0],
    ["the same edit on both sides is no conflict", "a\nb\n", "a\nX\n", "a\nX\n", "a\nX\n", 0],
    ["a last line without a newline stays so", "a\nb", "A\nb", "a\nb", "A\nb", 0],
    [
      "overlapping edits conflict, with git's markers",
      "a\nb\nc\n",
      "a\nmine\nc\n",
      "a\nours\nc\n",
      "a\n<<<<<<< ours\nmine\n=======\nours\n>>>>>>> theirs\nc\n",
      1,
    ],
  ])("%s", (_name, base, ours, theirs, text, conflicts) => {
    expect(mergeThreeWay(ours, base, theirs, LABELS)).toEqual({ text, conflicts });
  });
});

/** A pack at `dir` in a given version. */
function packAt(dir: string, version: string, templates: Record<string, string | null>, questions: object[] = []) {
  write(dir, {
    "spec-agent.pack.json": JSON.stringify({ name: "team", version, questions }),
    ...Object.fromEntries(Object.entries(templates).map(([p, t]) => [`templates/${p}`, t])),
  });
}

const V1 = {
  "docs/edited-apart.md": "title\n\none\ntwo\nthree\nfour\nfive\n",
  "docs/untouched.md": "first version\n",
  "docs/clash.md": "a\nb\nc\n",
  "docs/dropped.md": "we drop this\n",
  "docs/dropped-edited.md": "we drop this too\n",
};
const V2 = {
  "docs/edited-apart.md": "title\n\none\ntwo\nthree\nfour\nFIVE (ours)\n",
  "docs/untouched.md": "second version\n",
  "docs/clash.md": "a\nB (ours)\nc\n",
  "docs/dropped.md": null,
  "docs/dropped-edited.md": null,
  "docs/added.md": "new in 2.0.0 for {{owner}}\n",
};
const OWNER_EDITS = {
  "docs/edited-apart.md": "title\n\nONE (owner)\ntwo\nthree\nfour\nfive\n",
  "docs/clash.md": "a\nb (owner)\nc\n",
  "docs/dropped-edited.md": "the owner kept this\n",
  "spec/context/payments.md": "# Payments\n\nWritten by a person.\n",
};

/** The pack lives beside the repository, not in it: the record names it, and update takes it only when named again. */
const UPDATE = ["update", "--template", "../pack"];

async function evolvedRepository() {
  const cwd = tempDir();
  packAt(join(cwd, "pack"), "1.0.0", V1);
  const created = await runCli(["svc", "--yes", "--no-git", "--no-install", "--template", "./pack"], { cwd });
  expect(created.stderr).toBe("");
  const repo = join(cwd, "svc");
  write(repo, OWNER_EDITS);
  packAt(join(cwd, "pack"), "2.0.0", V2, [{ name: "owner", message: "Owner?", default: "platform" }]);
  return { cwd, repo };
}

describe("an update killed part-way, and what the next run does first", () => {
  const steps = 60;
  it(`leaves the repository as it was or wholly updated, dropped files too, whichever of ${steps} steps it died after`, async () => {
    const reference = await evolvedRepository();
    await runCli(UPDATE, { cwd: reference.repo });
    const updated = snapshot(reference.repo);
    let restored = 0;
    let completed = 0;
    for (let n = 0; n < steps; n++) {
      const { repo } = await evolvedRepository();
      const before = snapshot(repo);
      const fs = killedAfter(n);
      await runCli(UPDATE, { cwd: repo, fs });
      if (!fs.dead()) break;
      if (n === steps - 1) throw new Error(`the update takes more than ${steps} steps: raise the count`);
      // The next run's first steps, the killed process being gone.
      if (journalState(realFileSystem, repo, repo, { pid: 0, isRunning: () => false }) === "stale")
        await recoverJournal(realFileSystem, repo, repo, async () => false);
      const now = snapshot(repo);
      if (JSON.stringify(now) === JSON.stringify(before)) restored += 1;
      else {
        expect(now, `killed after step ${n}`).toEqual(updated);
        completed += 1;
      }
    }
    expect(restored).toBeGreaterThan(5);
    expect(completed).toBeGreaterThan(0);
  });
});

describe("an update after a killed one", () => {
  it("undoes the killed run's journal before it reads the repository, and ends as an update that was never killed", async () => {
    const reference = await evolvedRepository();
    await runCli(UPDATE, { cwd: reference.repo });
    const updated = snapshot(reference.repo);
    let checked = 0;
    for (let n = 8; n < 60; n += 3) {
      const { repo } = await evolvedRepository();
      const fs = killedAfter(n);
      await runCli(UPDATE, { cwd: repo, fs });
      if (!fs.dead()) break;
      // Before its commit, the killed run is undone and this one does the whole update; after it, this one finds
      // the repository updated (the conflict still marked, which it keeps).
      await runCli(UPDATE, { cwd: repo });
      expect(snapshot(repo), `killed after step ${n}`).toEqual(updated);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe("create-spec-agent update", () => {
  it("--dry-run prints each file's fate and a diff, and changes nothing", async () => {
    const { repo } = await evolvedRepository();
    const before = read(join(repo, ".spec-agent.json"));
    const result = await runCli([...UPDATE, "--dry-run"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("merged with your edits  docs/edited-apart.md");
    expect(result.stdout).toContain("+FIVE (ours)");
    expect(existsSync(join(repo, "docs/added.md"))).toBe(false);
    expect(read(join(repo, ".spec-agent.json"))).toBe(before);
  });

  it("replaces what the owner left alone, merges what does not overlap, keeps a conflict's both sides, exits 1", async () => {
    const { repo } = await evolvedRepository();
    const result = await runCli(UPDATE, { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: 1 file has conflicts: resolve the <<<<<<< markers, then git add it\n");
    expect(read(join(repo, "docs/untouched.md"))).toBe("second version\n");
    expect(read(join(repo, "docs/edited-apart.md"))).toBe("title\n\nONE (owner)\ntwo\nthree\nfour\nFIVE (ours)\n");
    expect(read(join(repo, "docs/clash.md"))).toBe(
      "a\n<<<<<<< yours\nb (owner)\n=======\nB (ours)\n>>>>>>> create-spec-agent 0.2.0\nc\n",
    );
    expect(existsSync(join(repo, "docs/dropped.md"))).toBe(false);
    expect(read(join(repo, "docs/dropped-edited.md"))).toBe("the owner kept this\n");
    expect(read(join(repo, "docs/added.md"))).toBe("new in 2.0.0 for platform\n");
    expect(read(join(repo, "spec/context/payments.md"))).toBe("# Payments\n\nWritten by a person.\n");
    const record = JSON.parse(read(join(repo, ".spec-agent.json")));
    expect(record.packs[0]).toMatchObject({ version: "2.0.0", answers: { owner: "platform" } });
    expect(record.files["docs/untouched.md"]).toBe("second version\n");
    expect(record.files["docs/clash.md"]).toBe("a\nB (ours)\nc\n");
  });

  it("a second update after the conflict is resolved changes nothing", async () => {
    const { repo } = await evolvedRepository();
    await runCli(UPDATE, { cwd: repo });
    write(repo, { "docs/clash.md": "a\nb (owner) and B (ours)\nc\n" });
    const again = await runCli(UPDATE, { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("kept (your edits; ours did not change)  docs/clash.md");
    expect(read(join(repo, "docs/clash.md"))).toBe("a\nb (owner) and B (ours)\nc\n");
  });

  it("takes the packs the user's config names (found above the repository), over the record's", async () => {
    const { cwd, repo } = await evolvedRepository();
    packAt(join(cwd, "pack2"), "3.0.0", { ...V2, "docs/from-config.md": "named by the config\n" }, [
      { name: "owner", message: "Owner?", default: "platform" },
    ]);
    writeFileSync(join(cwd, "spec-agent.config.json"), JSON.stringify({ template: "./pack2" }));
    const result = await runCli(["update"], { cwd: repo });
    expect(result.stderr).toContain("conflicts");
    expect(read(join(repo, "docs/from-config.md"))).toBe("named by the config\n");
    expect(JSON.parse(read(join(repo, ".spec-agent.json"))).packs[0]).toMatchObject({ version: "3.0.0" });
  });

  it("refuses a record from a newer generator, and a folder without one", async () => {
    const { repo } = await evolvedRepository();
    const record = JSON.parse(read(join(repo, ".spec-agent.json")));
    writeFileSync(join(repo, ".spec-agent.json"), JSON.stringify({ ...record, version: "9.0.0" }));
    const newer = await runCli(["update"], { cwd: repo });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain("newer than this 0.2.0: run npx create-spec-agent@latest update");
    const none = await runCli(["update"], { cwd: tempDir() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no .spec-agent.json here or above");
    // A repository we did not make: init is what adds the preset to it.
    expect(none.stderr).toContain("add the preset to this one with create-spec-agent init");
  });

  it("in git, leaves a conflict unmerged in the index, as git merge does (the built bin)", async () => {
    const { repo } = await evolvedRepository();
    const git = (...args: string[]) => gitIn(repo, ...args);
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "owner's state");
    const result = spawnSync(process.execPath, [join(packageRoot, "dist/cli.cjs"), ...UPDATE], {
      cwd: repo,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: repo },
    });
    expect(result.status).toBe(1);
    expect(git("status", "--porcelain").stdout).toContain("UU docs/clash.md");
    expect(git("show", ":1:docs/clash.md").stdout).toBe("a\nb\nc\n");
    expect(git("show", ":2:docs/clash.md").stdout).toBe("a\nb (owner)\nc\n");
    expect(git("show", ":3:docs/clash.md").stdout).toBe("a\nB (ours)\nc\n");
  });
});

describe("update without history", () => {
  it.skipIf(!hasGit)("works in a shallow clone: the bases are in the record, not in git", async () => {
    const { cwd, repo } = await evolvedRepository();
    const git = (dir: string, ...args: string[]) => gitIn(dir, ...args);
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "one");
    writeFileSync(join(repo, "spec/context/more.md"), "more\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "two");
    expect(git(cwd, "clone", "-q", "--depth", "1", `file://${repo}`, "clone").status).toBe(0);
    const clone = join(cwd, "clone");
    expect(git(clone, "rev-parse", "--is-shallow-repository").stdout.trim()).toBe("true");
    const result = await runCli(UPDATE, { cwd: clone });
    expect(result.stdout).toContain("merged with your edits  docs/edited-apart.md");
    expect(read(join(clone, "docs/edited-apart.md"))).toBe("title\n\nONE (owner)\ntwo\nthree\nfour\nFIVE (ours)\n");
  });
});

describe("a repository init shared with its owner", () => {
  it("keeps the owner's project (no skeleton added) and takes our new lines and entries where a three-way merge conflicted", async () => {
    const cwd = tempDir();
    const repo = join(cwd, "repo");
    packAt(join(cwd, "pack"), "1.0.0", {
      ".vscode/settings.json": '{\n  "python.testing.pytestEnabled": true\n}\n',
      _gitignore: "dist/\n",
    });
    write(repo, {
      "pyproject.toml": '[project]\nname = "svc"\n',
      "README.md": "# Our service\n",
      ".vscode/settings.json": '{\n  // mine\n  "editor.tabSize": 2\n}\n',
      ".gitignore": "node_modules/\n",
    });
    expect((await runCli(["init", "--yes", "--author", "A", "--template", "../pack"], { cwd: repo })).stderr).toBe("");
    packAt(join(cwd, "pack"), "2.0.0", {
      ".vscode/settings.json":
        '{\n  "python.testing.pytestEnabled": true,\n  "python.testing.unittestEnabled": false\n}\n',
      _gitignore: "dist/\nbuild/\n",
    });
    const result = await runCli(UPDATE, { cwd: repo });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    for (const path of ["src", "tests", ".python-version"]) expect(existsSync(join(repo, path)), path).toBe(false);
    expect(read(join(repo, "README.md"))).toBe("# Our service\n");
    expect(read(join(repo, ".vscode/settings.json"))).toBe(
      '{\n  // mine\n  "editor.tabSize": 2,\n  "python.testing.pytestEnabled": true,\n  "python.testing.unittestEnabled": false\n}\n',
    );
    expect(read(join(repo, ".gitignore"))).toMatch(/^node_modules\/\n[\s\S]*\ndist\/\nbuild\/\n$/);
  });

  it("gets our block rewritten and the owner's text around it kept, where a three-way merge conflicted", async () => {
    const cwd = tempDir();
    const repo = join(cwd, "repo");
    packAt(join(cwd, "pack"), "1.0.0", { "AGENTS.md": "# Team rules\n\n- rule one\n- rule two\n" });
    const owner = "# Our own notes\n\n- never log card numbers\n";
    write(repo, { "pyproject.toml": '[project]\nname = "svc"\n', "AGENTS.md": owner });
    const init = await runCli(["init", "--yes", "--author", "A", "--template", "../pack"], { cwd: repo });
    expect(init.stderr).toBe("");
    // The new version changes the lines next to both markers.
    packAt(join(cwd, "pack"), "2.0.0", { "AGENTS.md": "# Team rules, v2\n\n- rule one\n- rule two\n- rule three\n" });
    const dry = await runCli([...UPDATE, "--dry-run"], { cwd: repo });
    expect(dry.stdout).toContain("our block rewritten (your text around it kept)  AGENTS.md");
    expect(dry.stdout).toContain("+- rule three");
    const result = await runCli(UPDATE, { cwd: repo });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(read(join(repo, "AGENTS.md"))).toBe(
      `${owner}\n${markedBlock("# Team rules, v2\n\n- rule one\n- rule two\n- rule three\n")}\n`,
    );
    const again = await runCli(UPDATE, { cwd: repo });
    expect(again.code).toBe(0);
    // Said once: the writer, with nothing to write, says nothing.
    expect(again.stdout).toMatch(
      /^Updating the current folder \(create-spec-agent [\d.]+, the version it records\):\n {2}every file is up to date: nothing to do\n$/,
    );
  });
});

describe("a repository made by 0.1.0 (test/fixtures/v0.1.0/svc, whose record holds hashes)", () => {
  const OWNER = {
    "README.md": "\n## Our team notes\n\nDeploys go through the payments pipeline.\n",
    "AGENTS.md": "- Never log card numbers.\n",
  };
  const copyFixture = (): string => {
    const repo = join(tempDir(), "svc");
    cpSync(join(packageRoot, "test/fixtures/v0.1.0/svc"), repo, { recursive: true });
    return repo;
  };
  const editAsOwner = (repo: string): void => {
    for (const [path, added] of Object.entries(OWNER)) writeFileSync(join(repo, path), read(join(repo, path)) + added);
    write(repo, { "spec/context/rate-limits.md": "# Rate limits\n\n100 requests a second.\n" });
  };

  it("unedited, updates with exit 0 to files that are exactly the new record's bases", async () => {
    const repo = copyFixture();
    const result = await runCli(["update"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const record = JSON.parse(read(join(repo, ".spec-agent.json")));
    for (const [path, base] of Object.entries(record.files)) expect(read(join(repo, path)), path).toBe(base);
  });

  it("gains the new files and formats; without history an edited file is one conflict that keeps both versions", async () => {
    const repo = copyFixture();
    editAsOwner(repo);
    const result = await runCli(["update"], { cwd: repo });
    expect(result.code).toBe(1);
    for (const path of [".agents/skills/spec-plan/SKILL.md", ".mcp.json", ".vscode/settings.json"])
      expect(existsSync(join(repo, path)), path).toBe(true);
    expect(existsSync(join(repo, ".github/prompts/plan.prompt.md"))).toBe(false);
    for (const [path, added] of Object.entries(OWNER)) {
      expect(read(join(repo, path))).toContain(added.trim());
      expect(read(join(repo, path))).toContain("<<<<<<< yours");
    }
    expect(read(join(repo, "spec/context/rate-limits.md"))).toBe("# Rate limits\n\n100 requests a second.\n");
    expect(JSON.parse(read(join(repo, ".spec-agent.json"))).format).toBe(2);
  });

  it("without history, has the recorded version write the bases again (npm pack from the registry) and merges", async () => {
    const repo = copyFixture();
    writeFileSync(
      join(repo, "README.md"),
      read(join(repo, "README.md")).replace(/^# svc\n/, "# svc (payments team)\n"),
    );
    // A stand-in for npm whose registry holds 0.1.0: the package as that version's own build packed it.
    const bin = tempDir();
    const tarball = join(packageRoot, "test/fixtures/create-spec-agent-0.1.0.tgz");
    writeFileSync(
      join(bin, "npm"),
      // Only that registry version, install scripts off, and never from inside the repository (its .npmrc).
      `#!/bin/sh\n[ "$*" = "pack --silent --ignore-scripts create-spec-agent@0.1.0" ] || exit 1\ncase "$PWD" in '${repo}'*) exit 1;; esac\ncp '${tarball}' . && echo create-spec-agent-0.1.0.tgz\n`,
      { mode: 0o755 },
    );
    const path = `${bin}:${process.env.PATH ?? ""}`;
    const result = await runCli(["update"], {
      cwd: repo,
      env: { PATH: path },
      exec: (command, args, cwd) => {
        const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, PATH: path } });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      },
    });
    expect(result.stdout).toContain("create-spec-agent 0.1.0 from the registry");
    expect(result.stdout).toContain("merged with your edits  README.md");
    expect(read(join(repo, "README.md"))).toMatch(/^# svc \(payments team\)\n/);
    expect(read(join(repo, "README.md"))).not.toContain("<<<<<<<");
  });

  it.skipIf(!hasGit)(
    "with git history, finds each edited file's base by its hash and merges the owner's edits in",
    async () => {
      const repo = copyFixture();
      const git = (...args: string[]) => gitIn(repo, ...args);
      git("init", "-q");
      git("add", "-A");
      git("commit", "-qm", "made by 0.1.0");
      writeFileSync(join(repo, "AGENTS.md"), `${read(join(repo, "AGENTS.md"))}- Never log card numbers.\n`);
      // And an edit at the top, far from where the preset changed the README since 0.1.0.
      writeFileSync(
        join(repo, "README.md"),
        read(join(repo, "README.md")).replace(/^# svc\n/, "# svc (payments team)\n"),
      );
      const result = await runCli(["update"], {
        cwd: repo,
        exec: (command, args, cwd) => {
          const r = spawnSync(command, args, { cwd, encoding: "utf8" });
          return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        },
      });
      expect(result.stdout).toContain("merged with your edits  README.md");
      expect(read(join(repo, "README.md"))).toMatch(/^# svc \(payments team\)\n/);
      expect(read(join(repo, "README.md"))).not.toContain("<<<<<<<");
    },
  );
});

describe("the 0.1.0 fetch with the real npm, from a registry on 127.0.0.1 (the built bin)", () => {
  it("takes the version from the user's registry, not the one a .npmrc in the repository names, and merges", async () => {
    const tarball = readFileSync(join(packageRoot, "test/fixtures/create-spec-agent-0.1.0.tgz"));
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? "");
      const { port } = server.address() as AddressInfo;
      if (request.url === "/create-spec-agent") {
        const dist = {
          tarball: `http://127.0.0.1:${port}/create-spec-agent/-/create-spec-agent-0.1.0.tgz`,
          integrity: `sha512-${createHash("sha512").update(tarball).digest("base64")}`,
        };
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            name: "create-spec-agent",
            "dist-tags": { latest: "0.1.0" },
            versions: { "0.1.0": { name: "create-spec-agent", version: "0.1.0", dist } },
          }),
        );
      } else if (request.url?.endsWith("/create-spec-agent-0.1.0.tgz")) response.end(tarball);
      else response.writeHead(404).end();
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    try {
      const { port } = server.address() as AddressInfo;
      const repo = join(tempDir(), "svc");
      cpSync(join(packageRoot, "test/fixtures/v0.1.0/svc"), repo, { recursive: true });
      writeFileSync(
        join(repo, "README.md"),
        read(join(repo, "README.md")).replace(/^# svc\n/, "# svc (payments team)\n"),
      );
      // What a pull request could commit: a registry of its own, and scripts on.
      // (Without retries, so that reading it fails at once rather than after npm's back-off.)
      writeFileSync(join(repo, ".npmrc"), "registry=http://127.0.0.1:9/\nignore-scripts=false\nfetch-retries=0\n");
      // The user's own npm configuration, which a project .npmrc would override if npm read it.
      const home = tempDir();
      writeFileSync(join(home, ".npmrc"), `registry=http://127.0.0.1:${port}/\ncache=${join(home, "npm-cache")}\n`);
      const child = spawn(process.execPath, [join(packageRoot, "dist/cli.cjs"), "update"], {
        cwd: repo,
        env: { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1", npm_config_update_notifier: "false" },
      });
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      const code = await new Promise<number | null>((exited) => child.on("exit", exited)).finally(() => child.kill());
      expect(requests).toContain("/create-spec-agent");
      expect(stdout).toContain("merged with your edits  README.md");
      expect(code).toBe(0);
      expect(read(join(repo, "README.md"))).toMatch(/^# svc \(payments team\)\n/);
    } finally {
      server.close();
    }
  }, 60_000);
});
