/**
 * The Pythons a generated project may target, and the standard library of
 * each: a package named like a standard-library module hides it, and which
 * names those are depends on the version (3.13 removed 19 modules).
 */

/** Oldest still supported upstream (3.9 reached its end in October 2025) to the one in development. */
export const PYTHON_MINORS = { lowest: 10, newestReleased: 15, inDevelopment: 16 } as const;

/** `sys.stdlib_module_names` of CPython 3.13 without private names, and `test`, which it leaves out. */
const STDLIB_313 =
  "test abc antigravity argparse array ast asyncio atexit base64 bdb binascii bisect builtins bz2 cProfile calendar cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg csv ctypes curses dataclasses datetime dbm decimal difflib dis doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib importlib inspect io ipaddress itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap modulefinder msvcrt multiprocessing netrc nt ntpath nturl2path numbers opcode operator optparse os pathlib pdb pickle pickletools pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib socket socketserver sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

/** Modules that left the standard library, with the last minor that had them (PEP 594, PEP 632, 3.12's removals). */
const REMOVED_AFTER: Readonly<Record<string, number>> = {
  binhex: 10,
  ...Object.fromEntries("asynchat asyncore distutils imp smtpd".split(" ").map((m) => [m, 11])),
  ...Object.fromEntries(
    "aifc audioop cgi cgitb chunk crypt imghdr lib2to3 mailcap msilib nis nntplib ossaudiodev pipes sndhdr spwd sunau telnetlib uu xdrlib"
      .split(" ")
      .map((m) => [m, 12]),
  ),
};

/** Modules that joined it, with the first minor that has them. */
const ADDED_IN: Readonly<Record<string, number>> = { tomllib: 11, annotationlib: 14, compression: 14, profiling: 15 };

let stdlib313: Set<string> | undefined;

/** Whether `name` is a top-level standard-library module of Python 3.`minor`. */
export function isStdlibModule(name: string, minor: number): boolean {
  const removedAfter = REMOVED_AFTER[name];
  if (removedAfter !== undefined) return minor <= removedAfter;
  const addedIn = ADDED_IN[name];
  if (addedIn !== undefined) return minor >= addedIn;
  stdlib313 ??= new Set(STDLIB_313.split(" "));
  return stdlib313.has(name);
}

/** The dev tools every generated project installs: a package of that name hides them from `uv run`. */
export const DEV_TOOLS = ["pytest", "ruff", "mypy"] as const;

/** What a project that exists declares about its Python: init's question about it (options/table.ts) starts here. */
export interface DeclaredPython {
  /** `requires-python` as written (or Poetry's `python` requirement); undefined where none is declared. */
  requires: string | undefined;
  /** The lowest `3.X` it names. */
  lowest: string | undefined;
  /** The supported minors (3.10 to 3.16) it admits, lowest first; undefined where none is declared or it is not read. */
  admitted: readonly number[] | undefined;
  /** The project keeps a `.python-version`: the workflows read that, not the answer. */
  versionFile: boolean;
}

/**
 * The Python offered for a project that exists: the lowest supported one its requires-python admits, upper
 * bounds and exclusions read (`>=3.8,<3.12` → 3.10, `>=3.10,!=3.10.*` → 3.11); `fallback` where it admits none
 * (init refuses that first: pythonAdmitsNone) or declares none. A requirement that is not read gives the lowest
 * it names, raised to the oldest supported.
 */
export function declaredPythonDefault(declared: DeclaredPython, fallback: string): string {
  if (declared.admitted !== undefined) {
    const [lowest] = declared.admitted;
    return lowest === undefined ? fallback : `3.${lowest}`;
  }
  const minor = declared.lowest === undefined ? Number.NaN : Number(declared.lowest.split(".")[1]);
  if (!(minor <= PYTHON_MINORS.inDevelopment)) return fallback;
  return `3.${Math.max(minor, PYTHON_MINORS.lowest)}`;
}

/** A requirement shown at a terminal: quoted only when it is plain (the repository is untrusted input). */
function requirementWords(requires: string | undefined): string {
  const plain = requires !== undefined && /^[\w .,<>=!~^*|]{1,40}$/.test(requires);
  return plain ? `requires-python "${requires}"` : "requires-python";
}

/** Why `python` (3.X, valid) is refused for CI: the project's own requires-python leaves it out. */
export function pythonOutsideDeclared(python: string, declared: DeclaredPython | undefined): string | undefined {
  const admitted = declared?.versionFile === false ? declared.admitted : undefined;
  if (admitted === undefined || admitted.length === 0 || admitted.includes(Number(python.split(".")[1])))
    return undefined;
  const choices = admitted.map((minor) => `3.${minor}`);
  return `Python ${python} is outside the project's ${requirementWords(declared?.requires)} (of ours it admits ${choices.join(", ")}), and uv would refuse it`;
}

/**
 * Why init cannot go on: the project's requires-python admits none of the Pythons we support, so CI could set up
 * none that uv accepts. Not where the project keeps a `.python-version` (the workflows read that one).
 */
export function pythonAdmitsNone(declared: DeclaredPython): string | undefined {
  if (declared.versionFile || declared.admitted === undefined || declared.admitted.length > 0) return undefined;
  return `the project's ${requirementWords(declared.requires)} admits none of Python 3.${PYTHON_MINORS.lowest} to 3.${PYTHON_MINORS.inDevelopment}, which init supports: widen it, or keep a .python-version of yours, then run init again`;
}

/** The words the question adds: what the answer is for here, and what the project itself declares. */
export function declaredPythonNote(declared: DeclaredPython): string {
  const spec = requirementWords(declared.requires);
  const minor = declared.lowest === undefined ? Number.NaN : Number(declared.lowest.split(".")[1]);
  if (declared.requires === undefined) return "for CI: the project declares no requires-python";
  if (minor < PYTHON_MINORS.lowest)
    return `for CI: the project's ${spec} starts below 3.${PYTHON_MINORS.lowest}, the oldest supported; the rules keep its own`;
  return `for CI: the project's ${spec}`;
}
