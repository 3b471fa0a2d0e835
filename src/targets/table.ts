/**
 * The target table, one row per AI tool (as create-vite's FRAMEWORKS is one
 * row per framework): the files it writes, where they sit in the layout, how
 * the generated README tells a user to reach the agent, and what the tool
 * cannot take of the agent. Everything per tool is here; the rest is shared.
 */
import type { RenderedFile } from "../core/plan.js";
import type { TargetId } from "../core/targets.js";
import { AGENT, AGENT_FILES, claudeAgent, codexAgent, copilotAgent, cursorAgent, geminiAgent } from "./agents.js";
import { agentsMd, claudeMd, cursorRules, geminiMd, hasHub, type Project, type Sources } from "./docs.js";
import { codexConfig, cursorMcp, geminiMcp, rootMcp, vscodeMcp, vscodeSettings } from "./mcp.js";
import { claudeSettings } from "./permissions.js";
import { geminiCommand, promptFile, STEPS } from "./steps.js";
import { untranslatedTools } from "./tools.js";

export interface Target {
  id: TargetId;
  label: string;
  /** Rows of the generated README's table: tool, the agent, the steps, MCP settings. */
  readme: readonly (readonly [string, string, string, string])[];
  /** [path, what it is], for the layout blocks. */
  layout: readonly (readonly [string, string])[];
  /** Where this tool reads skills, if it does; one home serves every tool that shares it. */
  skills?: { home: string; substitutes: boolean };
  /** What the tool cannot take of the agent: said by --dry-run and the summary. */
  drops: readonly string[];
  /** The next step printed after a create, for the first chosen tool that has one. */
  start?: string;
  /** What a user must do once in this tool before it loads what we wrote (measured by `npm run e2e:clients`). */
  once?: string;
  files(sources: Sources, project: Project): RenderedFile[];
}

const step = (sources: Sources, name: string): string => sources.steps.get(name) as string;
const link = (path: string): string => `[${path}](${path})`;

