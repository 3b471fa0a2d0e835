/**
 * The rules for a project in another language (a Maven, Node or Go
 * repository): what they say about it comes from its own files
 * (core/foreign-commands.ts), each job named by the command the project
 * defines, and a job it defines none for is said to be the team's to fill in.
 * No Python tool, no Taskfile task of ours, no layout is named.
 */
import { FOREIGN_JOBS, type ForeignJob, type ForeignProject } from "../core/foreign-commands.js";
import { NO_OWNER, type OwnerProject } from "./owner-texts.js";

const code = (s: string): string => `\`${s}\``;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const WHAT: Readonly<Record<ForeignJob, string>> = {
  install: "installs the dependencies",
  build: "builds the project",
  test: "runs the tests",
  lint: "checks the code",
  format: "formats the code",
  run: "runs the application",
};

const TITLE: Readonly<Record<ForeignJob, string>> = {
  install: "Install dependencies",
  build: "Build",
  test: "Run tests",
  lint: "Lint code",
  format: "Format code",
  run: "Run the application",
};

/** What each file the commands come from holds, but the manifest and a Makefile. */
const SOURCE_WHAT: Readonly<Record<string, string>> = {
  "Taskfile.yml": "the team's tasks",
  "tox.ini": "the tox environments",
  "tox.toml": "the tox environments",
  "noxfile.py": "the nox sessions",
  Pipfile: "the dependencies Pipenv installs",
  "requirements.txt": "the requirements pip installs",
};

/** The checks a change must pass: the test and lint commands the project has. */
function mustPassOf(project: ForeignProject): string[] {
  return (["test", "lint"] as const).flatMap((job) => {
    const command = project.commands[job];
    return command === undefined ? [] : [code(command)];
  });
}

export function foreignTexts(project: ForeignProject, name: string): OwnerProject {
  const { commands, sources } = project;
  const known = FOREIGN_JOBS.filter((job) => commands[job] !== undefined);
  const unknown = FOREIGN_JOBS.filter((job) => commands[job] === undefined && job !== "run");
  const rows = known.map(
    (job) => `| ${code(commands[job] as string)} | ${WHAT[job]} (from ${code(sources[job] as string)}) |`,
  );
  const gaps =
    unknown.length === 0
      ? ""
      : `\n\nThe project's files name no command to ${list(unknown.map((job) => (job === "install" ? "install the dependencies" : job)))}: these are the team's to fill in here; until then, ask rather than guess.`;
  const must = mustPassOf(project);
  const mustPass =
    must.length === 0
      ? "The project's files name no test command: ask the team how a change is checked before it is presented, and fill it in here."
      : `${list(must)} must ${must.length > 1 ? "both " : ""}pass before any change is presented.`;
  // The files the commands come from: the manifest, and the team's Taskfile or Makefile where it has one.
  const from = [...new Set([project.manifest, ...Object.values(sources)])];
  const what = (file: string): string =>
    file === project.manifest
      ? `the ${project.kind} project's manifest`
      : (SOURCE_WHAT[file] ?? "the team's make targets");
  const width = Math.max(14, ...from.map((file) => file.length + 2));
  const layout = from.map((file) => file.padEnd(width) + what(file)).join("\n");
  const checks = [
    ...(commands.format ? [code(commands.format)] : []),
    ...(commands.lint ? [code(commands.lint)] : []),
    ...(commands.test ? [code(commands.test)] : []),
  ];
  const tasks = [
    ...known.map((job) => `- ${code(commands[job] as string)} — ${TITLE[job]}`),
    ...(unknown.length > 0
      ? [`- ${list(unknown.map((job) => TITLE[job]))}: not named in the project's files; ask the team`]
      : []),
  ].join("\n");
  const notes = [
    `this is a ${project.kind} project (${project.manifest} at the root, no pyproject.toml): init wrote the agent, the rules and the spec folders, no Python skeleton, Taskfile or uv workflow; the rules name ${known.length > 0 ? list(known.map((job) => code(commands[job] as string))) : "no command"}, as the project's files define them${unknown.length > 0 ? `, and leave ${list(unknown)} to the team` : ""}`,
  ];
  return {
    texts: {
      ...NO_OWNER,
      existingProject: "yes",
      otherLanguage: "yes",
      projectIntro: `\`${name}\` is a ${project.kind} project (${code(project.manifest)} at the root). Work here is spec-driven: context → plan → tasks → implementation, one task at a time, with the user verifying each task before the next one starts.`,
      projectHowToRun: "Use the project's own commands, as its files define them:",
      projectCommands:
        rows.length > 0 ? `${rows.join("\n")}${gaps}` : `| — | the project's files name no command |${gaps}`,
      projectMustPass: mustPass,
      projectLayout: layout,
      projectConventions:
        "- Follow the conventions the code already has (language version, layout, style, tests): these rules assume none of their own.",
      projectTasks: tasks,
      projectCode: "the project's code",
      projectChecks: checks.length > 0 ? list(checks) : "the project's checks (ask the team which)",
    },
    checks: "",
    mustPass: must.length > 0 ? list(must) : "the project's own checks",
    notes,
  };
}
