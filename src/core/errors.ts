/** One table of exit codes; every error the CLI reports maps to one of them. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error meant for the user: its message is one line that says what to do. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad input: an unknown flag, an invalid name, a target in the way. */
export class UsageError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.usage, options);
  }
}

/** Something failed while generating (I/O, a template, a tool we ran). */
export class GenerateError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.failure, options);
  }
}

/** Ctrl-C or Esc at a prompt, or a signal while writing. */
export class CancelledError extends CliError {
  constructor(message = "Cancelled: nothing was written.", options?: ErrorOptions) {
    super(message, EXIT.cancelled, options);
  }
}

/** Why a missing answer was not asked for: said right, since a terminal is there when --yes is given. */
export const whyNotAsked = (yes: boolean): string => (yes ? "--yes asks nothing" : "there is no terminal to ask");

export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof CliError ? error.exitCode : EXIT.failure;
}
