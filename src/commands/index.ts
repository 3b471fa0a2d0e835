/**
 * The command table: each command's name, what it does (for --help), and how
 * to load it. A command's module is loaded only when that command runs.
 */
import type { CommandContext } from "../context.js";
import { didYouMean } from "../core/closest.js";
import { UsageError } from "../core/errors.js";
import { quoted } from "../core/quote.js";
import type { CommandName } from "../options/flags.js";
import type { CommandHelp } from "../options/help.js";
import type { ParsedArgs } from "../options/parse.js";

export type CommandRun = (ctx: CommandContext, args: ParsedArgs) => Promise<void>;

export interface CommandEntry extends CommandHelp {
  load(): Promise<CommandRun>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "create",
    usage: "create-spec-agent [dir] [options]",
    summary: "create a new repository (the default command)",
    load: async () => (await import("./create.js")).create,
  },
  {
    name: "init",
    usage: "create-spec-agent init [options]",
    summary: "add the preset to this repository, keeping yours",
    load: async () => (await import("./init.js")).init,
  },
  {
    name: "add",
    usage: "create-spec-agent add plan|task|context TITLE",
    summary: "a plan, a task (--plan SLUG) or a note in spec/",
    load: async () => (await import("./add.js")).add,
  },
  {
    name: "check",
    usage: "create-spec-agent check [options]",
    summary: "validate the preset and spec/; exit 1 on problems",
    load: async () => (await import("./check.js")).check,
  },
  {
    name: "update",
    usage: "create-spec-agent update [options]",
    summary: "merge this version's preset into the repository",
    load: async () => (await import("./update.js")).update,
  },
];

/**
 * The command argv names, and the rest of argv; without a command name, create. `isPath` says whether a word
 * names something that exists: a word that does not, with no `/` in it, close to a command's name (`updte`), is
 * taken for a typo of it rather than for the folder to create.
 */
export function selectCommand(
  argv: readonly string[],
  isPath: (word: string) => boolean = () => false,
): { command: CommandEntry; rest: readonly string[] } {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  const create = COMMANDS[0] as CommandEntry;
  if (named) return { command: named, rest: argv.slice(1) };
  const [word] = argv;
  // Three letters are too few to tell a typo from a name (`app` is one from `add`).
  if (word !== undefined && word.length >= 4 && /^[a-z]+$/i.test(word)) {
    const meant = didYouMean(
      word.toLowerCase(),
      COMMANDS.map((c) => c.name),
    );
    // The disk is asked only about a near miss.
    if (meant && !isPath(word))
      throw new UsageError(
        `${quoted(word)} is not a command: did you mean ${meant}? (to create a folder of that name, give it as ./${word})`,
      );
  }
  return { command: create, rest: argv };
}

export type { CommandName };
