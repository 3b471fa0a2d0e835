/**
 * Colour, decided per stream: stdout and stderr each get colour only when
 * that stream is a terminal (or FORCE_COLOR says so), so `2>err.log` gets no
 * escape codes while the terminal still sees colour. kleur is loaded only for
 * a stream that is coloured, since it reads process.stdout as it loads, and
 * building that stream would cost every run that writes to a pipe or a file.
 */
import type { Env } from "../io/host.js";
import type { Output } from "./output.js";

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const same = (text: string): string => text;
export const PLAIN: Paint = { bold: same, dim: same, green: same, yellow: same, red: same };

/** NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal (asked only when it decides). */
export function colorEnabled(env: Env, isTTY: () => boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return env.TERM !== "dumb" && isTTY();
}

export async function paintFor(enabled: boolean): Promise<Paint> {
  if (!enabled) return PLAIN;
  const { default: kleur } = await import("kleur");
  // kleur chose from process.stdout as it loaded; this stream's choice is made here.
  kleur.enabled = true;
  return {
    bold: (text) => kleur.bold(text),
    dim: (text) => kleur.dim(text),
    green: (text) => kleur.green(text),
    yellow: (text) => kleur.yellow(text),
    red: (text) => kleur.red(text),
  };
}

/** An output and the colours that suit it. */
export interface Printer {
  write(text: string): void;
  readonly paint: Paint;
}

export async function printerFor(output: Output, env: Env): Promise<Printer> {
  const paint = await paintFor(colorEnabled(env, () => output.isTTY === true));
  return { write: (text) => void output.write(text), paint };
}
