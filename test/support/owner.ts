/** A repository as a team has it before init: its own README, pyproject, code, AGENTS.md, commented MCP settings, .gitignore, Taskfile. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./context.js";
import { writeTree } from "./tree.js";

export const OWNER = {
  "README.md": "# Acme tool\n\nOurs, by hand.\n",
  "pyproject.toml":
    '[project]\nname = "acme-tool"\nversion = "1.2.0"\ndescription = "Acme & Co\'s tool"\nrequires-python = ">=3.12"\nauthors = [{ name = "Zoë O\'Neil" }]\n\n[project.scripts]\nacme = "acme_core.cli:main"\n',
  "src/acme_core/__init__.py": '"""Acme."""\n',
  "AGENTS.md": "# Our agents\n\nAlways run `make check`.\n",
  ".gitignore": "node_modules/\n.venv/\n# keep mine\n",
  ".vscode/mcp.json":
    '// Our MCP servers\n{\n\t"servers": {\n\t\t// GitHub, by hand\n\t\t"github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },\n\t},\n}\n',
  "Taskfile.yml": "version: '3'\ntasks:\n  build:\n    cmds: [make]\n",
};

export function ownerRepo(files: Record<string, string> = OWNER): string {
  const root = tempDir();
  mkdirSync(join(root, ".git"));
  writeTree(root, files);
  return root;
}
