/**
 * Hostile `.spec-agent.json` records, as whoever sent the last pull request could write them: paths outside
 * the repository, absolute, in .git, through a link, device names, huge; answers of the wrong type, shell
 * text, unknown agents, prototype keys; versions that are npm specs; packs outside. Shared by the record's
 * own property test and the commands' (properties-journal.test.ts).
 */
import fc from "fast-check";

const hostilePath = fc.oneof(
  fc.constantFrom(
    "../outside.txt",
    "../../etc/passwd",
    "/etc/passwd",
    "C:/Windows/win.ini",
    ".git/hooks/pre-commit",
    ".GIT/config",
    "git~1/config",
    "a/../../x",
    "CON",
    "aux.txt",
    "a\\..\\b",
    "linked/notes.md",
    "x/./y",
    "",
    "a//b",
    "trailing. ",
    "spec/ok.md",
    "README.md",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1020, maxLength: 1100 }),
);
const hostileText = fc.oneof(
  fc.constantFrom("svc", "class", "2.7", "3.13", "x; rm -rf ~", "line\nbreak", "", "file:../evil", "0.1.0"),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.constant(null),
  fc.string({ unit: "grapheme-ascii", minLength: 1000, maxLength: 1010 }),
);
export const hostileRecord = fc.record({
  generator: fc.constantFrom("create-spec-agent", "other"),
  format: fc.constantFrom(1, 2, 3, "2"),
  version: fc.oneof(fc.constantFrom("0.1.0", "0.2.0", "file:../evil", "9".repeat(80), "1.2.3-rc.1"), hostileText),
  answers: fc.record({
    name: hostileText,
    package: hostileText,
    description: hostileText,
    author: hostileText,
    python: hostileText,
    agents: fc.oneof(fc.array(fc.constantFrom("copilot", "claude", "cluade", "__proto__", "")), hostileText),
  }),
  files: fc.dictionary(hostilePath, fc.oneof(fc.string({ maxLength: 8 }), fc.constant(`sha256:${"a".repeat(64)}`))),
  packs: fc.oneof(
    fc.constant(undefined),
    fc.array(
      fc.record({
        name: hostileText,
        version: hostileText,
        digest: hostileText,
        source: fc.oneof(hostilePath, fc.constantFrom("../pack", "/tmp/pack", "acme-pack")),
        answers: fc.dictionary(fc.constantFrom("team", "constructor", "__proto__", "toString", "a b"), hostileText),
      }),
      { maxLength: 2 },
    ),
  ),
});
