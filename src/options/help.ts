/** --help, written from the option tables so that it lists every option a command takes. */
import { type CommandName, SWITCHES, VALUES } from "./flags.js";
import { QUESTIONS } from "./table.js";

export interface CommandHelp {
  name: CommandName;
  usage: string;
  summary: string;
  /** What else exit code 1 means for this command. */
  failure?: string;
}

function optionRows(command: CommandName): string {
  const rows: [string, string][] = [];
  for (const q of QUESTIONS.filter((q) => q.commands.includes(command))) {
    const help = (q.kind === "list" ? q.helpFor?.[command] : undefined) ?? q.help;
    rows.push(q.kind === "confirm" ? [`--${q.key}, --no-${q.key}`, help] : [`--${q.key} ${q.placeholder}`, help]);
  }
  for (const v of VALUES.filter((v) => v.commands.includes(command)))
    rows.push([`--${v.flag} ${v.placeholder}`, v.help]);
  for (const s of SWITCHES.filter((s) => s.commands.includes(command)))
    rows.push([`${s.short ? `-${s.short}, ` : ""}--${s.flag}`, s.helpFor?.[command] ?? s.help]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${wrap(right, 98 - width, width + 2)}`).join("\n");
}

/** Words to lines of at most `columns`, the lines after the first indented by `indent`. */
function wrap(text: string, columns: number, indent: number): string {
  const lines = [""];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    const line = lines[last] as string;
    if (line !== "" && line.length + 1 + word.length > columns) lines.push(word);
    else lines[last] = line === "" ? word : `${line} ${word}`;
  }
  return lines.join(`\n${" ".repeat(indent)}`);
}

const CREATE_NOTES = `
  dir is the folder to create: a name, or a path whose parent exists ("." for the
  current folder); it is asked for when missing and a terminal is there to answer.
`;

/** The help of one command; create's also lists the other commands. */
export function helpText(version: string, command: CommandHelp, commands: readonly CommandHelp[]): string {
  const others =
    command.name === "create" && commands.length > 1
      ? `\nCommands:\n${commands.map((c) => `  ${c.usage.padEnd(48)}${c.summary}`).join("\n")}\n`
      : "";
  return `create-spec-agent ${version}
Create a repository ready for spec-driven development with an AI coding agent.

Usage:
  ${command.usage}
  ${command.summary}
${command.name === "create" ? CREATE_NOTES : ""}${others}
Options:
${optionRows(command.name)}

Without a terminal, or with CI set, nothing is asked: give what is required, the rest take defaults.
${wrap(`Exit codes: 0 done, 1 failed while generating${command.failure ? ` (or ${command.failure})` : ""}, 2 bad usage, 130 cancelled.`, 98, 12)}
`;
}
