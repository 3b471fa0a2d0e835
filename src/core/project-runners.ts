/**
 * The lint and type-check runs a project keeps in tox or nox: the environments
 * and sessions its files name for them (`tox -e typing`, `nox -s lint`), and
 * the arguments its type checkers run with there (click's
 * `pyright --verifytypes click`), so that the rules name what the project runs
 * and `task lint` runs its checkers as it does. Read, never run: tox.ini by its
 * sections, tox.toml and `[tool.tox]` as TOML, noxfile.py by its decorators.
 */
import { parse } from "smol-toml";
import type { ProjectSources, RunnerChecks } from "./project-shape.js";
import { at, type Table, table } from "./toml-table.js";

/** `lint`, `typing`, and their factors (`lint-ruff`, `typing-pyright`). */
const CHECK_NAME =
  /^(lint|linting|style|typing|types?|type-?check|mypy|pyright|checks?|pre-?commit|fix|format|fmt|flake8|ruff)([-_][\w.-]+)?$/i;
const PLAIN = /^[\w.=/:-]+$/;

function parseToml(source: string | undefined): Table {
  try {
    return source === undefined ? {} : table(parse(source));
  } catch {
    return {};
  }
}

/** `lint-{ruff,pre-commit}` → lint-ruff, lint-pre-commit: tox's generative names, one brace group. */
function expand(name: string): string[] {
  const m = /^([\w.-]*)\{([\w.,-]+)\}([\w.-]*)$/.exec(name);
  return m ? (m[2] as string).split(",").map((part) => `${m[1]}${part}${m[3]}`) : [name];
}

/** tox.ini's `[testenv:NAME]` sections, each with its `commands` lines (a factor's `ruff:` prefix dropped). */
function iniEnvs(ini: string): Map<string, string[][]> {
  const envs = new Map<string, string[][]>();
  for (const m of ini.matchAll(/^\[testenv:([\w.{},-]+)\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/gm)) {
    const body = m[2] as string;
    const commands = /^commands\s*=([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(body)?.[1] ?? "";
    const lines = commands
      .split("\n")
      .map((line) => line.trim().replace(/^[\w-]+:\s+/, ""))
      .filter(Boolean);
    for (const name of expand(m[1] as string))
      envs.set(
        name,
        lines.map((line) => line.split(/\s+/)),
      );
  }
  return envs;
}

/** A TOML tox's `env` table: each environment's `commands`, the plain strings of each command. */
function tomlEnvs(envTable: unknown): Map<string, string[][]> {
  const envs = new Map<string, string[][]>();
  for (const [name, env] of Object.entries(table(envTable))) {
    const commands = table(env).commands;
    const list = Array.isArray(commands) ? commands : [];
    envs.set(
      name,
      list.map((command) =>
        Array.isArray(command) ? command.map((part) => (typeof part === "string" ? part : "{…}")) : [],
      ),
    );
  }
  return envs;
}

/** noxfile.py's sessions: `@nox.session(name="lint")`, else the function's name. */
function noxSessions(source: string): string[] {
  return [...source.matchAll(/^@nox\.session\b([^\n]*)\n(?:@[^\n]*\n)*\s*def\s+(\w+)/gm)].map(
    (m) => /\bname\s*=\s*["']([\w-]+)["']/.exec(m[1] as string)?.[1] ?? (m[2] as string),
  );
}

export function runnerChecks(data: Table, sources: ProjectSources): RunnerChecks {
  const has = new Set(sources.files);
  const found: RunnerChecks = { commands: [], files: [], checkerArgs: {} };
  const tox: [string, Map<string, string[][]>][] = [];
  if (has.has("tox.ini")) tox.push(["tox.ini", iniEnvs(sources.read("tox.ini") ?? "")]);
  if (has.has("tox.toml")) tox.push(["tox.toml", tomlEnvs(parseToml(sources.read("tox.toml")).env)]);
  const inPyproject = table(at(data, "tool.tox"));
  if (Object.keys(inPyproject).length > 0) {
    const legacy = inPyproject.legacy_tox_ini;
    tox.push(["pyproject.toml", typeof legacy === "string" ? iniEnvs(legacy) : tomlEnvs(inPyproject.env)]);
  }
  for (const [file, envs] of tox) {
    const checks = [...envs.keys()].filter((name) => CHECK_NAME.test(name));
    if (checks.length === 0) continue;
    found.files.push(file);
    for (const name of checks) {
      found.commands.push(`tox -e ${name}`);
      for (const command of envs.get(name) ?? []) {
        const [tool, ...args] = command;
        if ((tool === "mypy" || tool === "pyright") && args.length > 0 && args.every((a) => PLAIN.test(a)))
          found.checkerArgs[tool] ??= args.join(" ");
      }
    }
  }
  if (has.has("noxfile.py")) {
    const sessions = noxSessions(sources.read("noxfile.py") ?? "").filter((name) => CHECK_NAME.test(name));
    if (sessions.length > 0) found.files.push("noxfile.py");
    found.commands.push(...sessions.map((name) => `nox -s ${name}`));
  }
  return found;
}
