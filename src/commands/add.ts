/**
 * The add command: a plan, a task or a context note in spec/, from the
 * repository's own template (or the preset's), with a safe file name, never
 * over an existing file. A task is numbered after the highest one, linked to
 * its plan, and listed in the plan's Tasks section.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { closestFirst, didYouMean } from "../core/closest.js";
import { UsageError, whyNotAsked } from "../core/errors.js";
import { toLf } from "../core/line-endings.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { checkOneLine, checkPathSegment } from "../core/names.js";
import { FILE_MODE, type PlannedFile } from "../core/planned-file.js";
import { quoted } from "../core/quote.js";
import { CLI_ROUTE, type Route } from "../core/route.js";
import { slugify } from "../core/slug.js";
import { fillTemplate, listTask, nextTaskNumber, planTitle, SPEC_KINDS, type SpecKind } from "../core/spec-docs.js";
import type { FileSystem } from "../io/fs.js";
import { findRoot, readIfFile, whereOf } from "../io/root.js";
import type { ParsedArgs } from "../options/parse.js";
import type { Prompter } from "../options/prompter.js";
import { runPipeline } from "../pipeline.js";
import { NO_DERIVED_TEXTS, templateContext } from "../templates/template.js";

const isKind = (value: string | undefined): value is SpecKind => SPEC_KINDS.includes(value as SpecKind);

/** The questions add asks, in this order, in the CLI at a terminal and in plop's spec generators alike. */
export const SPEC_QUESTIONS = { title: "Title", plan: "The plan this task implements" } as const;

export const checkTitle = (value: string): string | undefined =>
  checkOneLine("the title", value.trim(), { required: true });

export async function add(ctx: CommandContext, { positionals, values, switches }: ParsedArgs): Promise<void> {
  const [kind, ...words] = positionals;
  if (!isKind(kind)) {
    const meant = kind === undefined ? undefined : didYouMean(kind, SPEC_KINDS);
    throw new UsageError(
      `${kind === undefined ? "add needs what to add" : `cannot add ${quoted(kind)}`}: ${meant ? `did you mean add ${meant}? ` : ""}use add plan|task|context "title"`,
    );
  }
  if (kind !== "task" && values.plan.length > 0) throw new UsageError("--plan is for add task only: leave it out");
  const interactive = !switches.yes && !ctx.env.CI && ctx.isTerminal();
  const root = findRoot(ctx.fs, ctx.cwd);
  // Outside every repository (no .git up the tree), the current folder is taken only when it is a project or
  // has the preset: `add` run in the wrong folder (a home, /tmp) would otherwise leave a spec/ there.
  const marks = [".git", "spec", MANIFEST_PATH, "pyproject.toml", "package.json"];
  if (!marks.some((mark) => ctx.fs.lstatSync(join(root, mark), { throwIfNoEntry: false })))
    throw new UsageError(
      `${whereOf(ctx.cwd, root)} is in no repository (no .git, spec/, ${MANIFEST_PATH} or project file here or above): run add inside your repository, or add the preset to this folder first with create-spec-agent init`,
    );
  let plan = values.plan[0];
  let title = words.join(" ");
  const planNeeded = kind === "task" && plan === undefined;
  const plans = planNeeded ? planSlugs(ctx.fs, root) : [];
  if (planNeeded) {
    if (plans.length === 0)
      throw new UsageError(`there is no plan in spec/plan/ yet: add one first with ${CLI_ROUTE.addPlan}`);
    if (!interactive && title.trim() !== "")
      throw new UsageError(`add task needs --plan SLUG (${whyNotAsked(switches.yes)}): one of ${plans.join(", ")}`);
  }
  // In the order plop asks them: the title, then the plan from the list of plans.
  const prompter = interactive && (title.trim() === "" || planNeeded) ? await ctx.createPrompter() : undefined;
  if (prompter && title.trim() === "") title = await prompter.text(SPEC_QUESTIONS.title, undefined, checkTitle);
  if (planNeeded && prompter) {
    plan = await prompter.select(
      SPEC_QUESTIONS.plan,
      plans.map((slug) => ({ title: slug, value: slug })),
      0,
    );
  }
  await addSpecFile(ctx, {
    root,
    kind,
    title,
    plan,
    dryRun: switches["dry-run"],
    prompter: undefined,
  });
}

export interface AddJob {
  root: string;
  kind: SpecKind;
  title: string;
  /** For a task: the plan's slug (`export-csv`; `export-csv.md` and `spec/plan/export-csv.md` are taken too). */
  plan?: string | undefined;
  dryRun: boolean;
  prompter: Prompter | undefined;
  /** How the messages name the inputs: the CLI's unless given (plop's). */
  route?: Route;
}

