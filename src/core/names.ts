/**
 * Name rules, from PEP 508 (distribution names), the Python language
 * (import packages) and Windows (folder and file names a clone must hold).
 * Each check returns a one-line reason, or undefined when the name is fine.
 */
import { DEV_TOOLS, isStdlibModule, PYTHON_MINORS } from "./python.js";
import { quoted } from "./quote.js";
import { CLI_ROUTE } from "./route.js";

// Letter cases spelt out: a case-insensitive regex costs V8 a tenth of a millisecond to compile.
const DISTRIBUTION_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const IMPORT_PACKAGE = /^[a-z_][a-z0-9_]*$/;
const PYTHON_VERSION = /^3\.(\d{1,2})$/;
/** Project and package names: far beyond any real one, well within every path limit. */
const NAME_LIMIT = 100;

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/**
 * Names Windows reserves for devices, with or without an extension; tested on the lower-cased name. The
 * digits ¹²³ are escapes: one character outside ASCII in the bundle makes V8 hold all of its 150 KB as
 * UTF-16, decoded on the slow path at every start (docs/performance.md).
 */
const WINDOWS_RESERVED =
  /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(\..*)?$/;
/** How every device name starts (conin$ and conout$ with con). */
const DEVICE_STARTS = ["con", "prn", "aux", "nul", "com", "lpt"];
/** Characters Windows refuses in a file name, and control characters. */
const WINDOWS_FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;

/** PEP 503 normal form: runs of -, _ and . become one -, lower case. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** The import package a distribution name gives by default: my-Service.x -> my_service_x. */
export function packageFromName(name: string): string {
  return normalizeName(name).replace(/-/g, "_");
}

/** A single path segment that every OS can hold and that stays where it is put. */
export function checkPathSegment(segment: string): string | undefined {
  if (segment === "") return "is empty";
  // File systems hold at most 255 bytes in a name (ext4, APFS; NTFS 255 UTF-16 units).
  if (Buffer.byteLength(segment) > 255) return `${quoted(`${segment.slice(0, 20)}…`)} is longer than 255 bytes`;
  if (segment === "." || segment === "..") return `${quoted(segment)} is not a name`;
  // String tests where they say the same as a regular expression: V8 compiles one to machine code on its second
  // run, which no code cache keeps, and a run of add checks four names.
  if (segment.includes("/") || segment.includes("\\"))
    return `${quoted(segment)} holds a path separator: give a plain name`;
  const forbidden = WINDOWS_FORBIDDEN.exec(segment);
  if (forbidden) return `${quoted(segment)} holds ${quoted(forbidden[0])}, which Windows does not allow in names`;
  if (segment.endsWith(".") || segment.endsWith(" "))
    return `${quoted(segment)} ends with a dot or space, which Windows drops`;
  const lower = segment.toLowerCase();
  if (DEVICE_STARTS.includes(lower.slice(0, 3)) && WINDOWS_RESERVED.test(lower))
    return `${quoted(segment)} is a device name that Windows reserves`;
  return undefined;
}

/** Bidirectional controls: a name that reads differently from what it is. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The project folder, created in the current folder. */
export function checkFolderName(name: string): string | undefined {
  const problem = checkPathSegment(name);
  if (problem) return `folder ${problem}`;
  if (BIDI.test(name))
    return `folder ${quoted(name)} holds a bidirectional control, which makes it read as another name`;
  if (name.startsWith("-")) return `folder ${quoted(name)} starts with "-", which reads as an option`;
  return undefined;
}

/** The project's distribution name (PEP 508), also its command name. */
export function checkProjectName(name: string): string | undefined {
  if (name === "") return "project name is empty";
  const segment = checkPathSegment(name);
  if (segment) return `project name ${segment}`;
  if (name.length > NAME_LIMIT) return `project name is longer than ${NAME_LIMIT} characters`;
  if (!DISTRIBUTION_NAME.test(name)) {
    return `project name ${quoted(name)} is not a valid Python distribution name: use ASCII letters and digits, with . _ - only between them`;
  }
  return undefined;
}

/**
 * The name of a project in another language (a Go module, an npm package, a folder named `owner+repo`): no
 * Python distribution is made of it, so PEP 508 does not apply. It names the project in the rules, inside
 * a code span: one line of printable text without a backtick.
 */
