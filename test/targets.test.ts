/**
 * One agent, every AI tool: each target writes what its tool reads, from one
 * source. Every frontmatter parses as YAML with only the keys the tool knows,
 * every TOML file parses, the bodies do not drift between targets, links
 * resolve from the file they are in, and every MCP server an agent names is
 * configured for that tool.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { fencedLines } from "../src/core/check/markdown.js";
import type { PlannedFile } from "../src/core/planned-file.js";
import { realFileSystem } from "../src/io/fs.js";
import { packageRoot, templatesDir } from "../src/io/package-info.js";
import { linksToRoot } from "../src/targets/links.js";
import { renderPreset } from "../src/targets/preset.js";
import { STEPS } from "../src/targets/steps.js";
import {
  checkTargets,
  DEFAULT_TARGETS,
  TARGET_IDS,
  TARGETS,
  type TargetId,
  targetChoices,
} from "../src/targets/table.js";
import * as claude from "../src/targets/tools/claude.js";
import * as gemini from "../src/targets/tools/gemini.js";
import { PLAIN_REFERENCE, TOOL_REFERENCE, translateTools } from "../src/targets/tools.js";

const TOOL_REFERENCES = {
  copilot: TOOL_REFERENCE,
  claude: claude.REFERENCE,
  gemini: gemini.REFERENCE,
  plain: PLAIN_REFERENCE,
};
const NAMES = { claude, gemini };
const translated = (tool: "claude" | "gemini"): string[] =>
  translateTools(NAMES[tool].TOOL_NAMES, NAMES[tool].SKILL_TOOL);

import { presetPacks } from "../src/templates/preset.js";
import { templateContext } from "../src/templates/template.js";
import { DEFAULT_ANSWERS, HARD_ANSWERS } from "./support/answers.js";

const PACKS = presetPacks(realFileSystem, templatesDir);
/** The folders `generic` writes into, as its flags name them. */
const FOLDERS = { "rules-dir": ".myai/rules", "commands-dir": ".myai/commands" };
const plan = (agents: TargetId[], answers = DEFAULT_ANSWERS): Map<string, string> =>
  new Map(
    renderPreset(PACKS, { ...answers, ...FOLDERS, agents }, "1.0.0").map((f: PlannedFile) => [f.path, f.contents]),
  );
const ALL = [...TARGET_IDS];

/** Frontmatter keys each tool reads (formats.md); anything else is refused or ignored by the tool. */
const KEYS: Record<string, RegExp> = {
  ".github/agents/":
    /^(description|name|tools|model|argument-hint|target|handoffs|user-invocable|disable-model-invocation|agents|mcp-servers|metadata|hooks)$/,
  ".github/prompts/": /^(description|name|argument-hint|agent|model|tools)$/,
  ".github/instructions/": /^(applyTo|description|name|excludeAgent)$/,
  ".claude/agents/":
    /^(name|description|tools|disallowedTools|model|permissionMode|mcpServers|skills|color|hooks|memory|background|isolation)$/,
  "SKILL.md": /^(name|description|argument-hint|disable-model-invocation|allowed-tools)$/,
  ".cursor/rules/": /^(description|globs|alwaysApply)$/,
  ".cursor/agents/": /^(name|description|model|readonly)$/,
  ".gemini/agents/": /^(name|description|kind|tools|mcpServers|model|temperature|max_turns)$/,
  ".opencode/agents/": /^(description|mode|model|temperature|tools|permission|hidden|color|steps)$/,
  ".kilo/agents/": /^(description|mode|model|temperature|tools|permission|hidden|color|steps)$/,
  ".qwen/agents/": /^(name|description|tools|disallowedTools|model|approvalMode|maxTurns|color|mcpServers)$/,
  ".factory/droids/": /^(name|description|model|reasoningEffort|tools|mcpServers)$/,
  ".agents/agents/": /^(name|description|tools|model|mcpServers|skills)$/,
  ".augment/agents/": /^(name|description|model|color|tools)$/,
  ".devin/agents/": /^(name|description|model|allowed-tools)$/,
  ".goose/agents/": /^(name|description|model)$/,
  ".junie/agents/": /^(name|description|tools|disallowedTools|mcpServers|model|skills)$/,
  // generic, in the folder FOLDERS names: spec-kit's generic commands carry a description only.
  ".myai/commands/": /^(description)$/,
};

function frontmatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(text);
  return match ? { data: parseYaml(match[1] as string), body: match[2] as string } : undefined;
}

const folderOf = (path: string): string => posix.dirname(path);

const SETS: [string, TargetId[]][] = [["every tool", ALL], ...ALL.map((id): [string, TargetId[]] => [id, [id]])];

describe.each(SETS)("--agents %s", (_label, agents) => {
  const files = plan(agents);

  it("parses every frontmatter and TOML file, with only the keys each tool knows", () => {
    for (const [path, text] of files) {
      if (path.endsWith(".toml")) {
        expect(() => parseToml(text), path).not.toThrow();
        continue;
      }
      if (!/\.(md|mdc)$/.test(path) || !text.startsWith("---\n")) continue;
      const parsed = frontmatter(text);
      expect(parsed, path).toBeDefined();
      const rule = Object.entries(KEYS).find(([where]) => path.includes(where))?.[1];
      expect(rule, `${path} has frontmatter but no known format`).toBeDefined();
      for (const key of Object.keys(parsed?.data ?? {})) expect(key, path).toMatch(rule as RegExp);
    }
  });

  it("has every relative link resolve from the file it is in", () => {
    for (const [path, text] of files) {
      if (!/\.(md|mdc)$/.test(path)) continue;
      const body = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
      for (const [, target] of body.matchAll(/(?<!!)\[[^\]\n]*\]\(([^)\s#]+)[^)]*\)/g)) {
        if (/^[a-z]+:/.test(target as string)) continue;
        const resolved = posix.normalize(posix.join(folderOf(path), target as string));
        const exists =
          files.has(resolved) || [...files.keys()].some((p) => p.startsWith(`${resolved.replace(/\/$/, "")}/`));
        expect(exists, `${path} links to ${target}, which is not written`).toBe(true);
      }
    }
  });

  it("configures every MCP server that an agent names, for that tool, under the same names", () => {
    const servers = (path: string, key: string): string[] | undefined => {
      const text = files.get(path);
      return text === undefined ? undefined : Object.keys(JSON.parse(text)[key]).sort();
    };
    const names = ["context7", "sequentialthinking"];
    if (agents.includes("copilot")) {
      expect(servers(".vscode/mcp.json", "servers")).toEqual(names);
      expect(servers(".mcp.json", "mcpServers")).toEqual(names);
    }
    if (agents.includes("claude")) expect(servers(".mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("cursor")) expect(servers(".cursor/mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("gemini")) expect(servers(".gemini/settings.json", "mcpServers")).toEqual(names);
    if (agents.includes("opencode")) expect(servers("opencode.json", "mcp")).toEqual(names);
    if (agents.includes("kilo")) expect(servers("kilo.json", "mcp")).toEqual(names);
    if (agents.includes("qwen")) expect(servers(".qwen/settings.json", "mcpServers")).toEqual(names);
    if (agents.includes("droid")) expect(servers(".factory/mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("amp")) expect(servers(".amp/settings.json", "amp.mcpServers")).toEqual(names);
    if (agents.includes("auggie")) expect(servers(".augment/settings.json", "mcpServers")).toEqual(names);
    if (agents.includes("antigravity")) expect(servers(".agents/mcp_config.json", "mcpServers")).toEqual(names);
    if (agents.includes("kiro")) expect(servers(".kiro/settings/mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("junie")) expect(servers(".junie/mcp/mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("zed")) expect(servers(".zed/settings.json", "context_servers")).toEqual(names);
    if (agents.includes("windsurf")) expect(servers(".devin/mcp_config.json", "mcpServers")).toEqual(names);
    if (agents.includes("roo")) expect(servers(".roo/mcp.json", "mcpServers")).toEqual(names);
    if (agents.includes("codex"))
      expect(Object.keys(parseToml(files.get(".codex/config.toml") as string).mcp_servers as object).sort()).toEqual(
        names,
      );
  });

  it("keeps secrets out: no key, token or bearer header in any file", () => {
    for (const [path, text] of files) expect(text, path).not.toMatch(/Bearer |ctx7sk-|CONTEXT7_API_KEY":/);
  });
});

describe("one source", () => {
  const files = plan(ALL);
  const context = templateContext({ ...DEFAULT_ANSWERS, ...FOLDERS, agents: ALL }, "1.0.0", {
    aiLayout: "",
    aiTools: "",
    agentFile: "",
    aiIgnored: "",
    uvBuild: "",
  });
  const source = (name: string): string => PACKS.agents.find((t) => t.source === name)?.render(context) ?? "missing";

  it("gives every tool the same agent body: only its links' base and the tool's name for sequential thinking differ", () => {
    const expected = source("backend-engineer.md");
    const bodies: [string, string, keyof typeof TOOL_REFERENCES][] = [
      [".github/agents/backend-engineer.agent.md", "copilot", "copilot"],
      [".claude/agents/backend-engineer.md", "claude", "claude"],
      [".cursor/agents/backend-engineer.md", "cursor", "plain"],
      [".gemini/agents/backend-engineer.md", "gemini", "gemini"],
    ];
    for (const [path, , reference] of bodies) {
      const body = frontmatter(files.get(path) as string)?.body as string;
      // Each names the tool its own way (VS Code's `#tool:` form means nothing to the others).
      expect(body, path).toContain(`\`${TOOL_REFERENCES[reference]}\``);
      if (reference !== "copilot") expect(body, path).not.toContain(TOOL_REFERENCE);
      const back = linksToRoot(body, folderOf(path)).replaceAll(TOOL_REFERENCES[reference], TOOL_REFERENCE);
      expect(back, path).toBe(expected);
    }
    const codex = parseToml(files.get(".codex/agents/backend-engineer.toml") as string).developer_instructions;
    expect(String(codex).replaceAll(TOOL_REFERENCES.plain, TOOL_REFERENCE)).toBe(expected);
  });

  it("gives every tool the same steps: only the argument's form and the links' base differ", () => {
    for (const step of STEPS) {
      const expected = source(`steps/${step.name}.md`);
      const forms: [string, string][] = [
        [`.github/prompts/${step.name}.prompt.md`, `\${input:${step.input}:${step.placeholder}}`],
        [`.agents/skills/${step.name}/SKILL.md`, step.subject],
        [`.claude/skills/${step.name}/SKILL.md`, "$ARGUMENTS"],
      ];
      for (const [path, argument] of forms) {
        const body = frontmatter(files.get(path) as string)?.body as string;
        expect(linksToRoot(body, folderOf(path)).replaceAll(argument, "$ARGUMENTS"), path).toBe(expected);
      }
      const gemini = parseToml(files.get(`.gemini/commands/${step.name}.toml`) as string).prompt;
      expect(String(gemini).replaceAll("{{args}}", "$ARGUMENTS")).toBe(expected);
    }
  });

  it("holds the rules once, in AGENTS.md, when it is chosen; the other files point to it", () => {
    const all = source("rules.md");
    const rules = all.slice(all.indexOf("## Key rules"), all.indexOf("## Layout"));
    expect(rules).toContain("uv only, never pip");
    expect(files.get("AGENTS.md")).toContain(rules);
    for (const path of ["CLAUDE.md", ".cursor/rules/project.mdc"]) {
      expect(files.get(path), path).not.toContain("## Key rules");
    }
    expect(files.get("CLAUDE.md")).toMatch(/^@AGENTS\.md$/m);
    expect(JSON.parse(files.get(".gemini/settings.json") as string).context.fileName).toContain("AGENTS.md");
    expect(files.has("GEMINI.md")).toBe(false);
  });

  it("imports AGENTS.md into CLAUDE.md for Claude Code, hidden in a code fence from Copilot CLI, which reads both files", () => {
    const claudeMd = files.get("CLAUDE.md") as string;
    // The lines each client imports (both measured in e2e:clients): Copilot CLI 1.0.102 reads line by line and skips
    // fenced lines, HTML comments or not; Claude Code 2.1.332 drops HTML comments first, as GitHub's rendering does.
    const imports = (text: string) => {
      const fenced = fencedLines(text);
      return text.split("\n").filter((line, i) => /^@\S+\s*$/.test(line) && !fenced.has(i + 1));
    };
    expect(imports(claudeMd.replace(/<!--[\s\S]*?-->/g, ""))).toEqual(["@AGENTS.md"]);
    expect(imports(claudeMd)).toEqual([]);
    // After the import, the fence is closed: the rest of the file reads the same to both.
    expect(fencedLines(claudeMd, { closedOnly: true })).toEqual(fencedLines(claudeMd));
  });

  it("gives code review the commands and the key rules within the first 4,000 characters of copilot-instructions.md, as AGENTS.md has them", () => {
    const agentsMd = files.get("AGENTS.md") as string;
    const review = (files.get(".github/copilot-instructions.md") as string).slice(0, 4000);
    const section = (text: string, heading: string) => {
      const start = text.indexOf(`## ${heading}\n`);
      return text.slice(start, text.indexOf("\n## ", start + 1));
    };
    for (const heading of ["Commands", "Key rules"]) {
      expect(section(agentsMd, heading)).toContain("task");
      expect(review).toContain(section(agentsMd, heading));
    }
    expect(review).toContain("[AGENTS.md](../AGENTS.md)");
    expect(review).toMatch(/Specific exceptions.*Logging, not print/s);
  });

  it("writes the rules into each tool's own file when AGENTS.md is not chosen", () => {
    const alone = plan(["claude", "cursor", "gemini"]);
    expect(alone.has("AGENTS.md")).toBe(false);
    for (const path of ["CLAUDE.md", ".cursor/rules/project.mdc", "GEMINI.md", ".github/copilot-instructions.md"]) {
      expect(alone.get(path), path).toContain("## Key rules");
    }
    expect(alone.get("CLAUDE.md")).not.toMatch(/^@AGENTS\.md$/m);
  });

  it("writes AGENTS.md for codex, whose instructions file it is", () => {
    expect(plan(["codex"]).has("AGENTS.md")).toBe(true);
  });

  it("writes no .github/agents/ when only claude is chosen, and no prompt files", () => {
    const paths = [...plan(["claude"]).keys()];
    expect(paths.filter((p) => p.startsWith(".github/agents/") || p.startsWith(".github/prompts/"))).toEqual([]);
    expect(paths.filter((p) => p.startsWith(".agents/"))).toEqual([]);
  });

  it("puts each skill in one home per tool: .agents/skills for Copilot, Codex and Cursor, .claude/skills for Claude", () => {
    const paths = [...plan(["copilot", "codex", "cursor"]).keys()];
    expect(paths.filter((p) => p.includes("/skills/")).map((p) => p.split("/")[0])).toEqual(
      Array(STEPS.length).fill(".agents"),
    );
    expect(paths.some((p) => p.startsWith(".github/skills/"))).toBe(false);
  });

  it("gives the cloud agent's MCP servers in the README, each with its type and tools, the same servers as .mcp.json", () => {
    const files = plan(["copilot"]);
    const readme = files.get("README.md") as string;
    const block = /### The Copilot cloud agent[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const cloud = JSON.parse(block ?? "null") as { mcpServers: Record<string, Record<string, unknown>> };
    const root = JSON.parse(files.get(".mcp.json") as string) as { mcpServers: Record<string, unknown> };
    expect(Object.keys(cloud.mcpServers)).toEqual(Object.keys(root.mcpServers));
    for (const server of Object.values(cloud.mcpServers)) {
      expect(["local", "stdio", "http", "sse"]).toContain(server.type);
      expect(server.tools).toEqual(["*"]);
    }
    expect(readme).not.toMatch(/\.mcp\.json[^\n]*cloud agent|cloud agent[^\n]*\.mcp\.json/);
    expect(plan(["claude"]).get("README.md")).not.toContain("### The Copilot cloud agent");
  });

  it("carries what the user typed verbatim into every tool's files", () => {
    const hard = plan(ALL, HARD_ANSWERS);
    expect(parseToml(hard.get("pyproject.toml") as string)).toMatchObject({
      project: { description: HARD_ANSWERS.description },
    });
    expect(hard.get("AGENTS.md")).toContain(HARD_ANSWERS.description);
  });
});

describe("the --agents question", () => {
  it("lists the defaults first, then the other tools by name, each with its id, name and description", () => {
    const choices = targetChoices();
    expect(choices.map((c) => c.value).sort()).toEqual([...TARGET_IDS].sort());
    expect(choices.slice(0, DEFAULT_TARGETS.length).map((c) => c.value)).toEqual([...DEFAULT_TARGETS]);
    const rest = choices.slice(DEFAULT_TARGETS.length).map((c) => TARGETS.find((t) => t.id === c.value)?.label ?? "");
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    for (const choice of choices) {
      expect(choice.title).toMatch(new RegExp(`^${choice.value} +\\S`));
      expect(choice.description.length, choice.value).toBeGreaterThan(20);
      expect(choice.description, choice.value).not.toContain("\n");
    }
  });
});

describe("the generated README", () => {
  // What e2e:clients had to do before each client loaded the agent and the MCP servers.
  it("says what a user must do once in each tool: trust, accept the Gemini agent, approve Claude's servers", () => {
    const readme = plan(ALL).get("README.md") as string;
    expect(readme).toMatch(/\*\*Claude Code\*\*: approve the project's MCP servers/);
    expect(readme).toMatch(/\*\*Gemini CLI\*\*: trust the folder, and accept the project's agent/);
    expect(readme).toMatch(/\*\*Codex\*\*: trust the project/);
    expect(readme).toMatch(/\*\*Copilot CLI\*\*: trust the folder/);
    expect(plan(["agents-md"]).get("README.md")).not.toMatch(/Once per tool/);
  });
});

describe("the tool-name translation", () => {
  // What Claude Code 2.1.332 offers in a headless session, as `npm run e2e:clients` recorded it (the tools sent
  // with the request and the deferred ones its ToolSearch names). formats.md's Grep, Glob and Task* were not there,
  // and a subagent's list naming them lost them without a word.
  const CLAUDE_HEADLESS = new Set(
    [
      "Agent Bash Edit ListAgents Read ReportFindings ScheduleWakeup Skill ToolSearch Workflow Write",
      "CronCreate CronDelete CronList DesignSync EnterWorktree ExitWorktree Monitor NotebookEdit SendMessage",
      "TaskStop WebFetch WebSearch",
    ]
      .join(" ")
      .split(" "),
  );
  // What Gemini CLI 0.61 offers in a headless session with --approval-mode yolo (e2e:clients), as above.
  const GEMINI =
    /^(update_topic|list_directory|read_file|grep_search|glob|replace|write_file|web_fetch|run_shell_command|list_background_processes|read_background_output|google_web_search|write_todos|enter_plan_mode|invoke_agent|activate_skill)$|^mcp_[a-z0-9]+_\*$/;

  it("names only tools that exist in each tool", () => {
    for (const name of translated("claude"))
      expect(CLAUDE_HEADLESS.has(name) || /^mcp__[a-z0-9]+__\*$/.test(name), name).toBe(true);
    for (const name of translated("gemini")) expect(name).toMatch(GEMINI);
  });

  it("gives the Claude, Copilot and Gemini agents the tool that runs skills, so the subagent can run the spec steps", () => {
    expect(translated("claude")).toContain("Skill");
    expect(translated("gemini")).toContain("activate_skill");
    const copilot = frontmatter(plan(ALL).get(".github/agents/backend-engineer.agent.md") as string);
    expect(copilot?.data.tools).toContain("skill");
  });

  it("covers every tool of the seed, an MCP server as that server's tools", () => {
    expect(claude.TOOL_NAMES["context7/*"]).toEqual(["mcp__context7__*"]);
    expect(gemini.TOOL_NAMES["sequentialthinking/*"]).toEqual(["mcp_sequentialthinking_*"]);
  });

  const formats = join(packageRoot, "../shared/formats.md");
  it.skipIf(!existsSync(formats))(
    `agrees with formats.md where it names a tool${existsSync(formats) ? "" : " (skipped: ../shared/formats.md is not beside this checkout)"}`,
    () => {
      const text = readFileSync(formats, "utf8");
      for (const name of ["Read", "Edit", "Write", "Bash", "WebFetch", "Agent", "mcp__context7__*"]) {
        expect(text).toContain(name);
        expect(translated("claude")).toContain(name);
      }
      for (const name of ["read_file", "run_shell_command", "mcp_context7_*"]) {
        expect(text).toContain(name);
        expect(translated("gemini")).toContain(name);
      }
      expect(dirname(formats)).toBeTruthy();
    },
  );
});

describe("an AI tool --agents does not know (issue 27)", () => {
  it.each([
    ["Claude", " (did you mean claude?)"],
    ["cluade", " (did you mean claude?)"],
    ["AGENTS-MD", " (did you mean agents-md?)"],
    ["copiot", " (did you mean copilot?)"],
    ["all", ""],
  ])("%j is refused naming the tools%s", (value, hint) =>
    expect(checkTargets(["copilot", value])).toBe(
      `"${value}" is not an AI tool we write for${hint}: use copilot, agents-md, claude, cursor, gemini, codex, opencode, qwen, kilo, droid, cline, amp, auggie, antigravity, kiro, junie, goose, zed, windsurf, roo, generic`,
    ),
  );
});
