/** JSON the user wrote (a pack's manifest, a config file): one object, or a usage error that names the file. */
import { UsageError } from "./errors.js";

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A `fail` that throws the usage error for `file`, and the file's object. */
export function readJsonObject(
  text: string,
  file: string,
): { data: Record<string, unknown>; fail: (problem: string) => never } {
  const fail = (problem: string): never => {
    throw new UsageError(`${file}: ${problem}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(data)) return fail("must hold one JSON object");
  return { data, fail };
}
