/**
 * Hostile trees and environments, through the built bin: a FIFO where the
 * preset writes (with --dry-run too), a .git that is a link, GIT_DIR from the
 * environment, a .gitignore that hides secrets under --force, two runs at
 * once, a PATH entry that cannot be searched, names that would break a line.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { packageRoot } from "../src/io/package-info.js";
import { GIT_IDENTITY, runCli, tempDir } from "./support/context.js";

const bin = join(packageRoot, "dist/cli.cjs");
const gitPath = dirnameOf(execFileSync("sh", ["-c", "command -v git || true"], { encoding: "utf8" }).trim());
function dirnameOf(path: string): string {
  return path === "" ? "" : path.slice(0, path.lastIndexOf("/"));
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    input: "",
    timeout: 20_000,
    env: { PATH: "", HOME: cwd, NO_COLOR: "1", ...env },
  });
  expect(result.signal, "the CLI did not finish in time").toBeNull();
  return result;
}

const oneLine = (text: string): void => {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.slice(0, -1)).not.toMatch(/[\n\r\u001b]/);
};

describe("a FIFO, a socket or a device where the preset writes", () => {
  it.each([["--dry-run"], ["--force"]])("is refused with exit 2 and never opened (%s)", (flag) => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    execFileSync("mkfifo", [join(cwd, "svc", "README.md")]);
    const result = cli(["svc", "--yes", "--no-git", "--no-install", flag], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "error: README.md is a FIFO where the preset writes a file: move it away and run again\n",
    );
  });

  it("compares a huge file by its size, without reading it", () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    // Sparse: 8 GiB on paper, nothing on disk; reading it whole would take seconds and the memory.
    execFileSync("truncate", ["-s", "8G", join(cwd, "svc", "README.md")]);
    const result = cli(["svc", "--yes", "--no-git", "--no-install", "--dry-run"], cwd);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/overwrite +README\.md/);
  });
});

describe.skipIf(gitPath === "")("git", () => {
  it("refuses a .git that is a link to another repository, before writing anything", () => {
    const cwd = tempDir();
    const other = tempDir();
    execFileSync("git", ["init", "-q", other]);
    mkdirSync(join(cwd, "svc"));
    symlinkSync(join(other, ".git"), join(cwd, "svc", ".git"));
    const result = cli(["svc", "--yes", "--no-install"], cwd, { PATH: gitPath, ...GIT_IDENTITY });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/svc\/\.git is a symbolic link, not git's folder/);
    expect(readdirSync(join(cwd, "svc"))).toEqual([".git"]);
  });

  it("ignores GIT_DIR and GIT_WORK_TREE from the environment: the repository is the target's own", () => {
    const cwd = tempDir();
    const other = tempDir();
    execFileSync("git", ["init", "-q", other]);
    const result = cli(["svc", "--yes", "--no-install"], cwd, {
      PATH: gitPath,
      ...GIT_IDENTITY,
      GIT_DIR: join(other, ".git"),
      GIT_WORK_TREE: other,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(join(cwd, "svc", ".git")).isDirectory()).toBe(true);
    const log = spawnSync("git", ["log", "--oneline"], { cwd: other, encoding: "utf8" });
    expect(log.stdout).toBe("");
  });

  it("keeps a user's .gitignore under --force, and commits only the files it wrote", () => {
    const cwd = tempDir();
    const root = join(cwd, "svc");
    mkdirSync(join(root, "secrets"), { recursive: true });
    writeFileSync(join(root, ".gitignore"), "secrets/\n");
    writeFileSync(join(root, "secrets", "key.pem"), "PRIVATE\n");
    writeFileSync(join(root, "scratch.txt"), "not for the first commit\n");
    const result = cli(["svc", "--yes", "--force", "--no-install"], cwd, { PATH: gitPath, ...GIT_IDENTITY });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(root, ".gitignore"), "utf8")).toMatch(/^secrets\/\n\n# Added by create-spec-agent\n/);
    const tracked = spawnSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).stdout.split("\n");
    expect(tracked).not.toContain("secrets/key.pem");
    expect(tracked).not.toContain("scratch.txt");
    expect(tracked).toContain(".spec-agent.json");
  });
});

describe("two runs into the same folder at once", () => {
  it("end with the preset whole: one writes, the other exits 2 or finds nothing to write", async () => {
    for (let round = 0; round < 8; round++) {
      const cwd = tempDir();
      const run = () =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [bin, "svc", "--yes", "--force", "--no-git", "--no-install"], {
            cwd,
            env: { PATH: "", HOME: cwd, NO_COLOR: "1" },
          });
          let stderr = "";
          child.stderr.on("data", (chunk) => {
            stderr += chunk;
          });
          child.on("exit", (code) => done({ code, stderr }));
        });
      const results = await Promise.all([run(), run()]);
      for (const { code, stderr } of results) {
        expect([0, 2], stderr).toContain(code);
        if (code === 2) expect(stderr).toMatch(/another run|changed in \.\/svc while the run waited|EEXIST/);
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      const empty = readdirSync(join(cwd, "svc"), { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile() && statSync(join(e.parentPath, e.name)).size === 0,
      );
      expect(empty.map((e) => e.name).filter((n) => n !== "py.typed" && n !== "__init__.py")).toEqual([]);
      expect(existsSync(join(cwd, "svc", ".spec-agent.json"))).toBe(true);
    }
  });
});

describe("the environment", () => {
  it("skips a PATH entry that cannot be searched, as the shell does", () => {
    const cwd = tempDir();
    const loop = join(cwd, "loop");
    symlinkSync(loop, loop);
    writeFileSync(join(cwd, "a-file"), "");
    // As root every folder can be searched: a file (ENOTDIR) and a link loop (ELOOP) stand for EACCES.
    const result = cli(["svc", "--yes", "--dry-run"], cwd, { PATH: `${join(cwd, "a-file")}:${loop}` });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("escapes what came from the disk in errors: one line, no escape sequence reaches the terminal", async () => {
    const cwd = join(tempDir(), "odd\nname\u001b[2J");
    mkdirSync(cwd);
    const fs = {
      ...realFileSystem,
      mkdirSync(path: string) {
        throw Object.assign(new Error(`EACCES: permission denied, mkdir '${path}'`), { code: "EACCES" });
      },
    };
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd, fs });
    expect(result.code).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toContain("odd\\u000aname\\u001b[2J");
  });
});

describe("names and output", () => {
  it.each([
    [["--name", "a".repeat(101)], /project name is longer than 100 characters/],
    [["--name", "svc", "--package", "a".repeat(101)], /Python package name is longer than 100 characters/],
    [["--name", "svc", "ev\u202eil"], /bidirectional control/],
    [["--name", "svc", "a\\b"], /backslash/],
    [["--name", "svc", "x/.git/svc"], /inside a \.git folder/],
  ])("refuses %j with exit 2 before writing", (given, reason) => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "x", ".git"), { recursive: true });
    const result = cli(["--yes", "--no-git", "--no-install", ...given], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    oneLine(result.stderr);
    expect(readdirSync(cwd)).toEqual(["x"]);
    expect(readdirSync(join(cwd, "x"))).toEqual([".git"]);
  });

  it.skipIf(!existsSync("/dev/full"))("exits 0 after a good run whose stdout is full (>/dev/full)", () => {
    const cwd = tempDir();
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${bin}" svc --yes --no-git --no-install >/dev/full`],
      {
        cwd,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: cwd },
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(cwd, "svc", ".spec-agent.json"))).toBe(true);
  });
});
