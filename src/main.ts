/**
 * The commands over injected I/O. Commands throw typed errors; `run` turns
 * them into one line on stderr and an exit code.
 */
import { parseArgs } from "./args.js";
// A static import: the bundle then initialises the create path with the rest, which
// costs less than a lazy module; what is heavy (node:crypto, prompts) is loaded where used.
import { create } from "./create.js";
import { EXIT, type ExitCode, exitCodeOf } from "./errors.js";
import { gatherFacts } from "./facts.js";
import type { FileSystem } from "./fs.js";
import { helpText } from "./help.js";
import type { Output } from "./output.js";
import { useColor } from "./paint.js";
import type { Exec } from "./post.js";
import type { Prompter } from "./prompter.js";
import { colorEnabled, formatError } from "./report.js";
import type { Interruption } from "./write.js";

export interface RunContext {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
  /** stdin and stdout are both terminals: questions can be asked and answered. Read only when that matters. */
  terminal: boolean;
  fs: FileSystem;
  exec: Exec;
  isExecutableFile(path: string): boolean;
  /** Questions on the terminal: loads the prompt library, so only a run that asks calls it. */
  createPrompter(): Promise<Prompter>;
  /** Aborted on SIGINT/SIGTERM (an AbortSignal will do). */
  signal: Interruption;
  templatesDir: string;
  version: string;
}

export async function run(ctx: RunContext): Promise<ExitCode> {
  await useColor(colorEnabled(ctx.env, () => ctx.stdout.isTTY === true));
  const verbose = ctx.argv.includes("--verbose");
  try {
    const args = parseArgs(ctx.argv);
    if (args.switches.help) {
      ctx.stdout.write(helpText(ctx.version));
    } else if (args.switches.version) {
      ctx.stdout.write(`${ctx.version}\n`);
    } else {
      const facts = gatherFacts(ctx, args.positionals[0], args.given.author === undefined);
      await create(ctx, args, facts);
    }
    return EXIT.ok;
  } catch (error) {
    ctx.stderr.write(formatError(error, verbose));
    return exitCodeOf(error);
  }
}
