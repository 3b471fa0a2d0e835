/**
 * The package's `main`: a plopfile, so a team's own plopfile can
 * `await plop.load("create-spec-agent")` and run our generators in `npx plop`.
 * With cli.ts, the only entry point: it builds the run context from the
 * process, and the generators run the same commands as the CLI, rendering on
 * our strict, unescaped templates rather than plop's HTML-escaping Handlebars.
 */

import type { ActionType, NodePlopAPI, PromptQuestion } from "node-plop";
import { createRepository } from "./commands/create.js";
import { type CommandContext, nodeContext } from "./context.js";
import { DEFAULT_LICENSE } from "./core/license.js";
import { gatherFacts } from "./io/facts.js";
import { findRoot } from "./io/root.js";
import type { CommandName } from "./options/flags.js";
import { type Answers, QUESTIONS } from "./options/table.js";
import { registerSpecGenerators } from "./plop-spec.js";
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
      const choices = q.choices.map((value) => ({ name: value, value, checked: initial.includes(value) }));
      return {
        type: "checkbox",
        name: q.key,
        message: q.message,
        choices,
        validate: (v: string[]) => q.validate(v) ?? true,
      };
    }
    return {
      type: "input",
      name: q.key,
      message: q.message,
      default: async (answers: Partial<Answers>) => known[q.key] ?? (await q.initial(answers, facts)) ?? q.fallback,
      validate: (value: string) => q.validate(value) ?? true,
    };
  });
}

export default function specAgentPlopfile(plop: NodePlopAPI): void {
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

  const createAction: ActionType = async function writeSpecAgentPreset(answers: object) {
    const given = answers as Partial<Answers>;
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
      force: false,
    });
    return `${complete.name}: written`;
  };

  plop.setGenerator("spec-agent", {
    description: "a repository ready for spec-driven development with the Backend Engineer agent",
    prompts: plopPrompts(facts),
    actions: [createAction],
  });
  const dest = plop.getDestBasePath();
  // For init, the folder name is the repository's: plop's prompts default to it, as the CLI does.
  const initFacts = gatherFacts({ ...base, cwd: dest }, findRoot(base.fs, dest), false);
  registerSpecGenerators(plop, {
    dest,
    fs: base.fs,
    context,
    prompts: (command, known) => plopPrompts(initFacts, command, known),
  });
}
