#!/usr/bin/env node
/**
 * The bin as installed (dist/cli.cjs): starts the program, cli.ts built as dist/main.cjs, from V8's
 * code cache (io/code-cache.ts). An entry point beside cli.ts and plop.ts, since it reads the process.
 */
import { join } from "node:path";
import { codeCacheSpot, runCached, tempFolder } from "./io/code-cache.js";
import { COMMAND_NAMES } from "./options/flags.js";

/** The build's hash of dist/main.cjs: a rebuilt program never meets the cache of another build. */
declare const MAIN_BUILD_ID: string;

const argv = process.argv.slice(2);
// Under --verbose, stacks name our functions and source lines: Node maps only the files its own
// loader reads, so the program runs without the cache.
const verbose = argv.includes("--verbose");
if (verbose) process.setSourceMapsEnabled(true);
const spot = verbose
  ? undefined
  : codeCacheSpot(process.env, {
      tmpdir: () => tempFolder(process.env, process.platform, () => process.getBuiltinModule("node:os").tmpdir()),
      buildId: MAIN_BUILD_ID,
      nodeVersion: process.version,
      arch: process.arch,
      uid: process.getuid?.(),
    });
// --version and --help compile too little of the program for their cache to serve a create.
const worthKeeping = !argv.some((arg) => ["--version", "-v", "--help", "-h"].includes(arg));
// The command as commands/index.ts reads it (without a name, create): the cache says whose runs it holds.
const command = COMMAND_NAMES.find((name) => name === argv[0]) ?? "create";
const { exports } = runCached(join(__dirname, "main.cjs"), spot, command, (save) => {
  process.on("exit", (code) => {
    if (code === 0 && worthKeeping) save();
  });
});
(exports as { main(): void }).main();
