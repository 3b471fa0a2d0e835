/**
 * A check-then-write race, as a person meets it (issue 10): create asks whether to write into a folder that is
 * not empty, and while the question waits in a real terminal (tmux) the folder is swapped for a link to another
 * one. Answered yes, the run looks again, refuses with exit 2, and nothing is written through the link.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";
import { binAtTerminal, hasTmux, NO_TMUX, TmuxServer } from "./support/tmux.js";

const bin = join(packageRoot, "dist/cli.cjs");
const tmuxThere = hasTmux();

describe.skipIf(!tmuxThere)(
  `a folder swapped while the question waits${tmuxThere ? "" : ` (skipped: ${NO_TMUX})`}`,
  () => {
    const server = tmuxThere ? new TmuxServer() : undefined;
    afterAll(() => server?.kill());

    it("is refused with exit 2 once answered, and nothing is written through the link", async () => {
      const cwd = tempDir();
      const root = join(cwd, "svc");
      mkdirSync(root);
      writeFileSync(join(root, "README.md"), "# mine\n");
      const flags =
        "--package svc --description d --author a --python 3.13 --agents copilot --license none --no-git --no-install";
      const session = server?.start({ cwd, command: binAtTerminal(bin, `svc ${flags}`, cwd) });
      if (!session) return;
      try {
        await session.waitFor(/is not empty \(README\.md\)\. Write the preset into it\?/);
        renameSync(root, `${root}.moved`);
        symlinkSync(`${root}.moved`, root);
        session.type("y");
        session.sendKeys("Enter");
        const [, code] = await session.waitFor(/^EXIT=(\d+)$/m, 10_000);
        expect(code, session.screen()).toBe("2");
        expect(session.screen()).toMatch(/no longer a folder|is a symbolic link/);
        expect(readdirSync(`${root}.moved`)).toEqual(["README.md"]);
        expect(readFileSync(join(`${root}.moved`, "README.md"), "utf8")).toBe("# mine\n");
      } finally {
        session.kill();
      }
    });
  },
);
