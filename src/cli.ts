#!/usr/bin/env node
/** The bin: with plop.ts, the only module that touches the process (its state, signals, the exit code). */
import { nodeContext } from "./context.js";
import { run } from "./run.js";

// The environment as given: what git and uv inherit.
const env = { ...process.env };
// One libuv thread, unless the user chose otherwise: new files are written on it,
// in order, while this thread goes on; four threads would contend for the same
// folders. libuv reads this when the first write starts.
process.env.UV_THREADPOOL_SIZE ??= "1";

// A plain flag, not an AbortController: that would load Node's event-target machinery at every start.
const interruption = { aborted: false };
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal means: stop now.
    if (interruption.aborted) process.exit(130);
    interruption.aborted = true;
  });
}

const ctx = nodeContext(process, { env, signal: interruption, argv: process.argv.slice(2) });
run(ctx).then((code) => {
  process.exitCode = code;
  // The run has awaited its writes and the git and uv steps, and its text went straight
  // to the descriptors: exiting now skips Node's teardown of the environment and the
  // heap (about 1 ms). A `git config` lookup that a failed run no longer needs finishes
  // on its own. Text a stream still holds, or a terminal the prompts used, gets Node's
  // normal exit.
  if (ctx.settled) process.exit();
});
