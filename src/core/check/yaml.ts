/**
 * YAML for check, by js-yaml (a third of the `yaml` package's size in the
 * bundle): the value, or where and why it does not parse.
 */
import { load } from "js-yaml";

export type YamlRead = { ok: true; value: unknown } | { ok: false; line: number; reason: string };

/** `line` is 1-based, from the start of `text`. */
export function readYaml(text: string): YamlRead {
  try {
    return { ok: true, value: load(text) };
  } catch (error) {
    const { mark, reason, message } = error as { mark?: { line: number }; reason?: string; message: string };
    return { ok: false, line: (mark?.line ?? 0) + 1, reason: reason ?? message.split("\n")[0] ?? "" };
  }
}
