/**
 * The README's table of targets is each tool module's own row (`about`), in the table's order: adding a tool
 * is one module, and this test prints the row to paste. The --agents option names every id.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { DEFAULT_TARGETS, TARGET_IDS, TARGETS } from "../src/targets/table.js";

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
const HEADER = "| target | writes | read by | proven by |\n| --- | --- | --- | --- |\n";

/** A tool that reads the hub brings it: the row says so from the table, not from the module. */
const hubs = TARGETS.filter((t) => t.hub === true).map((t) => `\`${t.id}\``);
const row = (t: (typeof TARGETS)[number]): string =>
  `| \`${t.id}\` | ${t.about.writes}${t.readsHub === true ? `; adds ${hubs.join(", ")}` : ""} | ${t.about.readBy} | ${t.about.provenBy} |`;

describe("the README's AI tools", () => {
  it("has one row per target, each the module's, in the table's order", () => {
    const start = readme.indexOf(HEADER);
    expect(start).toBeGreaterThan(-1);
    const table = readme.slice(start + HEADER.length, readme.indexOf("\n\n", start));
    const expected = TARGETS.map(row).join("\n");
    expect(table, `README.md's table of targets should read:\n${expected}`).toBe(expected);
  });

  it("names every id and the default in the --agents option", () => {
    const option = readme.split("\n").find((line) => line.startsWith("| `--agents LIST` |")) as string;
    for (const id of TARGET_IDS) expect(option).toContain(`\`${id}\``);
    expect(option).toContain(`default \`${DEFAULT_TARGETS.join(",")}\``);
  });
});
