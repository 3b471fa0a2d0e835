/**
 * The init command: the preset added to a repository that exists, without
 * losing a line of the owner's. Names come from its pyproject.toml; shared
 * files are merged; every other file that exists and differs is a clash, left
 * alone unless --force or the user at the prompt says otherwise.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { UsageError } from "../core/errors.js";
import { agentsFromManifest, basesFromManifest, presetForExisting } from "../core/existing.js";
import { toLf } from "../core/line-endings.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { mergePlan } from "../core/merge/plan.js";
import { namesFromPyproject } from "../core/pyproject.js";
import { quoted } from "../core/quote.js";
import { gatherFacts } from "../io/facts.js";
import { findRoot, readIfFile, whereOf } from "../io/root.js";
import { resolveAnswers } from "../options/answers.js";
import type { ParsedArgs } from "../options/parse.js";
import type { Prompter } from "../options/prompter.js";
import type { Answers } from "../options/table.js";
import { recoverInterrupted, runPipeline } from "../pipeline.js";
import { planPreset, type TeamLayer } from "../targets/preset.js";
import { targetNotes } from "../targets/table.js";
import { formatTargets } from "../ui/report.js";
import { teamSetup } from "./team-setup.js";

export async function init(ctx: CommandContext, { positionals, given, switches, values }: ParsedArgs): Promise<void> {
  const [extra] = positionals;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${quoted(extra)}: init works in the repository you are in`);
  const root = findRoot(ctx.fs, ctx.cwd);
  const pyproject = readIfFile(ctx.fs, join(root, "pyproject.toml"));
  const known: Partial<Answers> = pyproject === undefined ? {} : namesFromPyproject(pyproject);
  const agents = agentsFromManifest(readIfFile(ctx.fs, join(root, MANIFEST_PATH)));
  if (agents) known.agents = agents;
  const answersGiven = { ...known, ...given };
  const facts = gatherFacts({ ...ctx, cwd: root }, root, answersGiven.author === undefined);
  const interactive = !switches.yes && !ctx.env.CI && ctx.isTerminal();
  const prompter = interactive ? await ctx.createPrompter() : undefined;
  const team = await teamSetup(ctx, values, root);
  const answers = await resolveAnswers({
    command: "init",
    given: answersGiven,
    facts,
    yes: switches.yes,
    prompter,
    defaults: team.defaults,
  });
  await initRepository(ctx, {
    root,
    answers,
    prompter,
    dryRun: switches["dry-run"],
    force: switches.force,
    team: await team.layer(prompter),
  });
}

export interface InitJob {
  /** The repository's root, absolute. */
  root: string;
  answers: Answers;
  prompter: Prompter | undefined;
  dryRun: boolean;
  force: boolean;
  /** A team's packs over the preset, when --template (or the config) names any. */
  team?: TeamLayer;
}

/** Everything after the answers: the CLI and plop's spec:init generator both come here. */
export async function initRepository(ctx: CommandContext, job: InitJob): Promise<void> {
  const { root, answers } = job;
  recoverInterrupted(ctx, root, whereOf(ctx.cwd, root), job.dryRun);
  // Merged and compared as LF text: the pipeline writes each file back in its owner's line endings.
  const read = (path: string): string | undefined => {
    const text = readIfFile(ctx.fs, join(root, path));
    return text === undefined ? undefined : toLf(text);
  };
  const planned = planPreset(ctx.fs, ctx.templatesDir, answers, ctx.version, undefined, job.team);
  const preset = presetForExisting(planned, read);
  const bases = basesFromManifest(read(MANIFEST_PATH));
  const { files, merged, unmergeable } = mergePlan(preset, read, bases);
  await runPipeline(ctx, {
    root,
    where: whereOf(ctx.cwd, root),
    files,
    dryRun: job.dryRun,
    force: job.force,
    prompter: job.prompter,
    existing: { merged, unmergeable },
  });
  ctx.out.write(formatTargets(answers.agents, targetNotes(answers.agents), ctx.out.paint));
}
