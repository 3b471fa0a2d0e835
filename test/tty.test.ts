/**
 * The built bin in a real terminal (issue 3): tmux runs it in a shell, send-keys
 * answers the prompts, capture-pane reads the screen. A full run with defaults,
 * Ctrl-C and Esc at every prompt (exit 130, nothing written, terminal restored),
 * an invalid answer, a non-empty target; and, without a terminal, exit 2 at once.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { DEFAULT_DESCRIPTION, DEFAULT_PYTHON, type Facts, QUESTIONS } from "../src/options/table.js";
import { loadToolTable } from "../src/options/tool-table.js";
import { DEFAULT_TARGETS, normalizeTargets, targetChoices } from "../src/targets/table.js";
import { hasTmux, NO_TMUX, TmuxServer, type TmuxSession } from "./support/tmux.js";

const bin = join(packageRoot, "dist/cli.cjs");
const tmuxThere = hasTmux();

const emptyDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The line prompts draws for an open question: `? Project name › my-service`. */
const asking = (message: string): RegExp => new RegExp(`^\\? ${escapeRegExp(message)} ›`, "m");
const EXIT = /^EXIT=(\d+)$/m;
/** The terminal modes a shell needs back: signals, line editing and echo. */
const TTY = /^TTY=(.*)$/m;
const RESTORED = "isig,icanon,echo";

const onPath = (command: string): boolean => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
/** The questions a run with no folder argument asks, in order, from the option table itself. */
const facts: Facts = {
  folderName: undefined,
  gitUserName: async () => "",
  hasGit: () => onPath("git"),
  hasUv: () => onPath("uv"),
  hasTask: () => onPath("task"),
  uvVersion: async () => undefined,
};
// The option table reads the AI tools once they are loaded, as the commands that ask about them do.
await loadToolTable();
// The questions a default run asks: not those only a chosen tool needs (the generic target's folders).
const PROMPTS = QUESTIONS.filter(
  (q) => q.askIf(facts) && (!("needed" in q) || q.needed?.({ agents: [...DEFAULT_TARGETS] }) !== false),
).map((q) => q.message);
const INSTALL = QUESTIONS.find((q) => q.key === "install")?.message;
const AGENTS = QUESTIONS.find((q) => q.key === "agents")?.message as string;
const AUTHOR = "Tmux Tester";
type TargetChoice = ReturnType<typeof targetChoices>[number];

