/**
 * init's last step, shared by both of its plans (a Python project's, another language's): the preset merged into
 * the owner's files, written through the pipeline, then what git keeps out and what the project lacks.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import type { basesFromManifest, presetForExisting } from "../core/existing.js";
import { toLf } from "../core/line-endings.js";
import { mergePlan } from "../core/merge/plan.js";
import type { PlannedFile } from "../core/planned-file.js";
import { CLI_ROUTE, type Route } from "../core/route.js";
import { ignoredByGit } from "../io/git-ignored.js";
import { readIfFile, whereOf } from "../io/root.js";
import type { Target } from "../io/target/target.js";
import type { Prompter } from "../options/prompter.js";
import type { Answers } from "../options/table.js";
import { runPipeline } from "../pipeline.js";
import { agentStep, HUB_FILES, targetNotes } from "../targets/table.js";
import { formatDropped, formatIgnored, formatNextSteps, formatProjectNotes, formatTargets } from "../ui/report.js";
import { droppedFiles, type PreviousAnswers } from "./dropped-files.js";
import { taskfileKeptNote } from "./owner-project.js";

/** What init decided: where, for which answers, and how (init.ts's InitJob, its target opened). */
export interface InitWrite {
  root: string;
  target: Target;
  answers: Answers;
  prompter: Prompter | undefined;
  dryRun: boolean;
  force: boolean;
  route?: Route;
}

/** Merge, write, and report what git keeps out and what the project lacks. */
export async function writeInit(
  ctx: CommandContext,
  job: InitWrite,
  preset: ReturnType<typeof presetForExisting>,
  notes: readonly string[],
  bases: ReturnType<typeof basesFromManifest>,
  replan: (previous: PreviousAnswers) => readonly PlannedFile[],
): Promise<void> {
  const { root, target, answers, route = CLI_ROUTE } = job;
  const read = (path: string): string | undefined => {
    const text = readIfFile(ctx.fs, join(root, path));
    return text === undefined ? undefined : toLf(text);
  };
  const { files, merged, unmergeable } = mergePlan(preset, read, HUB_FILES, bases);
  // Ours as the last run wrote it (the README's table of tools, after --agents changed): brought up to date.
  const updated = new Set(
    files.flatMap((f) => (bases.has(f.path) && read(f.path) === bases.get(f.path) ? [f.path] : [])),
  );
  const dropped = droppedFiles(ctx, root, answers, bases, files, replan);
  await runPipeline(ctx, {
    root,
    where: whereOf(ctx.cwd, root),
    files,
    dryRun: job.dryRun,
    force: job.force,
    prompter: job.prompter,
    mode: { kind: "existing", merged, unmergeable, recorded: bases, updated, removals: dropped.removals },
    target,
    route,
  });
  ctx.out.write(formatDropped(dropped, job.dryRun, ctx.out.paint));
  if (!job.dryRun && ctx.fs.lstatSync(join(root, ".git"), { throwIfNoEntry: false })) {
    const ignored = await ignoredByGit(
      ctx.exec,
      root,
      files.map((f) => f.path),
    );
    if (ignored.length > 0) ctx.out.write(formatIgnored(ignored, ctx.out.paint));
  }
  ctx.out.write(formatTargets(answers.agents, targetNotes(answers.agents), ctx.out.paint));
  // A Taskfile of the team's kept by a clash answer: the tasks the rules name that it lacks.
  const all = [...notes, ...(job.dryRun ? [] : taskfileKeptNote(files, read("Taskfile.yml")))];
  if (all.length > 0) ctx.out.write(formatProjectNotes(all, ctx.out.paint));
  // As after create: where the agent is, in the first tool chosen.
  if (!job.dryRun) ctx.out.write(formatNextSteps([agentStep(answers.agents)], ctx.out.paint));
}
