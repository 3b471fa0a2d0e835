/**
 * check over a large, varied tree generated here (nothing committed but its digest): the bytes of `check --json`
 * and of the text output must stay what the build before the streaming walk printed (main bac1d06), whatever the
 * walk holds. The tree has what the walk and the checks must tell apart: task numbers used twice in other
 * paddings and past 2^53, a folder and symbolic links named like tasks, links to folders, to files the walk does
 * not read, to skipped folders, outside the repository, percent-encoded, in fences and inline code, CRLF files,
 * names that must be quoted.
 */
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support/context.js";
import { seeded } from "./support/seeded.js";

const PLANS = 40;
const TASKS = 2400;
const NOTES = 80;

function variedTree(root: string): void {
  const random = seeded(26);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), random() < 0.1 ? text.replaceAll("\n", "\r\n") : text);
  };
  const planLinks = [
    () => `[Plan](../plan/plan-${Math.floor(random() * PLANS)}.md)`,
    () => `[Plan](../plan/plan-${Math.floor(random() * PLANS)}.md#requirements)`,
    () => `[Plan](../plan/plan-${PLANS + Math.floor(random() * 5)}.md)`,
    () => "[Plan](/spec/plan/plan-1.md)",
    () => "[Plan](../../../../outside.md)",
    () => "[Plan](https://example.com/plan)",
    () => "[Plan](#top)",
    () => "[Plan](../plan/plan%2D3.md)",
    () => "[Plan](../plan/plan-2.md?x=1#y)",
    () => "[Plan](../plan/)",
    () => "[Plan](<../plan/plan 9.md>)",
    () => "tbd",
  ];
  const names: string[] = [];
  const body = [
    "Text with no link.",
    "See [a note](../context/note-3.md) and [another](../context/note-999.md).",
    "```\n[in a fence](nowhere.md)\n```",
    "~~~\n```\n[in a tilde fence](nowhere.md)\n~~~",
    "Inline `[code](nowhere.md)` and [a folder](../context/).",
    "The [root](../../README.md), the [spec](..), [modules](../../node_modules/x/y.md), [git](../../.git/HEAD).",
    "A [broken link](0998-broken.md) and [a symbolic one](0997-link.md) and [a folder like a task](0999-dir.md).",
    "[encoded](../context/note%201.md) and [bad percent](../context/%E0%A4%A.md) ![image](../pic.png)",
    "  * **Plan**: [indented](../plan/missing.md)",
    "- **Depends on**: `123456789012345678-huge`, `0042-padded`",
  ];
  for (let p = 0; p < PLANS; p++)
    write(
      `spec/plan/plan-${p}.md`,
      `# Plan ${p}\n\n${pick(body)}\n\nSee [task](../task/${String(p + 1).padStart(3, "0")}-t.md).\n`,
    );
  write("spec/plan/plan 9.md", "# Nine\n");
  write("spec/plan/sub/deep.md", "# Deep\n\n[up](../plan-1.md) [upper](../../task/) [gone](../../../../x.md)\n");
  for (let i = 1; i <= TASKS; i++) {
    const reuse = random() < 0.03 && i > 10;
    const n = reuse ? Math.floor(random() * i) : i;
    const digits = pick(["%03", "%03", "%03", "%03", "%", "%05"]);
    const number = digits === "%" ? String(n) : String(n).padStart(digits === "%03" ? 3 : 5, "0");
    const name = `${number}-${pick(["t", "parse", "caf\u00e9", "two words", "x"])}${i}`;
    names.push(name);
    const depends =
      i === 1
        ? "none"
        : pick([
            () => `\`${names[Math.floor(random() * (names.length - 1))]}\``,
            () => `\`${String(i + 100000)}-missing\``,
            () => `[${names[i - 2]}](${names[i - 2]}.md)`,
            () => "[later](9999-nowhere.md), `001-t1`",
            () => "none",
          ])();
    write(
      `spec/task/${name}.md`,
      `# ${number}: Task ${i}\n\n- **Status**: todo\n- **Plan**: ${pick(planLinks)()}\n- **Depends on**: ${depends}\n\n## Goal\n\n${pick(body)}\n${random() < 0.2 ? `${pick(body)}\n` : ""}`,
    );
  }
  for (const [path, text] of [
    ["spec/task/9007199254740992-big.md", "# big\n"],
    ["spec/task/9007199254740993-big.md", "# big\n"],
    ["spec/task/09007199254740993-again.md", "# again\n"],
    ["spec/task/0-zero.md", "# zero\n"],
    ["spec/task/000-zero.md", "# zero\n"],
    ["spec/task/7-seven.md", "# seven\n"],
    ["spec/task/0007-seven.md", "# seven\n"],
    ["spec/task/12.md", "# not a task: no dash\n"],
    ["spec/task/0-.md", "# a task with an empty slug\n"],
    ["spec/task/notes.md", "[x](missing.md)\n"],
    ["spec/task/7-x.txt", "not read\n"],
    ["spec/task/0999-dir.md/inner.md", "[up](../0001-t1.md) [here](inner.md)\n"],
    ['spec/context/say "hi".md', "[x](missing.md)\n"],
    ["spec/context/two\nlines.md", "[x](missing.md)\n"],
    ["spec/context/note 1.md", "# One\n"],
    ["spec/pic.png", "png"],
    ["node_modules/x/y.md", "[x](nowhere.md)\n"],
  ])
    write(path as string, text as string);
  symlinkSync("../plan/plan-1.md", join(root, "spec/task/0997-link.md"));
  symlinkSync("nowhere.md", join(root, "spec/task/0998-broken.md"));
  for (let c = 0; c < NOTES; c++)
    write(`spec/context/note-${c}.md`, `# Note ${c}\n\n${pick(body)}\n\n[plan](../plan/plan-${c % (PLANS + 3)}.md)\n`);
}

describe("check on a large varied tree", () => {
  it("prints the bytes the build before the streaming walk printed, as JSON and as text", async () => {
    const cwd = tempDir();
    const created = await runCli(["svc", "--yes", "--no-git", "--no-install"], { cwd });
    expect(created.code, created.stderr).toBe(0);
    const root = join(cwd, "svc");
    variedTree(root);
    const json = await runCli(["check", "--json"], { cwd: root });
    const text = await runCli(["check"], { cwd: root });
    const digest = (bytes: string): string => createHash("sha256").update(bytes).digest("hex");
    const { files, problems } = JSON.parse(json.stdout) as { files: number; problems: { message: string }[] };
    const kinds: Record<string, number> = {};
    for (const { message } of problems) {
      const kind = message.replace(
        /^(link|dependency|the task's plan|task number) .*? (points|names|is) .*/,
        "$1 … $2",
      );
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    expect({ code: json.code, files, problems: problems.length, kinds }).toEqual({
      code: 1,
      files: 2563,
      problems: 4666,
      kinds: {
        "dependency … names": 1930,
        "dependency … points": 507,
        "link … is": 202,
        "link … points": 1465,
        "task number … is": 78,
        "the task's plan … points": 484,
      },
    });
    expect([digest(json.stdout), digest(text.stdout)]).toEqual([
      "2f9416e4743e9755ad12be6b794dfabb3033cbbef1d04595377f92f62deb8620",
      "c2ae53a2f05647ceae530a22aad9f76d010cb3ed35e071a7cc1350baf0783f9e",
    ]);
  });
});
