/**
 * The statements the rules and the Taskfile make about a project that exists,
 * each from what it declares (core/project-facts.ts): its Python, layout,
 * command, version source, linters and tasks. What it does not declare is
 * said to be undeclared or left out, never filled with the preset's defaults.
 * The preset's own texts stay in the templates, under `{{#if existingProject}}…{{else}}`.
 */
import { type ProjectCommands, projectCommands, where } from "../core/project-commands.js";
import type { ProjectFacts } from "../core/project-shape.js";
import { yamlString } from "../core/quote.js";

export interface OwnerTexts {
  /** "yes" for a project that exists, "" for the preset: templates test it with `{{#if existingProject}}`. */
  existingProject: string;
  projectIntro: string;
  projectCommands: string;
  projectLayout: string;
  projectConventions: string;
  projectTools: string;
  projectTasks: string;
  projectCode: string;
  projectTaskfile: string;
  projectChecks: string;
}

export const NO_OWNER: OwnerTexts = {
  existingProject: "",
  projectIntro: "",
  projectCommands: "",
  projectLayout: "",
  projectConventions: "",
  projectTools: "",
  projectTasks: "",
  projectCode: "",
  projectTaskfile: "",
  projectChecks: "",
};

const code = (s: string): string => `\`${s}\``;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

function pythonStatement(facts: ProjectFacts): string {
  if (facts.requiresPython === undefined) return "no `requires-python` is declared";
  if (facts.lowestPython === undefined) return `\`requires-python = "${facts.requiresPython}"\``;
  return `Python ${facts.lowestPython} or newer (\`requires-python = "${facts.requiresPython}"\`)`;
}

function versionStatement(facts: ProjectFacts): string {
  const v = facts.version;
  if (v.kind === "static") return `The version is \`${v.value}\`, set in \`pyproject.toml\`.`;
  if (v.kind === "vcs")
    return `The version comes from git tags through ${v.plugin}: never write it into a file by hand.`;
  if (v.kind === "file")
    return v.path === undefined
      ? "The version is read from the package at build time (declared dynamic in `pyproject.toml`)."
      : `The version is read from \`${v.path}\` at build time: change it there.`;
  return "The version is declared dynamic in `pyproject.toml`.";
}

function taskRows(name: string, c: ProjectCommands): string[] {
  const rows = [
    `| \`task install\` | \`${c.install.join(" && ")}\`: creates \`.venv\` with the project's dependencies |`,
  ];
  if (c.runs !== undefined) rows.push(`| \`task run -- --help\` | runs ${c.runs}; arguments go after \`--\` |`);
  rows.push(`| \`task test\` | runs pytest (\`${c.test.join(" ").replace(" {{.CLI_ARGS}}", "")}\`) |`);
  rows.push(
    c.ownLinters
      ? `| \`task lint\` | ${list(c.linters)}, with the settings ${name} keeps |`
      : `| \`task lint\` | ${list(c.linters)}: the project configures no linter, so only syntax errors and undefined names |`,
  );
  if (c.format.length > 0)
    rows.push(`| \`task format\` | \`${c.format.map((f) => f.replace(/^uv run (--with \S+ )?/, "")).join("`, `")}\` |`);
  return rows;
}

