/** The create command: ask, plan, check the target, write, then git and uv. */
import { dirname, isAbsolute, resolve } from "node:path";
import { resolveAnswers } from "./answers.js";
import type { ParsedArgs } from "./args.js";
import { CancelledError, GenerateError, UsageError } from "./errors.js";
import type { RunContext } from "./main.js";
import { checkFolderName, shadowsStdlib } from "./names.js";
import type { Facts } from "./options.js";
import { paint } from "./paint.js";
import { planPreset } from "./plan.js";
import { initGit, nextSteps, uvSync } from "./post.js";
import { quoted } from "./quote.js";
import { formatNextSteps, formatPlan, formatWritten } from "./report.js";
import { inspectTarget } from "./target.js";
import { writePlan } from "./write.js";

/**
 * The target may be a path, as with create-vite, but the folder it names must
 * have a portable name, and only that one folder is created: its parent must exist.
 */
function checkTarget(ctx: RunContext, folderArg: string): void {
  if (folderArg === ".") return;
  if (folderArg.includes("\0")) throw new UsageError("the folder holds a NUL character: give a folder name");
  const trimmed = folderArg.replace(/[\\/]+$/, "");
  const problem = checkFolderName(trimmed.split(/[\\/]/).at(-1) ?? "");
  if (problem) throw new UsageError(`${problem}: give a folder name, or "." for the current folder`);
  const parent = dirname(resolve(ctx.cwd, trimmed));
  if (!ctx.fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`${quoted(dirname(trimmed))} is not a folder: create it first, or give a folder name here`);
  }
}

const displayPath = (folder: string): string =>
  folder === "." ? "the current folder" : isAbsolute(folder) || folder.startsWith(".") ? folder : `./${folder}`;

export async function create(
  ctx: RunContext,
  { positionals, given, switches }: ParsedArgs,
  facts: Facts,
): Promise<void> {
  const [folderArg, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${quoted(extra)}: give one folder`);
  if (folderArg !== undefined) checkTarget(ctx, folderArg);

  const interactive = !switches.yes && !ctx.env.CI && ctx.terminal;
  const prompter = interactive ? await ctx.createPrompter() : undefined;
  const answers = await resolveAnswers({ given, facts, yes: switches.yes, prompter });
  if (shadowsStdlib(answers.package)) {
    ctx.stderr.write(
      `${paint.yellow("warning")}: Python package "${answers.package}" has the name of a standard-library module and will hide it; --package changes it\n`,
    );
  }

  const folder = folderArg ?? answers.name;
  const root = resolve(ctx.cwd, folder);
  const where = displayPath(folder);
  const files = await planPreset(ctx.templatesDir, answers, ctx.version);
  const inspection = inspectTarget(ctx.fs, root, where, files);

  const occupied = inspection.occupants.length > 0 && !switches.force;
  if (switches["dry-run"]) ctx.stdout.write(formatPlan(files, inspection.statuses, where));
  if (occupied) {
    const shown =
      inspection.occupants.slice(0, 3).join(", ") +
      (inspection.occupants.length > 3 ? ` and ${inspection.occupants.length - 3} more` : "");
    const differing = inspection.statuses.filter((s) => s === "differs").length;
    const overwritten =
      differing === 0 ? "none of its files would be overwritten" : `${differing} of its files would be overwritten`;
    const question = `${where} is not empty (${shown}). Write the preset into it? (${overwritten})`;
    if (!prompter || switches["dry-run"]) {
      throw new UsageError(
        `${where} is not empty (it holds ${shown}): choose a new folder, or pass --force to write the preset into it (${overwritten})`,
      );
    }
    if (!(await prompter.confirm(question, false))) throw new CancelledError("Cancelled: nothing was written.");
  }
  if (switches["dry-run"]) return;

  const report = await writePlan(ctx.fs, root, files, inspection, ctx.signal);
  ctx.stdout.write(formatWritten(report, where));

  const failures: string[] = [];
  const steps = [];
  if (answers.git && facts.hasGit()) steps.push(() => initGit(ctx.exec, root));
  if (answers.install && facts.hasUv()) {
    steps.push(() => {
      // uv may download Python and the dev tools: say what is happening before the wait.
      ctx.stdout.write(`${paint.dim("… uv sync")}\n`);
      return uvSync(ctx.exec, root);
    });
  }
  for (const step of steps) {
    const { ok, note } = await step();
    if (ok) ctx.stdout.write(`${paint.green("✔")} ${note}\n`);
    else failures.push(note);
  }
  ctx.stdout.write(
    formatNextSteps(
      nextSteps({
        folder,
        inCurrentFolder: folder === ".",
        installed: answers.install && facts.hasUv() && failures.length === 0,
        hasUv: facts.hasUv(),
        userAgent: ctx.env.npm_config_user_agent,
      }),
    ),
  );
  if (ctx.signal.aborted)
    throw new CancelledError(
      `Cancelled after the files were written: ${where} is complete, but git or uv may not have finished.`,
    );
  if (failures.length) throw new GenerateError(failures.join("; "));
}
