import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

// The AI clients that scripts/e2e-clients.mjs runs: one row each, as src/targets has one row per AI tool. A row
// says how to point the client at the stand-in model server, how to run it headless, which of our files it should
// load in a repository, and how to read what it loaded from the request it sent.

/** The subagent's task names this, so the stand-in tells the subagent's requests from the main session's. */
export const SUBAGENT = "E2E-SUBAGENT";

const writeJson = (path, value) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};

const parsed = (request) => {
  try {
    return JSON.parse(request.body);
  } catch {
    return {};
  }
};

/** A YAML frontmatter whose description's quote is never closed: no parser can read it. */
const unclosedQuote = (text) => text.replace(/^description: '(.*)'$/m, "description: '$1");

/** A frontmatter list, as a comma-separated string (Claude) or a YAML flow list (Gemini). */
const frontmatterList = (text, key) => {
  const value = new RegExp(`^${key}: (.*)$`, "m").exec(text.split("\n---\n")[0] ?? "")?.[1] ?? "";
  return value
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((name) => name.trim().replace(/^'|'$/g, ""))
    .filter(Boolean);
};

/** The four spec steps, as every client names them. */
const STEPS = ["spec-context", "spec-plan", "spec-tasks", "spec-implement"];

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** How many lines of a listing match. */
const lines = (text, pattern) => text.split("\n").filter((line) => pattern.test(line)).length;
/** Each step as often as a listing line names it, wanted once where the repository has it in one of `homes`. */
const stepsListed = (exists, homes, pattern) =>
  STEPS.map((step) => ({
    name: step,
    want: homes.some((home) => exists(`${home}/${step}/SKILL.md`)) ? 1 : 0,
    count: (out) => lines(out, pattern(step)),
  }));

