/**
 * The benchmarks' repository for the commands of existing repositories: `init --yes` in an empty folder, then
 * `files` spec files in the preset's shape (1 % plans, 1 % context notes, the rest tasks, each linked to its plan
 * and depending on the one before), all from the preset's own templates. Returns the repository's folder; its
 * parent is the caller's to remove.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function specTree(node, cli, env, files) {
  const dir = join(mkdtempSync(join(tmpdir(), "spec-agent-bench-")), "repo");
  mkdirSync(join(dir, ".git"), { recursive: true });
  const init = spawnSync(node, [cli, "init", "--yes"], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  if (init.status !== 0) throw new Error(`init exited ${init.status}: ${init.stderr}`);
  const plans = Math.max(1, Math.round(files / 100));
  const notes = plans;
  const tasks = files - plans - notes;
  const planT = readFileSync(join(dir, "spec/plan/TEMPLATE.md"), "utf8");
  const taskT = readFileSync(join(dir, "spec/task/TEMPLATE.md"), "utf8");
  for (let p = 0; p < plans; p++)
    writeFileSync(join(dir, `spec/plan/plan-${p}.md`), planT.replace("# Plan: Feature title", `# Plan: Plan ${p}`));
  const id = (i) => `${String(i).padStart(3, "0")}-task-${i}`;
  for (let i = 1; i <= tasks; i++) {
    const text = taskT
      .replace("# NNN: Task title", `# ${String(i).padStart(3, "0")}: Task ${i}`)
      .replace(/^- \*\*Plan\*\*:.*$/m, `- **Plan**: [Plan ${i % plans}](../plan/plan-${i % plans}.md)`)
      .replace(/^- \*\*Depends on\*\*:.*$/m, `- **Depends on**: ${i > 1 ? `\`${id(i - 1)}\`` : "none"}`);
    writeFileSync(join(dir, `spec/task/${id(i)}.md`), text);
  }
  for (let c = 0; c < notes; c++)
    writeFileSync(
      join(dir, `spec/context/note-${c}.md`),
      `# Context: Note ${c}\n\nSee [the plan](../plan/plan-${c % plans}.md).\n`,
    );
  return dir;
}

/** A Node script that walks a folder and reads each file once, as text: the floor `check` is compared with. */
export const BARE_READ = `const fs = require("node:fs"), path = require("node:path");
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.readFileSync(p, "utf8"); } };
walk(process.argv[2]);\n`;
