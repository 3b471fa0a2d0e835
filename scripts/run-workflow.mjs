// A GitHub workflow's jobs run here as a GitHub-hosted runner would run them, as far as the generated workflows
// need: a fresh checkout, a fresh HOME, a PATH with only the system's folders (no uv, no go-task), each `run:` step
// in order by `bash --noprofile --norc -eo pipefail` (GitHub's default shell), $GITHUB_PATH and $GITHUB_ENV
// honoured between steps. `uses:` steps have stand-ins: actions/checkout is the clone itself, actions/setup-python
// a copy of pyenv's installation of the version asked (a Python of its own, as setup-python gives, so pip
// installs into it and not into pyenv's). Any other action, or a key we do not emulate, fails the job rather than being
// skipped: a step left out could hide the very install the check is about. By hand: no library runs workflows
// without Docker (act needs it), and this is the small part of a runner these workflows use.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";

/** The system's folders only: what a runner's PATH has that matters here, without anything we installed. */
const SYSTEM_PATH = "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin";
/** What reaching PyPI needs on this machine (its certificates, a proxy), kept from the caller's environment. */
const NETWORK = /^(SSL_CERT_(FILE|DIR)|PIP_CERT|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|(HTTPS?|NO|ALL)_PROXY)$/i;
const STEP_KEYS = new Set([
  "name",
  "id",
  "run",
  "uses",
  "with",
  "env",
  "shell",
  "working-directory",
  "timeout-minutes",
]);

function runStep(script, options) {
  return new Promise((done) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      ...options,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status: status ?? 124, output });
    });
  });
}

/** Lines of a $GITHUB_PATH or $GITHUB_ENV file written by a step, then emptied for the next one. */
function takeLines(file) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  writeFileSync(file, "");
  return lines;
}

const label = (step) => step.name ?? (step.run ? step.run.trim().split("\n")[0] : step.uses);

/**
 * The stand-in for actions/setup-python: pyenv's installation of the version asked, copied into the runner's tool
 * cache as setup-python unpacks its own there. A copy, not a venv: uv takes no venv's interpreter for a project,
 * and pip installs into the copy, not into pyenv's.
 */
function setupPython(step, workspace, tools, pythons) {
  const given = step.with?.["python-version"];
  const file = step.with?.["python-version-file"] ?? ".python-version";
  const asked = String(given ?? (existsSync(join(workspace, file)) ? readFileSync(join(workspace, file), "utf8") : ""));
  const minor = /^(3\.\d+)/.exec(asked.trim())?.[1];
  const bin = minor && pythons.get(minor);
  if (!bin) return { ok: false, detail: `setup-python asks for ${JSON.stringify(asked.trim())}: not in pyenv` };
  const installed = join(tools, "Python", minor);
  mkdirSync(dirname(installed), { recursive: true });
  const copied = spawnSync("cp", ["-a", dirname(bin), installed], { encoding: "utf8" });
  return { ok: copied.status === 0, detail: copied.stderr, path: join(installed, "bin") };
}

/** One step: { ok, detail, path? }, `path` being a folder the step puts on PATH (setup-python's). */
async function runOneStep(step, { workspace, temp, tools, pythons, env, job }) {
  const unknown = Object.keys(step).filter((k) => !STEP_KEYS.has(k));
  if (unknown.length) return { ok: false, detail: `not emulated here: ${unknown.join(", ")}` };
  if (step.uses) {
    const action = step.uses.split("@")[0];
    if (action === "actions/checkout") return { ok: true };
    if (action === "actions/setup-python") return setupPython(step, workspace, tools, pythons);
    return { ok: false, detail: `no stand-in for ${step.uses}: the clean-runner check cannot run it` };
  }
  if (!(step.shell === undefined || step.shell === "bash") || step.run.includes("${{"))
    return { ok: false, detail: "a shell or an expression not emulated here" };
  const script = join(temp, "step.sh");
  writeFileSync(script, step.run);
  const ran = await runStep(script, {
    cwd: join(workspace, step["working-directory"] ?? "."),
    env,
    timeoutMs: (step["timeout-minutes"] ?? job["timeout-minutes"] ?? 15) * 60_000,
  });
  return { ok: ran.status === 0, detail: `exit ${ran.status}\n${ran.output.trim().split("\n").slice(-15).join("\n")}` };
}

/**
 * Runs every job of `workflowFile` (a path in the last commit of `repository`, a git repository) on its own fresh
 * runner under `work`. `pythons` maps 3.X to pyenv's bin folder. Returns one result per step and check, in order:
 * { check, ok, detail }; a job stops at its first failed step, as on GitHub.
 */
export async function runWorkflow(workflowFile, repository, work, pythons) {
  const results = [];
  const record = (check, ok, detail = "") => {
    results.push({ check, ok, detail });
    return ok;
  };
  const shown = spawnSync("git", ["--git-dir", repository, "show", `HEAD:${workflowFile}`], { encoding: "utf8" });
  if (!record(`${workflowFile} is in the commit`, shown.status === 0, shown.stderr)) return results;
  const workflow = parse(shown.stdout);
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const runner = join(work, `${workflowFile.replace(/\W+/g, "-")}-${jobId}`);
    const workspace = join(runner, "work", "repository");
    const [home, temp, tools] = ["home", "temp", "tool-cache"].map((d) => join(runner, d));
    for (const folder of [home, temp, tools]) mkdirSync(folder, { recursive: true });
    const githubPath = join(temp, "github_path");
    const githubEnv = join(temp, "github_env");
    writeFileSync(githubPath, "");
    writeFileSync(githubEnv, "");
    const cloned = spawnSync("git", ["clone", "--quiet", repository, workspace], { encoding: "utf8" });
    const where = `${workflowFile} job ${jobId}`;
    if (!record(`${where}: checkout`, cloned.status === 0, cloned.stderr)) continue;
    const network = Object.fromEntries(Object.entries(process.env).filter(([k]) => NETWORK.test(k)));
    const env = {
      ...network,
      HOME: home,
      PATH: SYSTEM_PATH,
      LANG: "C.UTF-8",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_PATH: githubPath,
      GITHUB_ENV: githubEnv,
      RUNNER_OS: "Linux",
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: tools,
      // GitHub's runner could download a Python; here a version pyenv lacks must fail, not be fetched.
      UV_PYTHON_DOWNLOADS: "never",
      ...workflow.env,
      ...job.env,
    };
    const bare = spawnSync("bash", ["-c", "command -v uv || command -v task"], { env, encoding: "utf8" });
    if (!record(`${where}: no uv or task on the runner's PATH before the steps`, bare.status !== 0, bare.stdout))
      continue;
    const path = [];
    let number = 0;
    for (const step of job.steps ?? []) {
      number++;
      const stepEnv = { ...env, ...step.env, PATH: [...path, env.PATH].join(":") };
      const done = await runOneStep(step, { workspace, temp, tools, pythons, env: stepEnv, job });
      if (done.path) path.unshift(done.path);
      if (!record(`${where}, step ${number} (${label(step)})`, done.ok, done.detail)) break;
      path.unshift(...takeLines(githubPath).reverse());
      for (const line of takeLines(githubEnv)) {
        const at = line.indexOf("=");
        if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
      }
    }
  }
  return results;
}
