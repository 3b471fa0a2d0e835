/**
 * The names a repository's own `pyproject.toml` already gives (PEP 621):
 * init takes them as answers, so the preset speaks of the project as it is.
 * A value our rules would refuse is left out, and its question then takes
 * its usual default; a file that does not parse gives nothing.
 */
import { parse } from "smol-toml";
import { checkOneLine, checkPackageName, checkProjectName, checkPythonVersion, packageFromName } from "./names.js";
import { lowestPython } from "./project-facts.js";
import { type DeclaredPython, PYTHON_MINORS } from "./python.js";
import { admittedMinors } from "./requires-python.js";

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

/** The package a console script runs (`my_service.cli:main` → my_service), else the name's. */
function packageOf(project: Record<string, unknown>, name: string | undefined): string | undefined {
  for (const entry of Object.values(record(project.scripts))) {
    const pkg = text(entry)?.split(/[.:]/)[0];
    if (pkg !== undefined && checkPackageName(pkg) === undefined) return pkg;
  }
  return name === undefined ? undefined : packageFromName(name);
}

function parsed(source: string): Record<string, unknown> | undefined {
  try {
    return record(parse(source));
  } catch {
    return undefined;
  }
}

/** PEP 621's `requires-python`, else Poetry's `python` requirement. */
const requiresPython = (data: Record<string, unknown>): string | undefined =>
  text(record(data.project)["requires-python"]) ?? text(record(record(record(data.tool).poetry).dependencies).python);

export function namesFromPyproject(source: string): PyprojectNames {
  const data = parsed(source);
  if (data === undefined) return {};
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
  const python = lowestPython(requiresPython(data));
  if (python !== undefined && checkPythonVersion(python) === undefined) names.python = python;
  return names;
}

/** The Python the project declares, for init's question (core/python.ts); `rootEntries` are its root's names. */
export function declaredPython(source: string, rootEntries: ReadonlySet<string>): DeclaredPython {
  const requires = requiresPython(parsed(source) ?? {});
  const admitted =
    requires === undefined ? undefined : admittedMinors(requires, PYTHON_MINORS.lowest, PYTHON_MINORS.inDevelopment);
  return { requires, lowest: lowestPython(requires), admitted, versionFile: rootEntries.has(".python-version") };
}
