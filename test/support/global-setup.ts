/**
 * vitest's global setup, run once before any test file:
 * - builds dist/ once, so that the tests of the built bin never race each other to build it;
 * - puts every temporary folder of the run (the tests', the CLIs' and Python's, all made
 *   under os.tmpdir()) into one folder, removed when the run ends, so runs leave nothing in /tmp.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default function setup(): () => void {
  const build = spawnSync(process.execPath, [join(root, "build/build.mjs")], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const folder = mkdtempSync(join(tmpdir(), "spec-agent-tests-"));
  // Workers and the processes they start inherit it: os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
