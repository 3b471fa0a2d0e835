/**
 * The built-in preset's templates, compiled from templates/default at run
 * time. Imported as `#preset` (package.json "imports"): the build resolves
 * that name to the templates turned into JavaScript (build/precompile.ts), so
 * the bundle carries no Handlebars at all.
 */
import type { FileSystem } from "../io/fs.js";
import { compilePack } from "./compile.js";
import type { Template } from "./template.js";

export async function presetTemplates(fs: FileSystem, templatesDir: string): Promise<Template[]> {
  return compilePack(fs, `${templatesDir}/default`);
}
