/**
 * GitHub Copilot: VS Code, Copilot CLI and the cloud agent. Its instructions and the Python rules are written
 * for every project, whichever tools are chosen: the other files link to them.
 */
import type { Kind } from "../../core/check/kinds.js";
import { AGENT, agentBody, link } from "../agents.js";
import { document, hasHub, PYTHON_RULES, pointer, rulesSection } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { linksFrom } from "../links.js";
import { json, rootMcp, servers } from "../mcp.js";
import { ARGUMENT, STEPS, type Step, stepText } from "../steps.js";
import type { Project, Sources, Target } from "../target.js";
import { SEED_TOOLS, TOOL_REFERENCE } from "../tools.js";

const AGENT_FILE = `.github/agents/${AGENT.slug}.agent.md`;
const INSTRUCTIONS = ".github/copilot-instructions.md";
const SETUP = ".github/workflows/copilot-setup-steps.yml";

/**
 * On GitHub.com and in Copilot CLI only tool-set aliases count: beside the seed's VS Code tools the agent lists
 * their sets (in VS Code a superset of them), to read, edit, run and fetch everywhere; `skill` runs the steps.
 */
export const AGENT_TOOLS = [...SEED_TOOLS, "read", "edit", "execute", "web", "skill"];

function agentFile(body: string, description: string) {
  const entries = [
    ["description", description],
    ["name", AGENT.name],
    ["tools", AGENT_TOOLS],
  ] as const;
  return { path: AGENT_FILE, contents: withFrontmatter(entries, agentBody(body, AGENT_FILE, TOOL_REFERENCE)) };
}

/** `.github/prompts/NAME.prompt.md`, for VS Code's Local harness: the argument is `${input:NAME:PLACEHOLDER}`. */
function promptFile(step: Step, body: string) {
  const folder = ".github/prompts";
  const text = linksFrom(body.replaceAll(ARGUMENT, `\${input:${step.input}:${step.placeholder}}`), folder);
  const entries = [
    ["description", step.description],
    ["agent", AGENT.name],
    ["argument-hint", step.argumentHint],
  ] as const;
  return { path: `${folder}/${step.name}.prompt.md`, contents: withFrontmatter(entries, text) };
}

/** `.vscode/mcp.json`: VS Code's Local harness. */
export const vscodeMcp = (): string => json({ servers: servers({ remote: "http", local: "stdio" }) });

/** `.vscode/settings.json` (not in another language's project): pytest discovery on, so that VS Code offers `execute/runTests`; tasks run without asking. */
export const vscodeSettings = (): string =>
  json({
    "python.testing.pytestEnabled": true,
    "python.testing.unittestEnabled": false,
    "python.testing.pytestArgs": ["tests"],
    "chat.tools.terminal.autoApprove": { task: true },
  });

/** The cloud agent's MCP servers, pasted into the repository's settings on GitHub: each with its type and tools. */
export const cloudAgentMcp = (): string =>
  json({ mcpServers: servers({ remote: "http", local: "local" }, { tools: ["*"] }) });

/** Code review reads only the first 4,000 characters and follows no link: the commands and key rules are there. */
function instructions(sources: Sources, project: Project) {
  const title = `Copilot instructions for ${project.name}`;
  if (!hasHub(project)) return document(INSTRUCTIONS, title, "", sources.rules, project);
  const review = ["Commands", "Key rules"].map((heading) => rulesSection(sources.rules, heading)).join("\n\n");
  return document(INSTRUCTIONS, title, pointer("Copilot", project), review, project);
}

/** The Python rules, applied to every .py file. */
function pythonInstructions(sources: Sources, project: Project) {
  const checks = project.checks ?? "checked with ruff, mypy (strict) and pytest via uv";
  const entries = [
    ["applyTo", "**/*.py"],
    [
      "description",
      `Python code quality rules for this project: type hints, docstrings, specific exceptions, logging, tests; ${checks}.`,
    ],
  ] as const;
  return { path: PYTHON_RULES, contents: withFrontmatter(entries, linksFrom(sources.python, ".github/instructions")) };
}

/** The cloud agent reads no MCP file of the repository: its servers are JSON in the repository's settings. */
const cloudAgentSection = (): string => `
### The Copilot cloud agent

Before the agent starts, GitHub runs ${link(SETUP)}: it installs uv and go-task and runs \`task install\`, so the agent's \`task test\` and \`task lint\` work behind its firewall. The agent reads no MCP file of the repository: a repository administrator pastes its MCP servers into the repository's settings on GitHub (**Settings**, then **Copilot**, then the MCP configuration):

\`\`\`json
${cloudAgentMcp()}\`\`\`

A secret a server needs goes into the repository's \`copilot\` environment, under a name that starts with \`COPILOT_MCP_\`.
`;

