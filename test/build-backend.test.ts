import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UV_BUILD_DEFAULT, uvBuildRequirement } from "../src/core/build-backend.js";
import { packageRoot } from "../src/io/package-info.js";
import { runCli, tempDir } from "./support/context.js";

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
