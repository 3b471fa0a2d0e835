import { describe, expect, it } from "vitest";
import { confinementProblem } from "../src/core/confine.js";

describe("confinementProblem", () => {
  it.each([
    "AGENTS.md",
    ".github/agents/backend-engineer.agent.md",
    "spec/plan/export-reports.md",
    ".gitignore",
    ".github/workflows/ci.yml",
    "src/my_service/__init__.py",
    "docs/ünïcödé.md",
  ])("accepts %j", (path) => {
    expect(confinementProblem(path)).toBeUndefined();
  });

  it.each([
    ["", /not a path/],
    [42, /not a path/],
    [null, /not a path/],
    ["/etc/passwd", /absolute/],
    ["C:/Windows/x", /absolute/],
    ["c:x", /absolute/],
    ["\\\\server\\share\\x", /backslash/],
    ["a\\..\\..\\x", /backslash/],
    ["../outside", /not a name/],
    ["spec/../../outside", /not a name/],
    ["a/./b", /not a name/],
    ["a//b", /empty/],
    ["a/", /empty/],
    [".git/hooks/pre-commit", /git's own files/],
    [".GIT/config", /git's own files/],
    ["sub/.git/config", /git's own files/],
    ["GIT~1/hooks/post-checkout", /git's own files/],
    [".spec-agent-journal/journal.json", /journal of create-spec-agent/],
    [".Spec-Agent-Journal.starting-42/owner", /journal of create-spec-agent/],
    ["spec/CON", /device name/],
    ["spec/aux.md", /device name/],
    ["spec/a:b", /Windows does not allow/],
    ["spec/trailing.", /dot or space/],
    ["spec/new\nline", /Windows does not allow/],
    [`${"a/".repeat(600)}b`, /longer than 1024/],
  ])("refuses %j", (path, reason) => {
    expect(confinementProblem(path)).toMatch(reason);
  });
});
