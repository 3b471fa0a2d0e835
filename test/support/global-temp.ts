/**
 * vitest's global setup: every temporary folder of a test run (the tests',
 * the CLIs' and Python's, all made under os.tmpdir()) goes into one folder,
 * removed when the run ends, so runs leave nothing behind in /tmp.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "spec-agent-tests-"));
  // Workers and the processes they start inherit it: os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
