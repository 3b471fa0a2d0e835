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

/** From `uv --version`'s output (`uv 0.13.6 (x86_64-unknown-linux-gnu)`), or the default when absent or unreadable. */
export function uvBuildRequirement(uvVersionOutput: string | undefined): string {
  const found = /^uv (\d+)\.(\d+)\.(\d+)\b/.exec(uvVersionOutput?.trim() ?? "");
  const [major, minor, patch] = found ? found.slice(1) : UV_BUILD_DEFAULT.split(".");
  return requirementFor(major as string, minor as string, patch as string);
}
