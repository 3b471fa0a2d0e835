/**
 * The update command: render the recorded answers with this version (and the
 * recorded packs, as they are now), decide each file against its base in the
 * record, write through the pipeline, and leave conflicts as git leaves them.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { CommandContext } from "../context.js";
import { recordedUvBuild } from "../core/build-backend.js";
import { unresolvedConflict, updateLabels } from "../core/conflict-markers.js";
import { CancelledError, GenerateError, UsageError } from "../core/errors.js";
import { presetForRecord } from "../core/existing.js";
import { sameText, toLf } from "../core/line-endings.js";
import { contentAnswers, MANIFEST_PATH, manifestFile } from "../core/manifest.js";
import { otherLanguage, withoutPythonProject } from "../core/other-language.js";
import { compareVersions, parseRecord, type RepositoryRecord } from "../core/record.js";
import { type FileFate, planUpdate } from "../core/update-plan.js";
import { textFromHistory } from "../io/git-history.js";
import { applyStages, prepareStages } from "../io/git-stages.js";
import { renderedByVersion } from "../io/old-generator.js";
import { findRecordedRoot, readRepositoryFiles, whereOf } from "../io/root.js";
import { answerProblem } from "../options/answers.js";
import type { ParsedArgs } from "../options/parse.js";
import { openForRun, runPipeline } from "../pipeline.js";
import { planPreset, type TeamLayer } from "../targets/preset.js";
import { HUB_FILES, TARGET_RULES } from "../targets/table.js";
import { countFates, formatUpdate, updateHeader } from "../ui/update-report.js";
import { withGiven } from "./dropped-files.js";
import { foreignProjectAt, ownerProjectAt } from "./owner-project.js";
import { teamSetup } from "./team-setup.js";
import { reportBehind } from "./update-check.js";

const sha256 = (text: string): string => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/**
 * A 0.1.0 record keeps hashes: a file that still matches its hash was not edited, so it is its own base; for an
 * edited one, git's history may still hold the version with that hash, or else the recorded version itself, fetched
 * from the npm registry, writes it again (taken only when its hash matches). Otherwise there is no base, and the two
 * whole versions face each other as one conflict.
 */
async function basesOf(
  ctx: CommandContext,
  root: string,
  record: RepositoryRecord,
  current: ReadonlyMap<string, string | undefined>,
): Promise<Map<string, string | undefined>> {
  const bases = new Map<string, string | undefined>();
  for (const [path, { base, hash }] of record.files) {
    if (path === MANIFEST_PATH) continue;
    if (base !== undefined || hash === undefined) {
      bases.set(path, base === undefined ? undefined : toLf(base));
      continue;
    }
    const text = current.get(path);
    if (text !== undefined && sha256(text) === hash) bases.set(path, text);
    else bases.set(path, await textFromHistory(ctx.exec, root, path, hash, sha256));
  }
  const missing = [...bases].filter(([path, base]) => base === undefined && record.files.get(path)?.hash);
  if (missing.length === 0) return bases;
  ctx.out.write(
    `${ctx.out.paint.dim(`… create-spec-agent ${record.version} from the registry, for the bases of edited files`)}\n`,
  );
  const old = await renderedByVersion(ctx.exec, ctx.platform, record.version, record.answers);
  for (const [path] of missing) {
    const text = old?.get(path);
    if (text !== undefined && sha256(text) === record.files.get(path)?.hash) bases.set(path, text);
  }
  return bases;
}

/**
 * The packs as init takes them: the user's (--template, their config), or else the record's, found only inside the
 * repository or installed. A question a new pack version adds is asked (or takes its default, or --set's value).
 */
async function recordedTeam(
  ctx: CommandContext,
  root: string,
  record: RepositoryRecord,
  args: ParsedArgs,
): Promise<TeamLayer | undefined> {
  const team = await teamSetup(ctx, args.values, ctx.cwd, { root, packs: record.packs });
  const interactive = team.packed && !args.switches.yes && !args.switches.check && !ctx.env.CI && ctx.isTerminal();
  return team.layer(interactive ? await ctx.createPrompter() : undefined, root);
}

