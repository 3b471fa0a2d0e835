/**
 * How a message names what the user can do: the CLI's arguments and flags, or, inside a team's `npx plop`,
 * plop's command line and prompts (plop has no --force, --plan or --license of ours). One table per entry
 * point, so that no message names a flag its user does not have.
 */
import type { SpecKind } from "./spec-docs.js";

export interface Route {
  /** How to give a title: `add plan "Export reports as CSV"`. */
  titleExample(kind: SpecKind): string;
  /** How to add the first plan. */
  addPlan: string;
  /** Where a plan is chosen: `--plan`. */
  planInput: string;
  /** How to write the preset into a folder that holds other things. */
  intoOccupied: string;
  /** How the clashes a run left alone get overwritten. */
  overClashes: string;
  /** How the team's own Taskfile.yml, kept, gets replaced. */
  overTaskfile: string;
  /** Where another Python package name is given. */
  packageInput: string;
  /** A licence chosen but not written, because the repository has its own. */
  licenseNotApplied(license: string): string;
}

export const CLI_ROUTE: Route = {
  titleExample: (kind) => `add ${kind} "Export reports as CSV"`,
  addPlan: 'add plan "title"',
  planInput: "--plan",
  intoOccupied: "pass --force to write the preset into it",
  overClashes: "--force overwrites them, a terminal asks",
  overTaskfile: "--force replaces it",
  packageInput: "--package",
  licenseNotApplied: (license) => `--license ${license} not applied`,
};
