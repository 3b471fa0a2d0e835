/**
 * Rendering a team's packs: full Handlebars (its compiler), strict and
 * unescaped like ours, loaded only when a pack is used (the bin carries our
 * own preset precompiled and keeps Handlebars in a file of its own).
 */
import Handlebars from "#handlebars";
import { UsageError } from "../core/errors.js";
import { packOutputPath } from "../core/pack-manifest.js";
import type { RenderedFile } from "../core/plan.js";
import { COMPILE_OPTIONS, registerHelpers } from "./engine.js";
import type { TeamPack } from "./team-pack.js";

/** Each pack's files, in pack order: a later pack's file at the same path wins. */
export function renderTeamPacks(
  packs: readonly TeamPack[],
  context: Readonly<Record<string, unknown>>,
  pkg: string,
): RenderedFile[] {
  const engine = registerHelpers(Handlebars.create());
  const byPath = new Map<string, RenderedFile>();
  for (const pack of packs) {
    for (const [source, text] of pack.files) {
      const path = packOutputPath(source, pack.manifest.name, pkg);
      try {
        byPath.set(path, { path, contents: engine.compile(text, COMPILE_OPTIONS)(context) });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new UsageError(`template pack "${pack.manifest.name}": templates/${source} failed to render: ${reason}`, {
          cause: error,
        });
      }
    }
  }
  return [...byPath.values()];
}
