/** The preset rendered for a set of answers: the plan every command starts from. */

import { presetTemplates } from "#preset";
import type { ContentAnswers } from "../core/manifest.js";
import { planFiles } from "../core/plan.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "../io/fs.js";
import { outputPath, type Template, templateContext } from "./template.js";

export function renderTemplates(
  templates: readonly Template[],
  answers: ContentAnswers,
  generatorVersion: string,
): PlannedFile[] {
  const context = templateContext(answers, generatorVersion);
  const rendered = templates.map((t) => ({ path: outputPath(t.source, answers.package), contents: t.render(context) }));
  return planFiles(rendered, answers, generatorVersion, "default");
}

export async function planPreset(
  fs: FileSystem,
  templatesDir: string,
  answers: ContentAnswers,
  generatorVersion: string,
): Promise<PlannedFile[]> {
  return renderTemplates(await presetTemplates(fs, templatesDir), answers, generatorVersion);
}
