/** Reading parsed TOML (smol-toml's output) without trusting its shape: a repository is untrusted input. */
export type Table = Record<string, unknown>;
export const table = (value: unknown): Table =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : {};
export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
export const at = (root: Table, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => table(v)[key], root);
