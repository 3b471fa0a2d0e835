/** Turns argv into typed values, driven by the option table; the only rule source is options.ts. */
import { UsageError } from "../core/errors.js";
import { quoted } from "../core/quote.js";
import { type Answers, QUESTIONS, SWITCHES, type SwitchSpec } from "./table.js";

export type Switches = Record<SwitchSpec["flag"], boolean>;

export interface ParsedArgs {
  positionals: string[];
  given: Partial<Answers>;
  switches: Switches;
}

const HINT = "run create-spec-agent --help to see the options";

const LONG_FLAGS = [
  ...QUESTIONS.flatMap((q) => (q.kind === "confirm" ? [q.key, `no-${q.key}`] : [q.key])),
  ...SWITCHES.map((s) => s.flag),
];

/** Edit distance, for "did you mean": small strings, so the plain dynamic programme. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function unknownOption(flag: string): UsageError {
  const closest = LONG_FLAGS.map((known) => ({ known, d: distance(flag, known) })).sort((x, y) => x.d - y.d)[0];
  const guess =
    closest && closest.d <= Math.max(1, Math.floor(flag.length / 3)) ? `did you mean --${closest.known}? ` : "";
  return new UsageError(`unknown option --${flag}: ${guess}${guess ? `(${HINT})` : HINT}`);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const given: Partial<Answers> = {};
  const switches = Object.fromEntries(SWITCHES.map((s) => [s.flag, false])) as Switches;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const short = /^-([A-Za-z])$/.exec(arg);
    if (short) {
      const spec = SWITCHES.find((s) => s.short === short[1]);
      if (!spec) throw new UsageError(`unknown option ${quoted(arg)}: ${HINT}`);
      switches[spec.flag] = true;
      continue;
    }
    const long = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!long) throw new UsageError(`unknown option ${quoted(arg)}: ${HINT}`);
    const flag = long[1] as string;
    const inline = long[2];

    const question = QUESTIONS.find((q) => q.key === flag || `no-${q.key}` === flag);
    if (question?.kind === "text" && question.key === flag) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${flag} needs a value: --${flag} ${question.placeholder}`);
      given[question.key] = value;
      continue;
    }
    if (question?.kind === "confirm") {
      if (inline !== undefined)
        throw new UsageError(`--${flag} takes no value: use --${question.key} or --no-${question.key}`);
      given[question.key] = flag === question.key;
      continue;
    }
    const spec = SWITCHES.find((s) => s.flag === flag);
    if (!spec) throw unknownOption(flag);
    if (inline !== undefined) throw new UsageError(`--${flag} takes no value: give --${flag} alone, or leave it out`);
    switches[spec.flag] = true;
  }
  return { positionals, given, switches };
}
