/**
 * Templates are files under templates/<pack>/, in Handlebars on our setup
 * (engine.ts). This module holds what rendering needs at run time; compile.ts
 * compiles a pack with Handlebars, precompile.ts turns one into JavaScript.
 */
import { join, relative, sep } from "node:path";
import { GenerateError } from "./errors.js";
import { nodeFs } from "./fs.js";

/** The names a template may use: every answer that shapes content, and the generator's version. */
export const TEMPLATE_VARIABLES = ["name", "package", "description", "author", "python", "generatorVersion"] as const;

export type TemplateContext = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

export interface Template {
  /** Path inside the pack, with / separators: `_github/agents/x.agent.md`. */
  source: string;
  render(context: TemplateContext): string;
}

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
