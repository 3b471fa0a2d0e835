/** After the files are written: git init and a first commit, uv sync. Each step reports; none undoes the files. */

export interface ExecResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error | undefined;
}

export type Exec = (command: string, args: readonly string[], cwd: string) => Promise<ExecResult>;

export interface StepResult {
  ok: boolean;
  /** One line for the user; empty when there is nothing to say. */
  note: string;
}

const firstLine = (text: string): string => text.trim().split("\n")[0] ?? "";

export async function gitUserName(exec: Exec, cwd: string): Promise<string> {
  const result = await exec("git", ["config", "user.name"], cwd);
  return result.status === 0 ? result.stdout.trim() : "";
}

export async function initGit(exec: Exec, root: string): Promise<StepResult> {
  const inside = await exec("git", ["rev-parse", "--is-inside-work-tree"], root);
  if (inside.status === 0 && inside.stdout.trim() === "true") {
    return { ok: true, note: "git: already inside a repository, so no git init" };
  }
  for (const args of [
    ["init", "-q"],
    ["add", "-A"],
  ]) {
    const result = await exec("git", args, root);
    if (result.status !== 0)
      return { ok: false, note: `git ${args[0]} failed: ${firstLine(result.stderr) || result.error?.message}` };
  }
  const commit = await exec("git", ["commit", "-q", "-m", "Initial commit from create-spec-agent"], root);
  if (commit.status === 0) return { ok: true, note: "git: initialised with a first commit" };
  if (/user\.(name|email)|identity|who you are/i.test(commit.stderr)) {
    return {
      ok: true,
      note: "git: initialised; no first commit because git has no user.name/user.email (git config --global user.email you@example.com)",
    };
  }
  return { ok: false, note: `git commit failed: ${firstLine(commit.stderr) || commit.error?.message}` };
}

export async function uvSync(exec: Exec, root: string): Promise<StepResult> {
  const result = await exec("uv", ["sync"], root);
  if (result.status === 0) return { ok: true, note: "uv: installed (uv sync)" };
  return {
    ok: false,
    note: `uv sync failed (exit ${result.status}): ${firstLine(result.stderr)}; the files are written, run task install to retry`,
  };
}

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
}

export function nextSteps({ folder, inCurrentFolder, installed, hasUv, userAgent }: NextStepsInput): string[] {
  const steps: string[] = [];
  if (!inCurrentFolder) steps.push(`cd ${/^[\w.@/-]+$/.test(folder) ? folder : JSON.stringify(folder)}`);
  if (!hasUv) steps.push("install uv and go-task (https://docs.astral.sh/uv/, https://taskfile.dev/installation/)");
  if (!installed) steps.push("task install");
  steps.push("task test", "task run -- --help");
  steps.push("open it in VS Code and pick the Backend Engineer agent in Copilot Chat; start with spec/context/");
  steps.push(`another repository: ${createCommand(userAgent)} <dir>`);
  return steps;
}
