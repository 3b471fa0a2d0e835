/** The create command: ask, plan, run the pipeline into a new folder, then git and uv. */
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { CommandContext } from "../context.js";
import { uvBuildRequirement } from "../core/build-backend.js";
import { CancelledError, GenerateError, UsageError } from "../core/errors.js";
import { checkFolderName, checkPackageForPython } from "../core/names.js";
import { pathBeyondLimit } from "../core/planned-file.js";
import { quoted } from "../core/quote.js";
import type { Route } from "../core/route.js";
import type { Approval } from "../io/approval.js";
import { gatherFacts } from "../io/facts.js";
import { initGit, type StepResult } from "../io/git.js";
import { UV_LOCK, uvSync } from "../io/uv.js";
import { resolveAnswers } from "../options/answers.js";
import type { ParsedArgs } from "../options/parse.js";
import type { Prompter } from "../options/prompter.js";
import type { Answers, Facts } from "../options/table.js";
import { runPipeline } from "../pipeline.js";
import { planPreset, type TeamLayer } from "../targets/preset.js";
import { agentStep, targetNotes } from "../targets/table.js";
import { nextSteps, shellOf } from "../ui/next-steps.js";
import { formatNextSteps, formatTargets } from "../ui/report.js";
import { assertUnchanged, confirmOccupied } from "./occupied.js";
import { teamSetup } from "./team-setup.js";

/**
 * The target may be a path, as with create-vite, but the folder it names must
 * have a portable name, and only that one folder is created: its parent must exist.
 */
function checkTarget(ctx: CommandContext, folderArg: string): void {
  if (folderArg === ".") return;
  if (folderArg.includes("\0")) throw new UsageError("the folder holds a NUL character: give a folder name");
  // On POSIX a backslash is part of a name: refused, so that the folder means the same everywhere.
  if (folderArg.includes("\\"))
    throw new UsageError("the folder holds a backslash: give a path with / between folders");
  const trimmed = folderArg.replace(/[\\/]+$/, "");
  if (resolve(ctx.cwd, trimmed).split(/[\\/]/).includes(".git"))
    throw new UsageError("the folder is inside a .git folder, which is git's own: give a folder outside it");
  const problem = checkFolderName(trimmed.split(/[\\/]/).at(-1) ?? "");
  if (problem) throw new UsageError(`${problem}: give a folder name, or "." for the current folder`);
  const parent = dirname(resolve(ctx.cwd, trimmed));
  const stat = ctx.fs.statSync(parent, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${quoted(dirname(trimmed))} does not exist: create it first, or give a folder name`);
  if (!stat.isDirectory())
    throw new UsageError(`${quoted(dirname(trimmed))} is a file, not a folder: give a path inside a folder`);
}

/** The folder as the user reads it: `./my-service`, `the current folder`. */
export const displayPath = (folder: string): string =>
  folder === "." ? "the current folder" : isAbsolute(folder) || folder.startsWith(".") ? folder : `./${folder}`;

export async function create(ctx: CommandContext, { positionals, given, switches, values }: ParsedArgs): Promise<void> {
  const [folderArg, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${quoted(extra)}: give one folder`);
  if (folderArg !== undefined) checkTarget(ctx, folderArg);

  // git's user.name may take a process: it starts now and runs while the prompt library loads.
  const facts = gatherFacts(ctx, folderArg, given.author === undefined);
  // So does `uv --version` when uv is on PATH: the build bound follows it.
  void facts.uvVersion();
  const team = await teamSetup(ctx, values, ctx.cwd);

  const interactive = !switches.yes && !ctx.env.CI && ctx.isTerminal();
  const prompter = interactive ? await ctx.createPrompter() : undefined;
  const dryRun = switches["dry-run"];
  // A yes to "write into it?" stands for --force, over the folder as it was then: the pipeline does not ask twice.
  let approved: Approval | undefined;
  const askIfOccupied = async (folder: string): Promise<void> => {
    if (!prompter || switches.force || dryRun) return;
    approved = await confirmOccupied(ctx, prompter, folder, displayPath(folder));
  };
  if (folderArg !== undefined) await askIfOccupied(folderArg);
  const answers = await resolveAnswers({
    // A dry run starts neither git nor uv: their questions would be moot.
    given: dryRun ? { git: false, install: false, ...given } : given,
    facts,
    yes: switches.yes,
    prompter,
    defaults: team.defaults,
    // Without a folder argument the project's name is the folder: asked about as soon as it is typed.
    onAnswer: async (key, sofar) => {
      if (key === "name" && folderArg === undefined && sofar.name !== undefined) await askIfOccupied(sofar.name);
    },
  });
  await createRepository(ctx, {
    team: await team.layer(prompter, resolve(ctx.cwd, folderArg ?? answers.name)),
    folder: folderArg ?? answers.name,
    answers,
    facts,
    prompter,
    dryRun,
    force: switches.force || approved !== undefined,
    approved,
  });
}

