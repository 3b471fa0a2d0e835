/**
 * Where this package is, and a require for Node's built-ins: required where
 * they are used, since an ES import of node:fs builds a facade that loads fs
 * streams, and crypto and child_process cost milliseconds to load. The
 * CommonJS bin gets a stand-in built on __dirname and require
 * (scripts/build.mjs), so start-up parses no URL.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const nodeRequire = createRequire(import.meta.url);

/** One level up from src/ in development and from dist/ when built, ending in a separator. */
export const packageRoot = fileURLToPath(new URL("..", import.meta.url));
