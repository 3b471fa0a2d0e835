/**
 * Generic, as spec-kit's `--integration generic`: for a tool we do not know, the user names the folder it reads
 * rules from (`--rules-dir`) and the one it reads commands from (`--commands-dir`, spec-kit's option); we write
 * the rules there (a pointer to AGENTS.md when that is chosen) and the four steps as Markdown commands, one file
 * a step with a `description` and `$ARGUMENTS` where the user's words go (spec-kit's generic format).
 */
import { document, hasHub, pointer } from "../docs.js";
import { withFrontmatter } from "../frontmatter.js";
import { linksFrom } from "../links.js";
import { STEPS, stepText } from "../steps.js";
import type { Project, Target } from "../target.js";

/** The folders, which every way in (flag, prompt, record) has checked before a plan is made (preset.ts). */
const foldersOf = (project: Project): { rules: string; commands: string } =>
  project.folders ?? { rules: ".", commands: "." };

export const target: Target<"generic"> = {
  id: "generic",
  label: "Generic (your tool's folders, as spec-kit's)",
  description: "the rules and the four steps as Markdown commands, in the folders you name",
  folders: true,
  about: {
    writes: "`<--rules-dir>/rules.md`, `<--commands-dir>/spec-*.md` (the four steps, `$ARGUMENTS`)",
    readBy: "any tool that reads rules and Markdown commands from folders you name (spec-kit's generic)",
    provenBy: "format: spec-kit's generic integration (no client of its own)",
  },
  readme: [
    [
      "your tool (generic)",
      "the rules in the folder you named",
      "Markdown commands in the folder you named",
      "your tool's own settings",
    ],
  ],
  layout: [],
  drops: ["no agent file, no skills and no MCP settings are written: those are your tool's own"],
  files: (sources, project) => {
    const { rules, commands } = foldersOf(project);
    const rulesFile = `${rules}/rules.md`;
    const rulesDoc = hasHub(project)
      ? document(rulesFile, project.name, pointer("your tool", project), "", project, target)
      : document(rulesFile, project.name, "", sources.rules, project, target);
    const steps = STEPS.map((step) => ({
      path: `${commands}/${step.name}.md`,
      contents: withFrontmatter(
        [["description", step.description]] as const,
        linksFrom(stepText(sources.steps, step.name), commands),
      ),
    }));
    return [rulesDoc, ...steps];
  },
  check: {},
};
