/**
 * The command table: each command's name, what it does (for --help), and how
 * to load it. A command's module is loaded only when that command runs.
 */
import type { CommandContext } from "../context.js";
import type { ParsedArgs } from "../options/parse.js";

export type CommandRun = (ctx: CommandContext, args: ParsedArgs) => Promise<void>;

export interface CommandEntry {
  usage: string;
  summary: string;
  load(): Promise<CommandRun>;
}

export const COMMANDS = {
  create: {
    usage: "create-spec-agent [dir] [options]",
    summary: "create a new repository (the default command)",
    load: async () => (await import("./create.js")).create,
  },
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;

/** The command argv names, and the rest of argv; without a command name, create. */
export function selectCommand(argv: readonly string[]): { name: CommandName; rest: readonly string[] } {
  const first = argv[0];
  if (first !== undefined && first !== "create" && Object.hasOwn(COMMANDS, first)) {
    return { name: first as CommandName, rest: argv.slice(1) };
  }
  return { name: "create", rest: first === "create" ? argv.slice(1) : argv };
}
