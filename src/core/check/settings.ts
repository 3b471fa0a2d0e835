/**
 * The tools' JSON settings: a file that does not parse is ignored by its tool
 * as a whole (its MCP servers, permissions and hooks with it). VS Code's files
 * take comments; Claude Code's settings are plain JSON, and its permissions
 * take only the keys Claude Code knows, each rule list an array of strings.
 */
import { isRecord } from "../json-input.js";
import { readJsonc } from "../merge/jsonc.js";
import type { Problem } from "./problems.js";

const CLAUDE_SETTINGS = ".claude/settings.json";
const JSONC_SETTINGS = [
  ".vscode/settings.json",
  ".vscode/mcp.json",
  ".mcp.json",
  ".cursor/mcp.json",
  ".gemini/settings.json",
];
const PERMISSION_KEYS = [
  "allow",
  "ask",
  "deny",
  "defaultMode",
  "additionalDirectories",
  "disableBypassPermissionsMode",
];
const RULE_LISTS = ["allow", "ask", "deny"];

const lineOf = (text: string, key: string): number =>
  text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1 || 1;

function checkClaude(text: string): Problem[] {
  const file = CLAUDE_SETTINGS;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ file, line: 1, message: `is not valid JSON, so Claude Code ignores it: ${reason}` }];
  }
  const permissions = isRecord(data) ? data.permissions : undefined;
  if (!isRecord(permissions)) return [];
  const problems: Problem[] = [];
  for (const key of Object.keys(permissions)) {
    if (!PERMISSION_KEYS.includes(key))
      problems.push({
        file,
        line: lineOf(text, key),
        message: `permissions has no key "${key}": use ${PERMISSION_KEYS.join(", ")}`,
      });
    else if (RULE_LISTS.includes(key)) {
      const rules = permissions[key];
      if (!Array.isArray(rules) || rules.some((rule) => typeof rule !== "string"))
        problems.push({
          file,
          line: lineOf(text, key),
          message: `permissions.${key} must be a list of rules such as "Bash(task:*)"`,
        });
    }
  }
  return problems;
}

/** One file's problems, when it is one of the tools' JSON settings. */
export function checkSettings(file: string, text: string): Problem[] {
  if (file === CLAUDE_SETTINGS) return checkClaude(text);
  if (JSONC_SETTINGS.includes(file) && text.trim() !== "" && readJsonc(text) === undefined)
    return [
      {
        file,
        line: 1,
        message: "does not parse as JSON (comments and trailing commas allowed), so the tool ignores it",
      },
    ];
  return [];
}
