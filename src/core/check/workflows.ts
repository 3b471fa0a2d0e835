/**
 * The GitHub workflows: each must parse, and the Copilot cloud agent's must be
 * what GitHub reads (formats.md): one job named `copilot-setup-steps`, with only
 * the keys it honours and a timeout under an hour; anything else is ignored or
 * makes GitHub skip the file, and the agent starts without uv or go-task.
 */
import type { Problem } from "./problems.js";
import { readYaml } from "./yaml.js";

export const COPILOT_SETUP = ".github/workflows/copilot-setup-steps.yml";
const JOB = "copilot-setup-steps";
const HONOURED = ["steps", "permissions", "runs-on", "services", "snapshot", "timeout-minutes"];
const MAX_MINUTES = 59;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The 1-based line of the first line matching `pattern`, or 1. */
const lineOf = (text: string, pattern: RegExp): number => text.split("\n").findIndex((l) => pattern.test(l)) + 1 || 1;

function checkCopilotSetup(text: string, value: unknown): Problem[] {
  const file = COPILOT_SETUP;
  const jobs = isRecord(value) ? value.jobs : undefined;
  const job = isRecord(jobs) ? jobs[JOB] : undefined;
  if (!isRecord(job))
    return [
      {
        file,
        line: lineOf(text, /^jobs:/),
        message: `no job named ${JOB}: GitHub runs only that job before the cloud agent starts`,
      },
    ];
  const problems: Problem[] = [];
  const jobLine = lineOf(text, new RegExp(`^\\s+${JOB}:`));
  for (const key of Object.keys(job).filter((k) => !HONOURED.includes(k)))
    problems.push({
      file,
      line: lineOf(text.split("\n").slice(jobLine).join("\n"), new RegExp(`^\\s+${key}:`)) + jobLine,
      message: `${JOB} has the key ${key}, which GitHub ignores there: only ${HONOURED.join(", ")} count`,
    });
  const minutes = job["timeout-minutes"];
  if (minutes !== undefined && !(typeof minutes === "number" && minutes > 0 && minutes <= MAX_MINUTES))
    problems.push({
      file,
      line: lineOf(text, /^\s+timeout-minutes:/),
      message: `timeout-minutes must be a number from 1 to ${MAX_MINUTES} for the cloud agent's setup`,
    });
  if (!Array.isArray(job.steps) || job.steps.length === 0)
    problems.push({
      file,
      line: jobLine,
      message: `${JOB} has no steps: the cloud agent would start without uv or go-task`,
    });
  return problems;
}

/** One file's problems, when it is a GitHub workflow. */
export function checkWorkflow(file: string, text: string): Problem[] {
  if (!file.startsWith(".github/workflows/") || !/\.ya?ml$/.test(file)) return [];
  const read = readYaml(text);
  if (!read.ok) return [{ file, line: read.line, message: `YAML does not parse: ${read.reason}` }];
  return file === COPILOT_SETUP ? checkCopilotSetup(text, read.value) : [];
}
