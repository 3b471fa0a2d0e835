/** The plan is data: answers in, the exact files to write out. Pure; --dry-run prints it, tests snapshot it. */
import { GenerateError } from "./errors.js";
import { nodeRequire } from "./location.js";
import { checkPathSegment } from "./names.js";
import type { Answers } from "./options.js";
import { presetTemplates } from "./preset.js";
import { outputPath, type Template, type TemplateContext } from "./render.js";

export interface PlannedFile {
  /** Relative to the target, with / separators. */
  path: string;
  contents: string;
  /** Written after every other file, since it records them (the manifest). */
  last?: boolean;
}

export const MANIFEST_PATH = ".spec-agent.json";
export const GENERATOR = "create-spec-agent";

export type ContentAnswers = Pick<Answers, "name" | "package" | "description" | "author" | "python">;

/** Only the answers that shape file contents (git and install do not), in a fixed key order. */
export function contentAnswers(answers: ContentAnswers): ContentAnswers {
  const { name, package: pkg, description, author, python } = answers;
  return { name, package: pkg, description, author, python };
}

export function templateContext(answers: ContentAnswers, generatorVersion: string): TemplateContext {
  return { ...contentAnswers(answers), generatorVersion };
}

/** node:crypto is required only here, by the one command that hashes; one-shot `hash` (Node 20.12) skips Hash objects. */
export function sha256(contents: string): string {
  const { hash } = nodeRequire("node:crypto") as typeof import("node:crypto");
  return hash("sha256", contents, "hex");
}

/** Paths from a template pack must stay inside the target and be valid on every OS. */
export function checkPlannedPath(path: string): string | undefined {
  if (path.startsWith("/")) return `${path} is absolute`;
  for (const segment of path.split("/")) {
    const problem = checkPathSegment(segment);
    if (problem) return `${path}: ${problem}`;
  }
  if (path.split("/")[0] === ".git") return `${path} is inside .git`;
  return undefined;
}

const byPath = (a: PlannedFile, b: PlannedFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** `.spec-agent.json`: what generated this tree, from which answers, and each file's hash (no timestamps). */
export function manifestFile(
  files: readonly PlannedFile[],
  answers: ContentAnswers,
  generatorVersion: string,
  template: string,
): PlannedFile {
  const hashes = Object.fromEntries(
    [...files].sort(byPath).map((file) => [file.path, `sha256:${sha256(file.contents)}`]),
  );
  const manifest = {
    generator: GENERATOR,
    version: generatorVersion,
    template,
    answers: contentAnswers(answers),
    files: hashes,
  };
  return { path: MANIFEST_PATH, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}

/**
 * The manifest, hashed when first read: a new target's files are then on
 * their way to disk while node:crypto loads (write.ts writes it last).
 */
function lazyManifest(
  files: readonly PlannedFile[],
  answers: ContentAnswers,
  generatorVersion: string,
  template: string,
): PlannedFile {
  let contents: string | undefined;
  return {
    path: MANIFEST_PATH,
    get contents() {
      contents ??= manifestFile(files, answers, generatorVersion, template).contents;
      return contents;
    },
    last: true,
  };
}

export function planFiles(
  templates: readonly Template[],
  answers: ContentAnswers,
  generatorVersion: string,
  template = "default",
): PlannedFile[] {
  const context = templateContext(answers, generatorVersion);
  const files = templates.map((t) => ({ path: outputPath(t.source, answers.package), contents: t.render(context) }));
  const seen = new Set<string>([MANIFEST_PATH]);
  for (const file of files) {
    const problem = checkPlannedPath(file.path);
    if (problem) throw new GenerateError(`template pack "${template}" would write outside the rules: ${problem}`);
    if (seen.has(file.path.toLowerCase()))
      throw new GenerateError(
        `template pack "${template}" writes ${file.path} twice (names differing only in case clash on macOS and Windows)`,
      );
    seen.add(file.path.toLowerCase());
  }
  files.push(lazyManifest(files.slice(), answers, generatorVersion, template));
  return files.sort(byPath);
}

/** The built-in preset: every template of templates/default. */
export async function planPreset(
  templatesDir: string,
  answers: ContentAnswers,
  generatorVersion: string,
): Promise<PlannedFile[]> {
  return planFiles(await presetTemplates(templatesDir), answers, generatorVersion, "default");
}
