/** A RunContext for tests: real files in a temp folder, captured output, scripted answers. */
import { accessSync, constants, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { ExecResult, RunContext } from "../../src/context.js";
import { CancelledError } from "../../src/core/errors.js";
import { realFileSystem } from "../../src/io/fs.js";
import { readVersion, templatesDir } from "../../src/io/package-info.js";
import type { Prompter } from "../../src/options/prompter.js";
import { run } from "../../src/run.js";

/** A git identity from the environment only, for git run by a child: no config file of this machine's counts. */
export const GIT_IDENTITY: Record<string, string> = {
  GIT_CONFIG_COUNT: "2",
  GIT_CONFIG_KEY_0: "user.name",
  GIT_CONFIG_VALUE_0: "Test",
  GIT_CONFIG_KEY_1: "user.email",
  GIT_CONFIG_VALUE_1: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};

export function tempDir(prefix = "spec-agent-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Linux's memory file system, when this machine has one we may write to. */
const MEMORY_FS = (() => {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return statSync("/dev/shm").isDirectory() ? "/dev/shm" : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * A temporary folder for tests that lay out and remove a repository per run (the property tests): in memory
 * where Linux has /dev/shm, else as tempDir. On this machine's disk (ext4 mounted with `discard`), removing a
 * 60-file tree takes 110-250 ms and copying it 30-55 ms; in /dev/shm 4 and 13 ms (docs/robustness.md).
 */
export function scratchDir(prefix = "spec-agent-"): string {
  return mkdtempSync(join(MEMORY_FS ?? tmpdir(), prefix));
}

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Answers a scripted list of questions; "cancel" acts as Ctrl-C. */
export function scriptedPrompter(
  answers: (string | boolean | string[] | "cancel" | undefined)[],
): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string, initial: unknown) => {
    asked.push(message);
    const answer = answers.shift();
    if (answer === "cancel") throw new CancelledError();
    return answer === undefined ? initial : answer;
  };
  return {
    asked,
    text: async (message, initial, validate) => {
      const value = next(message, initial) as string;
      const problem = validate(value);
      if (problem) throw new Error(`the prompt would refuse ${JSON.stringify(value)}: ${problem}`);
      return value;
    },
    confirm: async (message, initial) => next(message, initial) as boolean,
    multiselect: async (message, _choices, initial) => next(message, initial) as string[],
    select: async (message, choices, initial) => next(message, choices[initial]?.value) as string,
  };
}

export interface TestRun {
  code: number;
  stdout: string;
  stderr: string;
  calls: string[];
}

export interface TestOptions {
  cwd: string;
  terminal?: boolean;
  env?: Record<string, string | undefined>;
  prompter?: Prompter;
  exec?: (command: string, args: readonly string[], cwd: string, input?: string) => ExecResult;
  signal?: { readonly aborted: boolean };
  fs?: RunContext["fs"];
  lockOwner?: RunContext["lockOwner"];
}

export async function runCli(argv: string[], options: TestOptions): Promise<TestRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const calls: string[] = [];
  const exec =
    options.exec ??
    ((command: string, args: readonly string[]) => {
      calls.push([command, ...args].join(" "));
      return { status: 1, stdout: "", stderr: "" };
    });
  const code = await run({
    argv,
    cwd: options.cwd,
    env: options.env ?? { PATH: "" },
    stdout,
    stderr,
    platform: process.platform,
    isTerminal: () => options.terminal ?? false,
    fs: options.fs ?? realFileSystem,
    exec: async (command, args, cwd, input) => {
      const result = exec(command, args, cwd, input);
      if (options.exec) calls.push([command, ...args].join(" "));
      return result;
    },
    isExecutableFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
    createPrompter: async () => {
      if (!options.prompter) throw new Error("this test does not expect questions");
      return options.prompter;
    },
    signal: options.signal ?? { aborted: false },
    lockOwner: options.lockOwner ?? { pid: process.pid, isRunning: () => false },
    templatesDir,
    version: readVersion(),
  });
  return { code, stdout: stdout.text, stderr: stderr.text, calls };
}
