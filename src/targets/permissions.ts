/**
 * What the agents may do without asking, and how an agent's cloud machine gets
 * uv and go-task: the project's own tasks and `uv run` are allowed, reading
 * `.env` files is not. The setup installs each tool only where it is missing,
 * from PyPI (the cloud agents' firewalls let PyPI through, not astral.sh or
 * taskfile.dev), then installs the project.
 */

/** The setup, one command a line: Codex cloud's setup script, and Claude Code on the web's SessionStart hook. */
export const CLOUD_SETUP = [
  "command -v uv >/dev/null 2>&1 || python3 -m pip install uv",
  "command -v task >/dev/null 2>&1 || python3 -m pip install go-task-bin",
  "task install",
] as const;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * `.claude/settings.json`: Claude Code runs the tasks without asking, never
 * reads `.env`; on the web (CLAUDE_CODE_REMOTE=true) each session starts with
 * the setup, and on a developer's machine the hook does nothing.
 */
export const claudeSettings = (): string =>
  json({
    $schema: "https://json.schemastore.org/claude-code-settings.json",
    permissions: {
      allow: ["Bash(task:*)", "Bash(uv run:*)", "Bash(uv sync:*)"],
      deny: ["Read(./.env)", "Read(./.env.*)"],
    },
    hooks: {
      SessionStart: [
        {
          hooks: [
            {
              type: "command",
              command: `[ "$CLAUDE_CODE_REMOTE" != "true" ] || { ${CLOUD_SETUP.join("; ")}; }`,
            },
          ],
        },
      ],
    },
  });

/** AGENTS.md's section for Codex cloud, whose setup script lives in its environment settings, not in the repository. */
export const codexCloudSetup = (): string =>
  [
    "## Setup in Codex cloud",
    "",
    "Codex cloud sets up npm, pip and poetry projects by itself, not uv ones. In the environment's settings on chatgpt.com/codex, give this setup script, which installs uv and go-task only where they are missing:",
    "",
    "```sh",
    ...CLOUD_SETUP,
    "```",
  ].join("\n");
