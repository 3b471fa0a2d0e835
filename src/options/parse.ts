/** Turns argv into typed values, driven by the option tables (table.ts, flags.ts) for one command. */
import { didYouMean } from "../core/closest.js";
import { splitList } from "../core/comma-list.js";
import { UsageError } from "../core/errors.js";
import { quoted } from "../core/quote.js";
import { type CommandName, SWITCHES, type Switches, VALUES, type Values } from "./flags.js";
import { type Answers, QUESTIONS } from "./table.js";

export type { Switches, Values };

export interface ParsedArgs {
  positionals: string[];
  given: Partial<Answers>;
  values: Values;
  switches: Switches;
}

const hint = (command: CommandName): string =>
  `run create-spec-agent ${command === "create" ? "" : `${command} `}--help to see the options`;

/** The long flags a command takes, without their dashes. */
const knownFlags = (command: CommandName): string[] => [
  ...QUESTIONS.filter((q) => q.commands.includes(command)).flatMap((q) =>
    q.kind === "confirm" ? [q.key, `no-${q.key}`] : [q.key],
  ),
  ...VALUES.filter((v) => v.commands.includes(command)).map((v) => v.flag),
  ...SWITCHES.filter((s) => s.commands.includes(command)).map((s) => s.flag),
];

/** `-yes`, `-force`: a long flag given one dash, as some tools take them; `--Name=x`: one with capitals. */
function oneDash(arg: string, command: CommandName): UsageError {
  const word = /^(?:-([A-Za-z][A-Za-z-]+)|--([A-Za-z][A-Za-z-]*)(?:=.*)?)$/s
    .exec(arg)
    ?.slice(1)
    .find(Boolean)
    ?.toLowerCase();
  const known = knownFlags(command);
  const meant = word === undefined ? undefined : known.includes(word) ? word : didYouMean(word, known);
  const guess = meant ? `did you mean --${meant}? (${hint(command)})` : hint(command);
  return new UsageError(`unknown option ${quoted(arg)}: ${guess}`);
}

function unknownOption(flag: string, command: CommandName): UsageError {
  const known = knownFlags(command);
  const closest = didYouMean(flag, known);
  const guess = closest ? `did you mean --${closest}? ` : "";
  const owners = [...QUESTIONS, ...VALUES, ...SWITCHES].find((o) => ("key" in o ? o.key : o.flag) === flag)?.commands;
  if (owners)
    return new UsageError(
      `--${flag} is an option of ${owners.join(", ").replace(/, (?=[^,]*$)/, " and ")}, not of ${command}: ${hint(command)}`,
    );
  return new UsageError(`unknown option --${flag}: ${guess}${guess ? `(${hint(command)})` : hint(command)}`);
}

export function parseArgs(argv: readonly string[], command: CommandName = "create"): ParsedArgs {
  const positionals: string[] = [];
  const given: Partial<Answers> = {};
  const values = Object.fromEntries(VALUES.map((v) => [v.flag, []])) as unknown as Values;
  const switches = Object.fromEntries(SWITCHES.map((s) => [s.flag, false])) as Switches;
  const takes = (spec: { commands: readonly CommandName[] }): boolean => spec.commands.includes(command);

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
      const spec = SWITCHES.find((s) => s.short === short[1] && takes(s));
      if (!spec) throw new UsageError(`unknown option ${quoted(arg)}: ${hint(command)}`);
      switches[spec.flag] = true;
      continue;
    }
    const long = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!long) throw oneDash(arg, command);
    const flag = long[1] as string;
    const inline = long[2];
    const takeValue = (placeholder: string): string => {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${flag} needs a value: --${flag} ${placeholder}`);
      return value;
    };

    const question = QUESTIONS.find((q) => (q.key === flag || `no-${q.key}` === flag) && takes(q));
    if (question?.kind === "text" && question.key === flag) {
      given[question.key] = takeValue(question.placeholder);
      continue;
    }
    if (question?.kind === "list" && question.key === flag) {
      given[question.key] = splitList(takeValue(question.placeholder)) as Answers["agents"];
      continue;
    }
    if (question?.kind === "confirm") {
      if (inline !== undefined)
        throw new UsageError(`--${flag} takes no value: use --${question.key} or --no-${question.key}`);
      given[question.key] = flag === question.key;
      continue;
    }
    const value = VALUES.find((v) => v.flag === flag && takes(v));
    if (value) {
      const text = takeValue(value.placeholder);
      if (!value.repeatable && values[value.flag].length > 0)
        throw new UsageError(`--${flag} is given twice: give it once`);
      values[value.flag].push(text);
      continue;
    }
    const spec = SWITCHES.find((s) => s.flag === flag && takes(s));
    if (!spec) throw unknownOption(flag, command);
    if (inline !== undefined) throw new UsageError(`--${flag} takes no value: give --${flag} alone, or leave it out`);
    switches[spec.flag] = true;
  }
  return { positionals, given, values, switches };
}
