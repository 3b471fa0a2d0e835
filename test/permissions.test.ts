/**
 * The agents run the project's tasks without asking and never read `.env`; in
 * the cloud, one setup installs uv and go-task only where they are missing.
 * The Claude Code hook is run for real by sh, against stand-ins for the tools.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { realFileSystem } from "../src/io/fs.js";
import { templatesDir } from "../src/io/package-info.js";
import { CLOUD_SETUP } from "../src/targets/permissions.js";
import { renderPreset } from "../src/targets/preset.js";
import type { TargetId } from "../src/targets/table.js";
import { presetPacks } from "../src/templates/preset.js";
import { DEFAULT_ANSWERS } from "./support/answers.js";
import { runCli, tempDir } from "./support/context.js";
import { ownerRepo } from "./support/owner.js";

const PACKS = presetPacks(realFileSystem, templatesDir);
const plan = (agents: TargetId[]): Map<string, string> =>
  new Map(renderPreset(PACKS, { ...DEFAULT_ANSWERS, agents }, "1.0.0").map((f) => [f.path, f.contents]));

interface ClaudeSettings {
  permissions: { allow: string[]; deny: string[] };
  hooks: { SessionStart: { hooks: { type: string; command: string }[] }[] };
}

const claude = (): ClaudeSettings => JSON.parse(plan(["claude"]).get(".claude/settings.json") as string);

/** Runs the SessionStart hook with sh, with stand-ins for the tools that `present` names; returns what was called. */
function runHook(env: Record<string, string>, present: string[]): string[] {
  const dir = tempDir("spec-agent-hook-");
  const bin = join(dir, "bin");
  const log = join(dir, "calls.log");
  mkdirSync(bin);
  const standIn = (tool: string, then = ""): void => {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\n${then}`);
    chmodSync(join(bin, tool), 0o755);
  };
  for (const tool of present) standIn(tool);
  // pip's stand-in puts what it installs on PATH, as pip would (the other stand-ins are its copies).
  writeFileSync(join(dir, "installed"), `#!/bin/sh\necho "\${0##*/} $*" >> "${log}"\n`);
  const put = (tool: string) =>
    `/bin/cp "${join(dir, "installed")}" "${join(bin, tool)}"; /bin/chmod +x "${join(bin, tool)}"`;
  standIn("python3", `case "$*" in *" uv") ${put("uv")};; *" go-task-bin") ${put("task")};; esac\n`);
  writeFileSync(log, "");
  const command = claude().hooks.SessionStart[0]?.hooks[0]?.command ?? "";
  const result = spawnSync("/bin/sh", ["-c", command], {
    cwd: dir,
    env: { PATH: bin, ...env },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

/** The real Codex that `npm run e2e:clients` installs (scripts/clients.txt), when this machine has it. */
const CODEX = join(
  resolve(process.env.E2E_CLIENTS_CACHE ?? join(homedir(), ".cache/create-spec-agent/clients")),
  "node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex",
);

describe("permissions and cloud setup", () => {
  it("lets Claude Code run the tasks and uv run without asking, and never read .env files", () => {
    const { permissions } = claude();
    expect(permissions.allow).toEqual(expect.arrayContaining(["Bash(task:*)", "Bash(uv run:*)"]));
    expect(permissions.deny).toEqual(expect.arrayContaining(["Read(./.env)", "Read(./.env.*)"]));
    expect(plan(["copilot"]).has(".claude/settings.json")).toBe(false);
  });

  it("runs the setup only on the web, installing only the missing tools from PyPI, then task install", () => {
    expect(runHook({}, [])).toEqual([]);
    expect(runHook({ CLAUDE_CODE_REMOTE: "true" }, ["uv", "task"])).toEqual(["task install"]);
    expect(runHook({ CLAUDE_CODE_REMOTE: "true" }, ["task"])).toEqual(["python3 -m pip install uv", "task install"]);
    expect(runHook({ CLAUDE_CODE_REMOTE: "true" }, ["uv"])).toEqual([
      "python3 -m pip install go-task-bin",
      "task install",
    ]);
    expect(runHook({ CLAUDE_CODE_REMOTE: "true" }, [])).toEqual([
      "python3 -m pip install uv",
      "python3 -m pip install go-task-bin",
      "task install",
    ]);
  });

  it("lets VS Code run task without asking", () => {
    const settings = JSON.parse(plan(["copilot"]).get(".vscode/settings.json") as string);
    expect(settings["chat.tools.terminal.autoApprove"]).toEqual({ task: true });
  });

  it.each([
    [
      "gemini",
      ".gemini/settings.json",
      (text: string) => JSON.parse(text).tools,
      {
        allowed: [
          "run_shell_command(task test)",
          "run_shell_command(task lint)",
          "run_shell_command(task format)",
          "run_shell_command(task install)",
          "run_shell_command(task run)",
        ],
      },
    ],
    [
      "cursor",
      ".cursor/cli.json",
      (text: string) => text,
      '{\n  "permissions": {\n    "allow": [\n      "Shell(task)"\n    ],\n    "deny": [\n      "Read(.env*)"\n    ]\n  }\n}\n',
    ],
    [
      "qwen",
      ".qwen/settings.json",
      (text: string) => JSON.parse(text).permissions,
      {
        allow: ["Bash(task test)", "Bash(task lint)", "Bash(task format)", "Bash(task install)", "Bash(task run)"],
        deny: ["Read(/.env)", "Read(/.env.*)"],
      },
    ],
    [
      "opencode",
      "opencode.json",
      (text: string) => JSON.parse(text).permission,
      { read: { "*.env": "deny", "*.env.*": "deny", "*.env.example": "allow" } },
    ],
    [
      "kilo",
      "kilo.json",
      (text: string) => JSON.parse(text).permission,
      { read: { "*.env": "deny", "*.env.*": "deny", "*.env.example": "allow" } },
    ],
  ] as const)(
    "writes %s's permissions: the project's tasks without asking, .env not read (%s)",
    (agent, path, read, expected) => {
      expect(read(plan([agent]).get(path) as string)).toEqual(expected);
    },
  );

  it("lets Codex run the project's tasks without asking, through a rule in .codex/rules/", () => {
    expect(plan(["codex"]).get(".codex/rules/spec-agent.rules")).toBe(
      [
        "# The project's own tasks (Taskfile.yml) run without asking; Codex reads this in a project you trust.",
        "prefix_rule(",
        '    pattern = ["task", ["test", "lint", "format", "install", "run"]],',
        '    decision = "allow",',
        `    justification = "the project's own tasks, from Taskfile.yml",`,
        '    match = ["task test", "task run -- --help"],',
        '    not_match = ["task", "task --global test", "rm -rf ."],',
        ")",
        "",
      ].join("\n"),
    );
    expect(plan(["claude"]).has(".codex/rules/spec-agent.rules")).toBe(false);
  });

  it.skipIf(!existsSync(CODEX))(
    "has the real Codex allow exactly the tasks by that rule (codex execpolicy check)",
    () => {
      const dir = tempDir("spec-agent-rules-");
      const file = join(dir, "spec-agent.rules");
      writeFileSync(file, plan(["codex"]).get(".codex/rules/spec-agent.rules") as string);
      const decision = (command: string[]): unknown => {
        const run = spawnSync(CODEX, ["execpolicy", "check", "--rules", file, ...command], { encoding: "utf8" });
        expect(run.status, run.stderr).toBe(0);
        return JSON.parse(run.stdout).decision;
      };
      for (const task of ["test", "lint", "format", "install", "run"]) expect(decision(["task", task])).toBe("allow");
      for (const other of [["task"], ["task", "--global", "test"], ["rm", "-rf", "."], ["uv", "pip", "install", "x"]])
        expect(decision(other)).toBeUndefined();
    },
  );

  it("merges the tasks' permissions into an owner's Gemini CLI and Cursor settings on init, keeping theirs; check accepts them", async () => {
    const root = ownerRepo({
      ".gemini/settings.json": '{\n  "theme": "Dracula",\n  "tools": { "sandbox": true }\n}\n',
      ".cursor/cli.json": '{\n  "permissions": { "deny": ["Shell(rm)"] }\n}\n',
    });
    const result = await runCli(["init", "--yes", "--agents", "gemini,cursor,qwen,codex"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const gemini = JSON.parse(readFileSync(join(root, ".gemini/settings.json"), "utf8"));
    expect(gemini.theme).toBe("Dracula");
    expect(gemini.tools).toEqual({ sandbox: true, allowed: expect.arrayContaining(["run_shell_command(task test)"]) });
    // A list the owner set is theirs: ours is not mixed into it (the merge adds missing keys only).
    const cursor = JSON.parse(readFileSync(join(root, ".cursor/cli.json"), "utf8"));
    expect(cursor.permissions).toEqual({ deny: ["Shell(rm)"], allow: ["Shell(task)"] });
    const check = await runCli(["check"], { cwd: root });
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, ".qwen/settings.json"), "utf8")).permissions.deny).toContain(
      "Read(/.env)",
    );
    expect(existsSync(join(root, ".codex/rules/spec-agent.rules"))).toBe(true);
    // check reads Cursor's permissions: a file Cursor CLI could not parse is reported.
    writeFileSync(join(root, ".cursor/cli.json"), '{ "permissions": ');
    const broken = await runCli(["check"], { cwd: root });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(".cursor/cli.json");
  });

  it("allows no task in another language's repository, and still keeps .env from being read", async () => {
    const fixture = join(import.meta.dirname, "fixtures", "other-languages", "uuid");
    const root = ownerRepo(
      Object.fromEntries(readdirSync(fixture).map((name) => [name, readFileSync(join(fixture, name), "utf8")])),
    );
    const result = await runCli(["init", "--yes", "--agents", "gemini,cursor,qwen,codex"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const read = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8"));
    expect(read(".gemini/settings.json").tools).toBeUndefined();
    expect(read(".cursor/cli.json").permissions).toEqual({ deny: ["Read(.env*)"] });
    expect(read(".qwen/settings.json").permissions).toEqual({ deny: ["Read(/.env)", "Read(/.env.*)"] });
    expect(existsSync(join(root, ".codex/rules/spec-agent.rules"))).toBe(false);
  });

  it("documents Codex cloud's setup script in AGENTS.md, the same commands as Claude's hook", () => {
    const agentsMd = plan(["codex"]).get("AGENTS.md") as string;
    expect(agentsMd).toContain(`## Setup in Codex cloud`);
    expect(agentsMd).toContain(["```sh", ...CLOUD_SETUP, "```"].join("\n"));
    expect(plan(["copilot", "agents-md"]).get("AGENTS.md")).not.toContain("Codex cloud");
  });

  it("installs on GitHub's runners, for CI and the Copilot cloud agent, what the cloud setups install, from PyPI", () => {
    const pipPackages = (line: string): string[] =>
      /-m pip install (.+)$/
        .exec(line)?.[1]
        ?.split(" ")
        .filter((word) => !word.startsWith("-")) ?? [];
    const cloud = CLOUD_SETUP.flatMap(pipPackages).sort();
    expect(cloud).toEqual(["go-task-bin", "uv"]);
    const files = plan(["copilot"]);
    for (const workflow of [".github/workflows/ci.yml", ".github/workflows/copilot-setup-steps.yml"]) {
      const { jobs } = parseYaml(files.get(workflow) as string) as {
        jobs: Record<string, { steps: { uses?: string; run?: string }[] }>;
      };
      const steps = Object.values(jobs).flatMap((job) => job.steps);
      // Only GitHub's own actions: the tools come from PyPI, which the cloud agents' firewalls let through.
      expect(steps.flatMap((s) => (s.uses ? [s.uses.split("@")[0]] : []))).toEqual([
        "actions/checkout",
        "actions/setup-python",
      ]);
      const installed = steps.flatMap((s) => (s.run ?? "").split("\n").flatMap(pipPackages)).sort();
      expect(installed, workflow).toEqual(cloud);
      // Each action pinned to a full commit, its version beside it (the SHAs read from the actions' own tags).
      const uses = (files.get(workflow) as string).split("\n").filter((line) => /^\s+- uses: /.test(line));
      for (const line of uses) expect(line).toMatch(/^\s+- uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      expect(uses).toHaveLength(2);
    }
  });
});
