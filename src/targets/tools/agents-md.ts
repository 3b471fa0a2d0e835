/**
 * AGENTS.md: the rules for every coding agent, the hub the other tools' files
 * point to (or import) instead of repeating the rules.
 */
import { document, HUB } from "../docs.js";
import type { Target } from "../target.js";

export const target: Target<"agents-md"> = {
  id: "agents-md",
  label: "AGENTS.md (the rules for every coding agent)",
  description: "the rules in one file that most coding agents read; the other tools' files point to it",
  default: true,
  hub: true,
  start: "point your coding agent at AGENTS.md; start with spec/context/",
  about: {
    writes: "`AGENTS.md`, the hub that holds the rules once",
    readBy: "Copilot (VS Code and cloud), Codex, Cursor, Gemini CLI (its settings name it), and most other agents",
    provenBy: "Copilot CLI, Claude Code (through its import), Gemini CLI and Codex, the real clients",
  },
  readme: [["any other coding agent", `[${HUB}](${HUB})`, "", ""]],
  layout: [[HUB, "the rules for every coding agent, in one place"]],
  drops: ["AGENTS.md holds the rules, not the Backend Engineer: tools without subagents get the rules only"],
  files: (sources, project) => {
    const intro = `Instructions for coding agents (Copilot, Claude Code, Codex, Cursor, Gemini CLI and others) working on \`${project.name}\`.`;
    // A section's setup installs uv and go-task: none in another language's project.
    const sections = project.otherLanguage ? [] : project.tools.flatMap((t) => (t.hubSection ? [t.hubSection()] : []));
    const body = sections.length > 0 ? [sources.rules.trim(), ...sections].join("\n\n") : sources.rules;
    return [document(HUB, HUB, intro, body, project)];
  },
  check: { rules: [/^AGENTS\.md$/], hubs: [HUB] },
};
