/** uv, after the files are written: `uv sync` installs the project and its dev tools. */

import { firstLine, type StepResult } from "./git.js";
import type { Exec } from "./host.js";

/** What `uv sync` writes beside pyproject.toml: the first commit holds it. */
export const UV_LOCK = "uv.lock";

/** 127 is the shell's "command not found": what a pyenv shim answers when the folder's Python has no uv. */
const COMMAND_NOT_FOUND = 127;

export async function uvSync(exec: Exec, root: string): Promise<StepResult> {
  const result = await exec("uv", ["sync"], root);
  if (result.status === 0) return { ok: true, note: "uv: installed (uv sync)" };
  if (result.status === COMMAND_NOT_FOUND) {
    // Not a failure of ours or of the project: the uv on PATH cannot start here, as if there were none.
    return {
      ok: true,
      unavailable: true,
      note: `uv: not run, the uv on PATH did not start here (${firstLine(result.stderr) || "command not found"}); install uv for every Python (https://docs.astral.sh/uv/), then task install`,
    };
  }
  return {
    ok: false,
    note: `uv sync failed (exit ${result.status}): ${firstLine(result.stderr)}; the files are written, run task install to retry`,
  };
}
