/** update --check: what would change, one line a file (or JSON); behind is exit 1, for a CI step. */
import { isDeepStrictEqual } from "node:util";
import type { CommandContext } from "../context.js";
import { GenerateError } from "../core/errors.js";
import { isRecord } from "../core/json-input.js";
import type { PackRecord } from "../core/manifest.js";
import type { PlannedFile } from "../core/planned-file.js";
import type { FileFate } from "../core/update-plan.js";
import { behindMessage, behindReport, formatBehind, type PackMove } from "../ui/update-check.js";

/** The packs the update would record otherwise than the record does: another version, or other contents. */
function packMoves(recorded: readonly PackRecord[], next: readonly PackRecord[]): PackMove[] {
  return next.flatMap((pack) => {
    const before = recorded.find((p) => p.name === pack.name);
    if (before?.version === pack.version && before.digest === pack.digest) return [];
    return [
      before === undefined
        ? { name: pack.name, to: pack.version }
        : { name: pack.name, from: before.version, to: pack.version },
    ];
  });
}

/** A record with each pack's `source` left out: where a pack is found from is not what it holds. */
const withoutPackSources = (record: unknown): unknown =>
  isRecord(record) && Array.isArray(record.packs)
    ? { ...record, packs: record.packs.map((pack) => (isRecord(pack) ? { ...pack, source: undefined } : pack)) }
    : record;

export function reportBehind(
  ctx: CommandContext,
  fates: readonly FileFate[],
  job: {
    recordText: string;
    manifest: PlannedFile;
    /** The record as it is: its version and packs. */
    record: { version: string; packs: readonly PackRecord[] };
    /** The packs the update would record. */
    next: readonly PackRecord[] | undefined;
    json: boolean;
  },
): void {
  // What the record says, not how it is spaced: a record someone reformatted is not behind. Nor is one whose pack
  // is named from elsewhere (`--template ../pack` in the repository, `./pack` beside it at create): the same pack.
  const recordChanged = !isDeepStrictEqual(
    withoutPackSources(JSON.parse(job.recordText)),
    withoutPackSources(JSON.parse(job.manifest.contents)),
  );
  const report = behindReport(
    fates,
    recordChanged,
    job.record.version,
    ctx.version,
    packMoves(job.record.packs, job.next ?? []),
  );
  ctx.out.write(job.json ? `${JSON.stringify(report, null, 2)}\n` : formatBehind(report, ctx.out.paint));
  if (report.behind) throw new GenerateError(behindMessage(report));
}
