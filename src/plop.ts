/**
 * The package's `main`: a plopfile, so a team's own plopfile can
 * `await plop.load("create-spec-agent")` and run our generator in `npx plop`.
 * Rendering stays on our strict, unescaped Handlebars instance, not plop's.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { NodePlopAPI } from "node-plop";
import { UsageError } from "./errors.js";
import { realFileSystem } from "./fs.js";
import { readGitUserName } from "./gitconfig.js";
import { type Answers, type Facts, QUESTIONS } from "./options.js";
import { readVersion, templatesDir } from "./package-info.js";
import { planPreset } from "./plan.js";
import { gitUserName } from "./post.js";
import { inspectTarget } from "./target.js";
import { writePlan } from "./write.js";

export default function specAgentPlopfile(plop: NodePlopAPI): void {
  const cwd = plop.getDestBasePath();
  const exec = async (command: string, args: readonly string[], dir: string) => {
    const r = spawnSync(command, args, { cwd: dir, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  };
  const facts: Facts = {
    folderName: undefined,
    gitUserName: async () => readGitUserName(realFileSystem, process.env, cwd) ?? gitUserName(exec, cwd),
    hasGit: () => false,
    hasUv: () => false,
  };
  const prompts = QUESTIONS.filter((q) => q.kind === "text").map((q) => ({
    type: "input",
    name: q.key,
    message: q.message,
    default: async (answers: Partial<Answers>) => (await q.initial(answers, facts)) ?? q.fallback,
    validate: (value: string) => q.validate(value) ?? true,
  }));

  plop.setGenerator("spec-agent", {
    description: "a repository ready for spec-driven development with the Backend Engineer agent",
    prompts,
    actions: [
      async function writeSpecAgentPreset(answers: object) {
        const preset = answers as Answers;
        const files = await planPreset(templatesDir, preset, readVersion());
        const root = join(plop.getDestBasePath(), preset.name);
        const inspection = inspectTarget(realFileSystem, root, preset.name, files);
        if (inspection.occupants.length > 0)
          throw new UsageError(`${preset.name} is not empty: choose a new folder name`);
        const report = await writePlan(realFileSystem, root, files, inspection);
        return `${preset.name}: ${report.created.length} files`;
      },
    ],
  });
}