function taskfile(name: string, c: ProjectCommands): string {
  const task = (id: string, desc: string, cmds: readonly string[]) =>
    [
      `  ${id}:`,
      `    desc: ${yamlString(desc)}`,
      id === "install" ? `    preconditions: &uv\n${UV_PRECONDITION}` : "    preconditions: *uv",
      "    cmds:",
      ...cmds.map((cmd) => `      - ${yamlString(cmd)}`),
    ].join("\n");
  const parts = [
    task("install", `Install ${name}'s dependencies into .venv (${c.install.join(" && ")})`, c.install),
    ...(c.run === undefined
      ? []
      : [task("run", `Run ${c.runs?.replace(/`/g, "")}; pass arguments after --, e.g. task run -- --help`, [c.run])]),
    task("test", "Run the tests with pytest; pass pytest options after --", c.test),
    task("lint", `Check the code with ${list(c.linters)}`, c.lint),
    ...(c.format.length === 0
      ? []
      : [task("format", "Fix and format the code with the project's formatters", c.format)]),
  ];
  return parts.join("\n\n");
}

/** As the preset's Taskfile says it. */
const UV_PRECONDITION = `      - sh: 'command -v uv'
        msg: 'uv is not installed. Install it from https://docs.astral.sh/uv/getting-started/installation/ (for example: curl -LsSf https://astral.sh/uv/install.sh | sh), then run task install again.'`;

/** The texts for a project that exists, and the notes init prints about what it lacks. */
export interface OwnerProject {
  texts: OwnerTexts;
  /** What the Python rules' description says the code is checked with. */
  checks: string;
  notes: string[];
}

export function ownerTexts(facts: ProjectFacts, name: string): OwnerProject {
  const c = projectCommands(facts);
  const packages = facts.packages.map((p) => code(`${p}/`));
  const kind =
    facts.scripts.length > 0 || facts.mainPackages.length > 0 ? "Python project with a command" : "Python library";
  const imports = facts.packages.map((p) => code(p.replace(/^src\//, "").replace(/\//g, ".")));
  const intro = `\`${name}\` is a ${kind}${imports.length > 0 ? ` (import package${imports.length > 1 ? "s" : ""} ${list(imports)})` : ""}; ${pythonStatement(facts)}. Its tasks run through [uv](https://docs.astral.sh/uv/) and [go-task](https://taskfile.dev). Work here is spec-driven: context → plan → tasks → implementation, one task at a time, with the user verifying each task before the next one starts.`;
  const entries: [string, string][] = [
    ...facts.packages.map((p): [string, string] => [
      `${p}/`,
      facts.mainPackages.includes(p) ? "the package (python -m runs it)" : "the package",
    ]),
    ...(facts.tests.folder ? [[`${facts.tests.folder}/`, "tests"] as [string, string]] : []),
    [
      "Taskfile.yml",
      `${["install", ...(c.run ? ["run"] : []), "test", "lint", ...(c.format.length ? ["format"] : [])].join(", ")}`,
    ],
    ["pyproject.toml", "project metadata, dependencies, tool settings"],
  ];
  const width = Math.max(14, ...entries.map(([path]) => path.length + 2));
  const layout = entries.map(([path, what]) => path.padEnd(width) + what).join("\n");
  const layoutWord =
    facts.layout === "src"
      ? "src layout (the code is in `src/`)"
      : facts.layout === "flat"
        ? `flat layout (${list(packages)} at the root)`
        : "no import package found";
  const scripts = facts.scripts.map((s) => `\`${s.name}\` (\`${s.target}\`)`);
  const conventions = [
    `- ${pythonStatement(facts).replace(/^./, (ch) => ch.toUpperCase())}; ${layoutWord}.`,
    scripts.length > 0
      ? `- Console script${scripts.length > 1 ? "s" : ""}: ${list(scripts)}.`
      : `- No console script is declared${facts.mainPackages.length ? `; \`python -m ${facts.mainPackages[0]?.replace(/^src\//, "")}\` runs the package` : ""}.`,
    c.ownLinters
      ? `- Lint: ${list(c.linters)}, configured in ${list([...new Set(Object.values(facts.tools))].map(code))}: follow the project's own settings, never add rules of your own.`
      : "- The project configures no linter: `task lint` checks only for syntax errors and undefined names; add no rules of your own.",
    `- Tests: pytest${facts.tests.folder ? ` in \`${facts.tests.folder}/\`` : ""}, declared in ${where(facts.tests.declared)}.`,
    `- ${versionStatement(facts)}`,
    ...(facts.runners.length
      ? [`- The project also runs its suites with ${list(facts.runners.map(code))}; \`task test\` is the quick check.`]
      : []),
  ].join("\n");
  const tools = [
    "| Check | Command | Runs |",
    "| --- | --- | --- |",
    `| lint | \`task lint\` | ${c.lint.map((l) => code(l)).join(", ")} |`,
    ...(c.format.length ? [`| fix and format | \`task format\` | ${c.format.map((l) => code(l)).join(", ")} |`] : []),
    `| tests | \`task test\` | ${code(c.test[0]?.replace(" {{.CLI_ARGS}}", "") ?? "")} |`,
    "",
    c.ownLinters
      ? `- Follow the settings the project keeps (${list([...new Set(Object.values(facts.tools))].map(code))}); do not silence a rule without a comment that says why.`
      : "- Do not silence a rule without a comment that says why.",
    ...c.notes.map((n) => `- Note: ${n}.`),
  ].join("\n");
  const tasks = [
    "- `task install` — Install dependencies",
    ...(c.run ? ["- `task run` — Run the application"] : []),
    "- `task test` — Run tests",
    "- `task lint` — Lint code",
    ...(c.format.length ? ["- `task format` — Format code"] : []),
  ].join("\n");
  const where_ = facts.packages.length > 0 ? list(packages) : "the project's code";
  return {
    texts: {
      existingProject: "yes",
      projectIntro: intro,
      projectCommands: taskRows(name, c).join("\n"),
      projectLayout: layout,
      projectConventions: conventions,
      projectTools: tools,
      projectTasks: tasks,
      projectCode: where_,
      projectTaskfile: taskfile(name, c),
      projectChecks: list([...(c.format.length ? ["format"] : []), "lint", "test"].map((t) => `\`task ${t}\``)),
    },
    checks: `checked with ${list(c.linters)} and pytest via uv`,
    notes: c.notes,
  };
}