export function checkOtherProjectName(name: string): string | undefined {
  if (name.trim() === "") return "project name is empty";
  if (name.length > NAME_LIMIT) return `project name is longer than ${NAME_LIMIT} characters`;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029`]/.test(name) || BIDI.test(name) || !name.isWellFormed())
    return `project name ${quoted(name)} must be one line of printable text without a backtick`;
  return undefined;
}

/** An import package from any name (`2fa+cli` → `_2fa_cli`): the record's, where no Python package is written. */
export function importPackageFrom(name: string): string {
  const pkg = packageFromName(name)
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, NAME_LIMIT - 1);
  const identifier = /^[a-z_]/.test(pkg) ? pkg : `_${pkg}`;
  return PYTHON_KEYWORDS.has(identifier) ? `${identifier}_` : identifier;
}

/** The Python import package under src/. */
export function checkPackageName(pkg: string): string | undefined {
  if (pkg === "") return "Python package name is empty";
  if (!IMPORT_PACKAGE.test(pkg)) {
    return `Python package ${quoted(pkg)} is not a lower-case ASCII identifier: use a-z, 0-9 and _, not starting with a digit`;
  }
  if (PYTHON_KEYWORDS.has(pkg)) return `Python package ${quoted(pkg)} is a Python keyword`;
  if (pkg.length > NAME_LIMIT) return `Python package name is longer than ${NAME_LIMIT} characters`;
  const segment = checkPathSegment(pkg);
  if (segment) return `Python package ${segment}`;
  return undefined;
}

/** What the package would hide in that Python, if anything. */
export function shadowedModule(pkg: string, python: string): string | undefined {
  const minor = Number(PYTHON_VERSION.exec(python)?.[1]);
  if (isStdlibModule(pkg, minor)) return `the standard-library module of Python ${python}`;
  if ((DEV_TOOLS as readonly string[]).includes(pkg)) return "the dev tool of that name, which the project installs";
  return undefined;
}

/**
 * A package named like a standard-library module or a dev tool breaks the
 * project: the standard library comes first on sys.path, so `import json`
 * finds Python's own and the skeleton's `from json import cli` fails; a dev
 * tool's name makes `uv run pytest` import the project instead. An error, then.
 */
export function checkPackageForPython(
  pkg: string,
  python: string,
  packageInput: string = CLI_ROUTE.packageInput,
): string | undefined {
  const shadowed = shadowedModule(pkg, python);
  return shadowed
    ? `Python package ${quoted(pkg)} has the name of ${shadowed}, and the project could not import itself: choose another with ${packageInput}`
    : undefined;
}

export function checkPythonVersion(version: string): string | undefined {
  const match = PYTHON_VERSION.exec(version);
  const minor = match ? Number(match[1]) : Number.NaN;
  const { lowest, inDevelopment } = PYTHON_MINORS;
  if (!(minor >= lowest && minor <= inDevelopment)) {
    // A full version (3.12.1, python3.12) names its minor: the project pins only that.
    const named = /^(?:python)?3\.(\d{1,2})(?:\.\d+)*$/i.exec(version.trim())?.[1];
    const meant = named !== undefined && Number(named) >= lowest && Number(named) <= inDevelopment;
    const versions = `3.${lowest} to 3.${inDevelopment}`;
    if (meant) return `Python version ${quoted(version)} is not one of ${versions} (did you mean 3.${Number(named)}?)`;
    return `Python version ${quoted(version)} is not one of ${versions} (released, or in development)`;
  }
  return undefined;
}

/**
 * Free text that lands in TOML, YAML, JSON and Markdown: one line of printable
 * characters. Line breaks would end a summary; control characters and lone
 * surrogates cannot be written as UTF-8 text that every parser reads back.
 */
export function checkOneLine(label: string, value: string, { required }: { required: boolean }): string | undefined {
  if (required && value.trim() === "") return `${label} is empty`;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    return `${label} must be one line of printable text (no line breaks, tabs or control characters)`;
  }
  if (!value.isWellFormed()) return `${label} holds a broken character (a lone UTF-16 surrogate)`;
  if (value.length > 1000) return `${label} is longer than 1,000 characters`;
  return undefined;
}
