/**
 * A CommonJS file compiled and run by hand, as Node's loader would run it (io/code-cache.ts hands V8 its cache
 * this way), and whether Node's own compile cache is on, which decides when the loader is better left out.
 */

import { readFileSync } from "node:fs";
// Named, not the default: esbuild would copy each of node:module's forty-odd properties into an interop object.
import { createRequire, Module, wrap } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/** Whether Node's own compile cache is on for this process (Node 22 on: module.getCompileCacheDir). */
export function nodeCompileCacheOn(): boolean {
  const { getCompileCacheDir } = Module as { getCompileCacheDir?: () => string | undefined };
  return getCompileCacheDir?.() !== undefined;
}

/**
 * The CommonJS file as Node's loader wraps it, compiled with V8's cache when one is given. Read as Latin-1: the
 * program is ASCII (esbuild escapes every other character; test/code-cache.test.ts holds dist/main.cjs so), where
 * Latin-1 gives the same string as UTF-8 without validating 290 KB (0.25 M instructions a start, docs/performance.md).
 */
export function compile(file: string, cachedData?: Buffer): Script {
  return new Script(wrap(readFileSync(file, "latin1")), { filename: file, cachedData });
}

/** Runs a compiled file as Node runs a CommonJS module (the same five arguments); returns its exports. */
export function runScript(script: Script, file: string): unknown {
  const module = new Module(file);
  module.filename = file;
  const main = script.runInThisContext() as (...args: unknown[]) => void;
  main.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
