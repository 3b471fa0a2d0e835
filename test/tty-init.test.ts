/**
 * init's Python question in a real terminal (issue 21), through tmux: in a project whose requires-python
 * starts below the oldest Python supported, the question offers the oldest the project admits and says
 * what the project declares; the rules keep the project's own floor, CI sets up the answer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { OWNER, ownerRepo } from "./support/owner.js";
import { binAtTerminal, hasTmux, NO_TMUX, TmuxServer, type TmuxSession } from "./support/tmux.js";

const bin = join(packageRoot, "dist/cli.cjs");
const tmuxThere = hasTmux();
const PYTHON_QUESTION =
  /^\? Python version \(for CI: the project's requires-python ">=3\.8" starts below 3\.10, the oldest supported; the rules keep its own\) › 3\.10$/m;

describe.skipIf(!tmuxThere)(`init's Python question${tmuxThere ? "" : ` (skipped: ${NO_TMUX})`}`, () => {
  let server: TmuxServer;
  let session: TmuxSession | undefined;
  beforeAll(() => {
    server = new TmuxServer();
  });
  afterEach(() => {
    session?.kill();
    session = undefined;
  });
  afterAll(() => server?.kill());

  function init(root: string): TmuxSession {
    const command = binAtTerminal(bin, "init --agents copilot,agents-md --license none", root);
    session = server.start({ cwd: root, command, width: 220 });
    return session;
  }

  const below = { ...OWNER, "pyproject.toml": OWNER["pyproject.toml"].replace(">=3.12", ">=3.8") };

  it("offers 3.10 for requires-python >=3.8 and says so; the rules keep 3.8, CI sets up the answer", async () => {
    const root = ownerRepo(below);
    const s = init(root);
    await s.waitFor(PYTHON_QUESTION);
    s.sendKeys("Enter");
    const [, code] = await s.waitFor(/^EXIT=(\d+)$/m, 10_000);
    expect(code, s.screen()).toBe("0");
    expect(readFileSync(join(root, ".github/workflows/ci.yml"), "utf8")).toContain('python-version: "3.10"');
    expect(readFileSync(join(root, "AGENTS.md"), "utf8")).toContain(
      'Python 3.8 or newer (`requires-python = ">=3.8"`)',
    );
    expect(JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8")).answers.python).toBe("3.10");
  });

  it("asks nothing where the project keeps a .python-version: CI reads it", async () => {
    const root = ownerRepo({ ...below, ".python-version": "3.9\n" });
    const s = init(root);
    const [, code] = await s.waitFor(/^EXIT=(\d+)$/m, 10_000);
    expect(code, s.screen()).toBe("0");
    expect(s.screen()).not.toMatch(/Python version/);
    expect(readFileSync(join(root, ".github/workflows/ci.yml"), "utf8")).toContain(
      "python-version-file: .python-version",
    );
    expect(readFileSync(join(root, ".python-version"), "utf8")).toBe("3.9\n");
  });
});
