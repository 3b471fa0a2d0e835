/**
 * The tools of one shape, built from their data: each reads AGENTS.md as its instructions (choosing it writes the
 * hub), the Backend Engineer as one Markdown file with frontmatter in a folder of its own, the steps as skills, and
 * its MCP servers from one JSON file. A module of such a tool gives where its files go, its words for them and
 * what `check` knows of its agents; this writes the rest (the files, the lines that list them, the checks), worded
 * alike for all of them. A tool of another shape is a Target written whole.
 */
import type { Kind } from "../core/check/kinds.js";
import { AGENT, agentBody, link } from "./agents.js";
import { type FrontValue, withFrontmatter } from "./frontmatter.js";
import { commandLineMcp, json } from "./mcp.js";
import { ENV_READS_DENIED } from "./permissions.js";
import type { Target } from "./target.js";

export interface HubReader<Id extends string> {
  id: Id;
  label: string;
  /** How the other files name it: `the Backend Engineer for …`. */
  forWhom: string;
  /** Its name in the generated README's table, where that is not its label. */
  readmeName?: string;
  /** What AGENTS.md is to it, in its words: `its instructions`, `its guidelines`. */
  hub: string;
  agent: {
    path: string;
    /** What it calls the Backend Engineer: a `subagent`, an `agent`, a `droid`. */
    called: string;
    /** The keys it reads, where they are not `name` and `description`. */
    frontmatter?: readonly (readonly [string, FrontValue])[];
    /** How the body names the sequential-thinking tool (tools.ts). */
    reference: string;
    /** What check knows of its agents; they are the files beside ours unless `match` says otherwise. */
    kind: Omit<Kind, "match"> & { match?: RegExp };
  };
  /** The folder it reads the steps from, as skills. */
  skills: string;
  mcp: {
    path: string;
    contents(): string;
    /** What this repository's README says of the file besides its name (`MCP; .env not read`). */
    about?: string;
  };
  /** The next step after a create, up to what is ready (`run kilo there`). */
  start: string;
  /** Its skills are run as `/spec-context` (an editor's chat), not named in a prompt. */
  slashSkills?: boolean;
  /** What reads its files and what proves them, for this repository's README (what it writes is said from the data). */
  about: Omit<Target["about"], "writes">;
  layout: Target["layout"];
  drops: Target["drops"];
  check: {
    folders: readonly string[];
    skillHomes: readonly string[];
    /** The files it reads rules from besides its agents. */
    rules?: readonly RegExp[];
  };
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The files of its agents: ours with any name in its place (`.x/agents/backend-engineer.md` → `.x/agents/NAME.md`). */
function agentsBeside(path: string): RegExp {
  const [before = "", after = ""] = path.split(AGENT.slug);
  return new RegExp(`^${escaped(before)}[^/]+${escaped(after)}$`);
}

export function hubReader<Id extends string>(tool: HubReader<Id>): Target<Id> {
  const { agent, mcp } = tool;
  const match = agent.kind.match ?? agentsBeside(agent.path);
  const frontmatter: readonly (readonly [string, FrontValue])[] = agent.frontmatter ?? [
    ["name", AGENT.slug],
    ["description", AGENT.description],
  ];
  const code = (path: string): string => `\`${path}\``;
  return {
    id: tool.id,
    label: tool.label,
    description: `AGENTS.md (${tool.hub}), the ${AGENT.slug} ${agent.called}, the steps as skills, ${mcp.path}`,
    readsHub: true,
    agent: { path: agent.path, forWhom: tool.forWhom },
    start: `${tool.start}: the ${AGENT.slug} ${agent.called} and the ${tool.slashSkills ? "/" : ""}spec-context skill are ready`,
    about: {
      writes: `${code(agent.path)}, ${code(`${tool.skills}/`)}, ${code(mcp.path)}${mcp.about ? ` (${mcp.about})` : ""}`,
      ...tool.about,
    },
    readme: [
      [
        tool.readmeName ?? tool.label,
        `the ${code(AGENT.slug)} ${agent.called}, ${link(agent.path)}`,
        `skills in ${code(`${tool.skills}/`)}`,
        code(mcp.path),
      ],
    ],
    layout: tool.layout,
    skills: { home: tool.skills, substitutes: false },
    drops: tool.drops,
    files: (sources) => [
      {
        path: agent.path,
        contents: withFrontmatter(frontmatter, agentBody(sources.agent, agent.path, agent.reference)),
      },
      { path: mcp.path, contents: mcp.contents() },
    ],
    check: {
      folders: tool.check.folders,
      kinds: [{ ...agent.kind, match }],
      skillHomes: tool.check.skillHomes,
      settings: [mcp.path],
      rules: [...(tool.check.rules ?? []), match],
    },
  };
}

/** A CLI of opencode's line (opencode, Kilo's fork of it): its agents, and its one settings file at the root. */
export interface RootConfigReader<Id extends string> extends Omit<HubReader<Id>, "agent" | "mcp"> {
  agent: { path: string; kind: Pick<Kind, "label" | "keys" | "match"> };
  config: { path: string; schema: string };
}

/**
 * Such a CLI's agent is a `mode: subagent` (a user's agent is `mode: all` by default, a primary agent too), whose
 * `tools` map only turns tools off, so it keeps them all; it offers an MCP server's tool as `SERVER_TOOL`. Its
 * settings hold the servers as command lines, and a `permission` over its own defaults (every tool `allow`, so the
 * tasks run without asking, but reading `*.env` / `*.env.*` only `ask`): the last matching rule winning, reading
 * `.env` becomes `deny` (`.env.example` stays readable).
 */
export const rootConfigReader = <Id extends string>({ agent, config, ...tool }: RootConfigReader<Id>): Target<Id> =>
  hubReader({
    ...tool,
    agent: {
      path: agent.path,
      called: "subagent",
      frontmatter: [
        ["description", AGENT.description],
        ["mode", "subagent"],
      ],
      reference: "sequentialthinking_sequentialthinking",
      kind: { ...agent.kind, required: ["description"] },
    },
    mcp: {
      path: config.path,
      contents: () => json({ $schema: config.schema, mcp: commandLineMcp(), permission: { read: ENV_READS_DENIED } }),
      about: "MCP; `.env` not read",
    },
  });
