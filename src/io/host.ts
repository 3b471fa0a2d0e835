/** What the host process gives a run: its environment, other programs, and interruption. */

export type Env = Readonly<Record<string, string | undefined>>;

export interface ExecResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error | undefined;
}

/** `input`, when given, is the program's standard input (git hash-object --stdin). */
export type Exec = (command: string, args: readonly string[], cwd: string, input?: string) => Promise<ExecResult>;

/** Set on SIGINT, SIGTERM or SIGHUP (an AbortSignal will do); checked between steps. */
export interface Interruption {
  readonly aborted: boolean;
  /**
   * While held (writes under way, a tool running), a signal, a second one
   * too, only sets `aborted`: the holder rolls back or stops, and the run
   * ends with 130 itself. Returns the release.
   */
  hold?(): () => void;
  /** Called on the first signal (at once if it came already); returns the unsubscribe. */
  onAbort?(listener: () => void): () => void;
}

export interface InterruptionSource extends Interruption {
  /** A signal came. Returns whether a holder will end the run; otherwise nothing is under way to undo. */
  abort(): boolean;
}

/** A plain object, not an AbortController: that would load Node's event-target machinery at every start. */
export function interruptionSource(): InterruptionSource {
  let aborted = false;
  let holds = 0;
  const listeners = new Set<() => void>();
  return {
    get aborted() {
      return aborted;
    },
    hold() {
      holds += 1;
      let held = true;
      return () => {
        if (held) holds -= 1;
        held = false;
      };
    },
    onAbort(listener) {
      if (aborted) listener();
      else listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    abort() {
      if (!aborted) {
        aborted = true;
        for (const listener of listeners) listener();
        listeners.clear();
      }
      return holds > 0;
    },
  };
}
