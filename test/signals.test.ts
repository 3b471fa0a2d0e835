/**
 * The built bin, interrupted for real: SIGINT, two SIGINTs a few ms apart,
 * SIGTERM, SIGHUP and SIGKILL (then the next run), at delays that land
 * before, during and after the writes. Whatever the moment, the user's files
 * are as they were, or the run completed and every file is the preset's.
 * Never anything in between. The delays only spread the moments; nothing
 * asserts on time.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";
import { snapshot, userTree } from "./support/tree.js";

const bin = join(packageRoot, "dist/cli.cjs");
const env = { PATH: "", HOME: "/nonexistent", NO_COLOR: "1" };
const args = [bin, "svc", "--yes", "--force", "--no-git", "--no-install"];

const reference = (() => {
  const cwd = tempDir();
  spawnSync(process.execPath, [bin, "svc", "--yes", "--no-git", "--no-install"], { cwd, env });
  return snapshot(join(cwd, "svc"));
})();

type Kind = "INT" | "INT+INT" | "TERM" | "HUP" | "KILL";

function interrupted(kind: Kind, delayMs: number, cwd: string): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: "ignore" });
    const signals: NodeJS.Signals[] = kind === "INT+INT" ? ["SIGINT", "SIGINT"] : [`SIG${kind}` as NodeJS.Signals];
    setTimeout(() => {
      child.kill(signals[0]);
      if (signals[1]) setTimeout(() => child.kill(signals[1]), delayMs % 6);
    }, delayMs);
    child.on("exit", (code) => done(code));
  });
}

/** The user's files as they were, or the preset whole (the user's notes kept); anything else fails. */
function expectWholeOrUntouched(root: string, before: Record<string, string>, why: string): "restored" | "complete" {
  const now = snapshot(root);
  expect(
    Object.keys(now).filter((p) => p.startsWith(".spec-agent-journal")),
    why,
  ).toEqual([]);
  if (!existsSync(join(root, ".spec-agent.json"))) {
    expect(now, why).toEqual(before);
    return "restored";
  }
  expect(now, why).toEqual({ ...reference, "notes.txt": before["notes.txt"] });
  return "complete";
}

describe("signals to the built bin while it writes over the user's files (--force)", () => {
  const kinds: Kind[] = ["INT", "INT+INT", "TERM", "HUP", "KILL"];
  it.each(kinds)(
    "%s at delays from 0 to 60 ms: the files are the user's or the preset's, whole",
    async (kind) => {
      const seen = { restored: 0, complete: 0 };
      for (let delay = 0; delay <= 60; delay += 3) {
        const cwd = tempDir();
        const root = userTree(cwd);
        const before = snapshot(root);
        const code = await interrupted(kind, delay, cwd);
        const why = `${kind} after ${delay} ms, exit ${code}`;
        if (kind === "KILL") {
          // The next run restores from the journal first, then refuses the occupied folder (no --force).
          const next = spawnSync(process.execPath, [bin, "svc", "--yes", "--no-git", "--no-install"], {
            cwd,
            env,
            encoding: "utf8",
          });
          expect(next.stderr.split("\n").length, why).toBeLessThanOrEqual(2);
        } else {
          // null: the signal came before Node had set up the handler, and ended it as signals do (nothing written yet).
          expect([0, 130, null], why).toContain(code);
        }
        seen[expectWholeOrUntouched(root, before, why)] += 1;
      }
      expect(seen.restored + seen.complete).toBe(21);
    },
    60_000,
  );
});
