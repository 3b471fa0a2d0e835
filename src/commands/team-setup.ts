/**
 * The team's layers for a command that writes the preset (create, init): the config file and SPEC_AGENT_*
 * defaults, and the packs (--template, or the config's), whose questions are answered after ours. The packs'
 * own code (Handlebars, hashing) loads only when one is named.
 */
import type { CommandContext } from "../context.js";
import { UsageError } from "../core/errors.js";
import type { PackRecord } from "../core/manifest.js";
import { parseSets, type TeamDefaults, teamLayers } from "../options/config.js";
import type { Values } from "../options/flags.js";
import type { Prompter } from "../options/prompter.js";
import type { TeamLayer } from "../targets/preset.js";

export interface TeamSetup {
  /** Under the flags, over our own defaults: the environment, then the config file, then the packs. */
  defaults: TeamDefaults;
  /** Asks the packs' questions (or takes --set and their defaults), once our answers are in. */
  layer(prompter: Prompter | undefined): Promise<TeamLayer | undefined>;
}

/**
 * `recorded`: the packs the repository's record names (init in a repository made with --template), taken when
 * neither --template nor the config names any, and then found only inside the repository or installed.
 */
export async function teamSetup(
  ctx: CommandContext,
  values: Values,
  cwd: string,
  recorded: readonly PackRecord[] = [],
): Promise<TeamSetup> {
  const layers = teamLayers(ctx.fs, cwd, ctx.env, values.config[0]);
  const refs = values.template.length ? values.template : layers.templates;
  const sets = { ...layers.sets, ...parseSets(values.set) };
  if (refs.length + recorded.length === 0) {
    if (Object.keys(sets).length)
      throw new UsageError("--set answers a template pack's question: give the pack with --template");
    return { defaults: layers.defaults, layer: async () => undefined };
  }
  const team = await import("./team.js");
  const packs = refs.length
    ? team.readPacks(ctx.fs, refs, [cwd])
    : team.readRecordedPacks(
        ctx.fs,
        recorded.map((p) => p.source),
        cwd,
      );
  const answers = { ...team.recordedAnswers(packs, recorded), ...sets };
  return {
    defaults: { ...team.packDefaults(packs), ...layers.defaults },
    layer: async (prompter) => team.teamLayer(packs, await team.answerPacks(packs, answers, prompter)),
  };
}
