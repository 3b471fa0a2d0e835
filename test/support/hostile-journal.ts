/**
 * Hostile journals (`.spec-agent-journal/`), as a clone, an archive or a planted folder could bring them: paths
 * outside the repository, in .git, through a link, device names, huge and wrong-typed values, backups outside the
 * journal folder or links; most naming the owner file as this machine made it (plantJournal fills that in), so the
 * checks past that one are reached. Shared by the door's property (properties-journal.test.ts) and the commands'
 * (properties-commands.test.ts).
 */
import { lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

/** Written out, not imported: the test holds the name the journals on disk have, whatever the code calls it. */
export const JOURNAL_NAME = ".spec-agent-journal";

const hostilePath = fc.oneof(
  fc.constantFrom(
    "../outside/victim.txt",
    "../../outside/victim.txt",
    "spec/../../outside/victim.txt",
    ".git/hooks/pre-commit",
    ".git/config",
    ".GIT/HEAD",
    "GIT~1/hooks/post-checkout",
    "sub/.git/config",
    "linked/victim.txt",
    "linked/folder",
    "linked",
    "CON",
    "spec/aux.md",
    "nul.txt",
    "a\\..\\..\\outside",
    "C:/Windows/x",
    `${JOURNAL_NAME}/owner`,
    `${JOURNAL_NAME}/journal.json`,
    "README.md",
    "AGENTS.md",
    "spec/plan/new.md",
    "",
    "a//b",
    "trailing.",
  ),
  fc.constant("x".repeat(5000)),
  fc.constant(`${"deep/".repeat(300)}x`),
  fc.string({ maxLength: 12 }),
  fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), fc.constant(["README.md"])),
);
const hostileBackup = fc.oneof(
  fc.constantFrom("0.old", "1.old", "0.removed", "owner", "journal.json", "../../outside/victim.txt", "/etc/hostname"),
  fc.constantFrom("../victim.txt", "x".repeat(300), "9999999.old", "0.old/../../x"),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const size = fc.oneof(fc.nat(100), fc.constantFrom(-1, 1e308, 2 ** 53, 0.5), fc.string({ maxLength: 3 }));
const hash = fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 4 }));

const journalRecord = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.constantFrom(0, 2, "1", null)),
    createdRoot: fc.oneof(fc.boolean(), fc.constant("yes")),
    folders: fc.array(hostilePath, { maxLength: 3 }),
    created: fc.array(fc.record({ path: hostilePath, size, hash }, { requiredKeys: ["path", "size"] }), {
      maxLength: 3,
    }),
    overwritten: fc.array(fc.record({ path: hostilePath, backup: hostileBackup }), { maxLength: 3 }),
    removed: fc.array(fc.record({ path: hostilePath, backup: hostileBackup }), { maxLength: 2 }),
    // "here": the owner file plant() makes, as a run of ours on this machine names it; else one made elsewhere.
    madeHere: fc.oneof(
      { weight: 8, arbitrary: fc.constant("here") },
      fc.constantFrom({ ino: 1, ctimeMs: 2 }, "x", null, { ino: 1e308, ctimeMs: -1 }),
    ),
  },
  { requiredKeys: ["version", "madeHere"] },
);
/** What lies in the journal folder beside the record: files, links to outside, folders. */
export const hostileBackups = fc.array(
  fc.record({
    name: fc.constantFrom("0.old", "1.old", "0.removed", "evil", "1.removed"),
    kind: fc.constantFrom("file", "link-outside", "link-git", "folder"),
  }),
  { maxLength: 3 },
);
/** A journal record as text: most of them JSON, most of those naming the owner file as this machine made it. */
export const hostileJournalText = fc.oneof(
  { weight: 8, arbitrary: journalRecord.map((r) => JSON.stringify(r)) },
  fc.constantFrom("", "{", "[]", "null", `${"[".repeat(100000)}`, '{"version":1}'),
);

export type Backups = { name: string; kind: string }[];

/**
 * Plants a journal in root: an owner file made now (a record saying `"madeHere":"here"` names it as a run of
 * ours here would), the record, and what `kept` lays beside it (a script, links to outside or into .git, folders).
 */
export function plantJournal(root: string, outside: string, text: string, kept: Backups): void {
  const journal = join(root, JOURNAL_NAME);
  mkdirSync(journal);
  writeFileSync(join(journal, "owner"), "999999\n");
  const owner = lstatSync(join(journal, "owner"));
  const here = JSON.stringify({ ino: owner.ino, ctimeMs: owner.ctimeMs });
  writeFileSync(join(journal, "journal.json"), text.replace('"madeHere":"here"', `"madeHere":${here}`));
  for (const { name, kind } of kept) {
    const path = join(journal, name);
    rmSync(path, { recursive: true, force: true });
    if (kind === "file") writeFileSync(path, "#!/bin/sh\necho pwned\n");
    else if (kind === "link-outside") symlinkSync(join(outside, "victim.txt"), path);
    else if (kind === "link-git") symlinkSync(join(root, ".git", "config"), path);
    else mkdirSync(path);
  }
}
