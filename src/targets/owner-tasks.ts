/**
 * The jobs the rules name (install, run, test, lint, format) as tasks: ours,
 * in the Taskfile init writes for a project that exists, or the team's own,
 * where it keeps its Taskfile.yml; a job its Taskfile has no task for is
 * named by its command.
 */
import type { ProjectCommands } from "../core/project-commands.js";
import { yamlString } from "../core/quote.js";

const code = (s: string): string => `\`${s}\``;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

export type Job = "install" | "run" | "test" | "lint" | "format";

/** The names a team's Taskfile gives each job, in the order they are looked for. */
const SYNONYMS: Readonly<Record<Job, readonly string[]>> = {
  install: ["install", "setup", "sync", "deps", "bootstrap"],
  run: ["run", "start", "cli"],
  test: ["test", "tests", "pytest", "unit"],
  lint: ["lint", "check", "style"],
  format: ["format", "fmt"],
};

export type TeamTasks = Partial<Record<Job, string>>;

/** The team's own task for each job, from the task names its Taskfile has. */
export function teamTasks(names: readonly string[]): TeamTasks {
  const found: TeamTasks = {};
  for (const job of Object.keys(SYNONYMS) as Job[]) {
    const name = SYNONYMS[job].find((n) => names.includes(n));
    if (name !== undefined) found[job] = name;
  }
  return found;
}

/** Where the team's own task does the job: what it runs is the team's, not a command of ours. */
export const teamDoes = (team: TeamTasks | undefined, job: Job): string | undefined =>
  team?.[job] === undefined ? undefined : `the team's own \`${team[job]}\` task (Taskfile.yml)`;

/** How the rules name a job: our task, the team's task, or (where the team's Taskfile has none) the command. */
export function refs(c: ProjectCommands, team: TeamTasks | undefined): (job: Job) => string {
  const commands: Record<Job, readonly string[]> = {
    install: c.install,
    run: c.run ? [c.run] : [],
    test: c.test,
    lint: c.lint,
    format: c.format,
  };
  return (job) => {
    if (team === undefined) return code(`task ${job}`);
    const task = team[job];
    if (task !== undefined) return code(`task ${task}`);
    return code(commands[job].map((cmd) => cmd.replace(" {{.CLI_ARGS}}", "")).join(" && "));
  };
}

export function taskRows(name: string, c: ProjectCommands, ref: (job: Job) => string, team?: TeamTasks): string[] {
  const row = (job: Job, ours: string) => `| ${ref(job)} | ${teamDoes(team, job) ?? ours} |`;
  const rows = [row("install", `\`${c.install.join(" && ")}\`: creates \`.venv\` with the project's dependencies`)];
  if (c.runs !== undefined) rows.push(row("run", `runs ${c.runs}; arguments go after \`--\``));
  rows.push(row("test", `runs pytest (\`${c.test.join(" ").replace(" {{.CLI_ARGS}}", "")}\`)`));
  rows.push(
    row(
      "lint",
      c.ownLinters
        ? `${list(c.linters)}, with the settings ${name} keeps`
        : `${list(c.linters)}: the project configures no linter, so only syntax errors and undefined names`,
    ),
  );
  if (c.format.length > 0)
    rows.push(row("format", `\`${c.format.map((f) => f.replace(/^uv run (--with \S+ )?/, "")).join("`, `")}\``));
  return rows;
}

/** As the preset's Taskfile says it. */
const UV_PRECONDITION = `      - sh: 'command -v uv'
        msg: 'uv is not installed. Install it from https://docs.astral.sh/uv/getting-started/installation/ (for example: curl -LsSf https://astral.sh/uv/install.sh | sh), then run task install again.'`;

export function taskfile(name: string, c: ProjectCommands): string {
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
