/** The built bin, spawned as a user runs it: stdin not a terminal, HOME the folder it runs in, no colour. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";
import { packageRoot } from "../../src/io/package-info.js";

export const bin = join(packageRoot, "dist/cli.cjs");

export function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    input: "",
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? "", HOME: cwd, NO_COLOR: "1", ...env },
  });
  expect(result.signal, "the CLI did not finish in time").toBeNull();
  return result;
}
