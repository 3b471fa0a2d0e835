import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordedUvBuild, UV_BUILD_DEFAULT, uvBuildRequirement } from "../src/core/build-backend.js";
import { packageRoot } from "../src/io/package-info.js";
import { runCli, tempDir } from "./support/context.js";
import { snapshot } from "./support/tree.js";

describe("the build-system bound", () => {
  it.each([
    ["uv 0.13.6 (x86_64-unknown-linux-gnu)\n", "uv_build>=0.13.6,<0.14.0"],
    ["uv 0.9.30", "uv_build>=0.9.30,<0.10.0"],
    ["uv 1.2.3 (Homebrew 2027-01-01)", "uv_build>=1.2.3,<1.3.0"],
    [undefined, `uv_build>=${UV_BUILD_DEFAULT},<0.14.0`],
    ["pyenv: uv: command not found", `uv_build>=${UV_BUILD_DEFAULT},<0.14.0`],
    ["uv 0.13", `uv_build>=${UV_BUILD_DEFAULT},<0.14.0`],
  ])("from %j is %s", (output, requirement) => {
    expect(uvBuildRequirement(output)).toBe(requirement);
  });

  it("defaults to the uv pinned in scripts/real-tools.txt, so the default cannot go stale unnoticed", () => {
    const pins = readFileSync(join(packageRoot, "scripts/real-tools.txt"), "utf8");
    expect(/^uv==(\S+)$/m.exec(pins)?.[1]).toBe(UV_BUILD_DEFAULT);
  });

  it("follows the uv on PATH at generation time, as its own uv init --package would write", async () => {
    const cwd = tempDir();
    const binDir = tempDir();
    writeFileSync(join(binDir, "uv"), "");
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], {
      cwd,
      env: { PATH: binDir },
      exec: (_command, args) => ({
        status: args[0] === "--version" ? 0 : 1,
        stdout: "uv 0.21.4 (x86_64-unknown-linux-gnu)\n",
        stderr: "",
      }),
    });
    expect(result.code).toBe(0);
    expect(result.calls).toEqual(["uv --version"]);
    expect(readFileSync(join(cwd, "svc/pyproject.toml"), "utf8")).toContain('requires = ["uv_build>=0.21.4,<0.22.0"]');
  });
});

/** A folder holding a `uv` that answers `--version` with `version` (and does nothing else). */
function standInUv(version: string): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, "uv"),
    `#!/bin/sh\n[ "$1" = --version ] && echo "uv ${version} (x86_64-unknown-linux-gnu)"\nexit 0\n`,
  );
  chmodSync(join(dir, "uv"), 0o755);
  return dir;
}

describe("the bound on every machine", () => {
  const bin = (cwd: string, path: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(packageRoot, "dist/cli.cjs"), ...args], {
      cwd,
      encoding: "utf8",
      env: { PATH: path, NO_COLOR: "1", HOME: cwd },
    });
  const nodeOnly = dirname(process.execPath);

  it("is recorded when the repository is made, and update renders the recorded one whatever uv is on PATH", () => {
    const cwd = tempDir();
    const made = bin(cwd, `${standInUv("0.13.9")}:${nodeOnly}`, "svc", "--yes", "--no-git", "--no-install");
    expect(made.status, made.stderr).toBe(0);
    const repo = join(cwd, "svc");
    const record = JSON.parse(readFileSync(join(repo, ".spec-agent.json"), "utf8"));
    expect(record.uvBuild).toBe("uv_build>=0.13.9,<0.14.0");
    const before = snapshot(repo);
    const machines: [string, string][] = [
      ["uv 0.13.6 on PATH", `${standInUv("0.13.6")}:${nodeOnly}`],
      ["no uv", nodeOnly],
      ["a uv of another minor", `${standInUv("0.15.2")}:${nodeOnly}`],
    ];
    const realUv = spawnSync("uv", ["--version"], { encoding: "utf8" });
    if (realUv.status === 0) machines.push([`the real ${realUv.stdout.trim()}`, process.env.PATH ?? ""]);
    for (const [machine, path] of machines) {
      const result = bin(repo, path, "update");
      expect(result.status, `${machine}: ${result.stderr}`).toBe(0);
      expect(snapshot(repo), machine).toEqual(before);
    }
  });

  it("of a record older than the field is the one its pyproject.toml base holds, else the default", () => {
    const pyproject = '[build-system]\nrequires = ["uv_build>=0.12.1,<0.13.0"]\n';
    expect(recordedUvBuild("uv_build>=0.13.9,<0.14.0", pyproject)).toBe("uv_build>=0.13.9,<0.14.0");
    expect(recordedUvBuild(undefined, pyproject)).toBe("uv_build>=0.12.1,<0.13.0");
    expect(recordedUvBuild(undefined, undefined)).toBe(uvBuildRequirement(undefined));
    expect(recordedUvBuild(undefined, 'requires = ["uv_build>=0.1; rm -rf /"]')).toBe(uvBuildRequirement(undefined));
  });

  it("an older record's repository updates without changing its bound, with another uv on PATH", () => {
    const cwd = tempDir();
    const made = bin(cwd, `${standInUv("0.13.9")}:${nodeOnly}`, "svc", "--yes", "--no-git", "--no-install");
    expect(made.status, made.stderr).toBe(0);
    const repo = join(cwd, "svc");
    const recordPath = join(repo, ".spec-agent.json");
    const { uvBuild: _dropped, ...older } = JSON.parse(readFileSync(recordPath, "utf8"));
    writeFileSync(recordPath, `${JSON.stringify(older, null, 2)}\n`);
    const result = bin(repo, `${standInUv("0.15.2")}:${nodeOnly}`, "update");
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(repo, "pyproject.toml"), "utf8")).toContain('requires = ["uv_build>=0.13.9,<0.14.0"]');
    expect(JSON.parse(readFileSync(recordPath, "utf8")).uvBuild).toBe("uv_build>=0.13.9,<0.14.0");
  });

  it("init in a repository made with another uv keeps its recorded bound: nothing changes, the record still lists pyproject.toml", () => {
    const cwd = tempDir();
    const made = bin(cwd, `${standInUv("0.13.9")}:${nodeOnly}`, "svc", "--yes", "--no-git", "--no-install");
    expect(made.status, made.stderr).toBe(0);
    const repo = join(cwd, "svc");
    const before = snapshot(repo);
    const init = bin(repo, nodeOnly, "init", "--yes");
    expect(init.status, init.stderr).toBe(0);
    expect(snapshot(repo)).toEqual(before);
  });

  it("a record whose bound is not a uv_build requirement is refused, exit 2", async () => {
    const cwd = tempDir();
    expect((await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
    const recordPath = join(cwd, "svc/.spec-agent.json");
    const record = JSON.parse(readFileSync(recordPath, "utf8"));
    writeFileSync(recordPath, JSON.stringify({ ...record, uvBuild: 'uv_build"]\n[tool.evil]' }));
    const result = await runCli(["update"], { cwd: join(cwd, "svc") });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/uvBuild is not a uv_build requirement/);
  });
});
