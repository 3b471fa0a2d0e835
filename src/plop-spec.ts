/**
 * plop's spec:plan, spec:task, spec:context and spec:init: the same jobs as
 * the CLI's add and init, on the same core, so both routes write the same
 * files and refuse the same things. plop renders nothing of ours: its
 * HTML-escaping Handlebars never sees a title.
 */

import type { ActionType, NodePlopAPI, PromptQuestion } from "node-plop";
import { addSpecFile, checkTitle, planSlugs, SPEC_QUESTIONS } from "./commands/add.js";
import { initRepository } from "./commands/init.js";
import { type OwnerFacts, ownerAnswers } from "./commands/owner-project.js";
import type { CommandContext } from "./context.js";
import type { Route } from "./core/route.js";
import type { SpecKind } from "./core/spec-docs.js";
import type { FileSystem } from "./io/fs.js";
import { findRoot } from "./io/root.js";
import type { Answers } from "./options/table.js";
import { DEFAULT_TARGETS, normalizeTargets } from "./targets/table.js";

export interface PlopSetup {
  /** Where plop writes: the team's plopfile folder, or --dest. */
  dest: string;
  context(): Promise<CommandContext>;
  fs: FileSystem;
  /** plop's prompts from the question table: init's questions, defaults from what the repository says (as the CLI's). */
  prompts(command: "init", known: Partial<Answers>, owner: OwnerFacts): PromptQuestion[];
}

const title: PromptQuestion = {
  type: "input",
  name: "title",
  message: SPEC_QUESTIONS.title,
  validate: (value: string) => checkTitle(value) ?? true,
};

/** plop's question, right after the project's name, whether to write into a folder that holds other things. */
export const WRITE_INTO = "writeInto";

/** Messages name plop's command line and prompts, not the CLI's flags; the CLI only as the CLI. */
export const PLOP_ROUTE: Route = {
  titleExample: (kind) => `npx plop spec:${kind} "Export reports as CSV"`,
  addPlan: 'npx plop spec:plan "title"',
  planInput: `the prompt "${SPEC_QUESTIONS.plan}" (or after the title: npx plop spec:task "title" SLUG)`,
  intoOccupied: `say yes when plop asks "Write the preset into it?" (on plop's command line, --${WRITE_INTO} y after --)`,
  overClashes: "plop leaves them: npx create-spec-agent init asks about each at a terminal",
  overTaskfile: "npx create-spec-agent init --force replaces it",
  packageInput: 'the prompt "Python package"',
  licenseNotApplied: (license) => `the licence ${license} you chose is not applied`,
};

/**
 * The plans as a list, as the CLI offers them. Read as the plopfile loads (each `npx plop` loads it anew);
 * a plan given on plop's command line is taken as it is, so that an unknown one gets add's own message
 * (with the plans closest to it) rather than plop's "invalid choice". With no plan yet, the action says so.
 */
function planQuestion(plans: readonly string[]): PromptQuestion {
  // node-plop calls a prompt's own `bypass` for a value given on the command line; its types leave it out.
  const question = {
    type: "list" as const,
    name: "plan",
    message: SPEC_QUESTIONS.plan,
    choices: [...plans],
    when: plans.length > 0,
    bypass: (value: string) => value,
  };
  return question;
}

const DESCRIPTIONS: Readonly<Record<SpecKind, string>> = {
  plan: "spec/plan/<slug>.md: a feature plan from the repository's plan template",
  task: "spec/task/<NNN>-<slug>.md: a numbered task, linked to its plan and listed there",
  context: "spec/context/<slug>.md: a context note",
};

export function registerSpecGenerators(plop: NodePlopAPI, setup: PlopSetup): void {
  const root = (ctx: Pick<CommandContext, "fs">): string => findRoot(ctx.fs, setup.dest);
  for (const kind of ["plan", "task", "context"] as const) {
    const action: ActionType = async function addSpecDocument(answers: object) {
      const { title: given, plan } = answers as { title: string; plan?: string };
      const ctx = await setup.context();
      const path = await addSpecFile(ctx, {
        root: root(ctx),
        kind,
        title: given,
        plan,
        dryRun: false,
        prompter: undefined,
        route: PLOP_ROUTE,
      });
      return `${path}: written`;
    };
    const prompts =
      kind === "task" ? [title, planQuestion(planSlugs(setup.fs, findRoot(setup.fs, setup.dest)))] : [title];
    plop.setGenerator(`spec:${kind}`, { description: DESCRIPTIONS[kind], prompts, actions: [action] });
  }

  const initAction: ActionType = async function addSpecAgentPreset(answers: object) {
    const given = answers as Partial<Answers>;
    const ctx = await setup.context();
    const complete: Answers = {
      ...(given as Answers),
      // As the CLI's init: a project that exists gets no licence unless one is chosen.
      license: given.license ?? "none",
      agents: normalizeTargets(given.agents ?? DEFAULT_TARGETS),
      git: false,
      install: false,
    };
    await initRepository(ctx, {
      root: root(ctx),
      answers: complete,
      prompter: undefined,
      dryRun: false,
      force: false,
      route: PLOP_ROUTE,
    });
    return "the preset: added";
  };
  // The defaults the CLI's init offers: the project's names, and a Python its requires-python admits. plop's
  // --dest may name a folder that is not there yet (for spec-agent): no repository, nothing known.
  const at = root(setup);
  const { known, owner } = setup.fs.statSync(at, { throwIfNoEntry: false })?.isDirectory()
    ? ownerAnswers(setup.fs, at)
    : { known: {}, owner: {} };
  plop.setGenerator("spec:init", {
    description: "the preset added to this repository, keeping every line of yours (create-spec-agent init)",
    prompts: setup.prompts("init", known, owner),
    actions: [initAction],
  });
}
