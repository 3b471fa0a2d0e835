/**
 * Zed: `.rules`, the first of the rules files it looks for (it reads one
 * only, and `.github/copilot-instructions.md`, always written, would come
 * before AGENTS.md), pointing to AGENTS.md when there is one; the steps as
 * skills in `.agents/skills/`; `.zed/settings.json` (docs/targets.md; an
 * editor, no npm client: checked by format).
 */
import { document, hasHub, pointer } from "../docs.js";
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";

const RULES = ".rules";
const SETTINGS = ".zed/settings.json";

export const target: Target<"zed"> = {
  id: "zed",
  label: "Zed",
  description: "a .rules file (Zed reads one rules file), the steps as skills, MCP servers in .zed/settings.json",
  start: "open it in Zed: its rules and the /spec-context skill are ready in the Agent Panel",
  about: {
    writes: "`.rules` (the one rules file Zed reads), `.agents/skills/`, `.zed/settings.json` (`context_servers`)",
    readBy: "Zed",
    provenBy: "format only (an editor)",
  },
  readme: [["Zed", "`.rules` (no project subagents)", "skills in `.agents/skills/`", `\`${SETTINGS}\``]],
  layout: [
    [RULES, "the rules file Zed reads"],
    [".zed/", "settings.json (MCP servers as context_servers)"],
  ],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Zed has no project subagents: it gets the rules and the steps, not the Backend Engineer"],
  files: (sources, project) => {
    const rules = hasHub(project)
      ? document(RULES, project.name, pointer("Zed", project), "", project, target)
      : document(RULES, project.name, "", sources.rules, project, target);
    // A context server is a command or a url, with no type.
    const settings = { context_servers: { ...MCP_SERVERS } };
    return [rules, { path: SETTINGS, contents: json(settings) }];
  },
  check: { folders: [".zed"], settings: [SETTINGS], rules: [/^\.rules$/], hubs: [RULES] },
};
