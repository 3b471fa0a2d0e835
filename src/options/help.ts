/** --help, written from the option table so that it lists every option there is. */
import { QUESTIONS, SWITCHES } from "./table.js";

export function helpText(version: string): string {
  const rows: [string, string][] = [];
  for (const q of QUESTIONS) {
    rows.push(q.kind === "text" ? [`--${q.key} ${q.placeholder}`, q.help] : [`--${q.key}, --no-${q.key}`, q.help]);
  }
  for (const s of SWITCHES) rows.push([`${s.short ? `-${s.short}, ` : ""}--${s.flag}`, s.help]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const options = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join("\n");
  return `create-spec-agent ${version}
Create a repository ready for spec-driven development with a GitHub Copilot agent.

Usage:
  create-spec-agent [dir] [options]

  dir is the folder to create: a name, or a path whose parent exists ("." for the
  current folder); it is asked for when missing and a terminal is there to answer.

Options:
${options}

Without a terminal, or with CI set, nothing is asked: give the folder, the rest take defaults.
Exit codes: 0 done, 1 failed while generating, 2 bad usage, 130 cancelled.
`;
}
