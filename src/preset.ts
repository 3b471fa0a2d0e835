/**
 * The built-in preset's templates. From source they are compiled from
 * templates/default at run time; the build replaces this module with the
 * templates turned into JavaScript (precompile.ts, run by scripts/build.mjs),
 * so the bundle carries no Handlebars at all.
 */
import { join } from "node:path";
import { compilePack } from "./compile.js";
import type { Template } from "./render.js";

export async function presetTemplates(templatesDir: string): Promise<Template[]> {
  return compilePack(join(templatesDir, "default"));
}
