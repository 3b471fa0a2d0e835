/**
 * The Backend Engineer, shared by every tool's subagent: the seed's name and
 * description, and its body with what changes per tool (how it names the
 * sequential-thinking tool, its links' base). Each tool's module writes the
 * frontmatter and the file around it.
 */
import { linksFrom } from "./links.js";
import { TOOL_REFERENCE } from "./tools.js";

/** The seed's own frontmatter values. */
export const AGENT = {
  name: "Backend Engineer",
  slug: "backend-engineer",
  description:
    "Principal-level Python backend engineer focused on spec-driven development, delivering pragmatic, high-quality CLI applications with exceptional code standards.",
} as const;

/** The agent's description where the project is in another language: the same engineer, not a Python one. */
export const agentDescription = (python: boolean): string =>
  python ? AGENT.description : AGENT.description.replace("Python backend engineer", "backend engineer");

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf("/"));

/** The body for a file at `path`, the sequential-thinking tool named as `reference`, links based on its folder. */
export const agentBody = (body: string, path: string, reference: string): string =>
  linksFrom(body.replaceAll(TOOL_REFERENCE, reference), folderOf(path));

/** Markdown link to a path from the root. */
export const link = (path: string): string => `[${path}](${path})`;
