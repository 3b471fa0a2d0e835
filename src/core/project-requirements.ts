/**
 * Where a project declares its requirements: PEP 735 dependency groups,
 * optional extras, Poetry's and PDM's own groups; and so where its test runner
 * comes from, which decides how uv is told to install it.
 */
import { type Declared, type ProjectFacts, type ProjectSources, TOOLS, type Tool } from "./project-shape.js";
import { at, strings, type Table, table, text } from "./toml-table.js";

/** The name a requirement installs: `pytest>=8`, `pytest-xdist[psutil]`, `ruff ; python_version>'3'`. */
export const requirementName = (requirement: string): string =>
  (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? "").toLowerCase().replace(/[._]/g, "-");

/** PEP 735 groups, `include-group` followed (a cycle stops where it started). */
function groupRequirements(groups: Table, name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const entries = Array.isArray(groups[name]) ? (groups[name] as unknown[]) : [];
  return entries.flatMap((entry) => {
    if (typeof entry === "string") return [entry];
    const include = text(table(entry)["include-group"]);
    return include === undefined ? [] : groupRequirements(groups, include, seen);
  });
}

/** Poetry's `name = "^1.2"` or `{ version = "..." }` entries: PyPI's; a `path`, `git` or `url` one is not. */
const poetryRequirements = (dependencies: Table): string[] =>
  Object.entries(dependencies)
    .filter(
      ([name, spec]) => name !== "python" && (typeof spec === "string" || text(table(spec).version) !== undefined),
    )
    .map(([name]) => requirementName(name));

/** The version each package has in the project's lock file: `name = "…"` then `version = "…"` in each `[[package]]`. */
export type Locked = ReadonlyMap<string, string>;

/** poetry.lock's and pdm.lock's `[[package]]` entries, by a pattern: both write the name, then the version. */
export function lockedVersions(lock: string | undefined): Locked {
  const versions = new Map<string, string>();
  if (lock === undefined) return versions;
  for (const m of lock.matchAll(/^\[\[package\]\]\r?\nname = "([^"\n]+)"\r?\nversion = "([^"\n]+)"/gm)) {
    const name = requirementName(m[1] as string);
    const version = m[2] as string;
    // Only a version that is safe in a shell command; the first entry wins (a lock may list markers' variants).
    if (/^[0-9][0-9A-Za-z.+!-]*$/.test(version) && !versions.has(name)) versions.set(name, version);
  }
  return versions;
}

/** Names safe in a Taskfile's command and a shell, at the version the lock file holds: what `uv run --with` is given. */
const fromPyPI = (names: readonly string[], locked: Locked): string[] =>
  [...new Set(names)]
    .filter((n) => /^[a-z0-9][a-z0-9.-]*$/.test(n))
    .map((n) => (locked.has(n) ? `${n}==${locked.get(n)}` : n));

/** Root files pip reads requirements from: requirements.txt, requirements-dev.txt, test-requirements.txt. */
const REQUIREMENTS_FILE = /^(?:[\w-]+[-_])?requirements(?:[-_][\w-]+)?\.txt$/;

/** Each root requirements file with the names it lists (options such as `-e .` and `-r other.txt` left out). */
export function requirementsFiles(sources: ProjectSources): { file: string; names: string[] }[] {
  return sources.files
    .filter((file) => REQUIREMENTS_FILE.test(file))
    .map((file) => ({
      file,
      names: (sources.read(file) ?? "")
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
        .filter((line) => line !== "" && !line.startsWith("-"))
        .map(requirementName),
    }));
}

type Listed = { file: string; names: string[] }[];

