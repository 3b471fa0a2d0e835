/**
 * The GitHub workflows: each must parse, and a cloud agent's setup must be
 * what GitHub reads (formats.md; the tool's module names the file): one job of
 * the workflow's name, with only the keys it honours and a timeout under an
 * hour; anything else is ignored or makes GitHub skip the file, and the agent
 * starts without uv or go-task.
 */
import type { Problem } from "./problems.js";
import { readYaml } from "./yaml.js";

/** A workflow GitHub runs before a cloud agent starts: its one job is named as the file. */
export interface SetupWorkflow {
  path: string;
  /** The keys GitHub honours in the job. */
  honoured: readonly string[];
  maxMinutes: number;
  /** The agent it sets up, as the messages name it. */
  agent: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The 1-based line of the first line matching `pattern`, or 1. */
const lineOf = (text: string, pattern: RegExp): number => text.split("\n").findIndex((l) => pattern.test(l)) + 1 || 1;

function checkSetup(setup: SetupWorkflow, text: string, value: unknown): Problem[] {
  const { path: file, honoured, maxMinutes, agent } = setup;
  const JOB = file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
  const jobs = isRecord(value) ? value.jobs : undefined;
  const job = isRecord(jobs) ? jobs[JOB] : undefined;
  if (!isRecord(job))
    return [
      {
        file,
        line: lineOf(text, /^jobs:/),
        message: `no job named ${JOB}: GitHub runs only that job before ${agent} starts`,
      },
    ];
  const problems: Problem[] = [];
  const jobLine = lineOf(text, new RegExp(`^\\s+${JOB}:`));
  for (const key of Object.keys(job).filter((k) => !honoured.includes(k)))
    problems.push({
      file,
      line: lineOf(text.split("\n").slice(jobLine).join("\n"), new RegExp(`^\\s+${key}:`)) + jobLine,
      message: `${JOB} has the key ${key}, which GitHub ignores there: only ${honoured.join(", ")} count`,
    });
  const minutes = job["timeout-minutes"];
  if (minutes !== undefined && !(typeof minutes === "number" && minutes > 0 && minutes <= maxMinutes))
    problems.push({
      file,
      line: lineOf(text, /^\s+timeout-minutes:/),
      message: `timeout-minutes must be a number from 1 to ${maxMinutes} for ${agent}'s setup`,
    });
  if (!Array.isArray(job.steps) || job.steps.length === 0)
    problems.push({
      file,
      line: jobLine,
      message: `${JOB} has no steps: ${agent} would start without uv or go-task`,
    });
  return problems;
}

/** One file's problems, when it is a GitHub workflow. */
export function checkWorkflow(file: string, text: string, setups: readonly SetupWorkflow[]): Problem[] {
  if (!file.startsWith(".github/workflows/") || !/\.ya?ml$/.test(file)) return [];
  const read = readYaml(text);
  if (!read.ok) return [{ file, line: read.line, message: `YAML does not parse: ${read.reason}` }];
  const setup = setups.find((s) => s.path === file);
  return setup ? checkSetup(setup, text, read.value) : [];
}
