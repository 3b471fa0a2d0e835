/**
 * Our Handlebars setup, shared by the compiler (team packs, tests, the build's
 * precompiler) and the runtime (the built CLI's precompiled preset): strict, so
 * an unknown name throws; unescaped, so what the user typed arrives as typed,
 * with YAML and TOML values quoted by helpers instead.
 */
import type { HelperDelegate } from "handlebars";
import { tomlString, yamlString } from "./quote.js";

export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

interface HelperHost {
  registerHelper(name: string, fn: HelperDelegate): void;
}

function stringArgument(helper: string, value: unknown): string {
  if (typeof value !== "string") throw new Error(`{{${helper}}} takes a string, got ${typeof value}`);
  return value;
}

export function registerHelpers<Env extends HelperHost>(env: Env): Env {
  env.registerHelper("yaml", (value: unknown) => yamlString(stringArgument("yaml", value)));
  env.registerHelper("toml", (value: unknown) => tomlString(stringArgument("toml", value)));
  env.registerHelper("json", (value: unknown) => JSON.stringify(value));
  return env;
}
