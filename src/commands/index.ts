/**
 * The command table: each command of options/flags.ts's list (its name, what
 * it does for --help) and how to load it. A command's module is loaded only when that command runs.
 */
import type { CommandContext } from "../context.js";
import { didYouMean } from "../core/closest.js";
import { UsageError } from "../core/errors.js";
import { quoted } from "../core/quote.js";
import { COMMAND_LIST, type CommandName } from "../options/flags.js";
import type { CommandHelp } from "../options/help.js";
import type { ParsedArgs } from "../options/parse.js";
import { loadToolTable } from "../options/tool-table.js";

export type CommandRun = (ctx: CommandContext, args: ParsedArgs) => Promise<void>;

export interface CommandEntry extends CommandHelp {
  load(): Promise<CommandRun>;
}

/** Each command's module, loaded only when it runs; the list itself is options/flags.ts's. */
const LOADERS: Readonly<Record<CommandName, () => Promise<CommandRun>>> = {
  // The commands that ask or check --agents read the table of AI tools through the option table; add and check do not.
  create: async () => (await Promise.all([import("./create.js"), loadToolTable()]))[0].create,
  init: async () => (await Promise.all([import("./init.js"), loadToolTable()]))[0].init,
  add: async () => (await import("./add.js")).add,
  check: async () => (await import("./check.js")).check,
  update: async () => (await Promise.all([import("./update.js"), loadToolTable()]))[0].update,
};

export const COMMANDS: readonly CommandEntry[] = COMMAND_LIST.map((c) => ({ ...c, load: LOADERS[c.name] }));

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
  const [word, next] = argv;
  // `help` (and `help init`), as git and npm take it, would otherwise create a repository named help.
  if (word?.toLowerCase() === "help" && !isPath(word)) {
    const about = COMMANDS.find((c) => c.name === next && c !== create);
    throw new UsageError(
      `${quoted(word)} is not a command: run create-spec-agent ${about ? `${about.name} ` : ""}--help (to create a folder of that name, give it as ./${word})`,
    );
  }
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
