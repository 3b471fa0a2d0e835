/**
 * The files an older version of create-spec-agent wrote for a set of answers,
 * made again by that very version: fetched from the npm registry (npm pack),
 * unpacked, and run into a temporary folder. A 0.1.0 record keeps only hashes,
 * so this is how an edited file of such a repository gets its merge base back
 * when git's history does not have it. npm, tar and the old bin run as child
 * processes; undefined when any step fails (offline, no such version, no npm).
 *
 * The version comes from the repository's record, which anyone may have written: only a strict semver is
 * taken (so npm reads a registry version, never a folder, a URL or a git spec), install scripts are off, and
 * every program runs in a temporary folder, outside the repository, so that no `.npmrc` or `package.json` of
 * the repository's is read. What runs then is the published package itself, as the registry serves it.
 */
import type * as NodeOs from "node:os";
import { join } from "node:path";
import { nodeRequire } from "#location";
import type { ContentAnswers } from "../core/manifest.js";
import { versionProblem } from "../core/record.js";
import { nodeFs } from "./fs.js";
import type { Exec } from "./host.js";
import { relativeWithSlashes } from "./root.js";

const PACKAGE = "create-spec-agent";

/** npm is `npm.cmd` on Windows, which Node starts only through cmd.exe; every argument here is a fixed word. */
const npm = (platform: NodeJS.Platform, args: readonly string[]): [string, string[]] =>
  platform === "win32" ? ["cmd.exe", ["/d", "/s", "/c", "npm", ...args]] : ["npm", [...args]];

/** The files under `dir`, by their `/` paths. */
function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of nodeFs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relativeWithSlashes(dir, full), nodeFs.readFileSync(full, "utf8"));
  }
  return files;
}

export async function renderedByVersion(
  exec: Exec,
  platform: NodeJS.Platform,
  version: string,
  answers: ContentAnswers,
): Promise<Map<string, string> | undefined> {
  if (versionProblem(version)) return undefined;
  const { tmpdir } = nodeRequire("node:os") as typeof NodeOs;
  const work = nodeFs.mkdtempSync(join(tmpdir(), "spec-agent-old-"));
  try {
    const [command, args] = npm(platform, ["pack", "--silent", "--ignore-scripts", `${PACKAGE}@${version}`]);
    if ((await exec(command, args, work)).status !== 0) return undefined;
    // The name npm gives the tarball of that package and version, rather than whatever it printed.
    const tarball = `${PACKAGE}-${version}.tgz`;
    if (!nodeFs.existsSync(join(work, tarball))) return undefined;
    if ((await exec("tar", ["-xzf", tarball], work)).status !== 0) return undefined;
    const out = join(work, "out");
    const { name, package: pkg, description, author, python } = answers;
    const bin = join(work, "package", "dist", "cli.cjs");
    const run = await exec(
      "node",
      [bin, out, "--yes", "--no-git", "--no-install"].concat([
        "--name",
        name,
        "--package",
        pkg,
        "--description",
        description,
        "--author",
        author,
        "--python",
        python,
      ]),
      work,
    );
    return run.status === 0 ? filesUnder(out) : undefined;
  } catch {
    return undefined;
  } finally {
    nodeFs.rmSync(work, { recursive: true, force: true });
  }
}
