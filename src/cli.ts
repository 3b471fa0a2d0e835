#!/usr/bin/env node
/** The bin: the only module that reads process state and sets the exit code. */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { realFileSystem } from "./fs.js";
import { run } from "./main.js";
import { readVersion, templatesDir } from "./package-info.js";
import { createPrompter } from "./prompter.js";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal means: stop now.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  });
}

process.exitCode = await run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  fs: realFileSystem,
  exec: (command, args, cwd) => {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "", error: result.error };
  },
  isExecutableFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  createPrompter,
  signal: controller.signal,
  templatesDir,
  version: readVersion(),
});
