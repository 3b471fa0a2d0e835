/**
 * The table of AI tools (targets/table.ts) as the option table's `--agents` and folder questions read it:
 * loaded only by what asks, checks or describes them (create, init, update, --help, plop), so that `add`
 * and `check` start without evaluating the tools' modules (docs/performance.md, 2026-12-06, evening).
 */
type ToolTable = typeof import("../targets/table.js");

let loaded: ToolTable | undefined;

export async function loadToolTable(): Promise<ToolTable> {
  loaded ??= await import("../targets/table.js");
  return loaded;
}

/** The table, once loadToolTable() has run: a reader that comes first is a bug of ours, not of the input. */
export function toolTable(): ToolTable {
  if (loaded === undefined) throw new Error("the table of AI tools was read before loadToolTable()");
  return loaded;
}
