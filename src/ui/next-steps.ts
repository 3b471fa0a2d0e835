/** What to do once the repository is there, for the package manager that ran us. */

/** The command that runs a create-* package, for the package manager that ran us. */
export function createCommand(userAgent: string | undefined): string {
  const manager = /^(npm|pnpm|yarn|bun)\//.exec(userAgent ?? "")?.[1] ?? "npm";
  return manager === "npm" ? "npm create spec-agent@latest" : `${manager} create spec-agent`;
}

export interface NextStepsInput {
  folder: string;
  inCurrentFolder: boolean;
  installed: boolean;
  hasUv: boolean;
  userAgent: string | undefined;
  /** How to reach the agent in the first AI tool chosen. */
  agentStep: string;
}

export function nextSteps({
  folder,
  inCurrentFolder,
  installed,
  hasUv,
  userAgent,
  agentStep,
}: NextStepsInput): string[] {
  const steps: string[] = [];
  if (!inCurrentFolder) steps.push(`cd ${/^[\w.@/-]+$/.test(folder) ? folder : JSON.stringify(folder)}`);
  if (!hasUv) steps.push("install uv and go-task (https://docs.astral.sh/uv/, https://taskfile.dev/installation/)");
  if (!installed) steps.push("task install");
  steps.push("task test", "task run -- --help");
  steps.push(agentStep);
  steps.push(`another repository: ${createCommand(userAgent)} <dir>`);
  return steps;
}
