/**
 * init through the built bin in a project whose version comes from git's tags (humanize's real files, hatch-vcs,
 * test/fixtures/real): in a folder that is no git checkout (a downloaded archive), uv cannot build it (hatch-vcs
 * stops with "setuptools-scm was unable to detect version", seen with the real uv 0.13.6), and init says so.
 */
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { versionWithoutGit } from "../src/core/project-commands.js";
import { cli } from "./support/bin.js";
import { tempDir } from "./support/context.js";

const HUMANIZE = join(import.meta.dirname, "fixtures", "real", "humanize");
const NOTE =
  "the version comes from git's tags (hatch-vcs) and this folder is no git checkout: `task install` fails (uv cannot build the project) until it is one, as `git clone` makes it, tags included";

describe("init where the version comes from git's tags", () => {
  it("says in one line that `task install` fails outside a git checkout, and not inside one", () => {
    const archive = tempDir();
    cpSync(HUMANIZE, archive, { recursive: true });
    const outside = cli(["init", "--yes"], archive);
    expect(outside.status).toBe(0);
    expect(outside.stdout).toContain(`\n  ${NOTE}\n`);

    const checkout = tempDir();
    cpSync(HUMANIZE, checkout, { recursive: true });
    mkdirSync(join(checkout, ".git"));
    const inside = cli(["init", "--yes"], checkout);
    expect(inside.status).toBe(0);
    expect(inside.stdout).not.toContain("no git checkout");
  });

  it.each<[Parameters<typeof versionWithoutGit>[0], string[], boolean]>([
    [{ kind: "vcs", plugin: "setuptools-scm" }, ["pyproject.toml"], true],
    [{ kind: "vcs", plugin: "setuptools-scm" }, ["pyproject.toml", ".git"], false],
    // An sdist: setuptools-scm and hatch-vcs read the version from its PKG-INFO.
    [{ kind: "vcs", plugin: "hatch-vcs" }, ["pyproject.toml", "PKG-INFO"], false],
    [{ kind: "static", value: "1.0" }, ["pyproject.toml"], false],
  ])("%j in %j: a note %s", (version, entries, noted) => {
    expect(versionWithoutGit(version, new Set(entries)) !== undefined).toBe(noted);
  });
});