/** Copilot's tool sets, and the servers GitHub provides itself: `x/*` for these is not an MCP server of the repository. */
const NOT_SERVERS = new Set("read search edit execute web agent todo vscode shell github playwright".split(" "));
const mcp: Kind["mcp"] = {
  server: (tool) => {
    const server = /^([^/]+)\/\*$/.exec(tool)?.[1];
    return server === undefined || NOT_SERVERS.has(server) ? undefined : server;
  },
  settings: [
    [".vscode/mcp.json", "servers"],
    [".mcp.json", "mcpServers"],
  ],
};
const AGENT_MATCH = /^\.github\/agents\/[^/]+\.agent\.md$/;
const PROMPT_MATCH = /^\.github\/prompts\/[^/]+\.prompt\.md$/;
/** The keys GitHub honours in the cloud agent's setup job. */
const SETUP_KEYS = ["steps", "permissions", "runs-on", "services", "snapshot", "timeout-minutes"];
const AGENT_KEYS =
  "description name tools model argument-hint target handoffs user-invocable disable-model-invocation agents mcp-servers metadata hooks";

export const target: Target<"copilot"> = {
  id: "copilot",
  label: "GitHub Copilot (VS Code, Copilot CLI, the cloud agent)",
  description: "the agent for every Copilot surface, /spec-… prompt files and skills, MCP for VS Code and the CLI",
  default: true,
  agent: { path: AGENT_FILE, forWhom: "GitHub Copilot" },
  start: "open it in VS Code and pick the Backend Engineer agent in Copilot Chat; start with /spec-context",
  about: {
    writes:
      "`.github/agents/backend-engineer.agent.md`, `.github/copilot-instructions.md`, `.github/instructions/python.instructions.md`, `.github/prompts/spec-*.prompt.md`, `.agents/skills/`, `.vscode/mcp.json`, `.mcp.json`, `.vscode/settings.json`",
    readBy:
      "Copilot in VS Code (agent picker, prompt files, skills), Copilot CLI (`copilot --agent backend-engineer`), the cloud agent (assign an issue, pick the agent), code review (the instructions)",
    provenBy: "Copilot CLI 1.0.102, the real client; VS Code, the cloud agent and code review by format only",
  },
  readme: [
    [
      "GitHub Copilot in VS Code",
      `**${AGENT.name}** in the Chat agent picker, ${link(AGENT_FILE)}`,
      "`/spec-…` prompt files and skills",
      "`.vscode/mcp.json`",
    ],
    ["Copilot CLI", `\`copilot --agent ${AGENT.slug}\``, "skills in `.agents/skills/`", "`.mcp.json`"],
    [
      "the Copilot cloud agent",
      "pick it when you assign an issue to Copilot",
      "skills in `.agents/skills/`",
      "the repository's settings on GitHub (below)",
    ],
  ],
  layout: [
    [AGENT_FILE, "the Backend Engineer, for every Copilot surface"],
    [".github/prompts/", "/spec-context, /spec-plan, /spec-tasks, /spec-implement (VS Code)"],
    [".vscode/", "mcp.json (MCP servers), settings.json (pytest, tasks run without asking)"],
    [".mcp.json", "MCP servers for Copilot CLI"],
  ],
  skills: { home: ".agents/skills", substitutes: false },
  drops: [],
  once: "**Copilot CLI**: trust the folder when it asks; it reads `.mcp.json` only in a trusted folder.",
  files: (sources, project) => [
    agentFile(sources.agent, sources.agentDescription),
    ...STEPS.map((s) => promptFile(s, stepText(sources.steps, s.name))),
    { path: ".vscode/mcp.json", contents: vscodeMcp() },
    ...(project.otherLanguage ? [] : [{ path: ".vscode/settings.json", contents: vscodeSettings() }]),
    { path: ".mcp.json", contents: rootMcp() },
  ],
  base: {
    rules: INSTRUCTIONS,
    files: (sources, project) =>
      [instructions(sources, project), pythonInstructions(sources, project)].slice(0, project.otherLanguage ? 1 : 2),
    layout: [
      [INSTRUCTIONS, "project instructions (Copilot reads them; the other files link here)"],
      [PYTHON_RULES, "Python rules, applied to **/*.py"],
    ],
  },
  readmeSection: cloudAgentSection,
  check: {
    folders: [".vscode"],
    kinds: [
      {
        label: "a Copilot custom agent",
        match: AGENT_MATCH,
        keys: AGENT_KEYS.split(" "),
        required: ["description"],
        mcp,
      },
      {
        label: "an instructions file",
        match: /^\.github\/instructions\/[^/]+\.instructions\.md$/,
        keys: ["applyTo", "description", "name", "excludeAgent"],
        mayBeEmpty: true,
      },
      {
        label: "a prompt file",
        match: PROMPT_MATCH,
        keys: ["description", "name", "argument-hint", "agent", "model", "tools"],
        mcp,
      },
    ],
    skillHomes: [".github/skills", ".agents/skills"],
    settings: [".vscode/settings.json", ".vscode/mcp.json", ".mcp.json"],
    setups: [{ path: SETUP, honoured: SETUP_KEYS, maxMinutes: 59, agent: "the cloud agent" }],
    rules: [/^\.github\/copilot-instructions\.md$/, AGENT_MATCH, PROMPT_MATCH],
    hubs: [INSTRUCTIONS],
  },
};
