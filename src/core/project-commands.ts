/**
 * The commands that do each job in a project that exists, from its facts: uv
 * told where the test runner is declared, a project without [build-system]
 * run from its folder, the linters it configures with its own settings, and
 * its console script or `python -m` package, or no run command at all.
 * Each gap the project leaves (no test runner declared, no linter) is a note
 * init prints and the rules state.
 */
import type { Declared, ProjectFacts, Tool } from "./project-shape.js";

/** The preset's tasks, in the order the rules give them. */
export const FIVE_TASKS = ["install", "run", "test", "lint", "format"] as const;

export interface ProjectCommands {
  install: string[];
  /** Undefined when the project has no command: no console script, no package with `__main__.py`. */
  run: string | undefined;
  /** What `task run` runs, for the rules: `files-to-prompt`, `python -m marko`. */
  runs: string | undefined;
  test: string[];
  lint: string[];
  format: string[];
  /** The tools `task lint` runs, for the rules. */
  linters: string[];
  /** False when the project configures no linter and `task lint` runs ruff's defaults. */
  ownLinters: boolean;
  /** One line each: what the project lacks that the workflow needs, and what the tasks do instead. */
  notes: string[];
}

/**
 * The uv options that install where the requirement is declared; where uv cannot read the place (a Poetry
 * or PDM group), `--with` each of the group's requirements, so its plugins come with it (pytest-mock, …).
 */
function from(declared: Declared | undefined, requirement: string): string {
  if (declared === undefined) return `--with ${requirement}`;
  if (declared.kind === "extra") return `--extra ${declared.name}`;
  if (declared.kind === "group") return declared.name === "dev" ? "" : `--group ${declared.name}`;
  if (declared.kind === "requirements") return `--with-requirements ${declared.name}`;
  const has = declared.requirements.some((r) => r === requirement || r.startsWith(`${requirement}==`));
  const names = has ? declared.requirements : [requirement, ...declared.requirements];
  return names.map((name) => `--with ${name}`).join(" ");
}

/** flake8's "stop the build" selection (GitHub's starter workflow): syntax errors and undefined names. */
const BUG_RULES = "E9,F63,F7,F82";

