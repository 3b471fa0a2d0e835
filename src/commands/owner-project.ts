/**
 * A project that exists, as init and update read it: the statements about it
 * and its tasks come from what its pyproject.toml and tree declare.
 */
import { readProjectFacts } from "../core/project-facts.js";
import type { FileSystem } from "../io/fs.js";
import { projectSourcesAt } from "../io/project-files.js";
import { type OwnerProject, ownerTexts } from "../targets/owner-texts.js";

/** Undefined without a pyproject.toml, or where it holds exactly `ours` (the preset's own, from create or an earlier init). */
export function ownerProjectAt(fs: FileSystem, root: string, name: string, ours?: string): OwnerProject | undefined {
  const sources = projectSourcesAt(fs, root);
  if (sources === undefined || sources.pyproject === ours) return undefined;
  return ownerTexts(readProjectFacts(sources), name);
}