describe.skipIf(!tmuxThere)(`in a real terminal (tmux)${tmuxThere ? "" : ` (skipped: ${NO_TMUX})`}`, () => {
  let server: TmuxServer;
  let harness: string;
  let session: TmuxSession | undefined;

  beforeAll(() => {
    server = new TmuxServer();
    const quote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;
    // Outside every target folder: the command the shell types, and a git identity of our own.
    harness = emptyDir("spec-agent-tty-harness-");
    writeFileSync(join(harness, "gitconfig"), `[user]\n\tname = ${AUTHOR}\n\temail = tmux@example.com\n`);
    // `cli ARGS` runs the bin, then prints its exit code and the terminal modes it left behind.
    writeFileSync(
      join(harness, "cli"),
      [
        "#!/bin/sh",
        `${quote(process.execPath)} ${quote(bin)} "$@"`,
        'echo "EXIT=$?"',
        "printf 'TTY=%s\\n' \"$(stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(isig|icanon|echo)' | paste -sd, -)\"",
        "",
      ].join("\n"),
    );
    chmodSync(join(harness, "cli"), 0o755);
    // tmux starts commands through the user's shell, which may reset PATH and drop PS1: the rc file sets them last.
    writeFileSync(
      join(harness, "bashrc"),
      [
        "PS1='$ '",
        "HISTFILE=",
        "unset CI",
        `export HOME=${quote(harness)}`,
        `export PATH=${quote(`${harness}${delimiter}${process.env.PATH ?? ""}`)}`,
        `export GIT_CONFIG_GLOBAL=${quote(join(harness, "gitconfig"))} GIT_CONFIG_NOSYSTEM=1`,
        `export NODE_COMPILE_CACHE=${quote(codeCache())}`,
        "",
      ].join("\n"),
    );
    // Two runs leave the program's code cache (src/io/code-cache.ts): the questions are asked by
    // the program as most runs start it, compiled from the cache.
    for (const name of ["one", "two"]) {
      const primed = spawnSync(process.execPath, [bin, name, "--yes", "--no-git", "--no-install"], {
        cwd: emptyDir("spec-agent-tty-prime-"),
        env: { ...process.env, NODE_COMPILE_CACHE: codeCache() },
      });
      expect(primed.status, String(primed.stderr)).toBe(0);
    }
  });
  const codeCache = (): string => join(harness, "code-cache");
  const cacheFile = (): string => join(codeCache(), readdirSync(codeCache())[0] as string);

  afterEach(() => {
    session?.kill();
    session = undefined;
  });

  afterAll(() => {
    server?.kill();
    if (harness) rmSync(harness, { recursive: true, force: true });
  });

  /** A plain bash in `cwd` with a `$ ` prompt, CI unset (CI=true turns prompts off), no history, no user rc files. */
  async function shell(cwd: string): Promise<TmuxSession> {
    session = server.start({
      cwd,
      command: `env -u CI bash --noprofile --rcfile '${join(harness, "bashrc")}'`,
    });
    await session.waitFor(/^\$ /m);
    return session;
  }

  async function runCli(s: TmuxSession, args = ""): Promise<void> {
    s.type(`cli ${args}`.trim());
    s.sendKeys("Enter");
    await s.waitFor(asking(args ? (PROMPTS[1] as string) : (PROMPTS[0] as string)));
  }

  /** Waits for the exit code; then checks the terminal was handed back as it was found. */
  async function expectExit(s: TmuxSession, code: number): Promise<string> {
    const [, status] = await s.waitFor(EXIT);
    const screen = s.screen();
    expect(Number(status), screen).toBe(code);
    const [, modes] = await s.waitFor(TTY);
    expect(modes, "stty after the CLI exited").toBe(RESTORED);
    expect(s.cursorVisible(), "the cursor is shown again").toBe(true);
    s.type("echo restored");
    s.sendKeys("Enter");
    await s.waitFor(/^restored$/m);
    return screen;
  }

  /** Takes the default at each of these questions, in order. */
  async function acceptDefaults(s: TmuxSession, prompts: readonly string[]): Promise<void> {
    for (const message of prompts) {
      await s.waitFor(asking(message));
      // uv sync would need the network: the one default not taken.
      if (message === INSTALL) s.type("n");
      else s.sendKeys("Enter");
    }
  }

  it(`asks ${PROMPTS.length} questions and writes the preset with their defaults`, async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    await runCli(s);
    s.type("demo");
    s.sendKeys("Enter");
    const cached = statSync(cacheFile());
    expect(cached.size).toBeGreaterThan(0);
    await acceptDefaults(s, PROMPTS.slice(1));
    const screen = await expectExit(s, 0);
    expect(screen).toContain("Wrote ./demo");
    expect(statSync(cacheFile()).mtimeMs, "the run compiled from the cache: a refused one is written again").toBe(
      cached.mtimeMs,
    );

    expect(existsSync(join(cwd, "demo/pyproject.toml"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, "demo/.spec-agent.json"), "utf8"));
    expect(manifest.answers).toEqual({
      name: "demo",
      package: "demo",
      description: DEFAULT_DESCRIPTION,
      author: facts.hasGit() ? AUTHOR : "",
      python: DEFAULT_PYTHON,
      license: "Proprietary",
      agents: ["copilot", "agents-md"],
    });
    // git's default is yes when git is there.
    expect(existsSync(join(cwd, "demo/.git"))).toBe(facts.hasGit());
  });

  it("chooses the AI tools with the arrow keys and space, and writes only theirs", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    await runCli(s, "picked");
    const before = PROMPTS.slice(1, PROMPTS.indexOf(AGENTS));
    await acceptDefaults(s, before);
    await s.waitFor(asking(AGENTS));
    // copilot (on, the first line) → off; down to claude, where the list has it → on.
    const order = targetChoices().map((choice) => choice.value);
    expect(order[0]).toBe("copilot");
    s.sendKeys("Space");
    for (let line = 0; line < order.indexOf("claude"); line++) s.sendKeys("Down");
    s.sendKeys("Space");
    s.sendKeys("Enter");
    await acceptDefaults(s, PROMPTS.slice(PROMPTS.indexOf(AGENTS) + 1));
    await expectExit(s, 0);
    const manifest = JSON.parse(readFileSync(join(cwd, "picked/.spec-agent.json"), "utf8"));
    expect(manifest.answers.agents).toEqual(["agents-md", "claude"]);
    expect(existsSync(join(cwd, "picked/.github/agents"))).toBe(false);
    expect(readFileSync(join(cwd, "picked/CLAUDE.md"), "utf8")).toContain("\n@AGENTS.md\n");
  });

  it("Ctrl-U clears what was typed, another control key enters nothing, and the licence is picked from a list", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    await runCli(s);
    s.type("typo");
    s.sendKeys("C-u", "C-b");
    s.type("lined");
    s.sendKeys("Enter");
    await s.waitFor(asking(PROMPTS[1] as string));
    expect(s.screen()).toMatch(/^✔ Project name … lined$/m);
    const LICENSE = QUESTIONS.find((q) => q.key === "license")?.message as string;
    await acceptDefaults(s, PROMPTS.slice(1, PROMPTS.indexOf(LICENSE)));
    await s.waitFor(asking(LICENSE));
    await s.waitFor(/^❯ +Proprietary$/m);
    expect(s.screen()).toMatch(/^ +MIT$/m);
    s.sendKeys("Down", "Enter");
    await acceptDefaults(s, PROMPTS.slice(PROMPTS.indexOf(LICENSE) + 1));
    await expectExit(s, 0);
    const manifest = JSON.parse(readFileSync(join(cwd, "lined/.spec-agent.json"), "utf8"));
    expect(manifest.answers.license).toBe("MIT");
    expect(manifest.answers.name).toBe("lined");
  });

  it("shows each tool's name and description, the defaults first, says which are chosen, and answers with the ids", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    await runCli(s, "listed");
    await acceptDefaults(s, PROMPTS.slice(1, PROMPTS.indexOf(AGENTS)));
    await s.waitFor(asking(AGENTS));
    const choices = targetChoices();
    const lineOf = (screen: string, id: string): number =>
      screen.split("\n").findIndex((line) => new RegExp(`[◉◯] +(❯ )?${escapeRegExp(id)} `).test(line));
    const first = s.screen();
    // In the table's choice order: the defaults, then by name.
    const shown = choices.slice(0, 6).map((c) => lineOf(first, c.value));
    expect(
      shown.every((line, i) => line > -1 && (i === 0 || line > (shown[i - 1] as number))),
      first,
    ).toBe(true);
    expect(first).toContain(`chosen: ${DEFAULT_TARGETS.join(", ")}`);
    // The line under the cursor has its description; going down shows the next one's instead.
    const [one, two] = choices as [TargetChoice, TargetChoice];
    expect(first).toContain(one.description.slice(0, 40));
    s.sendKeys("Down");
    await s.waitFor(new RegExp(escapeRegExp(two.description.slice(0, 40))));
    expect(s.screen()).not.toContain(one.description.slice(0, 40));
    // Choose the third: the hint says so before Enter, and the answered line gives the ids.
    const third = choices[2] as TargetChoice;
    s.sendKeys("Down");
    s.sendKeys("Space");
    await s.waitFor(new RegExp(`chosen: ${escapeRegExp([...DEFAULT_TARGETS, third.value].join(", "))}`));
    s.sendKeys("Enter");
    await s.waitFor(
      new RegExp(`^✔ ${escapeRegExp(AGENTS)} › ${escapeRegExp([...DEFAULT_TARGETS, third.value].join(", "))}$`, "m"),
    );
    await acceptDefaults(s, PROMPTS.slice(PROMPTS.indexOf(AGENTS) + 1));
    await expectExit(s, 0);
    const manifest = JSON.parse(readFileSync(join(cwd, "listed/.spec-agent.json"), "utf8"));
    expect(manifest.answers.agents).toEqual(normalizeTargets([...DEFAULT_TARGETS, third.value]));
  });

  describe.each([
    ["Ctrl-C", "C-c"],
    ["Esc", "Escape"],
  ])("%s", (_label, key) => {
    it.each(PROMPTS.map((message, i) => [message, i] as const))(
      "at %j: exit 130, nothing written, terminal restored",
      async (message, i) => {
        const cwd = emptyDir("spec-agent-tty-");
        const s = await shell(cwd);
        await runCli(s);
        await acceptDefaults(s, PROMPTS.slice(0, i));
        await s.waitFor(asking(message));
        s.sendKeys(key);
        const screen = await expectExit(s, 130);
        expect(screen).toContain("Cancelled: nothing was written.");
        expect(readdirSync(cwd)).toEqual([]);
      },
    );
  });

  it("shows why an invalid package is refused, stays on the question, then takes a valid one", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    await runCli(s);
    s.type("demo");
    s.sendKeys("Enter");
    await s.waitFor(asking("Python package"));
    s.type("class");
    s.sendKeys("Enter");
    await s.waitFor(/Python package "class" is a Python keyword/);
    expect(s.screen()).toMatch(asking("Python package"));
    expect(s.screen()).not.toMatch(asking(PROMPTS[2] as string));

    s.sendKeys(..."class".split("").map(() => "BSpace"));
    s.type("good_pkg");
    s.sendKeys("Enter");
    await s.waitFor(asking(PROMPTS[2] as string));
    expect(s.screen()).toMatch(/^✔ Python package … good_pkg$/m);

    s.sendKeys("C-c");
    await expectExit(s, 130);
    expect(readdirSync(cwd)).toEqual([]);
  });

  const NOT_EMPTY = /^\? \.\/existing is not empty \(notes\.txt\)\. Write the preset into it.*› \(y\/N\)/m;
  /** The lines prompts drew for questions: open (`?`), answered (`✔`) or cancelled (`✖`). */
  const questionsOn = (screen: string): string[] =>
    screen.split("\n").filter((line) => /^[?✔✖] /.test(line) && !line.startsWith("✖ Cancelled"));
  const ANSWERED_NOT_EMPTY = /^[?✔✖] \.\/existing is not empty \(notes\.txt\)\. Write the preset into it/;

  describe.each([
    ["Enter (default No)", "Enter"],
    ["Ctrl-C", "C-c"],
  ])("a folder that is not empty, answered with %s", (_label, key) => {
    it("asks at once, before any other question, and leaves it untouched", async () => {
      const cwd = emptyDir("spec-agent-tty-");
      mkdirSync(join(cwd, "existing"));
      writeFileSync(join(cwd, "existing/notes.txt"), "mine\n");
      const s = await shell(cwd);
      s.type("cli existing");
      s.sendKeys("Enter");
      await s.waitFor(NOT_EMPTY);
      s.sendKeys(key);
      const screen = await expectExit(s, 130);
      expect(screen).toContain("Cancelled: nothing was written.");
      expect(questionsOn(screen), "nothing else was asked").toEqual([expect.stringMatching(ANSWERED_NOT_EMPTY)]);
      expect(readdirSync(join(cwd, "existing"))).toEqual(["notes.txt"]);
      expect(readFileSync(join(cwd, "existing/notes.txt"), "utf8")).toBe("mine\n");
    });
  });

  it("asks about a folder that is not empty right after its name is typed; a no asks nothing more", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    mkdirSync(join(cwd, "existing"));
    writeFileSync(join(cwd, "existing/notes.txt"), "mine\n");
    const s = await shell(cwd);
    await runCli(s);
    s.type("existing");
    s.sendKeys("Enter");
    await s.waitFor(NOT_EMPTY);
    s.sendKeys("Enter");
    const screen = await expectExit(s, 130);
    expect(questionsOn(screen)).toEqual([
      expect.stringMatching(/^✔ Project name … existing$/),
      expect.stringMatching(ANSWERED_NOT_EMPTY),
    ]);
    expect(readdirSync(join(cwd, "existing"))).toEqual(["notes.txt"]);
  });

  it("a yes to the folder that is not empty is asked once: the rest of the questions, then the preset written beside", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    mkdirSync(join(cwd, "existing"));
    writeFileSync(join(cwd, "existing/notes.txt"), "mine\n");
    const s = await shell(cwd);
    s.type("cli existing");
    s.sendKeys("Enter");
    await s.waitFor(NOT_EMPTY);
    s.type("y");
    await acceptDefaults(s, PROMPTS.slice(1));
    const screen = await expectExit(s, 0);
    expect(screen.match(/is not empty/g)).toHaveLength(1);
    expect(readFileSync(join(cwd, "existing/notes.txt"), "utf8")).toBe("mine\n");
    expect(existsSync(join(cwd, "existing/pyproject.toml"))).toBe(true);
  });

  it("with NO_COLOR=1 the questions have no colour, and the multiselect marks the line under the cursor", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    s.type("NO_COLOR=1 cli plain");
    s.sendKeys("Enter");
    await acceptDefaults(s, PROMPTS.slice(1, PROMPTS.indexOf(AGENTS)));
    await s.waitFor(asking(AGENTS));
    const painted = (): string => server.tmux(["capture-pane", "-p", "-e", "-t", s.name]);
    // tmux keeps colour and underline as attributes; -e gives them back as escape sequences.
    expect(painted()).not.toContain("\u001b[");
    expect(s.screen()).toMatch(/^.*❯ copilot /m);
    expect(s.screen()).not.toMatch(/❯ agents-md /m);
    s.sendKeys("Down");
    await s.waitFor(/❯ agents-md /m);
    expect(s.screen()).not.toMatch(/❯ copilot /m);
    expect(painted()).not.toContain("\u001b[");
    s.sendKeys("C-c");
    await expectExit(s, 130);
  });

  it("colours each stream only when that stream is the terminal: 2>err.log gets no escape codes", async () => {
    const cwd = emptyDir("spec-agent-tty-");
    const s = await shell(cwd);
    s.type("cli --nope 2>err.log; cli --nope");
    s.sendKeys("Enter");
    await s.waitFor(/EXIT=2[\s\S]*EXIT=2/);
    const logged = readFileSync(join(cwd, "err.log"), "utf8");
    expect(logged).toMatch(/^error: unknown option --nope/);
    expect(logged).not.toContain("\u001b[");
    // The second run's stderr is the terminal: tmux keeps the colour as an attribute, so ask for it with -e.
    const painted = server.tmux(["capture-pane", "-p", "-e", "-t", s.name]);
    expect(painted).toMatch(/\u001b\[[0-9;]*31m(\u001b\[[0-9;]*m)*error/);
  });
});

describe("without a terminal", () => {
  it("exits 2 at once with one line naming --name and the folder argument, writing nothing", () => {
    const cwd = emptyDir("spec-agent-notty-");
    const { CI: _ci, ...env } = process.env;
    const result = spawnSync(process.execPath, [bin], {
      cwd,
      env: { ...env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"], // stdin is /dev/null
      encoding: "utf8",
      timeout: 5000,
    });
    expect(result.signal, "the CLI waited for input that cannot come").toBeNull();
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toEqual([expect.stringMatching(/--name/), ""]);
    expect(result.stderr).toMatch(/first argument/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
