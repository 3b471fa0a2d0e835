/**
 * The program (dist/main.cjs): `main` runs the CLI (start.ts calls it), and the plopfile is exported beside it,
 * so plop's entry (dist/plopfile.js) shares this bundle rather than carrying a copy of it. With plop.ts and
 * start.ts, the only modules that touch the process (its state, signals, the exit code).
 */
import type { NodePlopAPI } from "node-plop";
import { nodeContext } from "./context.js";
import { interruptionSource } from "./io/host.js";
import { run } from "./run.js";

/** plop's entry (dist/plopfile.js): the generators and what they need load only when plop calls it, never at the CLI's start. */
export const plopfile = async (plop: NodePlopAPI): Promise<void> => (await import("./plop.js")).default(plop);

export function main(): void {
  // The environment as given: what git and uv inherit.
  const env = { ...process.env };
  const interruption = interruptionSource();
  const ctx = nodeContext(process, { env, signal: interruption, argv: process.argv.slice(2) });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // While files are written or a tool runs, every signal, a second one too, only asks the run to
      // stop: it rolls back (or ends the tool) and exits 130 itself. Otherwise nothing is under way.
      if (interruption.abort()) return;
      try {
        ctx.stderr.write("✖ Cancelled: nothing was written.\n");
      } finally {
        process.exit(130);
      }
    });
  }

  run(ctx).then((code) => {
    process.exitCode = code;
    // The run has awaited its writes and the git and uv steps, and its text went straight
    // to the descriptors: exiting now skips Node's teardown of the environment and the
    // heap (about 1 ms). A `git config` lookup that a failed run no longer needs finishes
    // on its own. Text a stream still holds, or a terminal the prompts used, gets Node's
    // normal exit.
    if (ctx.settled) process.exit();
  });
}
