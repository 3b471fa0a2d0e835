/**
 * The init command: the preset added to a repository that exists, without
 * losing a line of the owner's. Names come from its pyproject.toml; shared
 * files are merged; every other file that exists and differs is a clash, left
 * alone unless --force or the user at the prompt says otherwise.
 */
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { uvBuildOfRecordText } from "../core/build-backend.js";
import { UsageError } from "../core/errors.js";
import { basesFromManifest, presetForExisting } from "../core/existing.js";
import { LICENSE_FILE } from "../core/license.js";
import { toLf } from "../core/line-endings.js";
import { MANIFEST_PATH } from "../core/manifest.js";
import { otherLanguage, withoutPythonProject } from "../core/other-language.js";
import { declaredPython } from "../core/pyproject.js";
import { pythonAdmitsNone, pythonOutsideDeclared } from "../core/python.js";
import { quoted } from "../core/quote.js";
import { packsFromManifest } from "../core/record.js";
import { CLI_ROUTE, type Route } from "../core/route.js";
import { gatherFacts } from "../io/facts.js";
import { findRoot, readIfFile, whereOf } from "../io/root.js";
import type { Target } from "../io/target/target.js";
import { resolveAnswers } from "../options/answers.js";
import type { ParsedArgs } from "../options/parse.js";
import type { Prompter } from "../options/prompter.js";
import type { Answers } from "../options/table.js";
import { openForRun } from "../pipeline.js";
import type { OwnerProject } from "../targets/owner-texts.js";
import { planPreset, type TeamLayer } from "../targets/preset.js";
import type { PreviousAnswers } from "./dropped-files.js";
import { writeInit } from "./init-write.js";
import { foreignProjectAt, hasOtherReadme, ownerAnswers, ownerProjectAt, taskNames } from "./owner-project.js";
import { teamSetup } from "./team-setup.js";

export async function init(ctx: CommandContext, { positionals, given, switches, values }: ParsedArgs): Promise<void> {
  const [extra] = positionals;
  if (extra !== undefined)
    throw new UsageError(`unexpected argument ${quoted(extra)}: init works in the repository you are in`);
  const root = findRoot(ctx.fs, ctx.cwd);
  // Before anything is read: the names would otherwise come from what a killed run half wrote.
  const target = await openForRun(ctx, root, whereOf(ctx.cwd, root), switches["dry-run"]);
  const { known, owner, record } = ownerAnswers(ctx.fs, root);
  const answersGiven = { ...known, ...given };
  const facts = { ...gatherFacts({ ...ctx, cwd: root }, root, answersGiven.author === undefined), ...owner };
  // Before any question: no answer would do, and CI would set up a Python uv refuses.
  const noPython = facts.ownerPython && pythonAdmitsNone(facts.ownerPython);
  if (noPython) throw new UsageError(noPython);
  const interactive = !switches.yes && !ctx.env.CI && ctx.isTerminal();
  const prompter = interactive ? await ctx.createPrompter() : undefined;
  // A repository made with --template keeps its packs, as update keeps them.
  const team = await teamSetup(ctx, values, root, { root, packs: packsFromManifest(record) });
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
    team: await team.layer(prompter, root),
    target,
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
  /** The repository, opened (an interrupted run undone) before anything was read; opened here otherwise. */
  target?: Target;
  /** How the messages name what the user can do: the CLI's flags unless given (plop's prompts). */
  route?: Route;
}

