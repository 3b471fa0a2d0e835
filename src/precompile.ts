/** Build-time only: the preset's templates precompiled to JavaScript, replacing src/preset.ts in the bundle. */
import Handlebars from "handlebars";
import { COMPILE_OPTIONS } from "./engine.js";
import { readPack } from "./render.js";

/** Each template's source path and its precompiled specification, as JavaScript text. */
export function precompileSpecs(packDir: string): [string, string][] {
  return readPack(packDir).map(([source, text]) => [source, Handlebars.precompile(text, COMPILE_OPTIONS) as string]);
}

/** The stand-in for src/preset.ts: the same export, from precompiled templates. */
export function precompiledPresetModule(packDir: string): string {
  const entries = precompileSpecs(packDir).map(([source, spec]) => `${JSON.stringify(source)}: ${spec}`);
  return [
    'import { precompiledPack } from "./render.js";',
    `const specs = {\n${entries.join(",\n")}\n};`,
    "export async function presetTemplates() {",
    "  return precompiledPack(specs);",
    "}",
    "",
  ].join("\n");
}
