/** A comma list as typed: `copilot, claude` → ["copilot", "claude"]. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
