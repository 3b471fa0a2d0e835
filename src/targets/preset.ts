/**
 * The preset for a set of answers: the files written as they are, and every
 * chosen AI tool's files, made from the one source (templates/agents) by the
 * target table. Pure once the templates are loaded; the plan every command starts from.
 */

import { type PresetPacks, presetPacks } from "#preset";
import { uvBuildRequirement } from "../core/build-backend.js";
import { folderPath, folderProblem } from "../core/confine.js";
import { GenerateError, UsageError } from "../core/errors.js";
import type { ContentAnswers, PackRecord } from "../core/manifest.js";
import { planFiles, type RenderedFile } from "../core/plan.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileSystem } from "../io/fs.js";
import { renderTemplates } from "../templates/render.js";
import { type TemplateContext, templateContext } from "../templates/template.js";
import { agentDescription } from "./agents.js";
import { HUB } from "./docs.js";
import { NO_OWNER, type OwnerProject } from "./owner-texts.js";
import { aiToolsSection, layoutBlock, primaryAgentFile } from "./readme.js";
import { STEPS, skillFile } from "./steps.js";
import { chosenTargets, normalizeTargets, TARGETS } from "./table.js";
import type { Project, Sources, Target } from "./target.js";

/** Every chosen tool's files; a file two tools share (`.mcp.json`, a skill home) is written once. */
function targetFiles(sources: Sources, project: Project): RenderedFile[] {
  const chosen = project.tools;
  const homes = new Map(chosen.flatMap((t) => (t.skills ? [[t.skills.home, t.skills.substitutes] as const] : [])));
  const files = [
    ...TARGETS.flatMap((t) => t.base?.files(sources, project) ?? []),
    ...chosen.flatMap((t) => t.files(sources, project)),
    ...[...homes].flatMap(([home, substitutes]) =>
      STEPS.map((step) => skillFile(step, sources.steps.get(step.name) as string, home, substitutes)),
    ),
  ];
  const byPath = new Map<string, RenderedFile>();
  for (const file of files) {
    const earlier = byPath.get(file.path);
    if (earlier && earlier.contents !== file.contents)
      throw new GenerateError(`two AI tools would write ${file.path} differently`);
    byPath.set(file.path, file);
  }
  return [...byPath.values()];
}

/** The LICENSE text the answer names; none for `none`. */
function licenseFile(packs: PresetPacks, context: TemplateContext): RenderedFile[] {
  if (context.license === "none") return [];
  const text = packs.licenses.find((t) => t.source === context.license);
  if (!text) throw new GenerateError(`templates/licenses/${context.license} is missing`);
  return [{ path: "LICENSE", contents: text.render(context) }];
}

/** A team's packs over the preset: their files, rendered from our context plus their answers, and their record. */
export interface TeamLayer {
  render(context: TemplateContext): RenderedFile[];
  records: readonly PackRecord[];
}

/** `uvBuild` is the `[build-system]` requirement (core/build-backend.ts): the default unless a uv was asked. */
export function renderPreset(
  packs: PresetPacks,
  given: ContentAnswers,
  generatorVersion: string,
  uvBuild: string = uvBuildRequirement(undefined),
  team?: TeamLayer,
  owner?: OwnerProject,
): PlannedFile[] {
  const answers = { ...given, agents: normalizeTargets(given.agents) };
  const chosen = chosenTargets(answers.agents);
  const base = TARGETS.flatMap((t) => (t.base ? [t.base] : []));
  const project: Project = {
    name: answers.name,
    tools: chosen,
    rulesFile: chosen.some((t) => t.hub === true) ? HUB : (base[0]?.rules ?? HUB),
    ...(owner ? { checks: owner.checks, mustPass: owner.mustPass } : {}),
    ...(owner?.texts.otherLanguage ? { otherLanguage: true } : {}),
    ...projectFolders(answers, chosen),
  };
  const context = templateContext(answers, generatorVersion, {
    aiLayout: layoutBlock(
      [...base.flatMap((b) => b.layout), ...chosen.flatMap((t) => t.layout)],
      chosen,
      project.otherLanguage !== true,
    ),
    aiTools: aiToolsSection(chosen, project),
    agentFile: primaryAgentFile(project),
    // Every tool's, not only the chosen ones': a teammate may use another.
    aiIgnored: TARGETS.flatMap((t) => t.ignored ?? []).join("\n"),
    uvBuild,
    ...(owner?.texts ?? NO_OWNER),
  });
  const rendered = new Map(packs.agents.map((t) => [t.source, t.render(context)]));
  const source = (name: string): string => {
    const text = rendered.get(name);
    if (text === undefined) throw new GenerateError(`templates/agents/${name} is missing`);
    return text;
  };
  const sources: Sources = {
    agent: source("backend-engineer.md"),
    agentDescription: agentDescription(project.otherLanguage !== true),
    rules: source("rules.md"),
    python: source("python.md"),
    steps: new Map(STEPS.map((step) => [step.name, source(`steps/${step.name}.md`)])),
  };
  const ours = [
    ...renderTemplates(packs.default, context),
    ...licenseFile(packs, context),
    ...targetFiles(sources, project),
  ];
  if (!team) return planFiles(ours, answers, generatorVersion, "default", [], uvBuild);
  // A pack's file at one of our paths replaces ours; the others are added.
  const byPath = new Map(ours.map((file) => [file.path, file]));
  for (const file of team.render(context)) byPath.set(file.path, file);
  return planFiles([...byPath.values()], answers, generatorVersion, "default", team.records, uvBuild);
}

export function planPreset(
  fs: FileSystem,
  templatesDir: string,
  answers: ContentAnswers,
  generatorVersion: string,
  uvBuild?: string,
  team?: TeamLayer,
  owner?: OwnerProject,
): PlannedFile[] {
  return renderPreset(presetPacks(fs, templatesDir), answers, generatorVersion, uvBuild, team, owner);
}

/** The folders a chosen tool writes into, checked again here: every way in (flag, prompt, record) must have given them. */
function projectFolders(answers: ContentAnswers, chosen: readonly Target[]): Pick<Project, "folders"> {
  const needs = chosen.find((t) => t.folders === true);
  if (needs === undefined) return {};
  const rules = answers["rules-dir"];
  const commands = answers["commands-dir"];
  for (const [flag, value] of [
    ["rules-dir", rules],
    ["commands-dir", commands],
  ] as const) {
    const problem = value === undefined ? "is missing" : folderProblem(value);
    if (problem)
      throw new UsageError(
        `--${flag} ${problem}: --agents ${needs.id} writes into the folders you name (create, init and update take --${flag} DIR)`,
      );
  }
  return { folders: { rules: folderPath(rules as string), commands: folderPath(commands as string) } };
}
