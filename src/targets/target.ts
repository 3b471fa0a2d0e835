/**
 * What a target is: one AI tool, everything about it in one module under
 * tools/ (its files, its formats, what it cannot take, what `check` knows of
 * it, its README row and next step), listed once in table.ts. The shared parts
 * (the agent's body, the steps, the MCP servers, the links) are the modules beside this one.
 */
import type { Kind } from "../core/check/kinds.js";
import type { FileCheck } from "../core/check/knowledge.js";
import type { SetupWorkflow } from "../core/check/workflows.js";
import type { RenderedFile } from "../core/plan.js";

/** The sources every tool's files are made from, rendered once (templates/agents/). */
export interface Sources {
  agent: string;
  /** The agent's frontmatter description: the seed's, or without "Python" in another language's project (agents.ts). */
  agentDescription: string;
  rules: string;
  python: string;
  steps: ReadonlyMap<string, string>;
}

/** What the files say of the project and of the other chosen tools. */
export interface Project {
  name: string;
  /** The chosen tools, in the table's order. */
  tools: readonly Target[];
  /** The file that holds the rules: the hub when it is chosen, otherwise the instructions written for every project. */
  rulesFile: string;
  /** For a project that exists: what its code is checked with, and the checks a change must pass (targets/owner-texts.ts). */
  checks?: string;
  mustPass?: string;
  /** A project in another language: no Python rules file, no uv, no tasks of ours (targets/foreign-texts.ts). */
  otherLanguage?: boolean;
  /** The folders the user named for a tool that takes them (`--rules-dir`, `--commands-dir`), without trailing `/`. */
  folders?: { rules: string; commands: string };
}

/** A row of the generated README's table: tool, the agent, the steps, MCP settings. */
export type ReadmeRow = readonly [string, string, string, string];

export interface Target<Id extends string = string> {
  id: Id;
  /** How the tool is called in lists: `GitHub Copilot (VS Code, Copilot CLI, the cloud agent)`. */
  label: string;
  /** One line for the `--agents` question: what choosing it writes. */
  description: string;
  /** The user names the folders its files go in (`--rules-dir`, `--commands-dir`): asked, recorded, given as `project.folders`. */
  folders?: boolean;
  /** Chosen when nothing else is said. */
  default?: boolean;
  /** The tool's files hold the rules for every agent (AGENTS.md): the others point to it. */
  hub?: boolean;
  /** The tool reads the hub as its own instructions: choosing it writes the hub too. */
  readsHub?: boolean;
  /** Its Backend Engineer, and how the other files name it (`the Backend Engineer for Claude Code`). */
  agent?: { path: string; forWhom: string };
  /** Its row of this repository's README table of targets: what it writes, what reads it, what proves it. */
  about: { writes: string; readBy: string; provenBy: string };
  /** Its rows of the generated README's table. */
  readme: readonly ReadmeRow[];
  /** [path, what it is], for the layout blocks. */
  layout: readonly (readonly [string, string])[];
  /** Where this tool reads skills, if it does; one home serves every tool that shares it. */
  skills?: { home: string; substitutes: boolean };
  /** What the tool cannot take of the agent: said by --dry-run and the summary. */
  drops: readonly string[];
  /** The next step printed after a create, for the first chosen tool that has one. */
  start?: string;
  /** Its personal files (local settings), which `.gitignore` keeps out of git whichever tools are chosen. */
  ignored?: readonly string[];
  /** What a user must do once in this tool before it loads what we wrote (measured by `npm run e2e:clients`). */
  once?: string;
  files(sources: Sources, project: Project): RenderedFile[];
  /** Files written whichever tools are chosen, and their layout lines (the instructions the other files link to). */
  base?: {
    /** The file of them that holds the rules when no hub is chosen. */
    rules: string;
    files(sources: Sources, project: Project): RenderedFile[];
    layout: readonly (readonly [string, string])[];
  };
  /** A section the hub (AGENTS.md) adds to the rules when this tool is chosen. */
  hubSection?(): string;
  /** A section the generated README adds after the table when this tool is chosen. */
  readmeSection?(): string;
  /** What `check` knows of the tool's files, whichever tools a repository chose. */
  check: {
    /** The top-level folders check walks for it. */
    folders?: readonly string[];
    /** Its files with frontmatter, and the keys the tool reads there. */
    kinds?: readonly Kind[];
    /** The folders it reads skills from (`SKILL.md` under each). */
    skillHomes?: readonly string[];
    /** Its JSON settings (comments allowed), which it ignores whole when they do not parse. */
    settings?: readonly string[];
    /** Files with a check of their own (Claude Code's permissions). */
    files?: readonly FileCheck[];
    /** Workflows GitHub runs before the tool's cloud agent starts. */
    setups?: readonly SetupWorkflow[];
    /** The files an agent reads its rules from, whose `task …` names the Taskfile must hold. */
    rules?: readonly RegExp[];
    /** Markdown it reads as one whole file: ours merges in as a marked block, and check reads them first. */
    hubs?: readonly string[];
  };
}
