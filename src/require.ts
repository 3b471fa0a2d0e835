/**
 * Node's built-ins, required where they are used. An ES import of node:fs
 * builds a facade that loads fs streams, and crypto and child_process cost
 * milliseconds to load: start-up pays only for what a command uses.
 */
import { createRequire } from "node:module";

export const nodeRequire = createRequire(import.meta.url);
