/**
 * The flags that answer no question: switches that steer a run, and values
 * that name things (a pack, an answer for a pack's question, a config file, a
 * plan). Each says which commands take it; the parser refuses it elsewhere.
 */

export const COMMAND_NAMES = ["create", "init", "add", "check", "update"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const ALL = COMMAND_NAMES;
const WRITING: readonly CommandName[] = ["create", "init", "add", "update"];

export interface SwitchSpec {
  flag: "yes" | "dry-run" | "check" | "force" | "json" | "verbose" | "help" | "version";
  short?: string;
  help: string;
  commands: readonly CommandName[];
}

export const SWITCHES: readonly SwitchSpec[] = [
  { flag: "yes", short: "y", help: "take every default, never prompt", commands: WRITING },
  { flag: "dry-run", help: "print what would be written, write nothing", commands: WRITING },
  {
    flag: "force",
    help: "write into a folder that is not empty; files that differ are overwritten",
    commands: ["create", "init"],
  },
  {
    flag: "check",
    help: "update: write nothing, list each file that would change; exit 1 when the repository is behind (for CI)",
    commands: ["update"],
  },
  {
    flag: "json",
    help: "print the findings (update --check: the files that would change) as JSON",
    commands: ["check", "update"],
  },
  { flag: "verbose", help: "show the stack of an error", commands: ALL },
  { flag: "help", short: "h", help: "show this help", commands: ALL },
  { flag: "version", short: "v", help: "print the version", commands: ALL },
];

export interface ValueSpec {
  flag: "template" | "set" | "config" | "plan";
  placeholder: string;
  help: string;
  /** Given more than once, every value is kept, in order. */
  repeatable: boolean;
  commands: readonly CommandName[];
}

const PACKED: readonly CommandName[] = ["create", "init", "update"];

export const VALUES: readonly ValueSpec[] = [
  {
    flag: "template",
    placeholder: "PACK",
    help: "a team's template pack, a folder or an installed npm package; repeat to layer packs, the last one winning",
    repeatable: true,
    commands: PACKED,
  },
  {
    flag: "set",
    placeholder: "NAME=VALUE",
    help: "answer a pack's question without asking it; repeatable",
    repeatable: true,
    commands: PACKED,
  },
  {
    flag: "config",
    placeholder: "FILE",
    help: "the team's defaults (otherwise spec-agent.config.json in this folder or a parent); flags beat SPEC_AGENT_* variables, which beat the config, which beats the defaults",
    repeatable: false,
    commands: PACKED,
  },
  {
    flag: "plan",
    placeholder: "SLUG",
    help: "add task: the plan in spec/plan/ it implements (asked for when missing and a terminal is there)",
    repeatable: false,
    commands: ["add"],
  },
];

export type Switches = Record<SwitchSpec["flag"], boolean>;
export type Values = { [K in ValueSpec["flag"]]: string[] };
