/**
 * The built-in preset's templates, compiled from templates/ at run time: the
 * files written as they are (templates/default) and the one source the AI
 * tools' files are made from (templates/agents). Imported as `#preset`
 * (package.json "imports"): the build resolves that name to the templates
 * turned into JavaScript (build/precompile.ts), so the bundle carries no Handlebars.
 */
import type { FileSystem } from "../io/fs.js";
import { compilePack } from "./compile.js";
import type { Template } from "./template.js";

export interface PresetPacks {
  default: Template[];
  agents: Template[];
  /** Each LICENSE text, named as the answer that chooses it (core/license.ts). */
  licenses: Template[];
}

export function presetPacks(fs: FileSystem, templatesDir: string): PresetPacks {
  return {
    default: compilePack(fs, `${templatesDir}/default`),
    agents: compilePack(fs, `${templatesDir}/agents`),
    licenses: compilePack(fs, `${templatesDir}/licenses`),
  };
}
