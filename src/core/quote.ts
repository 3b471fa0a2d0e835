/**
 * Quoting for values placed inside YAML and TOML by templates. Each returns a
 * complete scalar (quotes included) that parses back to exactly the input.
 */

/** Characters YAML reads as line breaks or refuses unescaped, even inside quotes. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
/** Characters a TOML basic string must escape besides quote and backslash. */
const TOML_CONTROL = /[\u0000-\u001f\u007f]/g;
const TOML_SHORT: Record<string, string> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };

/** A UTF-16 code unit as `\\uXXXX`. */
export const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Double-quoted with every line break and control character escaped, so it
 * stays on one line: a YAML double-quoted scalar (JSON's escapes are a subset
 * of YAML's), and the way error messages show what the user typed.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(YAML_UNSAFE, unicodeEscape);
}

export const quoted = yamlString;

/** A TOML basic string. */
export function tomlString(value: string): string {
  const body = value
    .replace(/["\\]/g, (char) => `\\${char}`)
    .replace(TOML_CONTROL, (char) => TOML_SHORT[char] ?? unicodeEscape(char));
  return `"${body}"`;
}

/** Control characters a TOML multi-line basic string must escape: all but tab and line feed. */
const TOML_MULTILINE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A TOML multi-line basic string, for a Markdown body kept readable: line
 * breaks stay as they are; backslashes, control characters and any run of
 * three quotes are escaped. The opening line break is trimmed by TOML itself.
 */
export function tomlMultiline(value: string): string {
  const body = value
    .replace(/\\/g, "\\\\")
    .replace(/"(?="")/g, '\\"')
    .replace(/"$/, '\\"')
    .replace(TOML_MULTILINE_CONTROL, (char) => TOML_SHORT[char] ?? unicodeEscape(char));
  return `"""\n${body}"""`;
}

/** A YAML single-quoted scalar: one line of text, with `'` doubled. */
export function yamlSingle(value: string): string {
  if (/[\n\r]/.test(value)) throw new Error("a single-quoted YAML scalar here holds one line");
  return `'${value.replaceAll("'", "''")}'`;
}
