/**
 * The run context: everything a command may touch outside itself (the
 * file system, the output streams, other programs, the terminal, signals),
 * passed in, so that tests give their own. `nodeContext` builds the real one
 * from the process it is handed; only the entry points (cli.ts, plop.ts) hand it.
 */
import { nodeRequire } from "#location";
import { type FileSystem, nodeFs, realFileSystem } from "./io/fs.js";
import { guardedArgs } from "./io/git-guard.js";
import type { Env, Exec, ExecResult, Interruption } from "./io/host.js";
import { readVersion, templatesDir } from "./io/package-info.js";
import type { LockOwner } from "./io/target/lock.js";
import { createPrompter, type Prompter } from "./options/prompter.js";
import { type DescriptorOutput, descriptorOutput, isTerminal, type Output } from "./ui/output.js";
import { colorEnabled, type Printer } from "./ui/paint.js";

export type { Env, Exec, ExecResult, Interruption };

export interface RunContext {
  argv: readonly string[];
  cwd: string;
  env: Env;
  platform: NodeJS.Platform;
  stdout: Output;
  stderr: Output;
  /** stdin and stdout are both terminals: questions can be asked and answered. Called only when that matters. */
  isTerminal(): boolean;
  fs: FileSystem;
  exec: Exec;
  isExecutableFile(path: string): boolean;
  /** Questions on the terminal: loads the prompt library, so only a run that asks calls it. */
  createPrompter(): Promise<Prompter>;
  signal: Interruption;
  /** This process, for the target's lock, and how to tell whether the owner of another lock still runs. */
  lockOwner: LockOwner;
  templatesDir: string;
  version: string;
}

/** What a command runs with: the context, and each output stream with the colours that suit it. */
export interface CommandContext extends RunContext {
  out: Printer;
  err: Printer;
}

export interface NodeRunContext extends RunContext {
  /** The run's text went straight to the descriptors and no prompt used the terminal: the process may exit at once. */
  readonly settled: boolean;
}

export interface NodeContextOptions {
  /** The environment as given: what git and uv inherit. */
  env: Env;
  signal: Interruption;
  argv?: readonly string[];
  cwd?: string;
  /** Write to file descriptors (the bin: no stream library at start-up) or to Node's streams (plop shares them). */
  output?: "descriptors" | "streams";
}

const streamOutput = (stream: () => NodeJS.WriteStream): Output => ({
  write: (text) => stream().write(text),
  get isTTY() {
    return stream().isTTY === true;
  },
});

/**
 * git's variables that point it at a repository other than the one in the
 * folder it runs in (from `git rev-parse --local-env-vars`, less the config
 * ones, which are the user's settings): the tools we start work on the
 * target's own repository only.
 */
const GIT_REPOSITORY_VARS = new Set(
  "GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_COMMON_DIR GIT_NAMESPACE GIT_IMPLICIT_WORK_TREE GIT_GRAFT_FILE GIT_SHALLOW_FILE GIT_PREFIX GIT_NO_REPLACE_OBJECTS GIT_REPLACE_REF_BASE".split(
    " ",
  ),
);

export const childEnv = (env: Env): Env =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !GIT_REPOSITORY_VARS.has(key)));

export function nodeContext(proc: NodeJS.Process, options: NodeContextOptions): NodeRunContext {
  const { env, signal } = options;
  const descriptors = options.output !== "streams";
  // Node's standard streams cost milliseconds to build: only prompts (and plop) use them.
  const stdout = descriptors ? descriptorOutput(1, () => proc.stdout) : streamOutput(() => proc.stdout);
  const stderr = descriptors ? descriptorOutput(2, () => proc.stderr) : streamOutput(() => proc.stderr);
  let asked = false;
  return {
    argv: options.argv ?? [],
    cwd: options.cwd ?? proc.cwd(),
    env,
    platform: proc.platform,
    stdout,
    stderr,
    // node:tty loads node:net: only a run that may ask questions looks, and only at a character device other
    // than /dev/null (ui/output.ts); a descriptor that is closed is no terminal either.
    isTerminal: () => {
      const terminal = (fd: number): boolean => {
        try {
          return isTerminal(fd);
        } catch {
          return false;
        }
      };
      return terminal(0) && terminal(1);
    },
    fs: realFileSystem,
    // A signal stops the program we started (the terminal's Ctrl-C reaches it anyway, `kill` does not).
    exec: (command, args, cwd, input) =>
      new Promise((done) => {
        if (signal.aborted) return done({ status: null, stdout: "", stderr: "", error: new Error("cancelled") });
        const { execFile } = nodeRequire("node:child_process") as typeof import("node:child_process");
        const release = signal.hold?.();
        const child = execFile(
          command,
          guardedArgs(command, args),
          { cwd, env: childEnv(env), encoding: "utf8" },
          (error, out, err) => {
            stopOnAbort?.();
            release?.();
            const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
            done({ status, stdout: out, stderr: err, error: error ?? undefined });
          },
        );
        const stopOnAbort = signal.onAbort?.(() => child.kill("SIGTERM"));
        // A program may exit before it reads its input (git outside a repository): its status says how it ended.
        child.stdin?.on("error", () => {});
        if (input !== undefined) child.stdin?.end(input);
      }),
    // A PATH entry the user may not search (sudo -u, docker --user) is skipped, as the shell skips it.
    isExecutableFile: (path) => {
      try {
        return nodeFs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    },
    createPrompter: () => {
      asked = true;
      // Questions are asked only at a terminal: the environment alone decides their colour.
      return createPrompter(
        proc.stdin,
        proc.stdout,
        colorEnabled(env, () => true),
      );
    },
    signal,
    lockOwner: {
      pid: proc.pid,
      isRunning: (pid) => {
        try {
          proc.kill(pid, 0);
          return true;
        } catch (error) {
          return (error as NodeJS.ErrnoException).code === "EPERM";
        }
      },
    },
    templatesDir,
    version: readVersion(),
    get settled() {
      const straight = (output: Output): boolean => (output as Partial<DescriptorOutput>).settled === true;
      return !asked && straight(stdout) && straight(stderr);
    },
  };
}
