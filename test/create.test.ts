import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realFileSystem } from "../src/io/fs.js";
import { DEFAULT_DESCRIPTION } from "../src/options/table.js";
import { runCli, scriptedPrompter, tempDir } from "./support/context.js";
import { readTree, writeTree } from "./support/tree.js";

const manifestOf = (root: string) => JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8"));

describe("create-spec-agent DIR --yes", () => {
  it("writes the preset with defaults, runs no prompt, and prints next steps", async () => {
    const cwd = tempDir();
    const result = await runCli(["my-service", "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote \.\/my-service: \d+ new files/);
    expect(result.stdout).toContain("cd my-service");
    expect(result.stdout).toContain("task install");
    expect(manifestOf(join(cwd, "my-service")).answers).toEqual({
      name: "my-service",
      package: "my_service",
      description: DEFAULT_DESCRIPTION,
      author: "",
      python: "3.13",
      license: "Proprietary",
      agents: ["copilot", "agents-md"],
    });
  });

  it("takes every answer from flags", async () => {
    const cwd = tempDir();
    const argv = [
      "svc",
      "--name",
      "Acme.Tool",
      "--package",
      "acme",
      "--description",
      "Does: things & <stuff>",
      "--author=Zoë O'Brien",
      "--python",
      "3.12",
      "--agents",
      "claude,codex",
      "--license",
      "Apache-2.0",
      "--no-git",
      "--no-install",
    ];
    const result = await runCli(argv, { cwd });
    expect(result.code).toBe(0);
    const root = join(cwd, "svc");
    expect(manifestOf(root).answers).toEqual({
      name: "Acme.Tool",
      package: "acme",
      description: "Does: things & <stuff>",
      author: "Zoë O'Brien",
      python: "3.12",
      license: "Apache-2.0",
      agents: ["agents-md", "claude", "codex"],
    });
    expect(existsSync(join(root, "src/acme/cli.py"))).toBe(true);
    expect(readFileSync(join(root, ".python-version"), "utf8")).toBe("3.12\n");
  });

  it("takes a path whose parent exists, as create-vite does, and names the project after its last folder", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "apps"));
    const absolute = join(tempDir(), "abs-svc");
    expect((await runCli(["apps/web-api/", "--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
    expect(manifestOf(join(cwd, "apps/web-api")).answers.name).toBe("web-api");
    const result = await runCli([absolute, "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.stdout).toContain(`Wrote ${absolute}:`);
    expect(manifestOf(absolute).answers.name).toBe("abs-svc");
  });

  it("writes into the current folder with '.' and names the project after it", async () => {
    const cwd = join(tempDir(), "dot-project");
    mkdirSync(cwd);
    const result = await runCli([".", "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.code).toBe(0);
    expect(manifestOf(cwd).answers.name).toBe("dot-project");
    expect(result.stdout).not.toContain("cd ");
  });

  it("uses git config user.name as the default author and runs git init with a commit", async () => {
    const cwd = tempDir();
    const binDir = tempDir();
    writeFileSync(join(binDir, "git"), "");
    const result = await runCli(["svc", "--yes", "--no-install"], {
      cwd,
      env: { PATH: binDir },
      exec: (_command, args) => {
        if (args[0] === "config") return { status: 0, stdout: "Grace Hopper\n", stderr: "" };
        if (args[0] === "rev-parse") return { status: 128, stdout: "", stderr: "fatal: not a git repository" };
        return { status: 0, stdout: "", stderr: "" };
      },
    });
    expect(result.code).toBe(0);
    expect(manifestOf(join(cwd, "svc")).answers.author).toBe("Grace Hopper");
    expect(result.calls).toEqual([
      "git config user.name",
      "git rev-parse --is-inside-work-tree",
      "git init -q",
      expect.stringMatching(/^git --literal-pathspecs add -- \.agents\/skills\/.* tests\/test_cli\.py$/),
      "git commit -q -m Initial commit from create-spec-agent",
    ]);
    expect(result.stdout).toContain("git: initialised with a first commit");
  });

  it("reads the default author from a plain ~/.gitconfig without starting git", async () => {
    const cwd = tempDir();
    const home = tempDir();
    writeFileSync(join(home, ".gitconfig"), '[user]\n\tname = "Ada Lovelace"\n');
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], {
      cwd,
      env: { PATH: "", HOME: home, GIT_CONFIG_NOSYSTEM: "1" },
      exec: () => ({ status: 1, stdout: "", stderr: "" }),
    });
    expect(result.code).toBe(0);
    expect(result.calls).toEqual([]);
    expect(manifestOf(join(cwd, "svc")).answers.author).toBe("Ada Lovelace");
  });

  it("skips the first commit with a note when git has no identity", async () => {
    const binDir = tempDir();
    writeFileSync(join(binDir, "git"), "");
    const result = await runCli(["svc", "--yes", "--no-install", "--author", "A"], {
      cwd: tempDir(),
      env: { PATH: binDir },
      exec: (_command, args) =>
        args[0] === "commit"
          ? { status: 128, stdout: "", stderr: "Author identity unknown\n*** Please tell me who you are." }
          : { status: args[0] === "rev-parse" ? 128 : 0, stdout: "", stderr: "" },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no first commit because git has no user.name/user.email");
  });

  it("runs uv sync when uv is on PATH and reports its failure with exit 1, keeping the files", async () => {
    const cwd = tempDir();
    const binDir = tempDir();
    writeFileSync(join(binDir, "uv"), "");
    const result = await runCli(["svc", "--yes", "--no-git"], {
      cwd,
      env: { PATH: binDir },
      exec: () => ({ status: 2, stdout: "", stderr: "error: no network\n" }),
    });
    expect(result.calls).toEqual(["uv --version", "uv sync"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: uv sync failed (exit 2): error: no network; the files are written, run task install to retry\n",
    );
    expect(existsSync(join(cwd, "svc/pyproject.toml"))).toBe(true);
  });

  it("refuses, with exit 2 and nothing written, a target whose files' whole paths would pass the system's limit", async () => {
    // Folders of 240 bytes up to about 4,070: the target itself fits, its deepest files do not.
    let cwd = tempDir();
    while (Buffer.byteLength(cwd) < 3800) cwd = join(cwd, "x".repeat(240));
    cwd = join(cwd, "y".repeat(4070 - Buffer.byteLength(cwd) - 1));
    mkdirSync(cwd, { recursive: true });
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: \S+ would be \d+ bytes from the file system's root, over this system's 4095: /,
    );
    expect(existsSync(join(cwd, "svc"))).toBe(false);
  });

  it("treats a uv that cannot start (a pyenv shim's exit 127) as no uv: a warning, exit 0, install in next steps", async () => {
    const cwd = tempDir();
    const binDir = tempDir();
    writeFileSync(join(binDir, "uv"), "");
    const result = await runCli(["svc", "--yes", "--no-git"], {
      cwd,
      env: { PATH: binDir },
      exec: () => ({ status: 127, stdout: "", stderr: "pyenv: uv: command not found\n" }),
    });
    expect(result.calls).toEqual(["uv --version", "uv sync"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: uv: not run, the uv on PATH did not start here (pyenv: uv: command not found)",
    );
    expect(result.stdout).toContain("install uv: curl -LsSf https://astral.sh/uv/install.sh | sh");
    expect(result.stdout).toContain("task install");
  });

  it.each([
    ["npm/11.0.0 node/v20", "npm create spec-agent@latest"],
    ["pnpm/9.1.0 npm/? node/v20", "pnpm create spec-agent"],
    ["yarn/4.0.0 npm/? node/v20", "yarn create spec-agent"],
    ["bun/1.2.0 npm/? node/v20", "bun create spec-agent"],
  ])("prints next steps for %s", async (agent, command) => {
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], {
      cwd: tempDir(),
      env: { PATH: "", npm_config_user_agent: agent },
    });
    expect(result.stdout).toContain(command);
  });
});

describe("--dry-run", () => {
  it("prints every file as new and writes nothing", async () => {
    const cwd = tempDir();
    const result = await runCli(["svc", "--yes", "--dry-run"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}new {7}\.github\/agents\/backend-engineer\.agent\.md {2}\(\d+\.\d KiB\)$/m);
    expect(result.stdout).toMatch(/\d+ files: \d+ new, 0 identical, 0 to overwrite\./);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("reports identical and overwritten files in an existing tree, and a second run is all identical", async () => {
    const cwd = tempDir();
    await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd });
    const identical = await runCli(["svc", "--yes", "--dry-run", "--force"], { cwd });
    expect(identical.stdout).toMatch(/(\d+) files: 0 new, \1 identical, 0 to overwrite\./);
    writeFileSync(join(cwd, "svc/README.md"), "mine\n");
    const changed = await runCli(["svc", "--yes", "--dry-run", "--force"], { cwd });
    expect(changed.stdout).toMatch(/^ {2}overwrite README\.md/m);
    expect(readFileSync(join(cwd, "svc/README.md"), "utf8")).toBe("mine\n");
  });
});

describe("targets in the way", () => {
  it("refuses a folder with someone's files, naming them, and writes nothing", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    writeFileSync(join(cwd, "svc/notes.txt"), "mine\n");
    const result = await runCli(["svc", "--yes"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: ./svc is not empty (it holds notes.txt): choose a new folder, or pass --force to write the preset into it (none of its files would be overwritten)\n",
    );
    expect(readdirSync(join(cwd, "svc"))).toEqual(["notes.txt"]);
  });

  it("points to init and update for a repository it made, asked or not", async () => {
    const cwd = tempDir();
    await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd });
    const before = readFileSync(join(cwd, "svc/.spec-agent.json"), "utf8");
    // Another tool chosen: create over it would leave the dropped tool's files behind, unrecorded.
    const refused = await runCli(["svc", "--yes", "--agents", "claude"], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^error: \.\/svc is a repository create-spec-agent made \(to change it, run create-spec-agent init or update in it\): choose a new folder, or pass --force to write the preset into it \(\d+ of its files would be overwritten\)\n$/,
    );
    const prompter = scriptedPrompter([undefined]);
    await runCli(["svc"], { cwd, terminal: true, prompter });
    expect(prompter.asked).toEqual([
      "./svc is a repository create-spec-agent made (to change it, run create-spec-agent init or update in it). Write the preset into it? (files it holds under the preset's names would be overwritten)",
    ]);
    expect(readFileSync(join(cwd, "svc/.spec-agent.json"), "utf8")).toBe(before);
  });

  it("writes into a non-empty folder with --force, touching nothing else", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    writeFileSync(join(cwd, "svc/notes.txt"), "mine\n");
    writeFileSync(join(cwd, "svc/README.md"), "old\n");
    const result = await runCli(["svc", "--yes", "--force", "--no-git", "--no-install"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("overwritten: README.md");
    expect(readFileSync(join(cwd, "svc/notes.txt"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(cwd, "svc/README.md"), "utf8")).toContain("# svc");
  });

  it("treats a folder holding only .git as empty", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc/.git"), { recursive: true });
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.code).toBe(0);
  });

  it.each([
    [
      "a file",
      (cwd: string) => writeFileSync(join(cwd, "svc"), "x"),
      "error: ./svc is a file, not a folder: choose another name\n",
    ],
    [
      "a symbolic link",
      (cwd: string) => symlinkSync(tempDir(), join(cwd, "svc")),
      "error: ./svc is a symbolic link: give the folder it points to, or another name\n",
    ],
  ])("refuses %s with exit 2", async (_label, arrange, message) => {
    const cwd = tempDir();
    arrange(cwd);
    const result = await runCli(["svc", "--yes"], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: message });
  });
});

describe("running again", () => {
  it("into a folder that already holds the preset as it would be written: exit 0, nothing written", async () => {
    const cwd = tempDir();
    const argv = ["svc", "--yes", "--no-git", "--no-install", "--author", "A"];
    expect((await runCli(argv, { cwd })).code).toBe(0);
    // What uv sync and a virtual environment leave beside the preset is no reason to refuse.
    writeTree(join(cwd, "svc"), { "uv.lock": "version = 1\n", ".venv/pyvenv.cfg": "home = /usr\n" });
    const before = readTree(join(cwd, "svc"));
    const again = await runCli(argv, { cwd });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "./svc already holds every file of the preset as it would be written: nothing needed writing",
    );
    expect(readTree(join(cwd, "svc"))).toEqual(before);
  });

  it("still refuses, without --force, a folder where something would be written", async () => {
    const cwd = tempDir();
    const argv = ["svc", "--yes", "--no-git", "--no-install", "--author", "A"];
    expect((await runCli(argv, { cwd })).code).toBe(0);
    writeTree(join(cwd, "svc"), { "README.md": "mine\n" });
    const again = await runCli(argv, { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/a repository create-spec-agent made .*1 of its files would be overwritten/);
    expect(readTree(join(cwd, "svc"))["README.md"]).toBe("mine\n");
  });
});

describe("bad input", () => {
  it.each([
    [["class", "--yes"], 'error: Python package "class" is a Python keyword: pass --package\n'],
    [
      ["1password", "--yes"],
      'error: Python package "1password" is not a lower-case ASCII identifier: use a-z, 0-9 and _, not starting with a digit: pass --package\n',
    ],
    [["a/b", "--yes"], 'error: "a" does not exist: create it first, or give a folder name\n'],
    [["x", "--yes", "--dry-run=false"], "error: --dry-run takes no value: give --dry-run alone, or leave it out\n"],
    [["a", "b\nc"], 'error: unexpected argument "b\\nc": give one folder\n'],
    [
      ["--name", "a\u2028b"],
      'error: project name "a\\u2028b" is not a valid Python distribution name: use ASCII letters and digits, with . _ - only between them: pass a valid --name\n',
    ],
    [["..", "--yes"], 'error: folder ".." is not a name: give a folder name, or "." for the current folder\n'],
    [["x/..", "--yes"], 'error: folder ".." is not a name: give a folder name, or "." for the current folder\n'],
    [
      ["--name", "a/b", "--yes"],
      'error: project name "a/b" holds a path separator: give a plain name: pass a valid --name\n',
    ],
    [
      ["CON", "--yes"],
      'error: folder "CON" is a device name that Windows reserves: give a folder name, or "." for the current folder\n',
    ],
    [
      ["svc", "--yes", "--python", "3.9"],
      'error: Python version "3.9" is not one of 3.10 to 3.16 (released, or in development): pass a valid --python\n',
    ],
    [
      ["svc", "--description", "two\nlines"],
      "error: description must be one line of printable text (no line breaks, tabs or control characters): pass a valid --description\n",
    ],
    [["svc", "--bogus"], "error: unknown option --bogus: run create-spec-agent --help to see the options\n"],
    [["a", "b"], 'error: unexpected argument "b": give one folder\n'],
  ])("%j exits 2 with one line", async (argv, message) => {
    const cwd = tempDir();
    const result = await runCli(argv, { cwd });
    expect(result).toMatchObject({ code: 2, stderr: message, stdout: "" });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a parent that is a file is called a file, with no advice to create it", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "LICENSE"), "mine\n");
    const result = await runCli(["LICENSE/b", "--yes"], { cwd });
    expect(result).toMatchObject({
      code: 2,
      stderr: 'error: "LICENSE" is a file, not a folder: give a path inside a folder\n',
    });
  });

  it("without a terminal, a missing folder is an error naming the flag", async () => {
    const result = await runCli([], { cwd: tempDir() });
    expect(result).toMatchObject({
      code: 2,
      stderr:
        "error: missing the project folder: give it as the first argument or with --name (there is no terminal to ask)\n",
    });
  });

  it("--yes without a folder takes the default name", async () => {
    const cwd = tempDir();
    expect((await runCli(["--yes", "--no-git", "--no-install"], { cwd })).code).toBe(0);
    expect(readdirSync(cwd)).toEqual(["my-service"]);
  });

  it("refuses a package that hides a standard-library module of the chosen Python, or a dev tool: exit 2, nothing written", async () => {
    const cwd = tempDir();
    const result = await runCli(["json", "--yes", "--no-git", "--no-install"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: Python package "json" has the name of the standard-library module of Python 3.13, and the project could not import itself: choose another with --package\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
    for (const pkg of ["logging", "argparse", "sys", "importlib"]) {
      const refused = await runCli(["svc", "--package", pkg, "--yes", "--no-git", "--no-install"], { cwd });
      expect(refused.code, pkg).toBe(2);
    }
    const removed = ["telnetlib", "--yes", "--no-git", "--no-install"];
    expect((await runCli([...removed, "--python", "3.13"], { cwd: tempDir() })).code).toBe(0);
    const older = await runCli([...removed, "--python", "3.12"], { cwd: tempDir() });
    expect([older.code, older.stderr]).toEqual([2, expect.stringContaining("Python 3.12")]);
    const tool = await runCli(["pytest", "--yes", "--no-git", "--no-install"], { cwd: tempDir() });
    expect([tool.code, tool.stderr]).toEqual([2, expect.stringContaining("the dev tool of that name")]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("shows the stack only with --verbose", async () => {
    const quiet = await runCli(["--nope"], { cwd: tempDir() });
    expect(quiet.stderr).not.toContain("    at ");
    const verbose = await runCli(["--nope", "--verbose"], { cwd: tempDir() });
    expect(verbose.stderr).toContain("    at ");
  });
});

describe("interactive", () => {
  it("asks what flags did not give, with derived defaults, then writes", async () => {
    const cwd = tempDir();
    const prompter = scriptedPrompter(["web-api", undefined, "An API", "Ann", undefined, ["cursor", "gemini"], "MIT"]);
    const result = await runCli(["--no-git", "--no-install"], { cwd, terminal: true, prompter, env: { PATH: "" } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([
      "Project name",
      "Python package",
      "Description",
      "Author",
      "Python version",
      "AI tools to write for",
      "Licence",
    ]);
    expect(manifestOf(join(cwd, "web-api")).answers).toEqual({
      name: "web-api",
      package: "web_api",
      description: "An API",
      author: "Ann",
      python: "3.13",
      license: "MIT",
      agents: ["cursor", "gemini"],
    });
    expect(existsSync(join(cwd, "web-api/.github/agents"))).toBe(false);
    expect(existsSync(join(cwd, "web-api/.cursor/rules/project.mdc"))).toBe(true);
  });

  it("asks nothing a dry run makes moot: not git, not uv", async () => {
    const cwd = tempDir();
    // git and uv on PATH (a run asks about them then), as stand-ins: the exec of this context runs nothing.
    const tools = tempDir();
    for (const tool of ["git", "uv"]) writeFileSync(join(tools, tool), "");
    const prompter = scriptedPrompter([]);
    const env = { PATH: tools };
    const result = await runCli(["svc", "--dry-run", "--author", "Ann"], { cwd, terminal: true, prompter, env });
    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked).toEqual([
      "Python package",
      "Description",
      "Python version",
      "AI tools to write for",
      "Licence",
    ]);
    expect(readdirSync(cwd)).toEqual([]);
    // Without --dry-run, the same run asks them.
    const real = scriptedPrompter([undefined, undefined, undefined, undefined, undefined, false, false]);
    await runCli(["svc", "--author", "Ann"], { cwd, terminal: true, prompter: real, env });
    expect(real.asked.slice(-2)).toEqual([
      "Initialise a git repository with a first commit?",
      "Install the project with uv sync?",
    ]);
  });

  it("does not ask the name when the folder was given", async () => {
    const prompter = scriptedPrompter([]);
    await runCli(["svc", "--no-git", "--no-install"], { cwd: tempDir(), terminal: true, prompter });
    expect(prompter.asked[0]).toBe("Python package");
  });

  it("never prompts when CI is set", async () => {
    const result = await runCli([], { cwd: tempDir(), terminal: true, env: { PATH: "", CI: "true" } });
    expect(result.code).toBe(2);
  });

  it("exits 130 with nothing written when a prompt is cancelled", async () => {
    const cwd = tempDir();
    const result = await runCli([], {
      cwd,
      terminal: true,
      env: { NO_COLOR: "1" },
      prompter: scriptedPrompter(["svc", "cancel"]),
    });
    expect(result).toMatchObject({ code: 130, stderr: "✖ Cancelled: nothing was written.\n" });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("asks before writing into a non-empty folder, default no", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "svc"));
    writeFileSync(join(cwd, "svc/notes.txt"), "mine\n");
    const prompter = scriptedPrompter([undefined, undefined, undefined, undefined]);
    const result = await runCli(["svc", "--no-git", "--no-install"], { cwd, terminal: true, prompter });
    // Asked first, before the names: a no leaves nothing else asked.
    expect(prompter.asked).toEqual([
      "./svc is not empty (notes.txt). Write the preset into it? (files it holds under the preset's names would be overwritten)",
    ]);
    expect(result.code).toBe(130);
    expect(readdirSync(join(cwd, "svc"))).toEqual(["notes.txt"]);
  });
});

describe("--help and --version", () => {
  it("prints help to stdout", async () => {
    const result = await runCli(["--help"], { cwd: tempDir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage:");
  });

  it("prints the version", async () => {
    const result = await runCli(["-v"], { cwd: tempDir() });
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("I/O failures", () => {
  it("exits 1 with one line and leaves nothing when the target cannot be written", async () => {
    const cwd = tempDir();
    const fs = {
      ...realFileSystem,
      mkdirSync(path: string) {
        throw Object.assign(new Error(`EACCES: permission denied, mkdir '${path}'`), { code: "EACCES" });
      },
    };
    const result = await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd, fs });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: could not write .*svc: EACCES: permission denied, mkdir .*; nothing was written\n$/,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });
});
