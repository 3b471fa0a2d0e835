import { spawnSync } from "node:child_process";
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

/**
 * opencode and Kilo Code (a fork of it) take another model endpoint as a provider of their own configuration, given
 * in the environment beside the project's file (which they merge it with): an OpenAI-compatible one, bundled.
 */
const standInProvider = (url) =>
  JSON.stringify({
    provider: {
      standin: {
        npm: "@ai-sdk/openai-compatible",
        name: "stand-in",
        options: { baseURL: `${url}/v1`, apiKey: "sk-e2e-stand-in" },
        models: { "stand-in": { name: "stand-in", tool_call: true } },
      },
    },
    model: "standin/stand-in",
  });

/**
 * The sequential-thinking server starts through npx, which would try the registry (refused here) with npm's
 * retries, about 30 s, before each session goes on without it: offline, it gives up at once.
 */
const NPX_OFFLINE = { npm_config_offline: "true" };

/** The tools sent with a Chat Completions request, by name. */
const chatTools = (request) => (parsed(request).tools ?? []).map((tool) => tool.function?.name ?? tool.name);

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
  {
    id: "opencode",
    package: "opencode-ai",
    // It copies its binary out of the platform package (installed as an optional dependency).
    postinstall: "opencode-ai/postinstall.mjs",
    bin: "opencode",
    agentName: "backend-engineer subagent",
    repos: ["opencode", "every"],
    // No model catalogue from the network, no update check: the stand-in is its one provider.
    env: (url) => ({
      OPENCODE_CONFIG_CONTENT: standInProvider(url),
      OPENCODE_DISABLE_MODELS_FETCH: "1",
      OPENCODE_DISABLE_AUTOUPDATE: "1",
      OPENCODE_DISABLE_SHARE: "1",
      ...NPX_OFFLINE,
    }),
    promptArgs: (prompt) => ["run", prompt],
    // The request that titles the session: no tools, and the prompt in it.
    sideRequest: (request) => !Array.isArray(parsed(request).tools),
    // AGENTS.md; CLAUDE.md only where there is no AGENTS.md.
    instructions: (present) => ["AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".opencode/agents/backend-engineer.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // The task tool's agent types (`- name: description`; a frontmatter it cannot read loses the description),
    // and the skill tool's <available_skills>.
    agentListed: (text) => /^- backend-engineer: Principal-level /m.test(text),
    stepListed: (text, step) => text.includes(`<name>${step}</name>`),
    // opencode 1.18 (and Kilo 7.7, its fork) lists a skill whose folder was renamed under its frontmatter's name.
    skillNamedByFrontmatter: true,
    delegate: {
      tool: "task",
      input: {
        subagent_type: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
      },
    },
    runStep: { tool: "skill", input: { name: "spec-context" } },
    skillTool: "skill",
    offeredTools: chatTools,
    mcpList: ["mcp", "list"],
  },
  {
    id: "kilo",
    package: "@kilocode/cli",
    // 7.8.1's platform package is not on the registry: 7.7.7 has both, pinned together.
    extraPackages: ["@kilocode/cli-linux-x64"],
    postinstall: "@kilocode/cli/postinstall.mjs",
    bin: "kilo",
    agentName: "backend-engineer subagent",
    // Its own repository only: its sessions are the slowest (about a minute each on a loaded machine), and its
    // reading of a repository with every tool's files is opencode's, which is checked there.
    repos: ["kilo"],
    env: (url) => ({
      KILO_CONFIG_CONTENT: standInProvider(url),
      KILO_DISABLE_MODELS_FETCH: "1",
      KILO_DISABLE_AUTOUPDATE: "1",
      KILO_DISABLE_SHARE: "1",
      ...NPX_OFFLINE,
    }),
    promptArgs: (prompt) => ["run", prompt],
    sideRequest: (request) => !Array.isArray(parsed(request).tools),
    instructions: (present) => ["AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".kilo/agents/backend-engineer.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    agentListed: (text) => /^- backend-engineer: Principal-level /m.test(text),
    stepListed: (text, step) => text.includes(`<name>${step}</name>`),
    // opencode 1.18 (and Kilo 7.7, its fork) lists a skill whose folder was renamed under its frontmatter's name.
    skillNamedByFrontmatter: true,
    delegate: {
      tool: "task",
      input: {
        subagent_type: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
      },
    },
    runStep: { tool: "skill", input: { name: "spec-context" } },
    skillTool: "skill",
    offeredTools: chatTools,
    mcpList: ["mcp", "list"],
  },
  {
    id: "qwen",
    package: "@qwen-code/qwen-code",
    bin: "qwen",
    readmeOnce: /\*\*Qwen Code\*\*: approve the project's MCP servers/,
    agentName: "backend-engineer subagent",
    repos: ["qwen", "every"],
    // Its OpenAI-compatible provider, chosen by --auth-type.
    env: (url) => ({
      OPENAI_BASE_URL: `${url}/v1`,
      OPENAI_API_KEY: "sk-e2e-stand-in",
      OPENAI_MODEL: "stand-in",
      ...NPX_OFFLINE,
    }),
    promptArgs: (prompt) => ["-p", prompt, "--auth-type", "openai", "--approval-mode", "yolo"],
    // AGENTS.md when its settings name it, else QWEN.md.
    instructions: (present) => ["AGENTS.md", "QWEN.md"].filter((path) => present.includes(path)),
    agentFile: ".qwen/agents/backend-engineer.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // The agent tool's types (`- **name**: description`), and the skill tool's listing (`<name>` on its own line).
    agentListed: (text) => /^- \*\*backend-engineer\*\*: Principal-level /m.test(text),
    stepListed: (text, step) => new RegExp(`<name>\\s*${step}\\s*</name>`).test(text),
    // Qwen Code 0.24 lists a skill whose folder was renamed under its frontmatter's name, unchanged.
    skillNamedByFrontmatter: true,
    delegate: {
      tool: "agent",
      input: {
        subagent_type: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
      },
    },
    runStep: { tool: "skill", input: { skill: "spec-context" } },
    skillTool: "skill",
    offeredTools: chatTools,
    mcpList: ["mcp", "list"],
  },
  {
    id: "droid",
    package: "@factory/cli",
    // 0.225.1's platform package is not on the registry: its shim runs 0.225.2's.
    extraPackages: ["@factory/cli-linux-x64"],
    bin: "droid",
    agentName: "backend-engineer droid",
    repos: ["droid", "every"],
    // Airgap mode: no Factory login, no network; the model is a custom one of the user's settings.
    env: () => ({ FACTORY_AIRGAP_ENABLED: "1", FACTORY_DROID_AUTO_UPDATE_ENABLED: "false", ...NPX_OFFLINE }),
    setup: (home, _folder, _client, url) =>
      writeJson(join(home, ".factory/settings.json"), {
        customModels: [
          {
            model: "stand-in",
            displayName: "StandIn",
            baseUrl: `${url}/v1`,
            apiKey: "sk-e2e-stand-in",
            provider: "generic-chat-completion-api",
          },
        ],
      }),
    // --auto high offers the Task tool (a subagent) headless.
    promptArgs: (prompt) => ["exec", "-m", "custom:StandIn-0", "--auto", "high", prompt],
    // AGENTS.md, and CLAUDE.md beside it (its `@AGENTS.md` line is not followed).
    instructions: (present) => ["AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".factory/droids/backend-engineer.md",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // "Custom droids available …: - name: description (location: project)".
    agentListed: (text) => /^- backend-engineer: Principal-level .*\(location: project\)$/m.test(text),
    // "Available skills …:" then `name: description`, one a line.
    stepListed: (text, step) => new RegExp(`^${step}: `, "m").test(text),
    // Droid 0.225 lists a skill whose folder was renamed under its frontmatter's name, unchanged.
    skillNamedByFrontmatter: true,
    delegate: {
      tool: "Task",
      input: {
        subagent_type: "backend-engineer",
        description: "Run the first spec step",
        prompt: `${SUBAGENT}: run the spec-context skill.`,
      },
    },
    runStep: { tool: "Skill", input: { skill: "spec-context" } },
    skillTool: "Skill",
    offeredTools: chatTools,
    mcpList: ["mcp", "list"],
  },
  {
    id: "cline",
    package: "cline",
    bin: "cline",
    agentName: "backend-engineer subagent",
    repos: ["cline", "every"],
    // Its OpenAI-compatible provider, set once in the fresh HOME as a user would.
    env: () => ({}),
    setup: (_home, _folder, _client, url, env) => {
      const result = spawnSync(
        "cline",
        ["auth", "-p", "openai", "-k", "sk-e2e-stand-in", "-m", "stand-in", "-b", `${url}/v1`],
        { env, encoding: "utf8", timeout: 60_000 },
      );
      if (result.status !== 0) throw new Error(`cline auth: ${result.stdout}${result.stderr}`);
    },
    promptArgs: (prompt) => [prompt],
    // Its rules folder, and AGENTS.md beside it.
    instructions: (present) => [".clinerules/project.md", "AGENTS.md"].filter((path) => present.includes(path)),
    agentFile: ".cline/agents/backend-engineer.yaml",
    breakAgent: unclosedQuote,
    stepFolder: (step) => `.agents/skills/${step}`,
    stepFile: (step) => `.agents/skills/${step}/SKILL.md`,
    // Each agent is a tool of its own, described by the agent's description; the skills tool names the skills.
    agentListed: (text) => text.includes('Use the "backend-engineer" subagent: Principal-level '),
    // "Available skills: a, b." in the skills tool's description.
    stepListed: (text, step) => new RegExp(`Available skills: (?:[a-z0-9-]+, )*${step}[,.]`).test(text),
    // Cline 3.0 lists a skill whose folder was renamed under its frontmatter's name, unchanged.
    skillNamedByFrontmatter: true,
    delegate: { tool: "subagent_backend_engineer", input: { prompt: `${SUBAGENT}: run the spec-context skill.` } },
    runStep: { tool: "skills", input: { skill: "spec-context", args: null } },
    skillTool: "skills",
    offeredTools: chatTools,
  },
];
