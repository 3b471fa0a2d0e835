#!/usr/bin/env node
// The generated repositories, opened by the real AI clients (issue 24): installs the clients pinned in
// scripts/clients.txt into a cache folder outside the repository, generates repositories with dist/cli.cjs, runs
// each client headless in a fresh HOME against a stand-in model server on 127.0.0.1 (test/support/model-stand-in.ts),
// and asserts from the requests it recorded what the client loaded: instruction files (each once), the Backend
// Engineer among its agents, the four spec steps among its skills or commands, the MCP servers (by the client's
// offline listing command), and after scripted calls, what the subagent and a skill received. The other offline
// listings (copilot instruction list / skill list, gemini skills list, codex debug prompt-input) must show each of
// our files as often as the repository has it. Negative controls (agent file removed, malformed frontmatter, skill
// folder renamed; an empty folder for the listings) must change what the client loads.
//
// Nothing leaves the machine but the installs: every client's other traffic goes to a refusing proxy on
// 127.0.0.1 (test/support/refusing-proxy.ts), which logs it. Every wait is bounded.
//
// Run with `npm run e2e:clients` (builds dist/ first; node --import tsx, for the two TypeScript helpers).
// Environment: E2E_CLIENTS_ONLY=claude[,codex…] runs only those clients, E2E_CLIENTS_CACHE the install folder,
// KEEP_E2E_TMP=1 keeps the temporary folder, E2E_CLIENTS_CLI another built bin (say, a copy of an older dist/).
// Prints one line per check, then `clients e2e: N passed, M failed`; exit 1 when any check failed.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { TARGET_IDS } from "../src/targets/table.ts";
import { startStandIn } from "../test/support/model-stand-in.ts";
import { startRefusingProxy } from "../test/support/refusing-proxy.ts";
import { CLIENTS, SUBAGENT } from "./e2e-clients/clients.mjs";
import {
  canList,
  describeProcesses,
  markerEnv,
  signalGroup,
  startedByRun,
  stopStartedByRun,
} from "./e2e-clients/processes.mjs";

const root = resolve(import.meta.dirname, "..");
const cli = resolve(process.env.E2E_CLIENTS_CLI ?? join(root, "dist/cli.cjs"));
const ALL = "copilot,agents-md,claude,cursor,gemini,codex";
/** Every tool we write for: the repository the later clients share with all the others' files. */
const EVERY = TARGET_IDS.join(",");
const INSTALL_TIMEOUT_MS = 600_000;
const CLIENT_TIMEOUT_MS = 180_000;
const DELEGATE = "E2E-DELEGATE";
const SUBAGENT_WAIT_MS = 30_000;
/** How long what a command left in its group may take to end on SIGTERM. */
const EXIT_GRACE_MS = 3_000;

/** `name@version` lines of scripts/clients.txt. */
function pins() {
  return readFileSync(join(root, "scripts/clients.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const at = line.lastIndexOf("@");
      return { name: line.slice(0, at), version: line.slice(at + 1) };
    });
}

const installedVersion = (cache, name) => {
  const manifest = join(cache, "node_modules", name, "package.json");
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : undefined;
};

/** A client's packages: its own, and the platform package the registry holds at another version than its wrapper. */
const packagesOf = (client) => [client.package, ...(client.extraPackages ?? [])];

