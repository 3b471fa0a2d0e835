/**
 * The tools' JSON settings: a file that does not parse is ignored by its tool
 * as a whole (its MCP servers, permissions and hooks with it). Most take
 * comments; a tool whose settings are plain JSON checks them in its own module.
 */
import { readJsonc } from "../merge/jsonc.js";
import type { Problem } from "./problems.js";

/** One file's problems, when it is one of the tools' JSON settings (`settings`). */
export function checkSettings(file: string, text: string, settings: readonly string[]): Problem[] {
  if (settings.includes(file) && text.trim() !== "" && readJsonc(text) === undefined)
    return [
      {
        file,
        line: 1,
        message: "does not parse as JSON (comments and trailing commas allowed), so the tool ignores it",
      },
    ];
  return [];
}
