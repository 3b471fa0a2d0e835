/**
 * The three-way merge `update` uses: node-diff3's diff3 over lines, with git
 * merge-file's semantics (a change both sides made alike is no conflict) and
 * its conflict markers, so that editors and merge tools read the result.
 * A property test holds it to `git merge-file` itself.
 */
import { diff3Merge } from "node-diff3";

export interface MergeLabels {
  ours: string;
  theirs: string;
}

export interface MergeOutcome {
  text: string;
  conflicts: number;
}

/** Lines with their endings, so that a last line without one stays without one. */
const lines = (text: string): string[] => text.split(/(?<=\n)/).filter((line) => line !== "");
const ended = (text: string): string => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

export function mergeThreeWay(ours: string, base: string, theirs: string, labels: MergeLabels): MergeOutcome {
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true });
  let text = "";
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      text += region.ok.join("");
    } else if (region.conflict) {
      conflicts++;
      text += `<<<<<<< ${labels.ours}\n${ended(region.conflict.a.join(""))}=======\n${ended(region.conflict.b.join(""))}>>>>>>> ${labels.theirs}\n`;
    }
  }
  return { text, conflicts };
}