export async function update(ctx: CommandContext, args: ParsedArgs): Promise<void> {
  const [extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}": run update inside the repository`);
  const root = findRecordedRoot(ctx.fs, ctx.cwd);
  const checkOnly = args.switches.check;
  if (args.switches.json && !checkOnly)
    throw new UsageError("--json is for update --check: add --check, or leave --json out");
  const dryRun = args.switches["dry-run"] || checkOnly;
  const where = whereOf(ctx.cwd, root);
  const target = await openForRun(ctx, root, where, dryRun);
  const recordText = ctx.fs.readTextSync(join(root, MANIFEST_PATH));
  // A project of another language's name is checked as init checked it: no Python distribution name.
  const foreignRoot = { otherLanguage: otherLanguage(new Set(ctx.fs.readdirSync(root))) !== undefined };
  const parsed = parseRecord(recordText, (key, value) => answerProblem(key, value, foreignRoot), TARGET_RULES);
  // --agents changes the tools the repository is written for: a tool dropped loses the files nobody edited; new
  // folders (--rules-dir, --commands-dir) move the files written there, as init moves them.
  const record = withGiven(parsed, args.given);
  if (compareVersions(record.version, ctx.version) > 0)
    throw new UsageError(
      `${MANIFEST_PATH} was written by create-spec-agent ${record.version}, newer than this ${ctx.version}: run npx create-spec-agent@latest update`,
    );
  const team = await recordedTeam(ctx, root, record, args);
  // Recorded when the repository was made: the uv on this machine's PATH changes nothing.
  const uvBuild = recordedUvBuild(record.uvBuild, record.files.get("pyproject.toml")?.base);
  // init left the project to its owner: its rules and tasks come from what it declares; a Taskfile.yml
  // the record does not list is the team's own, and the rules name its tasks.
  const ownersProject = !record.files.has("pyproject.toml");
  const teamTaskfile =
    ownersProject && !record.files.has("Taskfile.yml")
      ? readRepositoryFiles(ctx.fs, root, ["Taskfile.yml"]).current.get("Taskfile.yml")
      : undefined;
  // A project of another language, as init found it: its own commands, nothing of Python's.
  const foreign = ownersProject ? otherLanguage(new Set(ctx.fs.readdirSync(root))) : undefined;
  const owner = foreign
    ? foreignProjectAt(ctx.fs, root, foreign, record.answers.name)
    : ownersProject
      ? ownerProjectAt(ctx.fs, root, record.answers.name, undefined, teamTaskfile)
      : undefined;
  const preset = planPreset(ctx.fs, ctx.templatesDir, record.answers, ctx.version, uvBuild, team, owner);
  const planned = presetForRecord(foreign ? withoutPythonProject(preset) : preset, record.files).filter(
    (file) =>
      file.path !== MANIFEST_PATH &&
      !(teamTaskfile !== undefined && file.path === "Taskfile.yml") &&
      // The owner's own files, which init left alone: update neither merges into them nor reports them.
      !record.theirs.has(file.path),
  );

  const paths = new Set([...planned.map((f) => f.path), ...record.files.keys()]);
  paths.delete(MANIFEST_PATH);
  const { current: onDisk, notText } = readRepositoryFiles(ctx.fs, root, paths);
  // Decided on LF text (line endings are not edits); the pipeline writes each file in its owner's endings.
  const current = new Map([...onDisk].map(([path, text]) => [path, text === undefined ? undefined : toLf(text)]));
  // A conflict an earlier update left and nobody resolved would be taken for the owner's text, and forgotten.
  const unresolved = unresolvedConflict(current);
  if (unresolved) throw new UsageError(unresolved);
  const fates = planUpdate({
    bases: await basesOf(ctx, root, record, current),
    current,
    next: new Map(planned.map((f) => [f.path, f.contents])),
    labels: updateLabels(ctx.version),
    hubs: HUB_FILES,
  }).map((f): FileFate => (notText.has(f.path) ? { path: f.path, fate: "clash" } : f));
  const fateOf = new Map(fates.map((f) => [f.path, f]));
  const toWrite = planned.flatMap((file) => {
    const contents = fateOf.get(file.path)?.contents;
    return contents === undefined ? [] : [{ ...file, contents }];
  });
  // The new record: the new rendering is each file's base, but for files that were never ours.
  const recorded = planned.filter((file) => fateOf.get(file.path)?.fate !== "clash");
  const manifest = manifestFile(recorded, {
    version: ctx.version,
    template: "default",
    answers: contentAnswers(record.answers),
    uvBuild,
    packs: team?.records ?? [],
    theirs: [...record.theirs],
  });
  const removals = fates.flatMap((f) =>
    f.fate === "removed" ? [{ path: f.path, contents: onDisk.get(f.path) ?? "" }] : [],
  );
  const unchanged = toWrite.length + removals.length === 0 && sameText(recordText, manifest.contents);
  if (checkOnly)
    return reportBehind(ctx, fates, { recordText, manifest, record, next: team?.records, json: args.switches.json });
  const header = updateHeader(where, record.version, ctx.version, dryRun);
  ctx.out.write(formatUpdate(fates, current, header, dryRun, ctx.out.paint));
  // Nothing to change, the record included: the fates said so, and the writer would say it again.
  if (dryRun || unchanged) return;
  const conflicts = fates.flatMap((f) => (f.fate === "conflict" && f.stages ? [{ path: f.path, ...f.stages }] : []));
  const stages = await prepareStages(ctx.exec, root, conflicts);
  await runPipeline(ctx, {
    root,
    where,
    files: [...toWrite, manifest],
    dryRun: false,
    force: false,
    prompter: undefined,
    mode: {
      kind: "update",
      removals,
      beforeCommit: stages === undefined ? undefined : () => applyStages(ctx.exec, root, stages),
    },
    target,
  });
  // Written whole, conflicts staged: a signal that came during the last step still ends the run with 130.
  if (ctx.signal.aborted) throw new CancelledError("Cancelled: the update was written whole, its conflicts marked");
  if (stages) ctx.out.write(`${ctx.out.paint.yellow("!")} git status lists them as unmerged, for your merge tool\n`);
  const counts = countFates(fates);
  if (counts.conflict)
    throw new GenerateError(
      counts.conflict === 1
        ? "1 file has conflicts: resolve the <<<<<<< markers, then git add it"
        : `${counts.conflict} files have conflicts: resolve the <<<<<<< markers, then git add them`,
    );
}
