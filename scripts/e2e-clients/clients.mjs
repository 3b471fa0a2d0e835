// The AI clients that scripts/e2e-clients.mjs runs: one row each, as src/targets has one row per AI tool. A row
// says how to point the client at the stand-in model server, how to run it headless, which of our files it should
// load in a repository, and how to read what it loaded from the request it sent.

/** The subagent's task names this, so the stand-in tells the subagent's requests from the main session's. */
export const SUBAGENT = "E2E-SUBAGENT";

const parsed = (request) => {
  try {
    return JSON.parse(request.body);
  } catch {
    return {};
  }
};

/** A YAML frontmatter whose description's quote is never closed: no parser can read it. */
const unclosedQuote = (text) => text.replace(/^description: '(.*)'$/m, "description: '$1");

const frontmatterList = (text, key) => {
  const value = new RegExp(`^${key}: (.*)$`, "m").exec(text.split("\n---\n")[0] ?? "")?.[1] ?? "";
  return value
    .replace(/^'|'$/g, "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
};

export const CLIENTS = [
  {
    id: "claude",
    package: "@anthropic-ai/claude-code",
    bin: "claude",
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
];
