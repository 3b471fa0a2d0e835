/** uv, after the files are written: `uv sync` installs the project and its dev tools. */

import { firstLine, type StepResult } from "./git.js";
import type { Exec } from "./host.js";

export async function uvSync(exec: Exec, root: string): Promise<StepResult> {
  const result = await exec("uv", ["sync"], root);
  if (result.status === 0) return { ok: true, note: "uv: installed (uv sync)" };
  return {
    ok: false,
    note: `uv sync failed (exit ${result.status}): ${firstLine(result.stderr)}; the files are written, run task install to retry`,
  };
}