export interface CreateJob {
  /** As the user gave it: relative to the current folder, or absolute. */
  folder: string;
  answers: Answers;
  facts: Facts;
  prompter: Prompter | undefined;
  dryRun: boolean;
  force: boolean;
  /** A team's packs over the preset, when --template (or the config) names any. */
  team?: TeamLayer;
  /** The folder as it was when the user said yes to writing into it: what changed since stops the run. */
  approved?: Approval | undefined;
  /** How the messages name what the user can do: the CLI's flags unless given (plop's prompts). */
  route?: Route;
}

/** Everything after the answers: the CLI and plop's create generator both come here. */
export async function createRepository(ctx: CommandContext, job: CreateJob): Promise<void> {
  const { folder, answers } = job;
  // Checked here too for plop's create generator, which asks its own questions.
  const shadowed = checkPackageForPython(answers.package, answers.python, job.route?.packageInput);
  if (shadowed) throw new UsageError(shadowed);
  const root = resolve(ctx.cwd, folder);
  const where = displayPath(folder);
  const uvBuild = uvBuildRequirement(await job.facts.uvVersion());
  const files = planPreset(ctx.fs, ctx.templatesDir, answers, ctx.version, uvBuild, job.team);
  const tooLong = pathBeyondLimit(
    root,
    files.map((f) => f.path),
    ctx.platform,
  );
  if (tooLong)
    throw new UsageError(
      `${tooLong.path} would be ${tooLong.bytes} bytes from the file system's root, over this system's ${tooLong.limit}: create the repository in a shorter path`,
    );
  if (job.approved) assertUnchanged(ctx.fs, root, where, job.approved, files);
  const report = await runPipeline(ctx, { root, where, files, ...job, mode: { kind: "new" } });
  ctx.out.write(formatTargets(answers.agents, targetNotes(answers.agents), ctx.out.paint));
  if (!report) return;
  // The files are written; a signal now stops the step under way, and no later step starts.
  const release = ctx.signal.hold?.();
  try {
    await afterWriting(ctx, job, root, where, [...report.created, ...report.overwritten]);
  } finally {
    release?.();
  }
}

async function afterWriting(ctx: CommandContext, job: CreateJob, root: string, where: string, written: string[]) {
  const { folder, answers, facts } = job;
  const failures: string[] = [];
  const steps: (() => Promise<StepResult>)[] = [];
  // uv first, so that the uv.lock it writes is in the first commit (a lock the folder held already stays out).
  const lockWas = ctx.fs.lstatSync(join(root, UV_LOCK), { throwIfNoEntry: false });
  if (answers.install && facts.hasUv()) {
    steps.push(() => {
      // uv may download Python and the dev tools: say what is happening before the wait.
      ctx.out.write(`${ctx.out.paint.dim("… uv sync")}\n`);
      return uvSync(ctx.exec, root);
    });
  }
  if (answers.git && facts.hasGit())
    steps.push(() => {
      const lock = !lockWas && ctx.fs.lstatSync(join(root, UV_LOCK), { throwIfNoEntry: false })?.isFile();
      const gitFolderThere = ctx.fs.lstatSync(join(root, ".git"), { throwIfNoEntry: false }) !== undefined;
      return initGit(ctx.exec, root, lock ? [...written, UV_LOCK] : written, gitFolderThere);
    });
  let uvStarted = facts.hasUv();
  for (const step of steps) {
    if (ctx.signal.aborted) break;
    const { ok, note, unavailable } = await step();
    if (unavailable) {
      uvStarted = false;
      ctx.err.write(`${ctx.err.paint.yellow("warning")}: ${note}\n`);
    } else if (ok) ctx.out.write(`${ctx.out.paint.green("✔")} ${note}\n`);
    else failures.push(note);
  }
  ctx.out.write(
    formatNextSteps(
      nextSteps({
        folder,
        inCurrentFolder: folder === ".",
        installed: answers.install && uvStarted && failures.length === 0,
        hasUv: uvStarted,
        hasTask: facts.hasTask(),
        shell: shellOf(ctx.platform, ctx.env),
        userAgent: ctx.env.npm_config_user_agent,
        agentStep: agentStep(answers.agents),
      }),
      ctx.out.paint,
    ),
  );
  if (ctx.signal.aborted)
    throw new CancelledError(
      `Cancelled after the files were written: ${where} is complete, but git or uv may not have finished.`,
    );
  if (failures.length) throw new GenerateError(failures.join("; "));
}
