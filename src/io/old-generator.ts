/**
 * The files an older version of create-spec-agent wrote for a set of answers,
 * made again by that very version: fetched from the npm registry (npm pack),
 * unpacked, and run into a temporary folder. A 0.1.0 record keeps only hashes,
 * so this is how an edited file of such a repository gets its merge base back
 * when git's history does not have it. Runs in a child process of its own:
 * npm, tar and the old bin stay out of this one. Undefined when any step fails
 * (offline, no such version, no npm).
 */
import type { ContentAnswers } from "../core/manifest.js";
import type { Exec } from "./host.js";

/**
 * Packs, unpacks and runs the version given; prints the files it wrote as one JSON object. It runs as a process of
 * its own (`node -e`), so the `process` it reads, as `child`, is that child's, never this run's.
 */
const SCRIPT = `
const { execFileSync } = require("node:child_process");
const fs = require("node:fs"), os = require("node:os"), path = require("node:path"), child = require("node:process");
const [version, answersJson] = child.argv.slice(1);
const a = JSON.parse(answersJson);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "spec-agent-old-"));
try {
  const quiet = { cwd: work, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8", timeout: 120000, shell: child.platform === "win32" };
  const tarball = execFileSync("npm", ["pack", "--silent", "create-spec-agent@" + version], quiet).trim().split("\\n").pop();
  execFileSync("tar", ["-xzf", tarball], quiet);
  const out = path.join(work, "out");
  execFileSync(child.execPath, [path.join(work, "package", "dist", "cli.cjs"), out, "--yes", "--no-git", "--no-install",
    "--name", a.name, "--package", a.package, "--description", a.description, "--author", a.author, "--python", a.python],
    { ...quiet, env: { ...child.env, NO_COLOR: "1", CI: "1" } });
  const files = {};
  for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(out, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8");
  }
  child.stdout.write(JSON.stringify(files));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
`;

export async function renderedByVersion(
  exec: Exec,
  cwd: string,
  version: string,
  answers: ContentAnswers,
): Promise<Map<string, string> | undefined> {
  const result = await exec("node", ["-e", SCRIPT, version, JSON.stringify(answers)], cwd);
  if (result.status !== 0) return undefined;
  try {
    return new Map(Object.entries(JSON.parse(result.stdout) as Record<string, string>));
  } catch {
    return undefined;
  }
}
