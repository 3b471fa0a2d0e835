/** Turns argv into typed values, driven by the option table; the only rule source is options.ts. */
import { UsageError } from "./errors.js";
import { type Answers, QUESTIONS, SWITCHES, type SwitchSpec } from "./options.js";
import { quoted } from "./quote.js";

export type Switches = Record<SwitchSpec["flag"], boolean>;

export interface ParsedArgs {
  positionals: string[];
  given: Partial<Answers>;
  switches: Switches;
}

const HINT = "run create-spec-agent --help to see the options";

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
    if (!spec) throw new UsageError(`unknown option --${flag}: ${HINT}`);
    if (inline !== undefined) throw new UsageError(`--${flag} takes no value`);
    switches[spec.flag] = true;
  }
  return { positionals, given, switches };
}
