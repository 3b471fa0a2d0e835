/**
 * The command table: each command's name, what it does (for --help), and how
 * to load it. A command's module is loaded only when that command runs.
 */
import type { CommandContext } from "../context.js";
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

/** The command argv names, and the rest of argv; without a command name, create. */
export function selectCommand(argv: readonly string[]): { command: CommandEntry; rest: readonly string[] } {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  const create = COMMANDS[0] as CommandEntry;
  return named ? { command: named, rest: argv.slice(1) } : { command: create, rest: argv };
}

export type { CommandName };
