/**
 * The names a repository's own `pyproject.toml` already gives (PEP 621):
 * init takes them as answers, so the preset speaks of the project as it is.
 * A value our rules would refuse is left out, and its question then takes
 * its usual default; a file that does not parse gives nothing.
 */
import { parse } from "smol-toml";
import { checkOneLine, checkPackageName, checkProjectName, checkPythonVersion, packageFromName } from "./names.js";

export interface PyprojectNames {
  name?: string;
  package?: string;
  description?: string;
  author?: string;
  python?: string;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** `>=3.11`, `>=3.11,<4`, `~=3.12`: the lowest minor named. */
function lowestPython(spec: string | undefined): string | undefined {
  const match = spec === undefined ? null : /(?:>=|~=|==)\s*(3\.\d{1,2})/.exec(spec);
  return match?.[1];
}

/** The package a console script runs (`my_service.cli:main` → my_service), else the name's. */
function packageOf(project: Record<string, unknown>, name: string | undefined): string | undefined {
  for (const entry of Object.values(record(project.scripts))) {
    const pkg = text(entry)?.split(/[.:]/)[0];
    if (pkg !== undefined && checkPackageName(pkg) === undefined) return pkg;
  }
  return name === undefined ? undefined : packageFromName(name);
}

export function namesFromPyproject(source: string): PyprojectNames {
  let data: Record<string, unknown>;
  try {
    data = record(parse(source));
  } catch {
    return {};
  }
  const project = record(data.project);
  const names: PyprojectNames = {};
  const name = text(project.name);
  if (name !== undefined && checkProjectName(name) === undefined) names.name = name;
  const pkg = packageOf(project, names.name);
  if (pkg !== undefined && checkPackageName(pkg) === undefined) names.package = pkg;
  const description = text(project.description);
  if (description !== undefined && !checkOneLine("description", description, { required: true }))
    names.description = description;
  const authors = Array.isArray(project.authors) ? project.authors : [];
  const author = text(record(authors[0]).name);
  if (author !== undefined && !checkOneLine("author", author, { required: false })) names.author = author;
  const python = lowestPython(text(project["requires-python"]));
  if (python !== undefined && checkPythonVersion(python) === undefined) names.python = python;
  return names;
}
