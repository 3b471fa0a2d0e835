/**
 * A team's packs for a command: read them, ask their questions, and hand the
 * preset a layer that renders them over ours. Loaded only when a pack is
 * used, with Handlebars' compiler and node:crypto behind it.
 */
import { didYouMean } from "../core/closest.js";
import { UsageError } from "../core/errors.js";
import type { PackRecord } from "../core/manifest.js";
import { checkPackAnswer, type PackDefaults, type PackQuestion } from "../core/pack-manifest.js";
import { quoted } from "../core/quote.js";
import type { FileSystem } from "../io/fs.js";
import type { Prompter } from "../options/prompter.js";
import type { TeamLayer } from "../targets/preset.js";
import { locateRecordedPack, readTeamPack, recordedSource, type TeamPack } from "../templates/team-pack.js";
import { renderTeamPacks } from "../templates/team-render.js";

/** Each pack found from the first of `bases` that has it. */
export function readPacks(fs: FileSystem, refs: readonly string[], bases: readonly string[]): TeamPack[] {
  return refs.map((ref) => readTeamPack(fs, ref, bases));
}

/**
 * The packs the repository's record names, each found only inside the repository or installed (see
 * locateRecordedPack): the record is the repository's, and a folder elsewhere is the user's to name again.
 */
export function readRecordedPacks(fs: FileSystem, refs: readonly string[], root: string, namedBy: string): TeamPack[] {
  return refs.map((ref) => {
    const found = locateRecordedPack(fs, ref, root);
    if (found === undefined)
      throw new UsageError(
        `${namedBy} names the pack ${quoted(ref)}, which is neither a folder inside the repository nor an installed package: give it again with --template`,
      );
    return readTeamPack(fs, ref, [root], found);
  });
}

/** The answers a record keeps for the questions these packs ask (a question a pack dropped is dropped too). */
export function recordedAnswers(packs: readonly TeamPack[], recorded: readonly PackRecord[]): Record<string, string> {
  const asked = new Set(packs.flatMap((p) => p.manifest.questions.map((q) => q.name)));
  return Object.fromEntries(recorded.flatMap((p) => Object.entries(p.answers)).filter(([name]) => asked.has(name)));
}

/** Our questions' defaults from the packs, a later pack's winning. */
export function packDefaults(packs: readonly TeamPack[]): PackDefaults {
  return Object.assign({}, ...packs.map((pack) => pack.manifest.defaults));
}

/** Every pack question once (layered packs may share one), in pack order. */
function packQuestions(packs: readonly TeamPack[]): PackQuestion[] {
  const byName = new Map<string, PackQuestion>();
  for (const pack of packs) for (const q of pack.manifest.questions) byName.set(q.name, q);
  return [...byName.values()];
}

/** `--set` first, a prompt when a terminal is there, the pack's default otherwise. */
export async function answerPacks(
  packs: readonly TeamPack[],
  sets: Readonly<Record<string, string>>,
  prompter: Prompter | undefined,
): Promise<Record<string, string>> {
  const questions = packQuestions(packs);
  const names = questions.map((q) => q.name);
  for (const name of Object.keys(sets)) {
    if (!names.includes(name)) {
      const meant = didYouMean(name, names);
      throw new UsageError(
        `--set ${name}: no pack asks it (${names.length ? `they ask ${names.join(", ")}` : "they ask nothing"})${meant ? `: did you mean --set ${meant}=…?` : ""}`,
      );
    }
  }
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const given = sets[q.name];
    if (given !== undefined) {
      const problem = checkPackAnswer(q, given);
      if (problem) throw new UsageError(`--set ${q.name}: ${problem}`);
      answers[q.name] = given;
    } else if (prompter) {
      answers[q.name] = await prompter.text(q.message, q.default, (value) => checkPackAnswer(q, value));
    } else if (q.default !== undefined) {
      answers[q.name] = q.default;
    } else {
      throw new UsageError(`the template pack asks "${q.message}", which has no default: pass --set ${q.name}=VALUE`);
    }
  }
  return answers;
}

/**
 * `root`: the repository the records are for. `recorded`: the packs its record names now, whose sources are kept
 * for the same folder or package, however the user named it this time.
 */
export function teamLayer(
  packs: readonly TeamPack[],
  answers: Readonly<Record<string, string>>,
  root: string,
  recorded: readonly PackRecord[],
): TeamLayer {
  const records: PackRecord[] = packs.map((pack) => ({
    name: pack.manifest.name,
    version: pack.manifest.version,
    digest: pack.digest,
    source: recordedSource(pack, root, recorded),
    answers: Object.fromEntries(pack.manifest.questions.map((q) => [q.name, answers[q.name] as string])),
  }));
  return {
    render: (context) => renderTeamPacks(packs, { ...context, ...answers }, context.package),
    records,
  };
}