/** The pinned clients in the cache, installed when one is missing or another version (before any proxy is set). */
function install(cache, wanted, clients) {
  mkdirSync(cache, { recursive: true });
  if (!wanted.every((pin) => installedVersion(cache, pin.name) === pin.version)) {
    const dependencies = Object.fromEntries(wanted.map((pin) => [pin.name, pin.version]));
    writeFileSync(join(cache, "package.json"), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
    // No install scripts: keytar and node-pty (Copilot's) would build or fetch what a headless run never uses.
    const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
      cwd: cache,
      encoding: "utf8",
      timeout: INSTALL_TIMEOUT_MS,
    });
    if (result.status !== 0) console.error(result.stdout, result.stderr);
  }
  // Claude Code's own postinstall only links its binary out of its platform package (nothing is downloaded).
  const claude = join(cache, "node_modules/@anthropic-ai/claude-code/install.cjs");
  if (existsSync(claude)) {
    const linked = spawnSync(process.execPath, [claude], { cwd: cache, encoding: "utf8", timeout: 120_000 });
    if (linked.status !== 0) console.error(linked.stdout, linked.stderr);
  }
  // The postinstalls that only copy a binary out of the platform package (which is installed): nothing downloaded.
  for (const script of clients.flatMap((client) => (client.postinstall ? [client.postinstall] : []))) {
    const path = join(cache, "node_modules", script);
    if (!existsSync(path)) continue;
    const linked = spawnSync(process.execPath, [path], { cwd: dirname(path), encoding: "utf8", timeout: 120_000 });
    if (linked.status !== 0) console.error(linked.stdout, linked.stderr);
  }
  return wanted.every((pin) => installedVersion(cache, pin.name) === pin.version);
}

/**
 * Runs a command in a process group of its own, with this run's marker in its environment. When the command ends
 * (or its time is up), the rest of its group goes with it; the processes that left the group on purpose are found
 * by the marker (processes.mjs). Bounded: past the time, the group is killed; past the exit, its output is cut.
 */
function run(command, args, options) {
  return new Promise((done) => {
    const env = { ...(options.env ?? process.env), ...markerEnv };
    const child = spawn(command, args, { ...options, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (d) => {
      output += d;
      stdout += d;
    });
    child.stderr.on("data", (d) => (output += d));
    let finished = false;
    const timers = [setTimeout(() => signalGroup(child.pid, "SIGKILL"), options.timeoutMs ?? CLIENT_TIMEOUT_MS)];
    const finish = (result) => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      done(result);
    };
    child.on("error", (error) => finish({ status: 127, output: String(error) }));
    // The command is done: what it started in its group (MCP servers, helpers) ends too, killed if it lingers; a
    // process elsewhere that still holds the output pipes does not keep the run waiting.
    child.on("exit", (status) => {
      signalGroup(child.pid, "SIGTERM");
      timers.push(setTimeout(() => signalGroup(child.pid, "SIGKILL"), EXIT_GRACE_MS));
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish({ status: status ?? 124, output: `${output}\n(output cut: its pipes were held open)`, stdout });
        }, 2 * EXIT_GRACE_MS),
      );
    });
    child.on("close", (status, signal) =>
      finish({ status: status ?? 124, output: signal ? `${output}\n(killed by ${signal})` : output, stdout }),
    );
  });
}

const tail = (text, lines = 12) => text.trim().split("\n").slice(-lines).join("\n");

/**
 * The repositories: each AI tool alone, all six, every tool, the default, and init into a repository with its own
 * AGENTS.md. `ids`: the tools the chosen clients need a repository of their own for.
 */
async function generate(work, ids) {
  const repos = new Map();
  mkdirSync(join(work, "repos"));
  mkdirSync(join(work, "controls"));
  const create = async (id, args) => {
    const folder = join(work, "repos", id);
    const made = await run(process.execPath, [cli, folder, "--yes", "--no-git", "--no-install", ...args], {
      timeoutMs: 60_000,
    });
    if (made.status !== 0) throw new Error(`create ${id}: ${tail(made.output)}`);
    repos.set(id, folder);
  };
  for (const agent of new Set([...ALL.split(","), ...ids])) await create(agent, ["--agents", agent]);
  await create("all", ["--agents", ALL]);
  // The generic target, among every tool, writes into the folders the user names.
  await create("every", ["--agents", EVERY, "--rules-dir", ".myai/rules", "--commands-dir", ".myai/commands"]);
  await create("default", []);
  const existing = join(work, "repos", "init");
  mkdirSync(existing, { recursive: true });
  spawnSync("git", ["init", "-q"], { cwd: existing });
  writeFileSync(join(existing, "README.md"), "# Our service\n\nOurs, by hand.\n");
  writeFileSync(join(existing, "AGENTS.md"), "# Our agents\n\nRun the tests before a change, ours alone.\n");
  const initialised = await run(process.execPath, [cli, "init", "--yes", "--agents", ALL], {
    cwd: existing,
    timeoutMs: 60_000,
  });
  if (initialised.status !== 0) throw new Error(`init: ${tail(initialised.output)}`);
  repos.set("init", existing);
  return repos;
}