/** Every place a requirement may be declared, in the order uv installs them by default first; requirements files last. */
export function declarations(
  data: Table,
  locked: Locked = new Map(),
  listed: Listed = [],
): { where: Declared; names: string[] }[] {
  const out: { where: Declared; names: string[] }[] = [];
  const groups = table(data["dependency-groups"]);
  const order = ["dev", ...Object.keys(groups).filter((g) => g !== "dev")].filter((g) => g in groups);
  for (const name of order)
    out.push({ where: { kind: "group", name }, names: groupRequirements(groups, name).map(requirementName) });
  for (const [name, list] of Object.entries(table(at(data, "project.optional-dependencies"))))
    out.push({ where: { kind: "extra", name }, names: strings(list).map(requirementName) });
  const poetry = (name: string, dependencies: Table) =>
    out.push({
      where: { kind: "poetry-group", name, requirements: fromPyPI(poetryRequirements(dependencies), locked) },
      names: Object.keys(dependencies),
    });
  for (const [name, group] of Object.entries(table(at(data, "tool.poetry.group"))))
    poetry(name, table(table(group).dependencies));
  const poetryDev = table(at(data, "tool.poetry.dev-dependencies"));
  if (Object.keys(poetryDev).length > 0) poetry("dev", poetryDev);
  for (const [name, list] of Object.entries(table(at(data, "tool.pdm.dev-dependencies")))) {
    // A path, URL or editable requirement (`-e file:///${PROJECT_ROOT}/sub`) is not PyPI's to give.
    const fromIndex = strings(list).filter((r) => !/^\s*-e\b|@|:\/\//.test(r));
    out.push({
      where: { kind: "pdm-group", name, requirements: fromPyPI(fromIndex.map(requirementName), locked) },
      names: strings(list).map(requirementName),
    });
  }
  for (const { file, names } of listed) out.push({ where: { kind: "requirements", name: file }, names });
  return out;
}

/** An ini file's `[section]`, up to the next section. */
const iniSection = (text: string | undefined, section: string): string | undefined =>
  text === undefined
    ? undefined
    : new RegExp(`^\\[${section}\\][^\\n]*\\n([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, "m").exec(text)?.[1];

/**
 * pytest's `testpaths`, from the file pytest reads its settings from, in its order: pytest.ini, pyproject.toml
 * (`[tool.pytest.ini_options]`, or pytest 9's `[tool.pytest]`), tox.ini's `[pytest]`, setup.cfg's `[tool:pytest]`.
 */
function pytestSettings(data: Table, sources: ProjectSources): { configured: boolean; testpaths: string[] } {
  const has = new Set(sources.files);
  const ini = (file: string, section: string) => (has.has(file) ? iniSection(sources.read(file), section) : undefined);
  const fromIni = (body: string) =>
    (/^testpaths\s*[=:]((?:.*)(?:\n[ \t]+\S.*)*)/m.exec(body)?.[1] ?? "").split(/\s+/).filter(Boolean);
  // pytest.ini is pytest's settings file even without a [pytest] section: the others are then not read.
  if (has.has("pytest.ini")) return { configured: true, testpaths: fromIni(ini("pytest.ini", "pytest") ?? "") };
  const toml = table(at(data, "tool.pytest"));
  if (at(data, "tool.pytest") !== undefined) {
    const paths = table(toml.ini_options).testpaths ?? toml.testpaths;
    return { configured: true, testpaths: typeof paths === "string" ? paths.split(/\s+/) : strings(paths) };
  }
  const other = ini("tox.ini", "pytest") ?? ini("setup.cfg", "tool:pytest");
  return { configured: other !== undefined, testpaths: fromIni(other ?? "") };
}

export function testsOf(data: Table, sources: ProjectSources, locked?: Locked): ProjectFacts["tests"] {
  const settings = pytestSettings(data, sources);
  const holds = (dir: string) => sources.files.some((f) => f.startsWith(`${dir}/`));
  // The first of pytest's testpaths that is a folder here (pluggy's `testing`), else a folder named for tests.
  const folder =
    settings.testpaths
      .map((p) => p.replace(/^\.\/|\/+$/g, ""))
      .find((p) => /^[\w.-]+(\/[\w.-]+)*$/.test(p) && holds(p)) ?? ["tests", "test", "testing"].find(holds);
  const declared = declarations(data, locked, requirementsFiles(sources)).find((d) =>
    d.names.includes("pytest"),
  )?.where;
  const configured =
    settings.configured ||
    sources.files.includes("conftest.py") ||
    (folder !== undefined && sources.files.some((f) => f.startsWith(`${folder}/`) && f.endsWith("/conftest.py")));
  // A tests folder is run by pytest too: it collects unittest cases as well.
  const runner = declared !== undefined || configured || folder !== undefined ? "pytest" : undefined;
  return { runner, declared, folder };
}

export function checkersDeclared(
  data: Table,
  locked?: Locked,
  listed: Listed = [],
): Partial<Record<"mypy" | "pyright", Declared>> {
  const all = declarations(data, locked, listed);
  const out: Partial<Record<"mypy" | "pyright", Declared>> = {};
  for (const checker of ["mypy", "pyright"] as const) {
    const where = all.find((d) => d.names.includes(checker))?.where;
    if (where !== undefined) out[checker] = where;
  }
  return out;
}

/** The linters in the `dev` group, which `uv sync` installs by default. */
export function devTools(data: Table): Tool[] {
  const dev = declarations(data).find((d) => d.where.kind === "group" && d.where.name === "dev");
  return TOOLS.filter((tool) => dev?.names.includes(tool));
}