/** The plans there are, by slug, sorted. */
export function planSlugs(fs: FileSystem, root: string): string[] {
  const folder = join(root, "spec/plan");
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".md") && name !== "README.md" && name !== "TEMPLATE.md")
    .map((name) => name.slice(0, -3))
    .sort();
}

/** The repository's own template, or the preset's when it has none. */
async function templateFor(ctx: CommandContext, root: string, kind: SpecKind): Promise<string> {
  const own = readIfFile(ctx.fs, join(root, `spec/${kind}/TEMPLATE.md`));
  if (own !== undefined) return toLf(own);
  const source = `spec/${kind}/TEMPLATE.md`;
  // The preset's templates are loaded only when the repository has none of its own.
  const { presetPacks } = await import("#preset");
  const preset = presetPacks(ctx.fs, ctx.templatesDir).default.find((t) => t.source === source);
  if (!preset) throw new UsageError(`the preset has no ${source}: add one to spec/${kind}/`);
  // The templates of spec files name no answer: any context renders them.
  const blank = { name: "", package: "", description: "", author: "", python: "", license: "none", agents: [] };
  return preset.render(templateContext(blank, ctx.version, NO_DERIVED_TEXTS));
}

/** Everything after the arguments: the CLI and plop's spec:plan, spec:task and spec:context come here. Returns the new file's path. */
export async function addSpecFile(ctx: CommandContext, job: AddJob): Promise<string> {
  const { root, kind, route = CLI_ROUTE } = job;
  const title = job.title.trim();
  const problem = checkTitle(title);
  if (problem) throw new UsageError(`${problem}: give a title, e.g. ${route.titleExample(kind)}`);
  const slug = slugify(title);
  if (slug === "")
    throw new UsageError(
      `the title ${quoted(title)} has no letter or digit to name a file with: give one in Latin letters`,
    );
  const files: PlannedFile[] = [];
  const merged = new Set<string>();
  let name = `${slug}.md`;
  let number: string | undefined;
  let plan: { slug: string; title: string; path: string; text: string } | undefined;
  if (kind === "task") {
    plan = findPlan(ctx, root, job.plan, route);
    const taskFolder = join(root, "spec/task");
    const existing = ctx.fs.statSync(taskFolder, { throwIfNoEntry: false }) ? ctx.fs.readdirSync(taskFolder) : [];
    number = nextTaskNumber(existing);
    name = `${number}-${slug}.md`;
  }
  const segment = checkPathSegment(name);
  if (segment) throw new UsageError(`the file name ${segment}: choose another title`);
  const path = `spec/${kind}/${name}`;
  if (ctx.fs.lstatSync(join(root, path), { throwIfNoEntry: false }))
    throw new UsageError(`${path} exists, and add never overwrites: choose another title, or edit that file`);
  const contents = fillTemplate(await templateFor(ctx, root, kind), { kind, title, number, plan });
  files.push({ path, contents, mode: FILE_MODE });
  if (plan && number) {
    files.push({ path: plan.path, contents: listTask(plan.text, { number, title, file: name }), mode: FILE_MODE });
    merged.add(plan.path);
  }
  await runPipeline(ctx, {
    root,
    where: whereOf(ctx.cwd, root),
    files,
    dryRun: job.dryRun,
    force: false,
    prompter: job.prompter,
    mode: { kind: "existing", merged, unmergeable: new Map() },
  });
  return path;
}

function findPlan(ctx: CommandContext, root: string, given: string | undefined, route: Route) {
  const plans = planSlugs(ctx.fs, root);
  if (plans.length === 0)
    throw new UsageError(`there is no plan in spec/plan/ yet: add one first with ${route.addPlan}`);
  if (given === undefined)
    throw new UsageError(`a task needs its plan (${route.planInput}): one of ${plans.join(", ")}`);
  const slug = given.replace(/^(?:\.\/)?spec\/plan\//, "").replace(/\.md$/, "");
  if (!plans.includes(slug)) {
    const known = `the plans are ${closestFirst(slug, plans).join(", ")}`;
    throw new UsageError(
      `there is no plan ${quoted(slug)} in spec/plan/ (${known}): give one of them to ${route.planInput}`,
    );
  }
  const path = `spec/plan/${slug}.md`;
  const raw = readIfFile(ctx.fs, join(root, path));
  // Read as LF text: the pipeline writes the plan back in its own line endings.
  const text = raw === undefined ? undefined : toLf(raw);
  if (text === undefined) throw new UsageError(`${path} is not UTF-8 text: add lists the task in it only when it is`);
  return { slug, title: planTitle(text, slug), path, text };
}
