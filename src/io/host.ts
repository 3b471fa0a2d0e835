/** What the host process gives a run, as types: its environment, other programs, and interruption. */

export type Env = Readonly<Record<string, string | undefined>>;

export interface ExecResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error | undefined;
}

/** `input`, when given, is the program's standard input (git hash-object --stdin). */
export type Exec = (command: string, args: readonly string[], cwd: string, input?: string) => Promise<ExecResult>;

/** Set on SIGINT/SIGTERM (an AbortSignal will do); checked between steps. */
export interface Interruption {
  readonly aborted: boolean;
}
