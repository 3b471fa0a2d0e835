/**
 * Templates are files under templates/<pack>/, in Handlebars on our setup
 * (engine.ts). This module holds what rendering needs at run time; compile.ts
 * compiles a pack with Handlebars, and the build turns the preset into
 * JavaScript (build/precompile.ts).
 */
import { GenerateError } from "../core/errors.js";
import { licenseExpression } from "../core/license.js";
import type { ContentAnswers } from "../core/manifest.js";

/** The statements about a project that exists (targets/owner-texts.ts); `existingProject` is empty for the preset's own project. */
export const OWNER_VARIABLES = [
  "existingProject",
  "otherLanguage",
  "projectIntro",
  "projectCommands",
  "projectLayout",
  "projectConventions",
  "projectTools",
  "projectTasks",
  "projectCode",
  "projectTaskfile",
  "projectChecks",
  "projectHowToRun",
  "projectMustPass",
  "projectRequirements",
  "noPythonVersionFile",
] as const;

/**
 * The names a template may use: every answer that shapes content, the
 * generator's version, and the texts that name the chosen AI tools' files
 * (written by src/targets/ from the target table).
 */
export const TEMPLATE_VARIABLES = [
  "name",
  "package",
  "description",
  "author",
  "python",
  "license",
  "licenseExpression",
  "licensePrivate",
  "generatorVersion",
  "aiLayout",
  "aiTools",
  "agentFile",
  "aiIgnored",
  "uvBuild",
  ...OWNER_VARIABLES,
] as const;

export type TemplateContext = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

/** What the answers alone do not give: the AI tools' texts and the build backend's bound. */
export type DerivedTexts = Pick<TemplateContext, "aiLayout" | "aiTools" | "agentFile" | "aiIgnored" | "uvBuild"> &
  Partial<Pick<TemplateContext, (typeof OWNER_VARIABLES)[number]>>;

/** For templates that name none of the derived texts (spec files): every one empty. */
export const NO_DERIVED_TEXTS: DerivedTexts = { aiLayout: "", aiTools: "", agentFile: "", aiIgnored: "", uvBuild: "" };

/** The preset's own project: every owner statement empty, so `{{#if existingProject}}` takes the preset's text. */
const NO_OWNER = Object.fromEntries(OWNER_VARIABLES.map((name) => [name, ""])) as Record<
  (typeof OWNER_VARIABLES)[number],
  string
>;

export function templateContext(
  answers: ContentAnswers,
  generatorVersion: string,
  texts: DerivedTexts,
): TemplateContext {
  const { name, package: pkg, description, author, python, license } = answers;
  const expression = licenseExpression(license);
  return {
    name,
    package: pkg,
    description,
    author,
    python,
    license,
    licenseExpression: expression,
    // PyPI refuses a wheel with this classifier: an internal service is not uploaded by mistake.
    licensePrivate: license === "Proprietary" ? "yes" : "",
    generatorVersion,
    ...NO_OWNER,
    ...texts,
  };
}

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
