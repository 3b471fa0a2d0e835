/** The corpus of real projects in test/fixtures/projects/ (see its README), as project-facts reads them. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ProjectSources } from "../../src/core/project-facts.js";

export const PROJECTS_DIR = join(import.meta.dirname, "..", "fixtures", "projects");

export const CORPUS = readdirSync(PROJECTS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Dotfiles are kept without their dot, so that they do not act on this repository. */
const stored = (path: string): string => (path.startsWith(".") && !path.includes("/") ? path.slice(1) : path);

export function projectSources(project: string): ProjectSources {
  const dir = join(PROJECTS_DIR, project);
  const files = readFileSync(join(dir, "files.txt"), "utf8").split("\n").filter(Boolean);
  const read = (path: string): string | undefined => {
    const file = join(dir, stored(path));
    return files.includes(path) && existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };
  return { pyproject: read("pyproject.toml") ?? "", files, read };
}
