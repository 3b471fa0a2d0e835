/** A unified diff of a clash, for the prompt's "diff" answer: loaded only when asked for. */
import { createTwoFilesPatch } from "diff";
import type { Paint } from "./paint.js";

export function formatDiff(path: string, theirs: string, ours: string, paint: Paint): string {
  const patch = createTwoFilesPatch(`${path} (yours)`, `${path} (the preset's)`, theirs, ours, "", "", { context: 3 });
  const lines = patch.split("\n").slice(1);
  return `${lines
    .map((line) =>
      line.startsWith("+") && !line.startsWith("+++")
        ? paint.green(line)
        : line.startsWith("-") && !line.startsWith("---")
          ? paint.red(line)
          : line,
    )
    .join("\n")}\n`;
}
