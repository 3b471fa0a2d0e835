/**
 * Amp: it reads AGENTS.md as its instructions (choosing it writes the hub),
 * the steps as skills in `.agents/skills/`, and the MCP servers under
 * `amp.mcpServers` in `.amp/settings.json`; a project defines no subagents
 * there (docs/targets.md; its CLI needs Amp's servers for every turn: checked by format).
 */
import { json, MCP_SERVERS } from "../mcp.js";
import type { Target } from "../target.js";

const SETTINGS = ".amp/settings.json";

export const target: Target<"amp"> = {
  id: "amp",
  label: "Amp",
  description: "AGENTS.md (its instructions), the steps as skills, MCP servers in .amp/settings.json",
  readsHub: true,
  start: "run amp there: AGENTS.md and the spec-context skill are ready",
  about: {
    writes: "`.agents/skills/`, `.amp/settings.json` (MCP; Amp has no project subagents)",
    readBy: "Amp",
    provenBy: "format only (its CLI needs Amp's servers for every turn)",
  },
  readme: [["Amp", "[AGENTS.md](AGENTS.md) (no project subagents)", "skills in `.agents/skills/`", `\`${SETTINGS}\``]],
  layout: [[".amp/", "settings.json (MCP servers for Amp)"]],
  skills: { home: ".agents/skills", substitutes: false },
  drops: ["Amp has no project subagents: it gets the rules and the steps, not the Backend Engineer"],
  once: "**Amp**: approve the project's MCP servers when it asks (`amp mcp approve`): it starts them only then.",
  files: () => [{ path: SETTINGS, contents: json({ "amp.mcpServers": { ...MCP_SERVERS } }) }],
  check: { folders: [".amp"], skillHomes: [".agents/skills"], settings: [SETTINGS] },
};
