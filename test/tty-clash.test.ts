/**
 * init's clash question in a real terminal (issue 13), through tmux: Enter
 * skips, the diff is shown and the question asked again, overwrite and abort
 * do what they say, and the owner's files are as they were unless overwritten.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { OWNER, ownerRepo } from "./support/owner.js";
import { binAtTerminal, hasTmux, NO_TMUX, TmuxServer, type TmuxSession } from "./support/tmux.js";
import { readTree } from "./support/tree.js";

const bin = join(packageRoot, "dist/cli.cjs");
const tmuxThere = hasTmux();
const question = (path: string): RegExp =>
  new RegExp(`^\\? ${path.replaceAll(".", "\\.")} exists and differs from the preset ›`, "m");

describe.skipIf(!tmuxThere)(`init's clash question${tmuxThere ? "" : ` (skipped: ${NO_TMUX})`}`, () => {
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

  /** init in the repository, its exit code printed after it, the pane kept open to be read. */
  function init(root: string): TmuxSession {
    // Tall enough that the whole diff stays on the screen that capture-pane reads.
    const command = binAtTerminal(bin, "init --agents copilot,agents-md --license none", root);
    session = server.start({ cwd: root, command, height: 150 });
    return session;
  }

  // The owner's Taskfile is no clash (init keeps it and names its tasks): the spec READMEs are.
  it("skips on Enter, shows the diff, overwrites when told, and exits 0", async () => {
    const root = ownerRepo({
      ...OWNER,
      "spec/plan/README.md": "# Our plans\n",
      "spec/task/README.md": "# Our tasks\n",
    });
    const s = init(root);
    await s.waitFor(question("spec/plan/README.md"));
    s.sendKeys("Down", "Down", "Enter");
    await s.waitFor(/^\+\+\+ spec\/plan\/README\.md \(the preset's\)/m);
    await s.waitFor(/^-# Our plans$/m);
    await s.waitFor(question("spec/plan/README.md"));
    s.sendKeys("Enter");
    await s.waitFor(question("spec/task/README.md"));
    s.sendKeys("Down", "Enter");
    const [, code] = await s.waitFor(/^EXIT=(\d+)$/m, 10_000);
    expect(code, s.screen()).toBe("0");
    expect(s.screen()).toContain("overwritten: spec/task/README.md");
    expect(readFileSync(join(root, "Taskfile.yml"), "utf8")).toBe(OWNER["Taskfile.yml"]);
    expect(readFileSync(join(root, "spec/plan/README.md"), "utf8")).toBe("# Our plans\n");
    expect(readFileSync(join(root, "spec/task/README.md"), "utf8")).toMatch(/^# Tasks\n/);
  });

  it.each([
    ["abort", ["Up", "Enter"], "Aborted at a clash: nothing was written."],
    ["Ctrl-C", ["C-c"], "Cancelled: nothing was written."],
  ])("stops at %s with exit 130 and writes nothing", async (_label, keys, message) => {
    const root = ownerRepo({ ...OWNER, "spec/plan/README.md": "# Our plans\n" });
    const before = readTree(root);
    const s = init(root);
    await s.waitFor(question("spec/plan/README.md"));
    s.sendKeys(...keys);
    const [, code] = await s.waitFor(/^EXIT=(\d+)$/m, 10_000);
    expect(code, s.screen()).toBe("130");
    expect(s.screen()).toContain(message);
    expect(readTree(root)).toEqual(before);
  });
});
