/**
 * The builder of the tools of one shape (src/targets/hub-reader.ts): a new tool that reads AGENTS.md, one Markdown
 * agent, skills and one MCP JSON is a few lines of data, and gets its files, its lines and what check knows of it.
 * The tools built so are checked with the others (targets.test.ts, plan snapshots, e2e:clients).
 */
import { describe, expect, it } from "vitest";
import { hubReader } from "../src/targets/hub-reader.js";
import { json } from "../src/targets/mcp.js";
import type { Project, Sources } from "../src/targets/target.js";
import { PLAIN_REFERENCE, TOOL_REFERENCE } from "../src/targets/tools.js";

const tool = hubReader({
  id: "newtool",
  label: "New Tool (its IDE)",
  forWhom: "New Tool",
  hub: "its instructions",
  agent: {
    path: ".newtool/agents/backend-engineer.md",
    called: "subagent",
    reference: PLAIN_REFERENCE,
    kind: { label: "a New Tool subagent", keys: ["name", "description"], required: ["name"] },
  },
  skills: ".newtool/skills",
  mcp: { path: ".newtool/mcp.json", contents: () => json({ mcpServers: {} }) },
  start: "open it in New Tool",
  about: { readBy: "New Tool", provenBy: "format only" },
  layout: [[".newtool/", "agents/backend-engineer.md, skills/, mcp.json"]],
  drops: ["New Tool subagents get no tool list here"],
  check: { folders: [".newtool"], skillHomes: [".newtool/skills"], rules: [/^\.newtool\/rules\/[^/]+\.md$/] },
});

const sources: Sources = {
  agent: `Think with ${TOOL_REFERENCE}; see [the plans](spec/plan/README.md).\n`,
  agentDescription: "ignored",
  rules: "",
  python: "",
  steps: new Map(),
};
const project: Project = { name: "svc", tools: [], rulesFile: "AGENTS.md" };

describe("hubReader", () => {
  it("writes the agent with its frontmatter, its reference and links from its folder, then the MCP file", () => {
    const [agent, mcp] = tool.files(sources, project);
    expect(agent?.path).toBe(".newtool/agents/backend-engineer.md");
    expect(agent?.contents).toMatch(/^---\nname: backend-engineer\ndescription: '?Principal-level /);
    expect(agent?.contents).toContain(`Think with ${PLAIN_REFERENCE}; see [the plans](../../spec/plan/README.md).`);
    expect(mcp).toEqual({ path: ".newtool/mcp.json", contents: '{\n  "mcpServers": {}\n}\n' });
  });

  it("words its lines from the data", () => {
    expect(tool.description).toBe(
      "AGENTS.md (its instructions), the backend-engineer subagent, the steps as skills, .newtool/mcp.json",
    );
    expect(tool.start).toBe("open it in New Tool: the backend-engineer subagent and the spec-context skill are ready");
    expect(tool.readme).toEqual([
      [
        "New Tool (its IDE)",
        "the `backend-engineer` subagent, [.newtool/agents/backend-engineer.md](.newtool/agents/backend-engineer.md)",
        "skills in `.newtool/skills/`",
        "`.newtool/mcp.json`",
      ],
    ]);
    expect(tool.about.writes).toBe("`.newtool/agents/backend-engineer.md`, `.newtool/skills/`, `.newtool/mcp.json`");
    expect(tool).toMatchObject({ readsHub: true, skills: { home: ".newtool/skills", substitutes: false } });
  });

  it("tells check its agents (any name beside ours, no deeper), its rules and its settings", () => {
    const [kind] = tool.check.kinds ?? [];
    expect(kind?.match.test(".newtool/agents/reviewer.md")).toBe(true);
    expect(kind?.match.test(".newtool/agents/a/reviewer.md")).toBe(false);
    expect(kind?.match.test("xnewtool/agents/reviewer.md")).toBe(false);
    expect(tool.check.rules?.map((rule) => rule.test(".newtool/rules/x.md"))).toEqual([true, false]);
    expect(tool.check.rules?.[1]).toBe(kind?.match);
    expect(tool.check.settings).toEqual([".newtool/mcp.json"]);
  });
});
