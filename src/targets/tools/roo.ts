/**
 * Roo Code (archived in 2026; Zoo Code, its continuation, reads the same
 * files): a rule in `.roo/rules/` (pointing to AGENTS.md when there is one),
 * the Backend Engineer as a custom mode in `.roomodes`, the steps as skills in
 * `.roo/skills/`, and `.roo/mcp.json` (docs/targets.md; a VS Code extension,
 * no npm client: checked by format).
 */
import { AGENT, link } from "../agents.js";
import { document, hasHub, pointer } from "../docs.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";
import { PLAIN_REFERENCE, TOOL_REFERENCE } from "../tools.js";

const MODES = ".roomodes";
const RULE = ".roo/rules/project.md";
const MCP = ".roo/mcp.json";

/** `.roomodes` (JSON is one of the two forms Roo reads): the body is the mode's role, read from the root. */
function modes(body: string) {
  const mode = {
    slug: AGENT.slug,
    name: AGENT.name,
    description: AGENT.description,
    roleDefinition: body.replaceAll(TOOL_REFERENCE, PLAIN_REFERENCE),
    groups: ["read", "edit", "command", "mcp"],
  };
  return { path: MODES, contents: json({ customModes: [mode] }) };
}

export const target: Target<"roo"> = {
  id: "roo",
  label: "Roo Code (and Zoo Code)",
  description: "a rule in .roo/rules/, the Backend Engineer as a custom mode, the steps as skills, .roo/mcp.json",
  agent: { path: MODES, forWhom: "Roo Code (a custom mode)" },
  start:
    "open it in VS Code with Roo Code (or Zoo Code): the Backend Engineer mode and the spec-context skill are ready",
  about: {
    writes: "`.roo/rules/project.md`, `.roomodes` (the Backend Engineer as a mode), `.roo/skills/`, `.roo/mcp.json`",
    readBy: "Roo Code (archived) and Zoo Code, which reads the same files",
    provenBy: "format only (an editor extension)",
  },
  readme: [["Roo Code", `the **${AGENT.name}** mode, ${link(MODES)}`, "skills in `.roo/skills/`", `\`${MCP}\``]],
  layout: [
    [MODES, "the Backend Engineer as a Roo Code mode"],
    [".roo/", "rules/project.md, skills/, mcp.json"],
  ],
  skills: { home: ".roo/skills", substitutes: false },
  drops: ["a Roo Code mode takes tool groups, not tools: the mode has read, edit, command and mcp"],
  files: (sources, project) => {
    const rule = hasHub(project)
      ? document(RULE, project.name, pointer("Roo Code", project), "", project, target)
      : document(RULE, project.name, "", sources.rules, project, target);
    // Roo's remote servers are `streamable-http`.
    const servers = {
      context7: { type: "streamable-http", ...MCP_SERVERS.context7 },
      sequentialthinking: { ...MCP_SERVERS.sequentialthinking },
    };
    return [rule, modes(sources.agent), { path: MCP, contents: json({ mcpServers: servers }) }];
  },
  check: {
    folders: [".roo"],
    skillHomes: [".roo/skills"],
    settings: [MCP, MODES],
    rules: [/^\.roo\/rules(-[a-z0-9-]+)?\/[^/]+\.md$/],
  },
};
