/**
 * The Backend Engineer in each tool's subagent format. The body is the seed's,
 * rendered once; what changes per tool is the frontmatter, the tool names,
 * how the body names the sequential-thinking tool, and its links' base.
 */
import type { RenderedFile } from "../core/plan.js";
import { tomlMultiline, tomlString } from "../core/quote.js";
import { withFrontmatter } from "./frontmatter.js";
import { linksFrom } from "./links.js";
import { COPILOT_ALIASES, SEED_TOOLS, SKILL_TOOL, TOOL_REFERENCE, TOOL_REFERENCES, translateTools } from "./tools.js";

/** The seed's own frontmatter values. */
export const AGENT = {
  name: "Backend Engineer",
  slug: "backend-engineer",
  description:
    "Principal-level Python backend engineer focused on spec-driven development, delivering pragmatic, high-quality CLI applications with exceptional code standards.",
} as const;

export const AGENT_FILES = {
  copilot: `.github/agents/${AGENT.slug}.agent.md`,
  claude: `.claude/agents/${AGENT.slug}.md`,
  cursor: `.cursor/agents/${AGENT.slug}.md`,
  gemini: `.gemini/agents/${AGENT.slug}.md`,
  codex: `.codex/agents/${AGENT.slug}.toml`,
} as const;

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf("/"));
const bodyFor = (body: string, path: string, reference: keyof typeof TOOL_REFERENCES): string =>
  linksFrom(body.replaceAll(TOOL_REFERENCE, TOOL_REFERENCES[reference]), folderOf(path));

export function copilotAgent(body: string): RenderedFile {
  const path = AGENT_FILES.copilot;
  const entries = [
    ["description", AGENT.description],
    ["name", AGENT.name],
    ["tools", [...SEED_TOOLS, ...COPILOT_ALIASES, SKILL_TOOL.copilot]],
  ] as const;
  return { path, contents: withFrontmatter(entries, bodyFor(body, path, "copilot")) };
}

export function claudeAgent(body: string): RenderedFile {
  const path = AGENT_FILES.claude;
  const entries = [
    ["name", AGENT.slug],
    ["description", AGENT.description],
    // Claude's `tools` is a comma-separated string.
    ["tools", translateTools("claude").join(", ")],
  ] as const;
  return { path, contents: withFrontmatter(entries, bodyFor(body, path, "claude")) };
}

export function cursorAgent(body: string): RenderedFile {
  const path = AGENT_FILES.cursor;
  const entries = [
    ["name", AGENT.slug],
    ["description", AGENT.description],
  ] as const;
  return { path, contents: withFrontmatter(entries, bodyFor(body, path, "plain")) };
}

export function geminiAgent(body: string): RenderedFile {
  const path = AGENT_FILES.gemini;
  const entries = [
    ["name", AGENT.slug],
    ["description", AGENT.description],
    ["tools", translateTools("gemini")],
  ] as const;
  return { path, contents: withFrontmatter(entries, bodyFor(body, path, "gemini")) };
}

/** Codex keeps the body as `developer_instructions`, read from the root: its links stay as the source writes them. */
export function codexAgent(body: string): RenderedFile {
  const instructions = body.replaceAll(TOOL_REFERENCE, TOOL_REFERENCES.plain);
  const contents = [
    `name = ${tomlString(AGENT.slug)}`,
    `description = ${tomlString(AGENT.description)}`,
    `developer_instructions = ${tomlMultiline(instructions)}`,
    "",
  ].join("\n");
  return { path: AGENT_FILES.codex, contents };
}
