/**
 * `--install` for real: create runs `uv sync` itself, then the new repository's CLI runs through uv.
 * Only where a working uv and the default Python are on this machine (CI installs them, a laptop may not).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { GIT_IDENTITY, runCli, tempDir } from "./support/context.js";

const PYTHON = "3.13";

/** pyenv's 3.13 first: its shims answer only for the version pyenv selects, and nothing may download a Python. */
function toolEnv(): Record<string, string> {
  const versions = join(process.env.PYENV_ROOT ?? join(homedir(), ".pyenv"), "versions");
  const pythons = existsSync(versions)
    ? readdirSync(versions)
        .filter((v) => v.startsWith(`${PYTHON}.`))
        .map((v) => join(versions, v, "bin"))
    : [];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^(UV_|VIRTUAL_ENV|PYENV_VERSION)/.test(k)),
  ) as Record<string, string>;
  return { ...env, PATH: [...pythons, process.env.PATH ?? ""].join(delimiter), UV_PYTHON_DOWNLOADS: "never" };
}

const env = toolEnv();
const uvReady = spawnSync("uv", ["python", "find", PYTHON], { cwd: tmpdir(), env, encoding: "utf8" }).status === 0;

describe("create --install", () => {
  it.skipIf(!uvReady)(
    `runs uv sync, and the new repository's CLI answers uv run NAME --help (skipped without uv and Python ${PYTHON} on PATH)`,
    () => {
      const cwd = tempDir();
      const created = spawnSync(
        process.execPath,
        [join(packageRoot, "dist/cli.cjs"), "svc", "--yes", "--no-git", "--install"],
        { cwd, env: { ...env, NO_COLOR: "1" }, encoding: "utf8", input: "", timeout: 180_000 },
      );
      expect(created.stderr).toBe("");
      expect(created.status).toBe(0);
      expect(created.stdout).toContain("✔ uv: installed (uv sync)");
      expect(existsSync(join(cwd, "svc/.venv"))).toBe(true);
      const help = spawnSync("uv", ["run", "--no-sync", "svc", "--help"], {
        cwd: join(cwd, "svc"),
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("usage: svc");
    },
    240_000,
  );
});

const hasGit = spawnSync("git", ["--version"]).status === 0;

describe("create --git --install: the lock in the first commit", () => {
  it.skipIf(!hasGit)(
    "runs uv sync before the first commit, which then holds the uv.lock it wrote (a stand-in uv; real git)",
    async () => {
      const cwd = tempDir();
      const tools = tempDir();
      writeFileSync(join(tools, "uv"), "");
      chmodSync(join(tools, "uv"), 0o755);
      const git = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
      const result = await runCli(["svc", "--yes", "--git", "--install"], {
        cwd,
        env: { PATH: [tools, git.slice(0, git.lastIndexOf("/"))].join(delimiter) },
        exec: (command, args, dir) => {
          if (command === "uv" && args[0] === "--version") return { status: 0, stdout: "uv 0.13.6\n", stderr: "" };
          if (command === "uv" && args[0] === "sync") {
            writeFileSync(join(dir, "uv.lock"), "version = 1\n");
            return { status: 0, stdout: "", stderr: "" };
          }
          const run = spawnSync(command, args, {
            cwd: dir,
            encoding: "utf8",
            env: { ...process.env, ...GIT_IDENTITY },
          });
          return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
        },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.calls.indexOf("uv sync")).toBeLessThan(result.calls.findIndex((c) => c.startsWith("git commit")));
      const repo = join(cwd, "svc");
      const status = spawnSync("git", ["status", "--porcelain"], { cwd: repo, encoding: "utf8" });
      expect(status.stdout).toBe("");
      expect(spawnSync("git", ["ls-files", "uv.lock"], { cwd: repo, encoding: "utf8" }).stdout).toBe("uv.lock\n");
    },
  );

  it.skipIf(!uvReady || !hasGit)(
    `with the real uv: git status --porcelain is empty afterwards (skipped without uv and Python ${PYTHON} on PATH, or git)`,
    () => {
      const cwd = tempDir();
      const created = spawnSync(
        process.execPath,
        [join(packageRoot, "dist/cli.cjs"), "svc", "--yes", "--git", "--install"],
        { cwd, env: { ...env, ...GIT_IDENTITY, NO_COLOR: "1" }, encoding: "utf8", input: "", timeout: 180_000 },
      );
      expect(created.status, created.stderr).toBe(0);
      const repo = join(cwd, "svc");
      expect(spawnSync("git", ["status", "--porcelain"], { cwd: repo, encoding: "utf8" }).stdout).toBe("");
      expect(spawnSync("git", ["ls-files", "uv.lock"], { cwd: repo, encoding: "utf8" }).stdout).toBe("uv.lock\n");
    },
    240_000,
  );
});
