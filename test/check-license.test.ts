/**
 * check compares pyproject.toml's `license` (PEP 639) with the licence files: a table over trees held in
 * memory, then the built bin on a repository create made, edited as a person would.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLicenseAgreement } from "../src/core/check/license.js";
import type { CheckedTree } from "../src/core/check/problems.js";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";
import { checkedTree } from "./support/tree.js";

const text = (name: string): string => readFileSync(join(packageRoot, "templates/licenses", name), "utf8");
const MIT = text("MIT").replace("{{#if author}}{{author}}{{else}}the {{name}} authors{{/if}}", "Ada");
const APACHE = text("Apache-2.0");
const PROPRIETARY =
  "Copyright (c) Ada. All rights reserved.\n\nThis software and its documentation are proprietary and\nconfidential. No part of them may be copied.\n";
const BSD =
  "Copyright 2011 Pallets\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that ...\n";

/** A tree of root files, as check reads it: the listed files, and whether a path exists. */
const tree = (files: Record<string, string>): CheckedTree => checkedTree(new Map(Object.entries(files)));

const pyproject = (lines: string): string => `[project]\nname = "svc"\nversion = "0.1.0"\n${lines}\n`;
const PEP639 = (expression: string) => pyproject(`license = "${expression}"\nlicense-files = ["LICENSE"]`);

describe("check: the licence pyproject.toml declares against the licence files", () => {
  it.each<[string, Record<string, string>, string[]]>([
    ["MIT, as create writes it", { "pyproject.toml": PEP639("MIT"), LICENSE: MIT }, []],
    ["Apache-2.0, as create writes it", { "pyproject.toml": PEP639("Apache-2.0"), LICENSE: APACHE }, []],
    [
      "Proprietary, as create writes it",
      { "pyproject.toml": PEP639("LicenseRef-Proprietary"), LICENSE: PROPRIETARY },
      [],
    ],
    [
      "all rights reserved under a LicenseRef of the team's own",
      { "pyproject.toml": PEP639("LicenseRef-Acme"), LICENSE: PROPRIETARY },
      [],
    ],
    ["one licence of an OR", { "pyproject.toml": PEP639("(MIT OR Apache-2.0)"), LICENSE: APACHE }, []],
    ["an SPDX id in other case", { "pyproject.toml": PEP639("mit"), LICENSE: MIT }, []],
    [
      "the MIT text under Apache-2.0",
      { "pyproject.toml": PEP639("Apache-2.0"), LICENSE: MIT },
      [
        'pyproject.toml:4: license is "Apache-2.0" but LICENSE holds the MIT licence: make them agree (license = "MIT", or the text of "Apache-2.0" in LICENSE)',
      ],
    ],
    [
      "the Apache-2.0 text under MIT",
      { "pyproject.toml": PEP639("MIT"), LICENSE: APACHE },
      [
        'pyproject.toml:4: license is "MIT" but LICENSE holds the Apache-2.0 licence: make them agree (license = "Apache-2.0", or the text of "MIT" in LICENSE)',
      ],
    ],
    [
      "all rights reserved under MIT",
      { "pyproject.toml": PEP639("MIT"), LICENSE: PROPRIETARY },
      [
        'pyproject.toml:4: license is "MIT" but LICENSE holds an all-rights-reserved licence: make them agree (license = "LicenseRef-Proprietary", or the text of "MIT" in LICENSE)',
      ],
    ],
    [
      "the MIT text under LicenseRef-Proprietary",
      { "pyproject.toml": PEP639("LicenseRef-Proprietary"), LICENSE: MIT },
      [
        'pyproject.toml:4: license is "LicenseRef-Proprietary" but LICENSE holds the MIT licence: make them agree (license = "MIT", or the text of "LicenseRef-Proprietary" in LICENSE)',
      ],
    ],
    [
      "LICENSE gone while license-files names it",
      { "pyproject.toml": PEP639("MIT") },
      [
        "pyproject.toml:5: license-files names LICENSE, which does not exist, so uv build fails: add the licence's text there, or take it out of license-files",
      ],
    ],
    [
      "a licence named with no text anywhere",
      { "pyproject.toml": pyproject('license = "MIT"') },
      ['pyproject.toml:4: license is "MIT" but no LICENSE holds its text: add the licence\'s text as LICENSE'],
    ],
    [
      "LICENSE.md found without license-files",
      { "pyproject.toml": pyproject('license = "Apache-2.0"'), "LICENSE.md": MIT },
      [
        'pyproject.toml:4: license is "Apache-2.0" but LICENSE.md holds the MIT licence: make them agree (license = "MIT", or the text of "Apache-2.0" in LICENSE.md)',
      ],
    ],
    // Not judged: a text we cannot tell (BSD), the table form before PEP 639, globs, no licence, no pyproject.
    ["a text we do not recognise", { "pyproject.toml": PEP639("MIT"), LICENSE: BSD }, []],
    ["the table form before PEP 639", { "pyproject.toml": pyproject('license = {text = "MIT"}'), LICENSE: APACHE }, []],
    ["a glob in license-files", { "pyproject.toml": pyproject('license = "MIT"\nlicense-files = ["LICENSES/*"]') }, []],
    ["no licence declared", { "pyproject.toml": pyproject(""), LICENSE: MIT }, []],
    ["no pyproject.toml", { LICENSE: MIT }, []],
    ["a pyproject.toml that does not parse", { "pyproject.toml": '[project\nlicense = "MIT"', LICENSE: APACHE }, []],
  ])("%s", (_label, files, expected) => {
    const found = checkLicenseAgreement(tree(files)).map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(found).toEqual(expected);
  });

  it("quotes a licence expression that holds a line break, so it cannot split the finding", () => {
    const files = { "pyproject.toml": pyproject('license = "MIT\\nok"'), LICENSE: APACHE };
    const [problem] = checkLicenseAgreement(tree(files));
    expect(problem?.message).toContain('license is "MIT\\nok" but LICENSE holds');
  });
});

describe("check through the bin, on a repository create made with --license MIT", () => {
  const bin = join(packageRoot, "dist/cli.cjs");
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("passes as made, finds a licence changed in pyproject.toml, then a LICENSE removed, and passes once they agree", () => {
    const cwd = tempDir();
    expect(run(["svc", "--yes", "--no-git", "--no-install", "--license", "MIT"], cwd).status).toBe(0);
    const root = join(cwd, "svc");
    expect(run(["check"], root).status).toBe(0);
    const path = join(root, "pyproject.toml");
    const made = readFileSync(path, "utf8");
    const line = made.split("\n").indexOf('license = "MIT"') + 1;
    writeFileSync(path, made.replace('license = "MIT"', 'license = "Apache-2.0"'));
    const changed = run(["check"], root);
    expect([changed.status, changed.stdout]).toEqual([
      1,
      `pyproject.toml:${line}: license is "Apache-2.0" but LICENSE holds the MIT licence: make them agree (license = "MIT", or the text of "Apache-2.0" in LICENSE)\n`,
    ]);
    expect(changed.stderr).toBe("error: 1 problem in the current folder: fix it and run check again\n");
    writeFileSync(path, made);
    rmSync(join(root, "LICENSE"));
    const removed = run(["check"], root);
    expect([removed.status, removed.stdout]).toEqual([
      1,
      `pyproject.toml:${line + 1}: license-files names LICENSE, which does not exist, so uv build fails: add the licence's text there, or take it out of license-files\n`,
    ]);
    writeFileSync(join(root, "LICENSE"), MIT);
    expect(run(["check"], root).status).toBe(0);
  });
});
