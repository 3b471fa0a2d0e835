/**
 * The workflow's four steps, each written once (templates/agents/steps/), and
 * the form most tools share, a skill; a tool's other forms (prompt files,
 * commands) are in its module. The step's argument is `$ARGUMENTS` in the source.
 */

import type { RenderedFile } from "../core/plan.js";
import { withFrontmatter } from "./frontmatter.js";
import { linksFrom } from "./links.js";

export interface Step {
  /** The command's name everywhere: `/spec-plan`. */
  name: string;
  description: string;
  argumentHint: string;
  /** VS Code's `${input:NAME:PLACEHOLDER}`. */
  input: string;
  placeholder: string;
  /** The argument in a skill that takes none by substitution. */
  subject: string;
}

export const STEPS: readonly Step[] = [
  {
    name: "spec-context",
    description: "Capture domain knowledge, constraints, references or a decision as a context note in spec/context/",
    argumentHint: "the topic to capture, e.g. rate limits of the payments API",
    input: "topic",
    placeholder: "the topic to capture",
    subject: "the topic the user names",
  },
  {
    name: "spec-plan",
    description: "Create or refine a feature plan in spec/plan/: what to build and why, without code",
    argumentHint: "the feature to plan, e.g. export reports as CSV",
    input: "feature",
    placeholder: "the feature to plan",
    subject: "the feature the user names",
  },
  {
    name: "spec-tasks",
    description: "Break an approved plan into atomic, verifiable tasks in spec/task/",
    argumentHint: "the plan to break down, e.g. spec/plan/export-csv.md",
    input: "plan",
    placeholder: "the plan file in spec/plan/",
    subject: "the plan the user names",
  },
  {
    name: "spec-implement",
    description: "Implement exactly one task from spec/task/, with tests, then stop for verification",
    argumentHint: "the task to implement, e.g. spec/task/001-export-csv.md",
    input: "task",
    placeholder: "the task file in spec/task/",
    subject: "the task the user names",
  },
];

export const ARGUMENT = "$ARGUMENTS";

/** `HOME/NAME/SKILL.md`; Claude substitutes `$ARGUMENTS`, the other homes get the subject in words. */
export function skillFile(step: Step, body: string, home: string, substitutes: boolean): RenderedFile {
  const folder = `${home}/${step.name}`;
  const text = linksFrom(substitutes ? body : body.replaceAll(ARGUMENT, step.subject), folder);
  const entries = [
    ["name", step.name],
    ["description", step.description],
    ["argument-hint", step.argumentHint],
  ] as const;
  return { path: `${folder}/SKILL.md`, contents: withFrontmatter(entries, text) };
}

/** A step's source text, rendered once. */
export const stepText = (steps: ReadonlyMap<string, string>, name: string): string => steps.get(name) as string;
