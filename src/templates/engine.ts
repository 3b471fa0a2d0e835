/**
 * Our Handlebars setup, shared by the compiler (team packs, tests) and the
 * build's precompiler (the built CLI's preset): strict, so an unknown name
 * throws; unescaped, so what the user typed arrives as typed, with YAML and
 * TOML values quoted by helpers instead.
 */
import type { HelperDelegate } from "handlebars";
import { tomlString, yamlString } from "../core/quote.js";

export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

interface HelperHost {
  registerHelper(name: string, fn: HelperDelegate): void;
}

function stringArgument(helper: string, value: unknown): string {
  if (typeof value !== "string") throw new Error(`{{${helper}}} takes a string, got ${typeof value}`);
  return value;
}

export const HELPERS: Readonly<Record<string, (value: unknown) => string>> = {
  yaml: (value) => yamlString(stringArgument("yaml", value)),
  toml: (value) => tomlString(stringArgument("toml", value)),
  json: (value) => JSON.stringify(value),
};

/** What `{{#if}}` takes for false, as Handlebars' own `if` does. */
export function isEmpty(value: unknown): boolean {
  return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

export function registerHelpers<Env extends HelperHost>(env: Env): Env {
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, (value: unknown) => helper(value));
  return env;
}
