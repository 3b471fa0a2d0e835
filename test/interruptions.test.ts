/**
 * A property over interruptions, in process: a random target holding the user's files (some where the preset
 * writes, in random bytes and modes, some it does not know), a run with --force interrupted at a random one of its
 * changes to the disk, by a signal (the run's interruption flag is raised there: INT, TERM and HUP all raise it,
 * once or twice) or by a kill (from that change on nothing reaches the disk; then the next run). Afterwards the
 * user's files are byte-identical with their modes, or the run completed and every file is the preset's: never
 * anything in between. The real signals, on the built bin, are in test/signals.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/context.js";
import { throughStep } from "./support/mutations.js";
import { snapshot } from "./support/tree.js";

const args = ["svc", "--yes", "--no-git", "--no-install", "--force"];
const PRESET_PATHS = ["README.md", "pyproject.toml", "AGENTS.md", ".gitignore", "Taskfile.yml", "spec/plan/README.md"];

/** Counts the run's changes to the disk; at change `at`, interrupts it the way `how` says. */
function interrupting(at: number, how: "signal" | "signal twice" | "kill") {
  let changes = 0;
  let raised = 0;
  const signal = {
    get aborted() {
      return raised > 0;
    },
  };
  const dead = (): boolean => how === "kill" && changes > at;
  const step = <T>(act: () => T): T => {
    changes += 1;
    if (changes > at) {
      if (how === "kill") throw Object.assign(new Error("killed"), { code: "KILLED" });
      raised = how === "signal twice" ? 2 : 1;
    }
    return act();
  };
  const fs = throughStep(step);
  return { fs, signal, dead, changes: () => changes };
}

const userFile = fc.record({
  bytes: fc.uint8Array({ maxLength: 64 }),
  mode: fc.constantFrom(0o600, 0o644, 0o664, 0o755),
});
const userTree = fc.record({
  ours: fc.dictionary(fc.constantFrom(...PRESET_PATHS), userFile, { maxKeys: 4 }),
  theirs: fc.dictionary(fc.constantFrom("notes.txt", "src/keep.py", "data/a.bin"), userFile, { maxKeys: 2 }),
});

describe("an interrupted run, then the next one", async () => {
  // The whole preset as an uninterrupted run writes it over an empty target: what "completed" must look like.
  const reference = tempDir();
  await runCli(args, { cwd: reference });
  const preset = snapshot(join(reference, "svc"));

  it("leaves the user's files as they were, or the whole preset; never anything in between (1,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(
        userTree,
        fc.nat(90),
        fc.constantFrom("signal" as const, "signal twice" as const, "kill" as const),
        async (tree, at, how) => {
          const cwd = tempDir();
          const root = join(cwd, "svc");
          mkdirSync(root);
          for (const [path, { bytes, mode }] of Object.entries({ ...tree.ours, ...tree.theirs })) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), bytes, { mode });
          }
          const before = snapshot(root);
          const interruption = interrupting(at, how);
          const run = await runCli(args, { cwd, fs: interruption.fs, signal: interruption.signal });
          // A kill leaves what it leaves; the next run (without --force) undoes it first.
          if (interruption.dead()) await runCli(args.slice(0, -1), { cwd });
          const after = snapshot(root);
          const journal = Object.keys(after).filter((p) => p.startsWith(".spec-agent-journal"));
          expect(journal, `${how} at ${at}: no journal left`).toEqual([]);
          if (after[".spec-agent.json"] !== undefined) {
            // Completed: every file of the preset as the preset has it, and the user's other files untouched.
            // A file the user had keeps its line endings (issue 22): ours in its style; every new file as the preset's.
            const text = (entry: string | undefined, path: string): string | undefined => {
              const base64 = entry?.split(" ")[0];
              if (base64 === undefined || !(path in tree.ours)) return base64;
              return Buffer.from(base64, "base64").toString("utf8").replaceAll("\r\n", "\n");
            };
            for (const [path, entry] of Object.entries(preset)) {
              if (path === ".gitignore") continue; // merged with the user's, by design
              expect(text(after[path], path), `${how} at ${at}: ${path}`).toBe(text(entry, path));
            }
            for (const path of Object.keys(tree.theirs)) expect(after[path]).toBe(before[path]);
          } else {
            expect(after, `${how} at ${at} (exit ${run.code}): the user's files as they were`).toEqual(before);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 300_000);
});
