import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, selectCommand } from "../src/commands/index.js";
import { didYouMean, distance } from "../src/core/closest.js";
import { UsageError } from "../src/core/errors.js";
import { packageRoot } from "../src/io/package-info.js";
import { SWITCHES } from "../src/options/flags.js";
import { helpText } from "../src/options/help.js";
import { parseArgs } from "../src/options/parse.js";
import { QUESTIONS } from "../src/options/table.js";
import { loadToolTable } from "../src/options/tool-table.js";

// The option table reads the AI tools once they are loaded, as the commands that ask about them do.
await loadToolTable();

describe("parseArgs", () => {
  it.each([
    [["my-svc"], { positionals: ["my-svc"], given: {} }],
    [["my-svc", "--name", "svc"], { positionals: ["my-svc"], given: { name: "svc" } }],
    [["--name=svc", "--package=pkg"], { positionals: [], given: { name: "svc", package: "pkg" } }],
    [["--description", "--not-a-flag"], { positionals: [], given: { description: "--not-a-flag" } }],
    [["--description=a=b"], { positionals: [], given: { description: "a=b" } }],
    [["--no-git", "--install"], { positionals: [], given: { git: false, install: true } }],
    [["--git", "--no-git"], { positionals: [], given: { git: false } }],
    [["--", "--weird"], { positionals: ["--weird"], given: {} }],
    [["-"], { positionals: ["-"], given: {} }],
  ])("%j", (argv, expected) => {
    const parsed = parseArgs(argv);
    expect({ positionals: parsed.positionals, given: parsed.given }).toEqual(expected);
  });

  it("reads --agents as a comma list, and leaves its checks to the answers", () => {
    expect(parseArgs(["--agents", "claude, codex"]).given.agents).toEqual(["claude", "codex"]);
    expect(parseArgs(["--agents=nope"]).given.agents).toEqual(["nope"]);
  });

  it("reads switches, long and short", () => {
    const { switches } = parseArgs(["-y", "--dry-run", "--force", "--verbose", "-h", "-v"]);
    expect(switches).toEqual({
      yes: true,
      "dry-run": true,
      check: false,
      force: true,
      json: false,
      verbose: true,
      help: true,
      version: true,
    });
    expect(parseArgs([]).switches.yes).toBe(false);
  });

  it.each([
    [["--nope"], "unknown option --nope: run create-spec-agent --help to see the options"],
    [["-x"], 'unknown option "-x": run create-spec-agent --help to see the options'],
    [["--Name=x"], 'unknown option "--Name=x": did you mean --name? (run create-spec-agent --help to see the options)'],
    [
      ["--DRY-RUN"],
      'unknown option "--DRY-RUN": did you mean --dry-run? (run create-spec-agent --help to see the options)',
    ],
    [["--Nmae"], 'unknown option "--Nmae": did you mean --name? (run create-spec-agent --help to see the options)'],
    [["--Xyzzy"], 'unknown option "--Xyzzy": run create-spec-agent --help to see the options'],
    [["--name"], "--name needs a value: --name NAME"],
    [["--git=yes"], "--git takes no value: use --git or --no-git"],
    [["--yes=1"], "--yes takes no value: give --yes alone, or leave it out"],
    [["--no-name"], "unknown option --no-name: run create-spec-agent --help to see the options"],
    [["--x\ny"], 'unknown option "--x\\ny": run create-spec-agent --help to see the options'],
    [["--nme", "x"], "unknown option --nme: did you mean --name? (run create-spec-agent --help to see the options)"],
    [
      ["--dryrun"],
      "unknown option --dryrun: did you mean --dry-run? (run create-spec-agent --help to see the options)",
    ],
    [["--no-gti"], "unknown option --no-gti: did you mean --no-git? (run create-spec-agent --help to see the options)"],
    [["--yse"], "unknown option --yse: did you mean --yes? (run create-spec-agent --help to see the options)"],
    [
      ["--pyhton", "3.12"],
      "unknown option --pyhton: did you mean --python? (run create-spec-agent --help to see the options)",
    ],
    [["--froce"], "unknown option --froce: did you mean --force? (run create-spec-agent --help to see the options)"],
    [["-yes"], 'unknown option "-yes": did you mean --yes? (run create-spec-agent --help to see the options)'],
    [["-Force"], 'unknown option "-Force": did you mean --force? (run create-spec-agent --help to see the options)'],
    [
      ["-dryrun"],
      'unknown option "-dryrun": did you mean --dry-run? (run create-spec-agent --help to see the options)',
    ],
    [["-xyzzy"], 'unknown option "-xyzzy": run create-spec-agent --help to see the options'],
    [
      ["--json"],
      "--json is an option of check and update, not of create: run create-spec-agent --help to see the options",
    ],
    [["--agents"], "--agents needs a value: --agents LIST"],
  ])("refuses %j with a one-line reason", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});

describe("--help", () => {
  const create = COMMANDS[0] as (typeof COMMANDS)[number];
  const help = helpText("1.2.3", create, COMMANDS);

  it("lists every option of the table", () => {
    for (const q of QUESTIONS) expect(help).toContain(`--${q.key}`);
    for (const q of QUESTIONS.filter((q) => q.kind === "confirm")) expect(help).toContain(`--no-${q.key}`);
    for (const s of SWITCHES.filter((s) => s.commands.includes("create"))) expect(help).toContain(`--${s.flag}`);
    expect(help).not.toContain("--json");
    expect(help).toContain("create-spec-agent 1.2.3");
  });

  it("keeps lines within 100 columns", () => {
    for (const line of help.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    for (const command of COMMANDS)
      for (const line of helpText("1.2.3", command, COMMANDS).split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("README's options table", () => {
  it("lists every option of the table", () => {
    const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Options"), readme.indexOf("### Exit codes"));
    for (const q of QUESTIONS) expect(table).toContain(`\`--${q.key}`);
    for (const s of SWITCHES.filter((s) => s.commands.includes("create"))) expect(table).toContain(`\`--${s.flag}\``);
  });
});

describe("did you mean", () => {
  it.each([
    ["yse", "yes", 1],
    ["pyhton", "python", 1],
    ["nme", "name", 1],
    ["updte", "update", 1],
    ["abc", "abc", 0],
    ["", "add", 3],
    ["ca", "abc", 3],
  ])("distance(%j, %j) is %i (a swap of neighbours is one edit)", (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });

  it("suggests every flag of each command one typo away, and no far guess", () => {
    for (const command of COMMANDS) {
      const flags: string[] = [
        ...QUESTIONS.filter((q) => q.commands.includes(command.name)).map((q) => q.key),
        ...SWITCHES.filter((s) => s.commands.includes(command.name)).map((s) => s.flag),
      ];
      for (const flag of flags) {
        // Its first two letters swapped: the commonest typo.
        const typo = `${flag[1]}${flag[0]}${flag.slice(2)}`;
        if (typo === flag || flags.includes(typo)) continue;
        expect(() => parseArgs([`--${typo}`], command.name), `${command.name} --${typo}`).toThrow(
          `did you mean --${flag}?`,
        );
      }
    }
    expect(didYouMean("zzzz", ["yes", "name"])).toBeUndefined();
  });

  it.each([
    ["updte", "update"],
    ["inti", "init"],
    ["chek", "check"],
    ["UPDATE", "update"],
  ])("takes %j for a typo of the command %s, when nothing of that name exists", (word, meant) => {
    expect(() => selectCommand([word])).toThrow(
      new UsageError(
        `"${word}" is not a command: did you mean ${meant}? (to create a folder of that name, give it as ./${word})`,
      ),
    );
    expect(selectCommand([word], () => true).command.name).toBe("create");
  });

  it.each([
    [["help"], "run create-spec-agent --help"],
    [["help", "init"], "run create-spec-agent init --help"],
    [["Help", "my-service"], "run create-spec-agent --help"],
  ])("takes %j for a request for help, when nothing of that name exists", (argv, advice) => {
    const word = argv[0] as string;
    expect(() => selectCommand(argv)).toThrow(
      new UsageError(`"${word}" is not a command: ${advice} (to create a folder of that name, give it as ./${word})`),
    );
    expect(selectCommand(argv, () => true).command.name).toBe("create");
  });

  it.each([["app"], ["my-service"], ["demo"], ["./updte"]])("takes %j for the folder to create", (word) => {
    expect(selectCommand([word]).command.name).toBe("create");
  });
});
