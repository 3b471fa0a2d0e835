/** What to do once the repository is there, for the package manager that ran us. */

/** The command that runs a create-* package, for the package manager that ran us. */
export function createCommand(userAgent: string | undefined): string {
  const manager = /^(npm|pnpm|yarn|bun)\//.exec(userAgent ?? "")?.[1] ?? "npm";
  return manager === "npm" ? "npm create spec-agent@latest" : `${manager} create spec-agent`;
}

/** The shell the user most likely typed in: PowerShell (or cmd) on Windows, but Git Bash and MSYS2 there are POSIX. */
export type Shell = "powershell" | "posix";

export function shellOf(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): Shell {
  return platform === "win32" && !env.MSYSTEM ? "powershell" : "posix";
}

/**
 * How to install each tool, as its own documentation gives it (docs.astral.sh/uv, taskfile.dev/installation):
 * the PowerShell line also runs from cmd.exe.
 */
export const INSTALL: Record<"uv" | "go-task", Record<Shell, string>> = {
  uv: {
    powershell: 'powershell -ExecutionPolicy ByPass -c "irm https://astral.sh/uv/install.ps1 | iex"',
    posix: "curl -LsSf https://astral.sh/uv/install.sh | sh",
  },
  "go-task": {
    powershell: "winget install Task.Task",
    posix: 'sh -c "$(curl --location https://taskfile.dev/install.sh)" -- -d -b ~/.local/bin',
  },
};

export interface NextStepsInput {
  folder: string;
  inCurrentFolder: boolean;
  installed: boolean;
  hasUv: boolean;
  hasTask: boolean;
  shell: Shell;
  userAgent: string | undefined;
  /** How to reach the agent in the first AI tool chosen. */
  agentStep: string;
}

export function nextSteps({
  folder,
  inCurrentFolder,
  installed,
  hasUv,
  hasTask,
  shell,
  userAgent,
  agentStep,
}: NextStepsInput): string[] {
  const steps: string[] = [];
  if (!inCurrentFolder) steps.push(`cd ${/^[\w.@/-]+$/.test(folder) ? folder : JSON.stringify(folder)}`);
  if (!hasUv) steps.push(`install uv: ${INSTALL.uv[shell]}`);
  if (!hasTask) steps.push(`install go-task: ${INSTALL["go-task"][shell]}`);
  if (!installed) steps.push("task install");
  steps.push("task test", "task run -- --help");
  steps.push(agentStep);
  steps.push(`another repository: ${createCommand(userAgent)} <dir>`);
  return steps;
}
