/**
 * A real terminal for tests: a tmux server of our own (its own socket, no user
 * config), one detached session per test at a fixed size, keys in with
 * `send-keys`, the screen out with `capture-pane`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function hasTmux(): boolean {
  return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
}

export const NO_TMUX = "tmux is not on PATH";

const POLL_MS = 50;
let sessions = 0;

export interface SessionOptions {
  /** The folder the command starts in. */
  cwd: string;
  /** A shell command line, run by tmux's default shell (`$SHELL -c`). */
  command: string;
  width?: number;
  height?: number;
}

export class TmuxServer {
  /** A private socket in a folder of its own: tests neither see nor disturb the user's tmux, and leave nothing behind. */
  private readonly folder = mkdtempSync(join(tmpdir(), "spec-agent-tmux-"));
  readonly socket = join(this.folder, "socket");

  tmux(args: readonly string[]): string {
    const result = spawnSync("tmux", ["-S", this.socket, "-f", "/dev/null", ...args], {
      encoding: "utf8",
      timeout: 10_000,
    });
    if (result.status !== 0) {
      throw new Error(`tmux ${args.join(" ")} failed: ${result.stderr.trim() || result.error?.message}`);
    }
    return result.stdout;
  }

  private started = false;

  start({ cwd, command, width = 120, height = 40 }: SessionOptions): TmuxSession {
    if (!this.started) {
      // A server exits with its last session; one idle session keeps it up, so that killing a test's
      // session never races the next test's new-session against a server shutting down.
      this.tmux(["new-session", "-d", "-s", "keep", "sleep 86400"]);
      this.started = true;
    }
    const name = `s${++sessions}`;
    this.tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "-c", cwd, command]);
    return new TmuxSession(this, name);
  }

  kill(): void {
    spawnSync("tmux", ["-S", this.socket, "kill-server"], { stdio: "ignore" });
    rmSync(this.folder, { recursive: true, force: true });
  }
}

export class TmuxSession {
  constructor(
    private readonly server: TmuxServer,
    readonly name: string,
  ) {}

  /** Key names as tmux knows them: `Enter`, `Escape`, `C-c`, `BSpace`. */
  sendKeys(...keys: string[]): void {
    this.server.tmux(["send-keys", "-t", this.name, ...keys]);
  }

  /** Text typed as is, each character a key press. */
  type(text: string): void {
    this.server.tmux(["send-keys", "-t", this.name, "-l", "--", text]);
  }

  /** What the pane shows now, wrapped lines joined. */
  screen(): string {
    return this.server.tmux(["capture-pane", "-p", "-J", "-t", this.name]);
  }

  /** Whether the cursor is shown (prompts hides it at a confirm question and must show it again). */
  cursorVisible(): boolean {
    return this.server.tmux(["display-message", "-p", "-t", this.name, "#{cursor_flag}"]).trim() === "1";
  }

  /** Polls the screen until the pattern shows, and returns its match; on timeout the error holds the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const match = pattern.exec(screen);
      if (match) return match;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${pattern} in session ${this.name}; the screen:\n${screen}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  kill(): void {
    spawnSync("tmux", ["-S", this.server.socket, "kill-session", "-t", this.name], { stdio: "ignore" });
  }
}

const shellQuote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * The shell command that runs the built bin with `args` as a person at this terminal would (no CI, no colour,
 * HOME the folder given), prints its exit code after it and keeps the pane open to be read.
 */
export function binAtTerminal(bin: string, args: string, home: string): string {
  const run = `${shellQuote(process.execPath)} ${shellQuote(bin)} ${args}; echo "EXIT=$?"; sleep 60`;
  return `env -u CI NO_COLOR=1 HOME=${shellQuote(home)} sh -c ${shellQuote(run)}`;
}