export const TARGETS: readonly Target[] = [
  {
    id: "copilot",
    start: "open it in VS Code and pick the Backend Engineer agent in Copilot Chat; start with /spec-context",
    label: "GitHub Copilot (VS Code, Copilot CLI, the cloud agent)",
    readme: [
      [
        "GitHub Copilot in VS Code",
        `**${AGENT.name}** in the Chat agent picker, ${link(AGENT_FILES.copilot)}`,
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
      [".github/agents/backend-engineer.agent.md", "the Backend Engineer, for every Copilot surface"],
      [".github/prompts/", "/spec-context, /spec-plan, /spec-tasks, /spec-implement (VS Code)"],
      [".vscode/", "mcp.json (MCP servers), settings.json (pytest, tasks run without asking)"],
      [".mcp.json", "MCP servers for Copilot CLI"],
    ],
    skills: { home: ".agents/skills", substitutes: false },
    drops: [],
    once: "**Copilot CLI**: trust the folder when it asks; it reads `.mcp.json` only in a trusted folder.",
    files: (sources) => [
      copilotAgent(sources.agent),
      ...STEPS.map((s) => promptFile(s, step(sources, s.name), AGENT.name)),
      { path: ".vscode/mcp.json", contents: vscodeMcp() },
      { path: ".vscode/settings.json", contents: vscodeSettings() },
      { path: ".mcp.json", contents: rootMcp() },
    ],
  },
  {
    id: "agents-md",
    start: "point your coding agent at AGENTS.md; start with spec/context/",
    label: "AGENTS.md (the rules for every coding agent)",
    readme: [["any other coding agent", link("AGENTS.md"), "", ""]],
    layout: [["AGENTS.md", "the rules for every coding agent, in one place"]],
    drops: ["AGENTS.md holds the rules, not the Backend Engineer: tools without subagents get the rules only"],
    files: (sources, project) => [agentsMd(sources, project)],
  },
  {
    id: "claude",
    start: "run claude there: the backend-engineer subagent and /spec-context are ready",
    label: "Claude Code",
    readme: [
      [
        "Claude Code",
        `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILES.claude)}`,
        "skills in `.claude/skills/`",
        "`.mcp.json`",
      ],
    ],
    layout: [
      ["CLAUDE.md", "Claude Code's instructions (imports AGENTS.md when there is one)"],
      [".claude/", "agents/backend-engineer.md, skills/ (the four steps), settings.json (permissions, web setup)"],
      [".mcp.json", "MCP servers for Claude Code"],
    ],
    skills: { home: ".claude/skills", substitutes: true },
    once: "**Claude Code**: approve the project's MCP servers (`.mcp.json`) when it asks on first start (`claude mcp list` shows them pending until then).",
    drops: [`tools with no Claude Code equivalent: ${untranslatedTools("claude").join(", ")}`],
    files: (sources, project) => [
      claudeMd(sources, project),
      claudeAgent(sources.agent),
      { path: ".mcp.json", contents: rootMcp() },
      { path: ".claude/settings.json", contents: claudeSettings() },
    ],
  },
  {
    id: "cursor",
    start: "open it in Cursor: its rules, the backend-engineer subagent and the /spec-context skill are ready",
    label: "Cursor",
    readme: [
      [
        "Cursor",
        `rules in \`.cursor/rules/\`, the \`${AGENT.slug}\` subagent`,
        "skills in `.agents/skills/`",
        "`.cursor/mcp.json`",
      ],
    ],
    layout: [[".cursor/", "rules/ (project, python), agents/backend-engineer.md, mcp.json"]],
    skills: { home: ".agents/skills", substitutes: false },
    drops: ["Cursor subagents take no tool list: the agent has Cursor's own tools"],
    files: (sources, project) => [
      ...cursorRules(sources, project),
      cursorAgent(sources.agent),
      { path: ".cursor/mcp.json", contents: cursorMcp() },
    ],
  },
  {
    id: "gemini",
    start: "run gemini there: the backend-engineer subagent and /spec-context are ready",
    label: "Gemini CLI",
    readme: [
      [
        "Gemini CLI",
        `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILES.gemini)}`,
        "`/spec-…` commands in `.gemini/commands/`",
        "`.gemini/settings.json`",
      ],
    ],
    layout: [[".gemini/", "settings.json (context files, MCP), agents/backend-engineer.md, commands/"]],
    drops: [`tools with no Gemini CLI equivalent: ${untranslatedTools("gemini").join(", ")}`],
    once: `**Gemini CLI**: trust the folder, and accept the project's agent when it asks: it loads \`${AGENT.slug}\` only once you have, and asks again after every change to ${link(AGENT_FILES.gemini)} (\`update\` included), since it accepts the file by its hash.`,
    files: (sources, project) => {
      const settings = {
        ...(hasHub(project) ? { context: { fileName: ["AGENTS.md", "GEMINI.md"] } } : {}),
        mcpServers: geminiMcp(),
      };
      return [
        ...(hasHub(project) ? [] : [geminiMd(sources, project)]),
        { path: ".gemini/settings.json", contents: `${JSON.stringify(settings, null, 2)}\n` },
        geminiAgent(sources.agent),
        ...STEPS.map((s) => geminiCommand(s, step(sources, s.name))),
      ];
    },
  },
  {
    id: "codex",
    start:
      "run codex there (trust the project to load its MCP servers): the backend-engineer subagent and $spec-context are ready",
    label: "Codex",
    readme: [
      [
        "Codex",
        `the \`${AGENT.slug}\` subagent, ${link(AGENT_FILES.codex)}`,
        "skills in `.agents/skills/`",
        "`.codex/config.toml` (trusted projects)",
      ],
    ],
    layout: [[".codex/", "agents/backend-engineer.toml, config.toml (MCP servers)"]],
    skills: { home: ".agents/skills", substitutes: false },
    drops: ["Codex subagents take no tool list: the agent has Codex's own tools"],
    once: "**Codex**: trust the project when it asks on first start: only then does it read `.codex/agents/` (the agent) and `.codex/config.toml` (the MCP servers).",
    files: (sources) => [codexAgent(sources.agent), { path: ".codex/config.toml", contents: codexConfig() }],
  },
];

/** The chosen rows of the table, in its order. */
export const chosenTargets = (targets: readonly TargetId[]): Target[] => TARGETS.filter((t) => targets.includes(t.id));

/** What the chosen tools cannot take, one line each, for --dry-run and the summary. */
export function targetNotes(targets: readonly TargetId[]): string[] {
  return chosenTargets(targets).flatMap((t) => t.drops.map((drop) => `${t.id}: ${drop}`));
}