/** Everything after the answers: the CLI and plop's spec:init generator both come here. */
export async function initRepository(ctx: CommandContext, job: InitJob): Promise<void> {
  const { root, route = CLI_ROUTE } = job;
  const target = job.target ?? (await openForRun(ctx, root, whereOf(ctx.cwd, root), job.dryRun));
  // Merged and compared as LF text: the pipeline writes each file back in its owner's line endings.
  const read = (path: string): string | undefined => {
    const text = readIfFile(ctx.fs, join(root, path));
    return text === undefined ? undefined : toLf(text);
  };
  // A repository made earlier keeps the bound it was made with, whatever uv this machine has.
  const uvBuild = uvBuildOfRecordText(read(MANIFEST_PATH));
  const bases = basesFromManifest(read(MANIFEST_PATH));
  // The owner's licence is never replaced, nor contradicted in the metadata: we then write none of ours.
  const theirLicense = ctx.fs.readdirSync(root).find((entry) => LICENSE_FILE.test(entry) && !bases.has(entry));
  const answers = theirLicense === undefined ? job.answers : { ...job.answers, license: "none" };
  const licenseNotes =
    theirLicense !== undefined && job.answers.license !== "none"
      ? [
          `your ${theirLicense} is kept: no licence of ours is written (${route.licenseNotApplied(job.answers.license)})`,
        ]
      : [];
  const theirReadme = hasOtherReadme(ctx.fs.readdirSync(root), bases);
  // The plan for these tools (the answers' unless given: the recorded ones, to find what a dropped tool wrote).
  const plan = (owner?: OwnerProject, previous?: PreviousAnswers) =>
    planPreset(ctx.fs, ctx.templatesDir, { ...answers, ...previous }, ctx.version, uvBuild, job.team, owner).filter(
      (f) => !(theirReadme && f.path === "README.md"),
    );
  const foreign = otherLanguage(new Set(ctx.fs.readdirSync(root)));
  // plop's spec:init comes here with its answers alone: the Python CI sets up must be one the project admits.
  const pyproject = foreign === undefined ? read("pyproject.toml") : undefined;
  if (pyproject !== undefined) {
    const declared = declaredPython(pyproject, new Set(ctx.fs.readdirSync(root)));
    const problem = pythonAdmitsNone(declared) ?? pythonOutsideDeclared(answers.python, declared);
    if (problem) throw new UsageError(problem);
  }
  if (foreign !== undefined) {
    // Another language's project: rules that name its own commands, and nothing of Python's.
    const owner = foreignProjectAt(ctx.fs, root, foreign, answers.name);
    const preset = presetForExisting(withoutPythonProject(plan(owner)), read, bases);
    const replan = (previous: PreviousAnswers) => withoutPythonProject(plan(owner, previous));
    return writeInit(ctx, { ...job, target }, preset, [...owner.notes, ...licenseNotes], bases, replan);
  }
  let planned = plan();
  // The owner's own project: every statement the rules make about it comes from what it declares.
  // Ours, not the owner's, where our record lists it (as update decides) or it is ours to the byte.
  const ours = planned.find((f) => f.path === "pyproject.toml")?.contents;
  let owner = bases.has("pyproject.toml") ? undefined : ownerProjectAt(ctx.fs, root, answers.name, ours);
  if (owner) planned = plan(owner);
  // A Taskfile of the team's own (not ours, not one an earlier run wrote) stays theirs unless --force:
  // the rules then name its tasks, and check holds them to it.
  const theirTaskfile = read("Taskfile.yml");
  const keepsTaskfile =
    owner !== undefined &&
    !job.force &&
    theirTaskfile !== undefined &&
    theirTaskfile !== planned.find((f) => f.path === "Taskfile.yml")?.contents &&
    !bases.has("Taskfile.yml") &&
    taskNames(theirTaskfile) !== undefined;
  if (keepsTaskfile) {
    owner = ownerProjectAt(ctx.fs, root, answers.name, ours, theirTaskfile);
    owner?.notes.push(
      `your Taskfile.yml is kept (${route.overTaskfile}): the rules name its tasks, and the commands of the jobs it has no task for`,
    );
    planned = plan(owner).filter((f) => f.path !== "Taskfile.yml");
  }
  const kept = owner;
  await writeInit(
    ctx,
    { ...job, target },
    presetForExisting(planned, read, bases),
    [...(owner?.notes ?? []), ...licenseNotes],
    bases,
    (previous) => plan(kept, previous).filter((f) => !(keepsTaskfile && f.path === "Taskfile.yml")),
  );
}
