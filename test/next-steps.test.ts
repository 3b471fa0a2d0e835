/** Next steps name each missing tool with the command that installs it in the shell the user is in. */
import { describe, expect, it } from "vitest";
import { INSTALL, nextSteps, shellOf } from "../src/ui/next-steps.js";

const base = {
  folder: "svc",
  inCurrentFolder: false,
  installed: false,
  userAgent: undefined,
  agentStep: "start with spec/context/",
};

describe("next steps", () => {
  it.each([
    ["win32", {}, "powershell"],
    ["win32", { MSYSTEM: "MINGW64" }, "posix"],
    ["linux", {}, "posix"],
    ["darwin", {}, "posix"],
  ] as const)("on %s with %j the shell is %s", (platform, env, shell) => {
    expect(shellOf(platform, env)).toBe(shell);
  });

  it.each([
    [true, true, "posix", []],
    [false, true, "posix", [`install uv: ${INSTALL.uv.posix}`]],
    [true, false, "posix", [`install go-task: ${INSTALL["go-task"].posix}`]],
    [
      false,
      false,
      "powershell",
      [`install uv: ${INSTALL.uv.powershell}`, `install go-task: ${INSTALL["go-task"].powershell}`],
    ],
    [true, false, "powershell", ["install go-task: winget install Task.Task"]],
  ] as const)("uv %s, go-task %s, %s: installs %j before task install", (hasUv, hasTask, shell, installs) => {
    const steps = nextSteps({ ...base, hasUv, hasTask, shell });
    expect(steps.filter((s) => s.startsWith("install "))).toEqual(installs);
    expect(steps.indexOf("task install")).toBe(1 + installs.length);
  });

  it("gives each tool's documented installer: PowerShell's for Windows, a POSIX shell's elsewhere", () => {
    expect(INSTALL.uv.powershell).toBe(
      'powershell -ExecutionPolicy ByPass -c "irm https://astral.sh/uv/install.ps1 | iex"',
    );
    expect(INSTALL.uv.posix).toBe("curl -LsSf https://astral.sh/uv/install.sh | sh");
    expect(INSTALL["go-task"].posix).toContain("https://taskfile.dev/install.sh");
  });
});
