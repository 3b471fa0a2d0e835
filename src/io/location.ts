/**
 * Where this package is, and a require for Node's built-ins: required where
 * they are used, since an ES import of node:fs builds a facade that loads fs
 * streams, and crypto and child_process cost milliseconds to load. Imported
 * as `#location`: the build resolves that name to a stand-in for each bundle
 * (the CommonJS bin's is built on __dirname and require, so start-up parses
 * no URL), since a bundle sits at another depth than this file.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const nodeRequire = createRequire(import.meta.url);

/** Two levels up from src/io/, ending in a separator. */
export const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
