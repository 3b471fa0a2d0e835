/** Templates rendered for a context: where each lands, and what it holds. */
import type { RenderedFile } from "../core/plan.js";
import { outputPath, type Template, type TemplateContext } from "./template.js";

export function renderTemplates(templates: readonly Template[], context: TemplateContext): RenderedFile[] {
  return templates.map((t) => ({ path: outputPath(t.source, context.package), contents: t.render(context) }));
}
