/**
 * The package's `main`: a plopfile, so a team's own plopfile can
 * `await plop.load("create-spec-agent")` and run our generators in `npx plop`.
 * With cli.ts, the only entry point: it builds the run context from the
 * process, and the generators run the same commands as the CLI, rendering on
 * our strict, unescaped templates rather than plop's HTML-escaping Handlebars.
 */

import { resolve } from "node:path";
import type { ActionType, NodePlopAPI, PromptQuestion } from "node-plop";
import { createRepository, displayPath } from "./commands/create.js";
import { occupiedQuestion } from "./commands/occupied.js";
import { type CommandContext, nodeContext } from "./context.js";
import { CancelledError } from "./core/errors.js";
import { DEFAULT_LICENSE } from "./core/license.js";
import type { Approval } from "./io/approval.js";
import { gatherFacts } from "./io/facts.js";
import type { FileSystem } from "./io/fs.js";
import { findRoot } from "./io/root.js";
import type { CommandName } from "./options/flags.js";
import { type Answers, QUESTIONS } from "./options/table.js";
import { loadToolTable } from "./options/tool-table.js";
import { PLOP_ROUTE, registerSpecGenerators, WRITE_INTO } from "./plop-spec.js";
import { DEFAULT_TARGETS, normalizeTargets } from "./targets/table.js";
import { printerFor } from "./ui/paint.js";

/** plop's own prompts, from the same question table as the CLI's; `known` answers are the defaults. */
function plopPrompts(
  facts: ReturnType<typeof gatherFacts>,
  command: CommandName = "create",
  known: Partial<Answers> = {},
): PromptQuestion[] {
  return QUESTIONS.filter((q) => q.commands.includes(command)).map((q): PromptQuestion => {
    if (q.kind === "confirm") {
      return { type: "confirm", name: q.key, message: q.message, default: q.initial(facts), when: q.askIf(facts) };
    }
    if (q.kind === "list") {
      const initial = q.initial();
      const choices = q.choices.map(({ title, value }) => ({ name: title, value, checked: initial.includes(value) }));
      return {
        type: "checkbox",
        name: q.key,
        message: q.message,
        choices,
        validate: (v: string[]) => q.validate(v) ?? true,
      };
    }
    if (q.choices) {
      const choices = q.choices;
      return {
        type: "list",
        name: q.key,
        message: q.message,
        choices: [...choices],
        default: async (answers: Partial<Answers>) => {
          const initial = known[q.key] ?? (await q.initial(answers, facts)) ?? q.fallback;
          return initial === undefined ? 0 : Math.max(0, choices.indexOf(initial));
        },
      };
    }
    return {
      type: "input",
      name: q.key,
      message: q.message,
      default: async (answers: Partial<Answers>) => known[q.key] ?? (await q.initial(answers, facts)) ?? q.fallback,
      validate: (value: string) => q.validate(value, facts) ?? true,
      // The folders are asked only when a chosen tool takes them, as in the CLI.
      ...(q.needed ? { when: (answers: Partial<Answers>) => q.needed?.(answers) === true } : {}),
    };
  });
}

/**
 * Whether to write into a folder that holds other things: plop asks it right after the project's name, as the
 * CLI does (plop has no --force of ours). The folder is noted as the yes finds it: what changes in it before
 * the write stops the run, as in the CLI. `nameGiven` is the name prompt's filter: it finds what to ask.
 */
function occupiedPrompt(
  dest: string,
  fs: FileSystem,
  approvals: Map<string, Approval | undefined>,
): { prompt: PromptQuestion; nameGiven(name: string): string } {
  let asked: ReturnType<typeof occupiedQuestion>;
  const prompt = {
    type: "confirm" as const,
    name: WRITE_INTO,
    default: false,
    message: () => asked?.question ?? "",
    // A boolean, read once the name is given, not a function: node-plop refuses a conditional prompt's
    // answer from plop's command line (`-- --writeInto y`) when its `when` is a function.
    get when(): boolean {
      return asked !== undefined;
    },
  };
  const nameGiven = (name: string): string => {
    const root = resolve(dest, name);
    asked = name === "" ? undefined : occupiedQuestion(fs, root, displayPath(name));
    if (asked) approvals.set(root, asked.seen);
    return name;
  };
  return { prompt, nameGiven };
}

export default async function specAgentPlopfile(plop: NodePlopAPI): Promise<void> {
  await loadToolTable(); // the prompts for --agents and the folders
  const base = nodeContext(process, {
    env: process.env,
    signal: { aborted: false },
    cwd: plop.getDestBasePath(),
    output: "streams",
  });
  const facts = gatherFacts(base, undefined, false);
  const context = async (): Promise<CommandContext> => {
    const [out, err] = await Promise.all([printerFor(base.stdout, base.env), printerFor(base.stderr, base.env)]);
    return { ...base, out, err };
  };

  const approvals = new Map<string, Approval | undefined>();
  const occupied = occupiedPrompt(base.cwd, base.fs, approvals);
  const createAction: ActionType = async function writeSpecAgentPreset(answers: object) {
    const given = answers as Partial<Answers> & { [WRITE_INTO]?: boolean };
    if (given[WRITE_INTO] === false) throw new CancelledError("Cancelled: nothing was written.");
    const approved = given[WRITE_INTO] === true;
    const complete: Answers = {
      ...(given as Answers),
      license: given.license ?? DEFAULT_LICENSE,
      agents: normalizeTargets(given.agents ?? DEFAULT_TARGETS),
      git: given.git ?? facts.hasGit(),
      install: given.install ?? facts.hasUv(),
    };
    await createRepository(await context(), {
      folder: complete.name,
      answers: complete,
      facts,
      prompter: undefined,
      dryRun: false,
      force: approved,
      approved: approved ? approvals.get(resolve(base.cwd, complete.name)) : undefined,
      route: PLOP_ROUTE,
    });
    return `${complete.name}: written`;
  };

  plop.setGenerator("spec-agent", {
    description: "a repository ready for spec-driven development with the Backend Engineer agent",
    prompts: plopPrompts(facts).flatMap((prompt) =>
      prompt.name === "name" ? [{ ...prompt, filter: occupied.nameGiven }, occupied.prompt] : [prompt],
    ),
    actions: [createAction],
  });
  const dest = plop.getDestBasePath();
  // For init, the folder name is the repository's: plop's prompts default to it, as the CLI does.
  const initFacts = gatherFacts({ ...base, cwd: dest }, findRoot(base.fs, dest), false);
  registerSpecGenerators(plop, {
    dest,
    fs: base.fs,
    context,
    prompts: (command, known, owner) => plopPrompts({ ...initFacts, ...owner }, command, known),
  });
}
