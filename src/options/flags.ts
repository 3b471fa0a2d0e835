/**
 * The flags that answer no question: switches that steer a run, and values
 * that name things (a pack, an answer for a pack's question, a config file, a
 * plan). Each says which commands take it; the parser refuses it elsewhere.
 */

/** The commands, declared once: the command table (src/commands/index.ts) gives each its module, --help its lines. */
export const COMMAND_LIST = [
  {
    name: "create",
    usage: "create-spec-agent [dir] [options]",
    summary: "create a new repository (the default command)",
  },
  {
    name: "init",
    usage: "create-spec-agent init [options]",
    summary: "add the preset to this repository, keeping yours",
  },
  {
    name: "add",
    usage: "create-spec-agent add plan|task|context TITLE",
    summary: "a plan, a task (--plan SLUG) or a note in spec/",
  },
  {
    name: "check",
    usage: "create-spec-agent check [options]",
    summary: "validate the preset and spec/; exit 1 on problems",
    failure: "problems found",
  },
  {
    name: "update",
    usage: "create-spec-agent update [options]",
    summary: "merge this version's preset into the repository",
    failure: "conflicts left to resolve; with --check, the repository is behind",
  },
] as const;
export type CommandName = (typeof COMMAND_LIST)[number]["name"];
export const COMMAND_NAMES: readonly CommandName[] = COMMAND_LIST.map((c) => c.name);

const ALL = COMMAND_NAMES;
const WRITING: readonly CommandName[] = ["create", "init", "add", "update"];

export interface SwitchSpec {
  flag: "yes" | "dry-run" | "check" | "force" | "json" | "verbose" | "help" | "version";
  short?: string;
  help: string;
  /** Where one command takes it to mean something more particular. */
  helpFor?: Partial<Record<CommandName, string>>;
  commands: readonly CommandName[];
}

export const SWITCHES: readonly SwitchSpec[] = [
  { flag: "yes", short: "y", help: "take every default, never prompt", commands: WRITING },
  { flag: "dry-run", help: "print what would be written, write nothing", commands: WRITING },
  {
    flag: "force",
    help: "write into a folder that is not empty; files that differ are overwritten",
    helpFor: { init: "overwrite the clashes (files that exist and differ); shared files are still merged" },
    commands: ["create", "init"],
  },
  {
    flag: "check",
    help: "write nothing, list each file that would change; exit 1 when the repository is behind (for CI)",
    commands: ["update"],
  },
  {
    flag: "json",
    help: "print the findings as JSON",
    helpFor: { update: "with --check: print the files that would change as JSON" },
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
