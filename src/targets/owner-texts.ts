/**
 * The statements the rules and the Taskfile make about a project that exists,
 * each from what it declares (core/project-facts.ts): its Python, layout,
 * command, version source, linters and tasks. What it does not declare is
 * said to be undeclared or left out, never filled with the preset's defaults.
 * The preset's own texts stay in the templates, under `{{#if existingProject}}…{{else}}`.
 */
import { projectCommands, where } from "../core/project-commands.js";
import type { ProjectFacts } from "../core/project-shape.js";
import { type Job, refs, type TeamTasks, taskfile, taskRows, teamDoes } from "./owner-tasks.js";

export interface OwnerTexts {
  /** "yes" for a project that exists, "" for the preset: templates test it with `{{#if existingProject}}`. */
  existingProject: string;
  /** "yes" where the project is in another language (core/other-language.ts): the rules then name no Python tool. */
  otherLanguage: string;
  projectIntro: string;
  projectCommands: string;
  projectLayout: string;
  projectConventions: string;
  projectTools: string;
  projectTasks: string;
  projectCode: string;
  projectTaskfile: string;
  projectChecks: string;
  projectHowToRun: string;
  projectMustPass: string;
  /** The README's requirements: uv with the Python the project declares, and go-task. */
  projectRequirements: string;
  /** "yes" where a project that exists keeps no `.python-version`: the workflows then set up the answer's Python. */
  noPythonVersionFile: string;
}

export const NO_OWNER: OwnerTexts = {
  existingProject: "",
  otherLanguage: "",
  projectIntro: "",
  projectCommands: "",
  projectLayout: "",
  projectConventions: "",
  projectTools: "",
  projectTasks: "",
  projectCode: "",
  projectTaskfile: "",
  projectChecks: "",
  projectHowToRun: "",
  projectMustPass: "",
  projectRequirements: "",
  noPythonVersionFile: "",
};

const code = (s: string): string => `\`${s}\``;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** The Pythons the project admits: `Python 3.8 or newer`, `Python 3.8 to 3.9` (an upper bound), `Python 3.9`. */
function pythonRange({ lowestPython: lowest, newestPython: newest }: ProjectFacts): string | undefined {
  if (lowest === undefined) return undefined;
  if (newest === undefined) return `Python ${lowest} or newer`;
  return newest === lowest ? `Python ${lowest}` : `Python ${lowest} to ${newest}`;
}

function pythonStatement(facts: ProjectFacts): string {
  if (facts.requiresPython === undefined) return "no `requires-python` is declared";
  const range = pythonRange(facts);
  if (range === undefined) return `\`requires-python = "${facts.requiresPython}"\``;
  return `${range} (\`requires-python = "${facts.requiresPython}"\`)`;
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

/** The texts for a project that exists, and the notes init prints about what it lacks. */
export interface OwnerProject {
  texts: OwnerTexts;
  /** What the Python rules' description says the code is checked with. */
  checks: string;
  /** The two checks every change must pass, as the rules name them. */
  mustPass: string;
  notes: string[];
}

/** `team`: the team's own tasks, where it keeps its own Taskfile.yml; the rules then name those. */
export function ownerTexts(facts: ProjectFacts, name: string, team?: TeamTasks): OwnerProject {
  const c = projectCommands(facts);
  const ref = refs(c, team);
  // The notes speak of our tasks: where the team keeps its Taskfile, of its tasks or the commands.
  const notes = c.notes.map((note) =>
    note.replace(/`task (install|run|test|lint|format)`/g, (_, job: Job) => ref(job)),
  );
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
      team
        ? "the team's tasks"
        : `${["install", ...(c.run ? ["run"] : []), "test", "lint", ...(c.format.length ? ["format"] : [])].join(", ")}`,
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
      : `- The project configures no linter: ${ref("lint")} checks only for syntax errors and undefined names; add no rules of your own.`,
    `- Tests: pytest${facts.tests.folder ? ` in \`${facts.tests.folder}/\`` : ""}, ${where(facts.tests.declared)}.`,
    `- ${versionStatement(facts)}`,
    ...(facts.runnerChecks.commands.length > 0
      ? [
          `- The project also runs its checks as ${list(facts.runnerChecks.commands.map(code))} (${list(facts.runnerChecks.files.map(code))}); ${ref("lint")} and ${ref("test")} are the quick ones.`,
        ]
      : facts.runners.length
        ? [
            `- The project also runs its suites with ${list(facts.runners.map(code))}; ${ref("test")} is the quick check.`,
          ]
        : []),
  ].join("\n");
  const tools = [
    "| Check | Command | Runs |",
    "| --- | --- | --- |",
    `| lint | ${ref("lint")} | ${teamDoes(team, "lint") ?? c.lint.map((l) => code(l)).join(", ")} |`,
    ...(c.format.length
      ? [
          `| fix and format | ${ref("format")} | ${teamDoes(team, "format") ?? c.format.map((l) => code(l)).join(", ")} |`,
        ]
      : []),
    `| tests | ${ref("test")} | ${teamDoes(team, "test") ?? code(c.test[0]?.replace(" {{.CLI_ARGS}}", "") ?? "")} |`,
    "",
    c.ownLinters
      ? `- Follow the settings the project keeps (${list([...new Set(Object.values(facts.tools))].map(code))}); do not silence a rule without a comment that says why.`
      : "- Do not silence a rule without a comment that says why.",
    ...notes.map((n) => `- Note: ${n}.`),
  ].join("\n");
  const tasks = [
    `- ${ref("install")} — Install dependencies`,
    ...(c.run ? [`- ${ref("run")} — Run the application`] : []),
    `- ${ref("test")} — Run tests`,
    `- ${ref("lint")} — Lint code`,
    ...(c.format.length ? [`- ${ref("format")} — Format code`] : []),
  ].join("\n");
  const where_ = facts.packages.length > 0 ? list(packages) : "the project's code";
  return {
    texts: {
      existingProject: "yes",
      otherLanguage: "",
      projectIntro: intro,
      projectCommands: taskRows(name, c, ref, team).join("\n"),
      projectLayout: layout,
      projectConventions: conventions,
      projectTools: tools,
      projectTasks: tasks,
      projectCode: where_,
      projectTaskfile: taskfile(name, c),
      projectChecks: list(([...(c.format.length ? ["format"] : []), "lint", "test"] as Job[]).map((job) => ref(job))),
      projectHowToRun: team
        ? "Run the team's own tasks through `task` (`task --list` shows them), and the other commands as written here."
        : "Run everything through `task` (`task --list` shows the tasks); every task calls uv.",
      projectMustPass: `${ref("test")} and ${ref("lint")}`,
      projectRequirements: [
        `- [uv](https://docs.astral.sh/uv/getting-started/installation/): installs ${facts.lowestPython === undefined ? `a Python when needed (${pythonStatement(facts)})` : `${pythonRange(facts)} when needed (\`requires-python = "${facts.requiresPython}"\`)`}, the dependencies and the tools`,
        "- [go-task](https://taskfile.dev/installation/): runs the tasks below",
      ].join("\n"),
      noPythonVersionFile: facts.pythonVersionFile ? "" : "yes",
    },
    checks: `checked with ${list(c.linters)} and pytest via uv`,
    mustPass: `${ref("test")} and ${ref("lint")}`,
    notes,
  };
}
