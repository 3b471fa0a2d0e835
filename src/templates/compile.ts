/** Compiling templates from disk needs Handlebars' compiler: kept apart so the built CLI, which carries the preset precompiled, never bundles it. */
import Handlebars from "handlebars";
import type { FileSystem } from "../io/fs.js";
import { COMPILE_OPTIONS, registerHelpers } from "./engine.js";
import { readPack } from "./pack.js";
import { type Template, template } from "./template.js";

export function compilePack(fs: FileSystem, packDir: string): Template[] {
  const engine = registerHelpers(Handlebars.create());
  return readPack(fs, packDir).map(([source, text]) => template(source, engine.compile(text, COMPILE_OPTIONS)));
}
