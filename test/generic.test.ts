/**
 * The `generic` target (issue 25), through the built bin: the user names the folders its files go in
 * (`--rules-dir`, `--commands-dir`, as spec-kit's `--integration generic --commands-dir`); each is checked by the
 * one confinement check, whichever way it comes in (flag or record), and recorded so `update` reuses it;
 * `update --rules-dir/--commands-dir` moves the files, as init does.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAnswers } from "../src/options/answers.js";
import type { Prompter } from "../src/options/prompter.js";
import { cli } from "./support/bin.js";
import { tempDir } from "./support/context.js";

const CREATE = ["svc", "--yes", "--no-git", "--no-install"];
const FOLDERS = ["--rules-dir", ".myai/rules", "--commands-dir", ".myai/commands/"];
const STEPS = ["spec-context", "spec-plan", "spec-tasks", "spec-implement"];

describe("--agents generic", () => {
  it.each([
    ["a folder outside", ["--rules-dir", "../x", "--commands-dir", "c"], "--rules-dir"],
    ["an absolute folder", ["--rules-dir", "r", "--commands-dir", "/tmp/c"], "--commands-dir"],
    ["git's own files", ["--rules-dir", ".git/hooks", "--commands-dir", "c"], "--rules-dir"],
    ["an empty folder name", ["--rules-dir", "", "--commands-dir", "c"], "--rules-dir"],
    ["no rules folder", ["--commands-dir", "c"], "--rules-dir"],
    ["no commands folder", ["--rules-dir", "r"], "--commands-dir"],
  ])("refuses %s in one line, exit 2, writing nothing", (_what, flags, flag) => {
    const cwd = tempDir();
    const result = cli([...CREATE, "--agents", "agents-md,generic", ...flags], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(flag);
    expect(existsSync(join(cwd, "svc"))).toBe(false);
  });

  it("refuses the folders without --agents generic", () => {
    const result = cli([...CREATE, ...FOLDERS], tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--rules-dir");
  });

  it("writes the rules and the four steps where named, records them, update keeps them, check passes", () => {
    const cwd = tempDir();
    const created = cli([...CREATE, "--agents", "agents-md,generic", ...FOLDERS], cwd);
    expect(created.status, created.stderr).toBe(0);
    const root = join(cwd, "svc");
    expect(readFileSync(join(root, ".myai/rules/rules.md"), "utf8")).toContain("AGENTS.md");
    for (const step of STEPS) {
      const text = readFileSync(join(root, `.myai/commands/${step}.md`), "utf8");
      expect(text).toMatch(/^---\ndescription: /);
      expect(text).toContain("$ARGUMENTS");
    }
    const record = JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8"));
    expect(record.answers).toMatchObject({ "rules-dir": ".myai/rules", "commands-dir": ".myai/commands/" });
    const checked = cli(["check"], root);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    // update plans from the record alone: without the folders there it could not write generic's files.
    const updated = cli(["update", "--yes"], root);
    expect(updated.status, updated.stderr).toBe(0);
    expect(existsSync(join(root, ".myai/commands/spec-plan.md"))).toBe(true);
    expect(cli(["check"], root).status).toBe(0);
    // check reads the named folders (from the record): a broken link in a command is found.
    const plan = join(root, ".myai/commands/spec-plan.md");
    writeFileSync(plan, readFileSync(plan, "utf8").replace("(../../spec/plan/README.md)", "(../../spec/plan/GONE.md)"));
    const broken = cli(["check"], root);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(".myai/commands/spec-plan.md:");
  });

  it("update --agents generic without recorded folders says where to give them (exit 2, one line)", () => {
    const cwd = tempDir();
    expect(cli(CREATE, cwd).status).toBe(0);
    const root = join(cwd, "svc");
    const result = cli(["update", "--yes", "--agents", "copilot,generic"], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("update take --rules-dir DIR");
    // Given there, they are taken: generic's files are written where named, and the folders recorded.
    const given = cli(
      ["update", "--yes", "--agents", "copilot,generic", "--rules-dir", "r", "--commands-dir", "c"],
      root,
    );
    expect(given.status, given.stderr).toBe(0);
    expect(existsSync(join(root, "c/spec-plan.md"))).toBe(true);
    const record = JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8"));
    expect(record.answers).toMatchObject({ agents: ["copilot", "generic"], "rules-dir": "r", "commands-dir": "c" });
  });

  it("update with other folders moves generic's files: unedited ones leave the old folders, an edited one stays", () => {
    const cwd = tempDir();
    expect(cli([...CREATE, "--agents", "agents-md,generic", ...FOLDERS], cwd).status).toBe(0);
    const root = join(cwd, "svc");
    const edited = join(root, ".myai/commands/spec-tasks.md");
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nOurs: split tasks by module.\n`);
    const moved = cli(["update", "--yes", "--rules-dir", "r/", "--commands-dir", "c"], root);
    expect(moved.status, moved.stderr).toBe(0);
    for (const step of STEPS) expect(existsSync(join(root, `c/${step}.md`)), step).toBe(true);
    expect(readFileSync(join(root, "r/rules.md"), "utf8")).toContain("AGENTS.md");
    expect(existsSync(join(root, ".myai/rules"))).toBe(false);
    expect(existsSync(join(root, ".myai/commands/spec-plan.md"))).toBe(false);
    expect(readFileSync(edited, "utf8")).toContain("Ours: split tasks by module.");
    const record = JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8"));
    expect(record.answers).toMatchObject({ "rules-dir": "r/", "commands-dir": "c" });
    expect(Object.keys(record.files).filter((path) => path.startsWith(".myai/"))).toEqual([]);
    // The next update writes into the recorded folders: nothing is left to do.
    const again = cli(["update", "--check"], root);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(cli(["check"], root).status).toBe(0);
  });

  it.each([
    ["a folder outside", ["--rules-dir", "../x"], "agents-md,generic", "--rules-dir"],
    ["git's own files", ["--commands-dir", ".git/hooks"], "agents-md,generic", "--commands-dir"],
    ["the folders without a tool that takes them", ["--rules-dir", "r"], "agents-md", "--rules-dir"],
  ])("update refuses %s in one line, exit 2, changing nothing", (_what, flags, agents, flag) => {
    const cwd = tempDir();
    expect(cli([...CREATE, "--agents", agents, ...(agents.includes("generic") ? FOLDERS : [])], cwd).status).toBe(0);
    const root = join(cwd, "svc");
    const before = readFileSync(join(root, ".spec-agent.json"), "utf8");
    const result = cli(["update", "--yes", ...flags], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(flag);
    expect(readFileSync(join(root, ".spec-agent.json"), "utf8")).toBe(before);
    expect(existsSync(join(cwd, "x"))).toBe(false);
  });

  it("init with other folders moves generic's files: the unedited ones in the old folders are removed", () => {
    const cwd = tempDir();
    expect(cli([...CREATE, "--agents", "agents-md,generic", ...FOLDERS], cwd).status).toBe(0);
    const root = join(cwd, "svc");
    const moved = cli(
      ["init", "--yes", "--agents", "agents-md,generic", "--rules-dir", "r", "--commands-dir", "c"],
      root,
    );
    expect(moved.status, moved.stderr).toBe(0);
    expect(existsSync(join(root, "c/spec-plan.md"))).toBe(true);
    expect(existsSync(join(root, "r/rules.md"))).toBe(true);
    expect(existsSync(join(root, ".myai"))).toBe(false);
    const record = JSON.parse(readFileSync(join(root, ".spec-agent.json"), "utf8"));
    expect(record.answers).toMatchObject({ "rules-dir": "r", "commands-dir": "c" });
    expect(cli(["check"], root).status).toBe(0);
  });

  it("refuses a record whose folder leaves the repository (exit 2)", () => {
    const cwd = tempDir();
    expect(cli([...CREATE, "--agents", "generic", ...FOLDERS], cwd).status).toBe(0);
    const root = join(cwd, "svc");
    const recordPath = join(root, ".spec-agent.json");
    const record = JSON.parse(readFileSync(recordPath, "utf8"));
    record.answers["commands-dir"] = "../x";
    writeFileSync(recordPath, JSON.stringify(record, null, 2));
    const result = cli(["update", "--yes"], root);
    expect(result.status).toBe(2);
    // parseRecord refuses it (the plan would refuse it again, as --commands-dir, were the record let through).
    expect(result.stderr).toContain("answers.commands-dir");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(cwd, "x"))).toBe(false);
  });
});

describe("the folder questions at a terminal", () => {
  const facts = {
    folderName: "svc",
    gitUserName: async () => "",
    hasGit: () => false,
    hasUv: () => false,
    hasTask: () => false,
    uvVersion: async () => undefined,
  };
  /** Answers every question with its default; the folders with what `typed` says, after its validator. */
  function prompter(agents: string[], typed: Record<string, string>, asked: string[]): Prompter {
    return {
      text: async (message, initial, validate) => {
        asked.push(message);
        const value = Object.entries(typed).find(([what]) => message.includes(what))?.[1] ?? initial ?? "";
        expect(validate(value)).toBeUndefined();
        return value;
      },
      confirm: async (_message, initial) => initial,
      multiselect: async () => agents,
      select: async (_message, choices, initial) => choices[initial]?.value as string,
    };
  }

  it("asks for both folders when generic is chosen, and takes what is typed", async () => {
    const asked: string[] = [];
    const typed = { rules: ".myai/rules", commands: ".myai/commands" };
    const answers = await resolveAnswers({
      given: {},
      facts,
      yes: false,
      prompter: prompter(["generic"], typed, asked),
    });
    expect(answers).toMatchObject({ "rules-dir": ".myai/rules", "commands-dir": ".myai/commands" });
    expect(asked.filter((m) => m.startsWith("Folder for"))).toHaveLength(2);
  });

  it("asks neither when generic is not chosen", async () => {
    const asked: string[] = [];
    const answers = await resolveAnswers({ given: {}, facts, yes: false, prompter: prompter(["claude"], {}, asked) });
    expect(asked.filter((m) => m.startsWith("Folder for"))).toEqual([]);
    expect(answers["rules-dir"]).toBeUndefined();
  });
});
