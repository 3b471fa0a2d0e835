/**
 * How an agent's cloud machine gets uv and go-task: the setup installs each
 * tool only where it is missing, from PyPI (the cloud agents' firewalls let
 * PyPI through, not astral.sh or taskfile.dev), then installs the project.
 * Each tool's module says where its cloud runs it.
 */

/** The setup, one command a line. */
export const CLOUD_SETUP = [
  "command -v uv >/dev/null 2>&1 || python3 -m pip install uv",
  "command -v task >/dev/null 2>&1 || python3 -m pip install go-task-bin",
  "task install",
] as const;

/** The project's own tasks, which every agent may run without asking (the Taskfile holds nothing else). */
export const PROJECT_TASKS = ["task test", "task lint", "task format", "task install", "task run"] as const;

/** Path-glob rules where the last match wins: `.env` files denied, the example still readable. */
export const ENV_READS_DENIED = { "*.env": "deny", "*.env.*": "deny", "*.env.example": "allow" } as const;
