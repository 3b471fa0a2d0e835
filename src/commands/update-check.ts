/** update --check: what would change, one line a file (or JSON); behind is exit 1, for a CI step. */
import { isDeepStrictEqual } from "node:util";
import type { CommandContext } from "../context.js";
import { GenerateError } from "../core/errors.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileFate } from "../core/update-plan.js";
import { behindMessage, behindReport, formatBehind } from "../ui/update-check.js";

export function reportBehind(
  ctx: CommandContext,
  fates: readonly FileFate[],
  job: { recordText: string; manifest: PlannedFile; from: string; json: boolean },
): void {
  // What the record says, not how it is spaced: a record someone reformatted is not behind.
  const recordChanged = !isDeepStrictEqual(JSON.parse(job.recordText), JSON.parse(job.manifest.contents));
  const report = behindReport(fates, recordChanged, job.from, ctx.version);
  ctx.out.write(job.json ? `${JSON.stringify(report, null, 2)}\n` : formatBehind(report, ctx.out.paint));
  if (report.behind) throw new GenerateError(behindMessage(report));
}
