/**
 * One run over injected I/O: choose the command, parse its arguments, run it.
 * Commands throw typed errors; here they become one line on stderr and an exit code.
 */
import { resolve } from "node:path";
import { COMMANDS, selectCommand } from "./commands/index.js";
import type { RunContext } from "./context.js";
import { EXIT, type ExitCode, exitCodeOf } from "./core/errors.js";
import { helpText } from "./options/help.js";
import { parseArgs } from "./options/parse.js";
import { loadToolTable } from "./options/tool-table.js";
import { printerFor } from "./ui/paint.js";
import { formatError } from "./ui/report.js";

export async function run(ctx: RunContext): Promise<ExitCode> {
  const [out, err] = await Promise.all([printerFor(ctx.stdout, ctx.env), printerFor(ctx.stderr, ctx.env)]);
  const verbose = ctx.argv.includes("--verbose");
  try {
    const { command, rest } = selectCommand(ctx.argv, (word) =>
      Boolean(ctx.fs.lstatSync(resolve(ctx.cwd, word), { throwIfNoEntry: false })),
    );
    const args = parseArgs(rest, command.name);
    if (args.switches.help) {
      await loadToolTable(); // --help lists the AI tools
      out.write(helpText(ctx.version, command, COMMANDS));
    } else if (args.switches.version) {
      out.write(`${ctx.version}\n`);
    } else {
      const runCommand = await command.load();
      await runCommand({ ...ctx, out, err }, args);
    }
    return EXIT.ok;
  } catch (error) {
    err.write(formatError(error, verbose, err.paint));
    return exitCodeOf(error);
  }
}
