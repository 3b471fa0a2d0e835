/**
 * The `[build-system]` bound: what the uv that will build the project writes
 * itself (`uv init --package`), so a fresh repository never asks for a
 * uv_build that its uv does not know. Without uv, our own default, which a
 * test holds to the uv pinned in scripts/real-tools.txt.
 */

/** The newest uv_build on PyPI that the pinned uv's own bound admits. */
export const UV_BUILD_DEFAULT = "0.13.6";

/** uv's rule (0.x minors are breaking): at least this version, below the next minor. */
function requirementFor(major: string, minor: string, patch: string): string {
  return `uv_build>=${major}.${minor}.${patch},<${major}.${Number(minor) + 1}.0`;
}

/** What a requirement must look like to be taken from a record (untrusted input, rendered into pyproject.toml). */
const REQUIREMENT = /^uv_build>=\d+\.\d+\.\d+,<\d+\.\d+\.0$/;

export const isUvBuildRequirement = (text: string): boolean => REQUIREMENT.test(text);

/**
 * The bound `update` renders: the one recorded when the repository was made, never the uv on this machine's
 * PATH, so that teammates get the same bytes. A record older than that field: the bound the pyproject.toml it
 * wrote holds, else the default.
 */
export function recordedUvBuild(recorded: string | undefined, pyprojectBase: string | undefined): string {
  if (recorded !== undefined) return recorded;
  const written = /"(uv_build>=[^"]*)"/.exec(pyprojectBase ?? "")?.[1];
  return written !== undefined && isUvBuildRequirement(written) ? written : uvBuildRequirement(undefined);
}

/** The bound a record's text holds (init reads records leniently: one it cannot read gives the default). */
export function uvBuildOfRecordText(text: string | undefined): string {
  let record: { uvBuild?: unknown; files?: Record<string, unknown> } | undefined;
  try {
    record = text === undefined ? undefined : JSON.parse(text);
  } catch {
    record = undefined;
  }
  const recorded =
    typeof record?.uvBuild === "string" && isUvBuildRequirement(record.uvBuild) ? record.uvBuild : undefined;
  const pyproject = record?.files?.["pyproject.toml"];
  return recordedUvBuild(recorded, typeof pyproject === "string" ? pyproject : undefined);
}

/** From `uv --version`'s output (`uv 0.13.6 (x86_64-unknown-linux-gnu)`), or the default when absent or unreadable. */
export function uvBuildRequirement(uvVersionOutput: string | undefined): string {
  const found = /^uv (\d+)\.(\d+)\.(\d+)\b/.exec(uvVersionOutput?.trim() ?? "");
  const [major, minor, patch] = found ? found.slice(1) : UV_BUILD_DEFAULT.split(".");
  return requirementFor(major as string, minor as string, patch as string);
}
