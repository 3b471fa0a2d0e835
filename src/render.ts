/**
 * Templates are files under templates/<pack>/, each a Handlebars template on
 * our own instance: strict (an unknown name throws) and unescaped (what the user
 * typed arrives as typed; YAML and TOML values are quoted by helpers instead).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Handlebars from "handlebars";
import { GenerateError } from "./errors.js";
import { tomlString, yamlString } from "./quote.js";

export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export interface TemplateContext {
  name: string;
  package: string;
  description: string;
  author: string;
  python: string;
  generatorVersion: string;
}

export interface Template {
  /** Path inside the pack, with / separators: `_github/agents/x.agent.md`. */
  source: string;
  render(context: TemplateContext): string;
}

function stringArgument(helper: string, value: unknown): string {
  if (typeof value !== "string") throw new Error(`{{${helper}}} takes a string, got ${typeof value}`);
  return value;
}

export function createEngine(): typeof Handlebars {
  const engine = Handlebars.create();
  engine.registerHelper("yaml", (value: unknown) => yamlString(stringArgument("yaml", value)));
  engine.registerHelper("toml", (value: unknown) => tomlString(stringArgument("toml", value)));
  engine.registerHelper("json", (value: unknown) => JSON.stringify(value));
  return engine;
}

/** Reads and compiles every file of a template pack, sorted by path. */
export function loadTemplates(packDir: string, engine = createEngine()): Template[] {
  const sources = readdirSync(packDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(packDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  return sources.map((source) => {
    const text = readFileSync(join(packDir, source), "utf8");
    const compiled = engine.compile(text, COMPILE_OPTIONS);
    return {
      source,
      render(context) {
        try {
          return compiled(context);
        } catch (error) {
          const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
          throw new GenerateError(`template ${source} failed to render: ${reason}`, { cause: error });
        }
      },
    };
  });
}

/**
 * Where a template lands: a segment with one leading `_` is a dotfile
 * (npm drops `.gitignore` from packages), `__package__` is the import package.
 */
export function outputPath(source: string, pkg: string): string {
  return source
    .split("/")
    .map((segment) => {
      if (segment === "__package__") return pkg;
      return /^_(?!_)/.test(segment) ? `.${segment.slice(1)}` : segment;
    })
    .join("/");
}
