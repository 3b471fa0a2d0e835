/**
 * Templates are files under templates/<pack>/, rendered on our Handlebars setup
 * (engine.ts). This module holds the runtime side; compile.ts the compiler.
 */
import { join, relative, sep } from "node:path";
import type Handlebars from "handlebars";
import runtimeModule from "handlebars/runtime.js";
import { registerHelpers } from "./engine.js";
import { GenerateError } from "./errors.js";
import { nodeFs } from "./fs.js";

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

// Node's ESM needs the .js path, whose bundled typings declare nothing; it is the runtime part of Handlebars.
const Runtime = runtimeModule as unknown as typeof Handlebars;

export type TemplateSpecs = Record<string, TemplateSpecification>;
type TemplateSpecification = Parameters<typeof Runtime.template>[0];

export function template(source: string, compiled: (context: TemplateContext) => string): Template {
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
}

/** Every file of a pack, as `[source, text]`, sorted by path. */
export function readPack(packDir: string): [string, string][] {
  return nodeFs
    .readdirSync(packDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(packDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort()
    .map((source) => [source, nodeFs.readFileSync(join(packDir, source), "utf8")]);
}

export function precompiledPack(specs: TemplateSpecs): Template[] {
  const engine = registerHelpers(Runtime.create());
  return Object.keys(specs)
    .sort()
    .map((source) => template(source, engine.template(specs[source] as TemplateSpecification)));
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