export const CLIENTS = [
  {
    id: "claude",
    package: "@anthropic-ai/claude-code",
    bin: "claude",
    readmeOnce: /\*\*Claude Code\*\*: approve the project's MCP servers/,
    agentName: "backend-engineer subagent",
    // Its own repository first: the negative controls are copies of it.
    repos: ["claude", "all", "init"],
    env: (url) => ({ ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: "sk-ant-e2e-stand-in", DISABLE_AUTOUPDATER: "1" }),
    promptArgs: (prompt) => ["-p", prompt],
    // CLAUDE.md, and AGENTS.md through its `@AGENTS.md` import when there is one.
    instructions: (present) => ["CLAUDE.md", "AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".claude/agents/backend-engineer.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.claude/skills/${step}`,
    stepFile: (step) => `.claude/skills/${step}/SKILL.md`,
    // The system's listing of the Agent tool's types and the Skill tool's skills: `- name: description`.
    agentListed: (text) => /^- backend-engineer: /m.test(text),
    stepListed: (text, step) => new RegExp(`^- ${step}: `, "m").test(text),
    delegate: {
      tool: "Agent",
      input: {
        subagent_type: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
        run_in_background: false,
      },
    },
    runStep: { tool: "Skill", input: { skill: "spec-context" } },
    skillTool: "Skill",
    agentTools: (text) => frontmatterList(text, "tools"),
    // The tools sent with the request, and the deferred ones its system text names one a line (ToolSearch).
    offeredTools: (request) => {
      const sent = (parsed(request).tools ?? []).map((tool) => tool.name);
      const text = JSON.stringify(parsed(request).messages ?? []);
      const deferred = /deferred tools[^\n]*?:((?:\\n[A-Za-z]+)+)/.exec(text)?.[1]?.split("\\n").filter(Boolean) ?? [];
      return [...sent, ...deferred];
    },
    mcpList: ["mcp", "list"],
  },
  {
    id: "copilot",
    package: "@github/copilot",
    bin: "copilot",
    readmeOnce: /\*\*Copilot CLI\*\*: trust the folder/,
    agentName: "Backend Engineer custom agent",
    repos: ["copilot", "default", "all", "init"],
    // Offline: no GitHub login, no telemetry, no update check; the model is ours (Chat Completions).
    env: (url) => ({
      COPILOT_OFFLINE: "true",
      COPILOT_PROVIDER_BASE_URL: `${url}/v1`,
      COPILOT_PROVIDER_API_KEY: "sk-e2e-stand-in",
      COPILOT_MODEL: "gpt-5-mini",
      COPILOT_AUTO_UPDATE: "false",
    }),
    // Copilot CLI reads the project's .mcp.json only in a trusted folder; --trust-folder trusts it for one prompt.
    setup: (home, folder, _client) => writeJson(join(home, ".copilot/config.json"), { trustedFolders: [folder] }),
    promptArgs: (prompt) => ["-p", prompt, "--trust-folder", "--allow-all-tools", "--no-auto-update"],
    instructions: (present) =>
      [".github/copilot-instructions.md", "AGENTS.md", "CLAUDE.md"].filter((path) => present.includes(path)),
    agentFile: ".github/agents/backend-engineer.agent.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // Copilot CLI 1.0.102 lists a skill whose folder was renamed under its frontmatter's name, unchanged.
    skillNamedByFrontmatter: true,
    // The task tool's "User-provided custom agents", and the skill tool's <available_skills>.
    agentListed: (text) => /^- \*\*Backend Engineer\*\*: /m.test(text),
    stepListed: (text, step) => text.includes(`<name>${step}</name>`),
    delegate: {
      tool: "task",
      input: {
        agent_type: "Backend Engineer",
        name: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
        mode: "sync",
      },
    },
    runStep: { tool: "skill", input: { skill: "spec-context" } },
    skillTool: "skill",
    offeredTools: (request) => (parsed(request).tools ?? []).map((tool) => tool.function?.name ?? tool.name),
    mcpList: ["mcp", "list"],
    // Offline: `  • label` and `      from PATH` for each instruction source; `  name - description` for each skill
    // (the project's, from .agents/skills and .claude/skills, once per name).
    listings: [
      {
        args: ["instruction", "list"],
        what: "our instruction files",
        expect: ({ exists }) =>
          [
            ".github/copilot-instructions.md",
            "AGENTS.md",
            "CLAUDE.md",
            "GEMINI.md",
            ".github/instructions/python.instructions.md",
          ].map((path) => ({
            name: path,
            want: exists(path) ? 1 : 0,
            count: (out) => lines(out, new RegExp(`^\\s+from ${escaped(path)}$`)),
          })),
      },
      {
        args: ["skill", "list"],
        what: "the spec steps",
        expect: ({ exists }) =>
          stepsListed(exists, [".agents/skills", ".claude/skills"], (step) => new RegExp(`^\\s+${step} - `)),
      },
    ],
  },
  {
    id: "gemini",
    package: "@google/gemini-cli",
    bin: "gemini",
    readmeOnce: /\*\*Gemini CLI\*\*: trust the folder, and accept the project's agent/,
    agentName: "backend-engineer subagent",
    repos: ["gemini", "all", "init"],
    // No relaunch with a bigger heap: one process, half the start-up.
    env: (url) => ({ GOOGLE_GEMINI_BASE_URL: url, GEMINI_API_KEY: "e2e-stand-in", GEMINI_CLI_NO_RELAUNCH: "true" }),
    // What a user does once: picks API-key auth, trusts the folder, and accepts the project's agent, which Gemini
    // CLI ties to the file's sha256 (so again after every rewrite of it). The README says so.
    setup: (home, folder, client) => {
      writeJson(join(home, ".gemini/settings.json"), {
        security: { auth: { selectedType: "gemini-api-key" } },
        general: { disableAutoUpdate: true, disableUpdateNag: true },
        privacy: { usageStatisticsEnabled: false },
      });
      writeJson(join(home, ".gemini/trustedFolders.json"), { [folder]: "TRUST_FOLDER" });
      let hash = "";
      try {
        hash = createHash("sha256")
          .update(readFileSync(join(folder, client.agentFile), "utf8"))
          .digest("hex");
      } catch {}
      writeJson(join(home, ".gemini/acknowledgments/agents.json"), { [folder]: { "backend-engineer": hash } });
    },
    // Headless, Gemini CLI offers no tool that needs an approval (shell, writes, web_fetch) unless told to approve.
    promptArgs: (prompt) => ["-p", prompt, "-m", "gemini-2.5-flash", "--approval-mode", "yolo"],
    // AGENTS.md when settings name it (with the hub), else GEMINI.md.
    instructions: (present) => ["AGENTS.md", "GEMINI.md"].filter((path) => present.includes(path)),
    agentFile: ".gemini/agents/backend-engineer.md",
    breakAgent: unclosedQuote,
    // The steps are commands, which reach the model only when run: each runs headless, its prompt must arrive.
    stepFolder: (step) => `.gemini/commands/${step}.toml`,
    stepFile: (step) => `.gemini/commands/${step}.toml`,
    stepPrompt: (step) => `/${step} E2E-STEP`,
    // The system instruction's sub-agents for invoke_agent: `- name -> description`.
    agentListed: (text) => /^- backend-engineer -> /m.test(text),
    delegate: {
      tool: "invoke_agent",
      input: { agent_name: "backend-engineer", prompt: `${SUBAGENT}: write a context note.` },
    },
    // Where another chosen tool writes the steps as skills, Gemini CLI reads them too.
    skillFile: (step) => `.agents/skills/${step}/SKILL.md`,
    runStep: { tool: "activate_skill", input: { name: "spec-context" } },
    skillTool: "activate_skill",
    agentTools: (text) => frontmatterList(text, "tools"),
    offeredTools: (request) =>
      (parsed(request).tools ?? []).flatMap((tool) => (tool.functionDeclarations ?? []).map((fn) => fn.name)),
    mcpList: ["mcp", "list"],
    // Offline: `name [Enabled]` for each skill it would offer (.agents/skills; our steps are commands otherwise).
    listings: [
      {
        args: ["skills", "list"],
        what: "the spec steps",
        expect: ({ exists }) =>
          stepsListed(exists, [".agents/skills"], (step) => new RegExp(`^${step} \\[Enabled\\]$`)),
      },
    ],
  },
  {
    id: "codex",
    package: "@openai/codex",
    bin: "codex",
    readmeOnce: /\*\*Codex\*\*: trust the project/,
    agentName: "backend-engineer agent role",
    repos: ["codex", "all", "init"],
    env: (_url, home) => ({ CODEX_HOME: join(home, ".codex"), STAND_IN_API_KEY: "sk-e2e-stand-in" }),
    // The stand-in as a Responses API provider, and the project trusted: Codex reads .codex/agents/ and
    // .codex/config.toml (its MCP servers) only in a trusted project. The README says so.
    setup: (home, folder, _client, url) => {
      const path = join(home, ".codex/config.toml");
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(
        path,
        [
          'model = "gpt-5-codex"',
          'model_provider = "stand_in"',
          "check_for_update_on_startup = false",
          "",
          "[model_providers.stand_in]",
          'name = "stand-in"',
          `base_url = ${JSON.stringify(`${url}/v1`)}`,
          'env_key = "STAND_IN_API_KEY"',
          'wire_api = "responses"',
          "",
          "[analytics]",
          "enabled = false",
          "",
          `[projects.${JSON.stringify(folder)}]`,
          'trust_level = "trusted"',
          "",
        ].join("\n"),
      );
    },
    promptArgs: (prompt) => ["exec", "--skip-git-repo-check", prompt],
    instructions: (present) => ["AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".codex/agents/backend-engineer.toml",
    // Codex 0.171 lists a skill whose folder was renamed under its frontmatter's name, unchanged.
    skillNamedByFrontmatter: true,
    // An unterminated TOML string: the file cannot be read.
    breakAgent: (text) => text.replace('name = "backend-engineer"', 'name = "backend-engineer'),
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // spawn_agent's roles (`name: {` and its description), and the skills list (`- name: description (file: …)`).
    agentListed: (text) => /^backend-engineer: \{$/m.test(text),
    stepListed: (text, step) => new RegExp(`^- ${step}: .*\\(file: `, "m").test(text),
    delegate: {
      tool: "spawn_agent",
      namespace: "multi_agent_v1",
      input: { agent_type: "backend-engineer", message: `${SUBAGENT}: write a context note.` },
    },
    // Codex has no tool that runs a skill: its skills list tells the model to open the SKILL.md, which it does
    // with its shell tool; the file's body must then reach the subagent.
    runStep: { tool: "exec_command", input: { cmd: "cat .agents/skills/spec-context/SKILL.md" } },
    mcpList: ["mcp", "list"],
    // Offline: the model's input as JSON, AGENTS.md and the skills list (`- name: description (file: …)`) in it.
    listings: [
      {
        args: ["debug", "prompt-input"],
        what: "AGENTS.md and the spec steps",
        expect: ({ exists, marker, textOf }) => {
          const line = exists("AGENTS.md") ? marker("AGENTS.md") : undefined;
          const steps = stepsListed(exists, [".agents/skills"], (step) => new RegExp(`^- ${step}: .*\\(file: `));
          return [
            { name: "AGENTS.md", want: line ? 1 : 0, count: (out) => (line ? textOf(out).split(line).length - 1 : 0) },
            ...steps.map((entry) => ({ ...entry, count: (out) => entry.count(textOf(out)) })),
          ];
        },
      },
    ],
  },
];
