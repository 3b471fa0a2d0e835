/**
 * What check knows of the AI tools' files, given to it by the tools' table
 * (src/targets/): core names no tool. Each part is the union over every tool
 * we write for, whichever a repository chose: a file is checked as its tool reads it.
 */
import type { Kind } from "./kinds.js";
import type { Problem } from "./problems.js";
import type { SetupWorkflow } from "./workflows.js";

/** A file with a check of its own, beside the checks every file of its kind gets. */
export interface FileCheck {
  path: string;
  check(text: string): Problem[];
}

export interface CheckKnowledge {
  /** Files with frontmatter, and the keys each tool reads there. */
  kinds: readonly Kind[];
  /** JSON settings (comments allowed) a tool ignores whole when they do not parse. */
  settings: readonly string[];
  files: readonly FileCheck[];
  /** Workflows GitHub runs before a cloud agent starts. */
  setups: readonly SetupWorkflow[];
  /** Whether an agent reads rules from the file, whose `task …` names the Taskfile must hold. */
  rules(path: string): boolean;
  /** Files read first for the tasks the rules name: the file a person reads is named. */
  hubs: readonly string[];
}