/** The negative controls, each a copy of a repository with one defect the client must notice. */
const CONTROLS = [
  {
    id: "agent-removed",
    expectFailing: "agent",
    apply: (folder, client) => rmSync(join(folder, client.agentFile)),
  },
  {
    id: "malformed-frontmatter",
    expectFailing: "agent",
    apply: (folder, client) => {
      const path = join(folder, client.agentFile);
      writeFileSync(path, client.breakAgent(readFileSync(path, "utf8")));
    },
  },
  {
    id: "skill-renamed",
    expectFailing: "steps",
    // A client that names a skill by its frontmatter, not its folder, gets the name changed there instead.
    apply: (folder, client) => {
      if (client.skillNamedByFrontmatter) {
        const path = join(folder, client.stepFile("spec-plan"));
        writeFileSync(path, readFileSync(path, "utf8").replace(/^name: spec-plan$/m, "name: spec-plan-renamed"));
      } else {
        const from = join(folder, client.stepFolder("spec-plan"));
        renameSync(from, `${from}-renamed`);
      }
    },
  },
];

/** Every string a request body holds, one a line: what the model was sent, whatever the API's shape. */
function textOf(body) {
  const strings = [];
  const walk = (value) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(body));
  } catch {
    strings.push(body);
  }
  return strings.join("\n");
}

const count = (text, needle) => (needle ? text.split(needle).length - 1 : 0);

/** A line of a file no other instruction file has: the longest, to count how often the file reached the model. */
function markerOf(folder, path, others) {
  const otherText = others.map((other) => readFileSync(join(folder, other), "utf8")).join("\n");
  const lines = readFileSync(join(folder, path), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 20 && !otherText.includes(line));
  return lines.sort((a, b) => b.length - a.length)[0];
}

const INSTRUCTION_FILES = [
  "AGENTS.md",
  "CLAUDE.md",
  "GEMINI.md",
  ".github/copilot-instructions.md",
  ".clinerules/project.md",
  "QWEN.md",
];

