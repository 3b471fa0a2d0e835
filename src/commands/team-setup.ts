/**
 * The team's layers for a command that writes the preset (create, init): the config file and SPEC_AGENT_*
 * defaults, and the packs (--template, or the config's), whose questions are answered after ours. The packs'
 * own code (Handlebars, hashing) loads only when one is named.
 */

import { isAbsolute, relative } from "node:path";
import type { CommandContext } from "../context.js";
import { UsageError } from "../core/errors.js";
import { MANIFEST_PATH, type PackRecord } from "../core/manifest.js";
import { parseSets, type TeamDefaults, teamLayers } from "../options/config.js";
import type { Values } from "../options/flags.js";
import type { Prompter } from "../options/prompter.js";
import type { TeamLayer } from "../targets/preset.js";

export interface TeamSetup {
  /** Under the flags, over our own defaults: the environment, then the config file, then the packs. */
  defaults: TeamDefaults;
  /** Whether any pack is used: only then is there a question to ask. */
  packed: boolean;
  /**
   * Asks the packs' questions (or takes --set and their defaults), once our answers are in. `root`: the
   * repository's, from which the record names each pack's folder.
   */
  layer(prompter: Prompter | undefined, root: string): Promise<TeamLayer | undefined>;
}

/** A repository the command works in (init, update), and the packs its record names. */
export interface InRepository {
  root: string;
  packs: readonly PackRecord[];
}

/**
 * `repository`: the command works in one, whose bytes are not the user's: the packs its record names are
 * taken when neither --template nor a config names any, and the packs a config file inside it names are found
 * only inside it or installed, as a record's are. `cwd`: where the user's --template and config are found from.
 */
export async function teamSetup(
  ctx: CommandContext,
  values: Values,
  cwd: string,
  repository?: InRepository,
): Promise<TeamSetup> {
  const layers = teamLayers(ctx.fs, cwd, ctx.env, values.config[0]);
  const recorded = repository?.packs ?? [];
  const refs = values.template.length ? values.template : layers.templates;
  const sets = { ...layers.sets, ...parseSets(values.set) };
  if (refs.length + recorded.length === 0) {
    if (Object.keys(sets).length)
      throw new UsageError("--set answers a template pack's question: give the pack with --template");
    return { defaults: layers.defaults, packed: false, layer: async () => undefined };
  }
  const team = await import("./team.js");
  const root = repository?.root ?? cwd;
  const untrusted = fromRepository(values.template.length > 0, refs, layers.templatesFoundIn, root, repository)
    ? untrustedRefs(refs, recorded, layers.templatesFoundIn, root)
    : undefined;
  const packs = untrusted
    ? team.readRecordedPacks(ctx.fs, untrusted.refs, root, untrusted.namedBy)
    : team.readPacks(ctx.fs, refs, [cwd]);
  const answers = { ...team.recordedAnswers(packs, recorded), ...sets };
  return {
    defaults: { ...team.packDefaults(packs), ...layers.defaults },
    packed: true,
    layer: async (prompter, at) =>
      team.teamLayer(packs, await team.answerPacks(packs, answers, prompter), at, recorded),
  };
}

/** Whether the packs come from the repository (its record, or a config file inside it) rather than from the user. */
function fromRepository(
  named: boolean,
  refs: readonly string[],
  config: string | undefined,
  cwd: string,
  repository: InRepository | undefined,
): boolean {
  if (named || repository === undefined) return false;
  if (refs.length === 0) return true;
  return config !== undefined && isInside(cwd, config);
}

/** The refs the repository names, and who names them: the config file inside it (its paths made relative), or the record. */
function untrustedRefs(
  refs: readonly string[],
  recorded: readonly PackRecord[],
  config: string | undefined,
  cwd: string,
): { refs: string[]; namedBy: string } {
  if (refs.length === 0) return { refs: recorded.map((p) => p.source), namedBy: MANIFEST_PATH };
  return {
    refs: refs.map((ref) => (isAbsolute(ref) ? relative(cwd, ref) : ref)),
    namedBy: relative(cwd, config as string),
  };
}

const isInside = (root: string, file: string): boolean => {
  const path = relative(root, file);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
};
