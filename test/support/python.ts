/** The machine's python3, found outside any generated folder (pyenv switches interpreters by .python-version). */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";

let cached: string | null | undefined;

export function systemPython(): string | null {
  if (cached !== undefined) return cached;
  const probe = spawnSync("python3", ["-c", "import sys, yaml, pytest; print(sys.executable)"], {
    cwd: tmpdir(),
    encoding: "utf8",
  });
  cached = probe.status === 0 ? probe.stdout.trim() : null;
  return cached;
}

export const NO_PYTHON = "python3 with PyYAML and pytest is not on this machine";