/** The body of a markdown file after its frontmatter: its longest line, to find where it reached the model. */
function bodyMarker(path) {
  const text = readFileSync(path, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  return text
    .split("\n")
    .map((line) => line.trim())
    .sort((a, b) => b.length - a.length)[0];
}

/** A client's environment: a fresh HOME, the refusing proxy for everything but 127.0.0.1, its own variables. */
const clientEnv = (client, context, home, url) => ({
  PATH: `${join(context.cache, "node_modules/.bin")}:${process.env.PATH}`,
  HOME: home,
  XDG_CONFIG_HOME: join(home, ".config"),
  XDG_CACHE_HOME: join(home, ".cache"),
  XDG_DATA_HOME: join(home, ".local/share"),
  TMPDIR: tmpdir(),
  LANG: "C.UTF-8",
  TERM: "dumb",
  NO_COLOR: "1",
  CI: "true",
  HTTPS_PROXY: context.proxy.url,
  HTTP_PROXY: context.proxy.url,
  https_proxy: context.proxy.url,
  http_proxy: context.proxy.url,
  NO_PROXY: "127.0.0.1,localhost",
  no_proxy: "127.0.0.1,localhost",
  ...client.env(url, home),
  // What the client starts (its setup's commands too) carries the marker that finds it after the client ends.
  ...markerEnv,
});

/**
 * What a client's offline listing commands (scripts/e2e-clients/clients.mjs) show of ours in a folder: each
 * expected entry with how often the listing names it. `expected` comes from the repository as generated, so an
 * empty folder is looked at for the same entries.
 */
async function listingCounts(client, listing, folder, env, expected) {
  const result = await run(client.bin, listing.args, { cwd: folder, env, timeoutMs: 90_000 });
  return { result, counts: expected.map((entry) => ({ ...entry, times: entry.count(result.stdout) })) };
}

/** The helpers a listing's expectations use, for one folder. */
const listingTools = (folder) => ({
  exists: (path) => existsSync(join(folder, path)),
  marker: (path) =>
    markerOf(
      folder,
      path,
      INSTRUCTION_FILES.filter((other) => other !== path && existsSync(join(folder, other))),
    ),
  textOf,
});

/** One client in one repository: its run, and the checks on what it sent. */
async function checkClient(client, repoId, folder, context, control, original = folder) {
  const results = [];
  const label = `${client.id} ${repoId}${control ? ` (control: ${control.id})` : ""}`;
  // A known defect (the client row says why) is shown as such while it lasts, and fails the run once it is gone.
  const known = (check) => !control && client.known?.some((k) => k.check === check && k.repos.includes(repoId));
  const record = (kind, check, ok, detail = "") => {
    if (known(check)) {
      const line = ok ? `FAIL ${label}: ${check} (a known defect no longer seen: take it out of clients.mjs)` : "";
      results.push({ kind, line: line || `known ${label}: ${check}: ${detail}`, ok: !ok, known: !ok, detail: "" });
      return ok;
    }
    results.push({ kind, line: `${ok ? "ok  " : "FAIL"} ${label}: ${check}`, ok, detail: ok ? "" : detail });
    return ok;
  };
  const home = mkdtempSync(join(context.work, `home-${client.id}-`));
  const standIn = await startStandIn();
  const state = { delegated: false, skilled: false };
  // A skill runs only where the repository has it (Gemini CLI's own steps are commands).
  const agentPath = join(folder, client.agentFile);
  const agentMarker = existsSync(agentPath) ? bodyMarker(agentPath) : undefined;
  const skillPath = join(folder, (client.skillFile ?? client.stepFile)("spec-context"));
  const skillMarker = existsSync(skillPath) ? bodyMarker(skillPath) : undefined;
  const runsStep = client.runStep !== undefined && skillMarker !== undefined;
  // The main session delegates to the agent; the subagent, once, runs the first step.
  // A subagent that runs in the background (Codex) must have had its last reply (after its step, where it runs one)
  // before the main session's last reply ends the run.
  let subagentHeard = () => {};
  const subagentSeen = new Promise((heard) => (subagentHeard = heard));
  standIn.script = async (request) => {
    // A request of the client's own housekeeping (opencode names the session first) gets text, and is not counted.
    if (client.sideRequest?.(request)) return { text: "Done." };
    const text = textOf(request.body);
    const fromSubagent = agentMarker !== undefined && text.includes(agentMarker) && text.includes(SUBAGENT);
    if (!control && !state.delegated && text.includes(DELEGATE) && client.delegate) {
      state.delegated = true;
      return client.delegate;
    }
    if (!state.skilled && fromSubagent && runsStep) {
      state.skilled = true;
      return client.runStep;
    }
    if (fromSubagent) subagentHeard();
    if (state.delegated && !fromSubagent && text.includes(DELEGATE))
      await Promise.race([subagentSeen, new Promise((waited) => setTimeout(waited, SUBAGENT_WAIT_MS))]);
    return { text: "Done." };
  };
  const env = clientEnv(client, context, home, standIn.url);
  try {
    client.setup?.(home, folder, client, standIn.url, env);
    const prompt = `${DELEGATE}: ask the ${client.agentName} to run the first spec step. ${SUBAGENT} marks its task.`;
    const session = await run(client.bin, client.promptArgs(prompt), { cwd: folder, env });
    const model = standIn.requests.filter((r) => r.api !== "other" && !client.sideRequest?.(r));
    if (
      !record(
        "run",
        `${client.bin} ${client.promptArgs("…").join(" ")} exits 0 and asks the stand-in`,
        session.status === 0 && model.length > 0,
        `exit ${session.status}, ${model.length} model requests\n${tail(session.output)}`,
      )
    )
      return results;
    const main = model.find((r) => textOf(r.body).includes(DELEGATE));
    const text = main ? textOf(main.body) : "";
    // Instruction files: the ones this client reads in this repository, each reaching it once.
    const present = INSTRUCTION_FILES.filter((path) => existsSync(join(folder, path)));
    for (const path of client.instructions(present, folder)) {
      const marker = markerOf(
        folder,
        path,
        present.filter((other) => other !== path),
      );
      const times = count(text, marker);
      record("instructions", `loads ${path} once`, times === 1, `${times} times: "${marker}"`);
    }
    record(
      "agent",
      `lists the ${client.agentName} among its agents`,
      client.agentListed(text),
      "not in the first request",
    );
    const steps = ["spec-context", "spec-plan", "spec-tasks", "spec-implement"];
    if (client.stepPrompt && (!control || control.expectFailing === "steps")) {
      // Commands reach the model only when run: each one, headless, must send the step's own text.
      // The four at once: each is its own session, and the step's text is unique to it.
      const before = standIn.requests.length;
      await Promise.all(
        steps.map((step) => run(client.bin, client.promptArgs(client.stepPrompt(step)), { cwd: folder, env })),
      );
      const sent = standIn.requests.slice(before).map((r) => textOf(r.body));
      const missing = steps.filter((step) => {
        // From the repository as generated: a control's renamed step must not pass for want of a marker.
        const marker = bodyMarker(join(original, client.stepFile(step)));
        return !sent.some((text) => marker && text.includes(marker));
      });
      record("steps", "runs the four spec steps as commands", missing.length === 0, `not sent: ${missing.join(", ")}`);
    } else if (client.stepListed) {
      const missing = steps.filter((step) => !client.stepListed(text, step));
      record("steps", "lists the four spec steps", missing.length === 0, `missing: ${missing.join(", ")}`);
    }
    if (control) return results;
    // The README we wrote says what this run had to do once for the client (trust, accept, approve).
    const manifest = JSON.parse(readFileSync(join(folder, ".spec-agent.json"), "utf8"));
    if (client.readmeOnce && Object.hasOwn(manifest.files ?? {}, "README.md"))
      record(
        "readme",
        "the README says what a user does once for it",
        client.readmeOnce.test(readFileSync(join(folder, "README.md"), "utf8")),
        `no ${client.readmeOnce} in README.md`,
      );
    if (client.delegate) {
      const subagent = model.find((r) => r !== main && agentMarker && textOf(r.body).includes(agentMarker));
      record(
        "subagent",
        "a delegation gives the subagent our agent's body as its instructions",
        subagent !== undefined,
        `${model.length} model requests, none with "${agentMarker}"`,
      );
      // The subagent runs the steps as skills: it must be told them, as the main session is.
      if (subagent && client.stepListed) {
        const missing = steps.filter((step) => !client.stepListed(textOf(subagent.body), step));
        record(
          "subagent",
          "the subagent is told the four spec steps",
          missing.length === 0,
          `missing: ${missing.join(", ")}`,
        );
      }
      if (subagent && client.offeredTools) {
        const offered = client.offeredTools(subagent);
        if (client.agentTools) {
          const named = client.agentTools(readFileSync(agentPath, "utf8")).filter((name) => !name.includes("*"));
          const absent = named.filter((name) => !offered.includes(name));
          record(
            "subagent",
            `the subagent is offered every tool the agent names (${named.length})`,
            absent.length === 0,
            `not offered: ${absent.join(", ")}; offered: ${offered.join(", ")}`,
          );
        }
        if (client.skillTool)
          record(
            "subagent",
            `the subagent has ${client.skillTool}, to run the spec steps`,
            offered.includes(client.skillTool),
            `offered: ${offered.join(", ")}`,
          );
      }
      if (runsStep) {
        const after = model.filter((r) => r !== main && skillMarker && textOf(r.body).includes(skillMarker));
        record(
          "subagent",
          "the subagent runs /spec-context and gets the skill's body",
          state.skilled && after.length > 0,
          state.skilled ? `no request held "${skillMarker}"` : "the subagent was never asked",
        );
      }
    }
    if (client.mcpList) {
      const listed = await run(client.bin, client.mcpList, { cwd: folder, env, timeoutMs: 90_000 });
      const servers = ["context7", "sequentialthinking"].filter((name) => !listed.output.includes(name));
      record(
        "mcp",
        `${client.bin} ${client.mcpList.join(" ")} lists context7 and sequentialthinking`,
        listed.status === 0 && servers.length === 0,
        `exit ${listed.status}, missing ${servers.join(", ")}\n${tail(listed.output)}`,
      );
    }
    // The offline listings: each entry of ours as often as the repository has it (once, or not at all).
    for (const listing of client.listings ?? []) {
      const expected = listing.expect(listingTools(folder));
      const { result, counts } = await listingCounts(client, listing, folder, env, expected);
      const wrong = counts.filter((entry) => entry.times !== entry.want);
      const names = expected.filter((entry) => entry.want > 0).map((entry) => entry.name);
      record(
        "listing",
        `${client.bin} ${listing.args.join(" ")} lists ${names.length ? names.join(", ") : `none of ${listing.what}`}`,
        result.status === 0 && wrong.length === 0,
        `exit ${result.status}; ${wrong.map((e) => `${e.name} ${e.times} times, not ${e.want}`).join("; ")}\n${tail(result.output)}`,
      );
    }
  } finally {
    // Its processes end before the stand-in does: a daemon of the client's may still hold a connection to it.
    context.stopped.push(...(await stopStartedByRun()).found);
    await standIn.close();
  }
  return results;
}

/**
 * The listings' negative control: in an empty folder, trusted as the repositories are, each listing command (and
 * `mcp list`) names nothing of ours, so a listing that passes above shows the repository's files, not the client's.
 */
async function checkListingsInEmptyFolder(client, repo, context) {
  const results = [];
  const folder = mkdtempSync(join(context.work, `empty-${client.id}-`));
  const home = mkdtempSync(join(context.work, `home-${client.id}-`));
  const standIn = await startStandIn();
  try {
    const env = clientEnv(client, context, home, standIn.url);
    client.setup?.(home, folder, client, standIn.url, env);
    for (const listing of client.listings ?? []) {
      const expected = listing.expect(listingTools(repo));
      const { result, counts } = await listingCounts(client, listing, folder, env, expected);
      const shown = counts.filter((entry) => entry.times > 0);
      results.push({
        line: `${result.status === 0 && shown.length === 0 ? "ok  " : "FAIL"} ${client.id} control empty-folder: ${client.bin} ${listing.args.join(" ")} lists none of ${listing.what}`,
        ok: result.status === 0 && shown.length === 0,
        detail: `exit ${result.status}; listed: ${shown.map((e) => e.name).join(", ")}\n${tail(result.output)}`,
      });
    }
    if (client.mcpList) {
      const mcp = await run(client.bin, client.mcpList, { cwd: folder, env, timeoutMs: 90_000 });
      const shown = ["context7", "sequentialthinking"].filter((name) => mcp.output.includes(name));
      results.push({
        line: `${shown.length === 0 ? "ok  " : "FAIL"} ${client.id} control empty-folder: ${client.bin} ${client.mcpList.join(" ")} lists neither context7 nor sequentialthinking`,
        ok: shown.length === 0,
        detail: `listed: ${shown.join(", ")}\n${tail(mcp.output)}`,
      });
    }
  } finally {
    context.stopped.push(...(await stopStartedByRun()).found);
    await standIn.close();
  }
  return results.map((r) => ({ ...r, detail: r.ok ? "" : r.detail }));
}

/** One client's row: its repositories, the listings' control, and the negative controls. */
async function checkClientRow(client, repos, context, report) {
  for (const repoId of client.repos) report(await checkClient(client, repoId, repos.get(repoId), context));
  report(await checkListingsInEmptyFolder(client, repos.get(client.repos[0]), context));
  // The controls: a copy of the client's own repository with one defect each; the check it names must fail.
  for (const control of CONTROLS) {
    const folder = join(context.work, "controls", `${client.id}-${control.id}`);
    cpSync(repos.get(client.repos[0]), folder, { recursive: true });
    control.apply(folder, client);
    const results = await checkClient(client, client.repos[0], folder, context, control, repos.get(client.repos[0]));
    const run = results.find((r) => r.kind === "run");
    const noticed = results.some((r) => r.kind === control.expectFailing && !r.ok);
    report([
      {
        line: `${noticed && run?.ok ? "ok  " : "FAIL"} ${client.id} control ${control.id}: what it loads changes (${control.expectFailing} check fails)`,
        ok: noticed && run?.ok === true,
        detail: noticed && run?.ok ? "" : results.map((r) => r.line).join("\n"),
      },
    ]);
  }
}

/** The check that ends a run: no process the run started is still alive (processes.mjs). */
function processesLeft(left) {
  if (!canList())
    return { line: "known no /proc here: what the run left running cannot be listed", ok: true, known: true };
  return {
    line: `${left.length === 0 ? "ok  " : "FAIL"} no process the run started is left running`,
    ok: left.length === 0,
    detail: left.map(({ pid, command }) => `pid ${pid}: ${command}`).join("\n"),
  };
}

async function main() {
  if (!existsSync(cli)) {
    console.error("clients e2e: dist/cli.cjs is missing: run npm run e2e:clients, which builds it");
    process.exit(2);
  }
  const only = process.env.E2E_CLIENTS_ONLY?.split(",").filter(Boolean);
  const clients = CLIENTS.filter((client) => !only || only.includes(client.id));
  const wanted = pins().filter((pin) => clients.some((client) => packagesOf(client).includes(pin.name)));
  const cache = resolve(process.env.E2E_CLIENTS_CACHE ?? join(homedir(), ".cache/create-spec-agent/clients"));
  const started = Date.now();
  if (!install(cache, wanted, clients)) {
    console.error(`clients e2e: npm install of ${wanted.map((p) => `${p.name}@${p.version}`).join(" ")} failed`);
    process.exit(2);
  }
  console.log(`clients tested: ${wanted.map((pin) => `${pin.name}@${pin.version}`).join(", ")}`);
  console.log(`     installed in ${cache} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const work = mkdtempSync(join(tmpdir(), "spec-agent-clients-e2e-"));
  const proxy = await startRefusingProxy();
  // Ctrl-C no longer reaches the clients (each runs in a process group of its own): the run stops them first.
  for (const [name, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ])
    process.once(name, () => stopStartedByRun(1_000).finally(() => process.exit(code)));
  // What each client's runs left running when they ended, stopped (processes.mjs): said at the end of its row.
  const context = { work, cache, proxy, stopped: [] };
  let passed = 0;
  let failed = 0;
  let knownDefects = 0;
  const report = (results) => {
    for (const { line, ok, detail, known } of results) {
      console.log(line);
      if (detail) console.log(detail.replace(/^/gm, "     "));
      if (known) knownDefects++;
      else if (ok) passed++;
      else failed++;
    }
  };
  try {
    const repos = await generate(
      work,
      clients.flatMap((client) => client.repos).filter((id) => TARGET_IDS.includes(id)),
    );
    for (const client of clients) {
      const clientStarted = Date.now();
      try {
        await checkClientRow(client, repos, context, report);
      } finally {
        // Whatever its rows left, however they ended: a daemon serves no later client.
        context.stopped.push(...(await stopStartedByRun()).found);
        const stopped = context.stopped.splice(0);
        const left = stopped.length ? `; stopped what it left running: ${describeProcesses(stopped)}` : "";
        console.log(`     ${client.id}: ${((Date.now() - clientStarted) / 1000).toFixed(0)} s${left}`);
      }
    }
  } finally {
    // No process this run started may outlive it: each row stopped its own, and this says whether that held
    // (what is found is stopped all the same).
    report([processesLeft(startedByRun())]);
    await stopStartedByRun();
    await proxy.close();
    const hosts = [...new Set(proxy.refused.map((line) => line.replace(/^CONNECT /, "").replace(/^\w+ /, "")))];
    console.log(`\nrefused by the proxy (never reached): ${hosts.join(", ") || "nothing"}`);
    if (process.env.KEEP_E2E_TMP === "1") console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  if (knownDefects) console.log(`${knownDefects} known defects, shown above as "known"`);
  console.log(`\nclients e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(failed ? 1 : 0);
}

await main();
