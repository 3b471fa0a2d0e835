/**
 * Which clashes to overwrite: none without --force or a terminal; all with
 * --force; otherwise each is asked, the way Yeoman's conflicter asks
 * (overwrite, skip, show the diff, all, abort), Enter meaning skip.
 */
import { CancelledError } from "../core/errors.js";
import type { Choice, Prompter } from "./prompter.js";

export interface ClashOptions {
  force: boolean;
  prompter: Prompter | undefined;
  /** Shows how the file on disk and the preset's differ. */
  showDiff(path: string): Promise<void>;
}

const CHOICES: readonly Choice[] = [
  { title: "skip", value: "skip", description: "keep yours (the default)" },
  { title: "overwrite", value: "overwrite", description: "write the preset's over yours" },
  { title: "diff", value: "diff", description: "show the differences, then ask again" },
  { title: "all", value: "all", description: "overwrite this one and every clash after it" },
  { title: "abort", value: "abort", description: "stop: write nothing" },
];

/** The clashes to overwrite, in the order given. */
export async function resolveClashes(clashes: readonly string[], options: ClashOptions): Promise<Set<string>> {
  if (options.force) return new Set(clashes);
  const { prompter } = options;
  const overwrite = new Set<string>();
  if (!prompter) return overwrite;
  for (const [i, path] of clashes.entries()) {
    for (;;) {
      const answer = await prompter.select(`${path} exists and differs from the preset`, CHOICES, 0);
      if (answer === "diff") {
        await options.showDiff(path);
        continue;
      }
      if (answer === "abort") throw new CancelledError("Aborted at a clash: nothing was written.");
      if (answer === "all") for (const rest of clashes.slice(i)) overwrite.add(rest);
      if (answer === "overwrite") overwrite.add(path);
      if (answer === "all") return overwrite;
      break;
    }
  }
  return overwrite;
}
