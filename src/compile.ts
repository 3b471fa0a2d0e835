/** Compiling templates from disk needs Handlebars' compiler: kept apart so the built CLI, which carries the preset precompiled, never bundles it. */
import Handlebars from "handlebars";
import { COMPILE_OPTIONS, registerHelpers } from "./engine.js";
import { readPack, type Template, template } from "./render.js";

export function compilePack(packDir: string): Template[] {
  const engine = registerHelpers(Handlebars.create());
  return readPack(packDir).map(([source, text]) => template(source, engine.compile(text, COMPILE_OPTIONS)));
}