const join = (...parts: string[]): string => parts.filter((p) => p !== "").join(" ");
const dotted = (path: string): string => path.replace(/^src\//, "").replace(/\//g, ".");

export function where(declared: Declared | undefined): string {
  if (declared === undefined) return "declared nowhere uv reads";
  const kind = {
    group: "dependency group",
    extra: "optional extra",
    "poetry-group": "Poetry group",
    "pdm-group": "PDM group",
    requirements: "requirements file",
  };
  return `declared in the ${kind[declared.kind]} \`${declared.name}\``;
}

function runCommand(facts: ProjectFacts): { run: string | undefined; runs: string | undefined } {
  const script = facts.scripts[0];
  const packaged = facts.backend !== "none";
  if (script && packaged) return { run: `uv run ${script.name}`, runs: `\`${script.name}\`` };
  const main = facts.mainPackages[0];
  if (main) return { run: `uv run python -m ${dotted(main)}`, runs: `\`python -m ${dotted(main)}\`` };
  if (script) {
    // Not installed without a build backend: the entry point's function, called as the script would be.
    const [module, func] = script.target.split(":");
    const code = `import sys; from ${module} import ${func}; sys.exit(${func}())`;
    return { run: `uv run python -c "${code}"`, runs: `\`${script.target}\`` };
  }
  return { run: undefined, runs: undefined };
}

/**
 * How uv runs a linter: at the version the project's pre-commit hook pins (what its own checks run), else as
 * its `dev` group installs it (locked by its uv.lock), else added for the run.
 */
function tool(facts: ProjectFacts, name: Tool, extra = ""): string {
  const pin = facts.pins[name];
  if (pin !== undefined) return join("uv run", `--with ${name}==${pin}`, extra, name);
  if (facts.devTools.includes(name)) return join("uv run", extra, name);
  return join("uv run", `--with ${name}`, extra, name);
}

const blackExclude = (facts: ProjectFacts): string =>
  facts.hookExclude === undefined ? "" : `--extend-exclude '${facts.hookExclude}'`;

// ruff 0.16+ formats Markdown's code blocks, which the project's hook (typer's `types: [python]`) never hands it.
const ruffFormat = (f: ProjectFacts): string =>
  join(`${tool(f, "ruff")} format`, f.ruffLeavesMarkdownOut ? "--extend-exclude '*.md'" : "");

const LINT: Readonly<Record<Tool, (facts: ProjectFacts) => string[]>> = {
  // --no-fix: a project's `fix = true` would have the check rewrite files.
  ruff: (f) => [`${tool(f, "ruff")} check --no-fix`, ...(f.ruffFormats ? [`${ruffFormat(f)} --check`] : [])],
  // black takes a regex, as pre-commit does: what the project's hooks leave out (vendored code), black does too.
  black: (f) => [join(tool(f, "black"), "--check", blackExclude(f), ".")],
  // flake8 reads pyproject.toml only through the Flake8-pyproject plugin; unlike ruff, black and isort it
  // does not leave uv's .venv out by itself (--extend-exclude adds to the project's own excludes).
  flake8: (f) => [
    `${tool(f, "flake8", f.tools.flake8 === "pyproject.toml" ? "--with Flake8-pyproject" : "")} --extend-exclude .venv`,
  ],
  isort: (f) => [`${tool(f, "isort")} --check-only --diff .`],
  mypy: () => [],
  pyright: () => [],
};

const FORMAT: Readonly<Partial<Record<Tool, (facts: ProjectFacts) => string[]>>> = {
  ruff: (f) => [`${tool(f, "ruff")} check --fix`, ...(f.ruffFormats ? [ruffFormat(f)] : [])],
  black: (f) => [join(tool(f, "black"), blackExclude(f), ".")],
  isort: (f) => [`${tool(f, "isort")} .`],
};

/** What mypy checks: the files its settings name, else the import packages (given nothing, mypy fails). */
const mypyTargets = (facts: ProjectFacts): string =>
  facts.mypyFiles ? "" : facts.packages.length > 0 ? facts.packages.join(" ") : ".";

export function projectCommands(facts: ProjectFacts): ProjectCommands {
  const notes: string[] = [];
  const tests = facts.tests;
  const testFrom = from(tests.declared, "pytest");
  if (tests.declared === undefined)
    notes.push(`no test runner is declared in pyproject.toml: \`task test\` runs pytest with \`uv run --with pytest\``);
  else if (tests.declared.kind === "requirements")
    notes.push(
      `pytest is listed in \`${tests.declared.name}\`, which uv sync does not read: \`task test\` installs the file's requirements for the run (\`uv run ${testFrom}\`)`,
    );
  else if (tests.declared.kind === "poetry-group" || tests.declared.kind === "pdm-group")
    notes.push(
      `pytest is ${where(tests.declared)}, which uv does not read: \`task test\` adds the group's requirements from PyPI (\`uv run ${testFrom}\`)`,
    );
  const install = [
    join("uv sync", tests.declared?.kind === "extra" || tests.declared?.kind === "group" ? testFrom : ""),
  ];
  // Without [build-system] uv does not install the project: `python -m pytest` puts the root on sys.path.
  const pytest = facts.backend === "none" ? "python -m pytest" : "pytest";
  const test = [`${join("uv run", testFrom, pytest)} {{.CLI_ARGS}}`];
  const configured: string[] = (Object.keys(facts.tools) as Tool[]).filter((t) => LINT[t](facts).length > 0);
  const lint = configured.flatMap((t) => LINT[t as Tool](facts));
  const format = configured.flatMap((t) => FORMAT[t as Tool]?.(facts) ?? []);
  for (const checker of ["mypy", "pyright"] as const) {
    if (facts.tools[checker] === undefined) continue;
    const declared = facts.checkersDeclared[checker];
    if (declared !== undefined) {
      // As the project's own tox or nox run gives it its arguments (pyright --verifytypes), else its targets.
      const args = facts.runnerChecks.checkerArgs[checker] ?? (checker === "mypy" ? mypyTargets(facts) : "");
      lint.push(join("uv run", from(declared, checker), checker, args));
      configured.push(checker);
    } else
      notes.push(
        `${checker} is configured (${facts.tools[checker]}) but not declared where uv installs it: \`task lint\` leaves it out`,
      );
  }
  const ownLinters = lint.length > 0;
  if (!ownLinters) {
    // No style the project never chose: only what is a bug under any style (syntax errors, undefined names).
    notes.push(
      `the project configures no linter: \`task lint\` checks only for syntax errors and undefined names (ruff ${BUG_RULES})`,
    );
    lint.push(`uv run --with ruff ruff check --no-fix --select ${BUG_RULES}`);
    configured.push(`ruff (${BUG_RULES} only)`);
  }
  if (facts.setuptoolsFindsFlat) {
    const include = facts.packages.map((p) => `"${p}*"`).join(", ") || '"PACKAGE*"';
    notes.push(
      `setuptools finds this flat layout's packages by itself, so it takes the new \`spec/\` folder for one more and refuses to build ("Multiple top-level packages discovered"): name yours in pyproject.toml, \`[tool.setuptools.packages.find]\` with \`include = [${include}]\`, before \`task install\``,
    );
  }
  const { run, runs } = runCommand(facts);
  if (run === undefined)
    notes.push("the project has no command (no console script, no `__main__.py`): the Taskfile has no `run` task");
  return {
    install,
    run: run && `${run} {{.CLI_ARGS}}`,
    runs,
    test,
    lint,
    format,
    linters: configured,
    ownLinters,
    notes,
  };
}

/**
 * Why uv cannot build the project in this folder: its version comes from git's tags through a build plugin, and
 * the folder is no git checkout (a downloaded archive), nor an sdist (whose PKG-INFO holds the version). hatch-vcs
 * and setuptools-scm then stop with "unable to detect version", and `uv sync` with them. Undefined otherwise.
 */
export function versionWithoutGit(
  version: ProjectFacts["version"],
  rootEntries: ReadonlySet<string>,
): string | undefined {
  if (version.kind !== "vcs" || rootEntries.has(".git") || rootEntries.has("PKG-INFO")) return undefined;
  return `the version comes from git's tags (${version.plugin}) and this folder is no git checkout: \`task install\` fails (uv cannot build the project) until it is one, as \`git clone\` makes it, tags included`;
}
