#!/usr/bin/env node
/** The bin: the only module that reads process state and sets the exit code. */
import { nodeFs, realFileSystem } from "./fs.js";
import { run } from "./main.js";
import { readVersion, templatesDir } from "./package-info.js";
import { createPrompter } from "./prompter.js";
import { nodeRequire } from "./require.js";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal means: stop now.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  });
}

run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  fs: realFileSystem,
  exec: (command, args, cwd) =>
    new Promise((done) => {
      const { execFile } = nodeRequire("node:child_process") as typeof import("node:child_process");
      execFile(command, args, { cwd, encoding: "utf8" }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ status, stdout, stderr, error: error ?? undefined });
      });
    }),
  isExecutableFile: (path) => nodeFs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  createPrompter,
  signal: controller.signal,
  templatesDir,
  version: readVersion(),
}).then((code) => {
  process.exitCode = code;
});
