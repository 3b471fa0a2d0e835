#!/usr/bin/env node
/** The bin: the only module that reads process state and sets the exit code. */
import { nodeFs, realFileSystem } from "./fs.js";
import { nodeRequire } from "./location.js";
import { run } from "./main.js";
import { descriptorOutput } from "./output.js";
import { readVersion, templatesDir } from "./package-info.js";
import { createPrompter } from "./prompter.js";

// The environment as given: what git and uv inherit.
const env = { ...process.env };
// One libuv thread, unless the user chose otherwise: new files are written on it,
// in order, while this thread hashes them for the manifest; four threads would
// contend for the same folders. libuv reads this when the first write starts.
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

// Node's standard streams cost milliseconds to build: only prompts use them.
const stdout = descriptorOutput(1, () => process.stdout);
const stderr = descriptorOutput(2, () => process.stderr);
let asked = false;

run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env,
  stdout,
  stderr,
  // node:tty loads node:net: only a run that may ask questions looks.
  get terminal() {
    const { isatty } = nodeRequire("node:tty") as typeof import("node:tty");
    return isatty(0) && isatty(1);
  },
  fs: realFileSystem,
  exec: (command, args, cwd) =>
    new Promise((done) => {
      const { execFile } = nodeRequire("node:child_process") as typeof import("node:child_process");
      execFile(command, args, { cwd, env, encoding: "utf8" }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ status, stdout, stderr, error: error ?? undefined });
      });
    }),
  isExecutableFile: (path) => nodeFs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  createPrompter: () => {
    asked = true;
    return createPrompter(process.stdin, process.stdout);
  },
  signal: interruption,
  templatesDir,
  version: readVersion(),
}).then((code) => {
  process.exitCode = code;
  // The run has awaited its writes and the git and uv steps, and its text went straight
  // to the descriptors: exiting now skips Node's teardown of the environment and the
  // heap (about 1 ms). A `git config` lookup that a failed run no longer needs finishes
  // on its own. Text a stream still holds, or a terminal the prompts used, gets Node's
  // normal exit.
  if (stdout.settled && stderr.settled && !asked) process.exit();
});
