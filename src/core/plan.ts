/**
 * The plan is data: answers in, the exact files to write out (path, contents,
 * mode). Pure; --dry-run prints it, tests snapshot it, the writer and plop consume it.
 */
import { GenerateError } from "./errors.js";
import { type ContentAnswers, contentAnswers, MANIFEST_PATH, manifestFile, type PackRecord } from "./manifest.js";
import { byPath, checkPlannedPath, FILE_MODE, type PlannedFile } from "./planned-file.js";

/** A rendered template: where it lands and what it holds. */
export interface RenderedFile {
  path: string;
  contents: string;
}

/** Checks the rendered files, adds the manifest that records them, and sorts by path. */
export function planFiles(
  rendered: readonly RenderedFile[],
  answers: ContentAnswers,
  generatorVersion: string,
  template = "default",
  packs: readonly PackRecord[] = [],
  uvBuild?: string,
): PlannedFile[] {
  const seen = new Set<string>([MANIFEST_PATH]);
  const files: PlannedFile[] = [];
  for (const { path, contents } of rendered) {
    const problem = checkPlannedPath(path);
    if (problem) throw new GenerateError(`template pack "${template}" would write outside the rules: ${problem}`);
    if (seen.has(path.toLowerCase()))
      throw new GenerateError(
        `template pack "${template}" writes ${path} twice (names differing only in case clash on macOS and Windows)`,
      );
    seen.add(path.toLowerCase());
    files.push({ path, contents, mode: FILE_MODE });
  }
  files.sort(byPath);
  const record = {
    version: generatorVersion,
    template,
    answers: contentAnswers(answers),
    ...(uvBuild === undefined ? {} : { uvBuild }),
    packs,
  };
  return [...files, manifestFile(files, record)].sort(byPath);
}
