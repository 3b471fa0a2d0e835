/**
 * init through the built bin in projects whose requires-python has an upper bound (test/fixtures/python-range,
 * real pyproject.toml files): CI sets up a Python the project admits, the rules state its range, and a project
 * that admits none of ours is refused with exit 2 before anything is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./support/bin.js";
import { tempDir } from "./support/context.js";
import { readTree } from "./support/tree.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "python-range");

function project(files: Record<string, string>): string {
  const root = tempDir();
  mkdirSync(join(root, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const fixture = (name: string): string => readFileSync(join(FIXTURES, name, "pyproject.toml"), "utf8");
const read = (root: string, path: string): string => readFileSync(join(root, path), "utf8");

describe("init in a project whose requires-python has an upper bound", () => {
  it("metricflow (>=3.10,<3.15): the rules say 3.10 to 3.14, never 'or newer', and CI sets up 3.10", () => {
    const root = project({ "pyproject.toml": fixture("metricflow"), "metricflow/__init__.py": "" });
    const result = cli(["init", "--yes"], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const path of ["AGENTS.md", "README.md"]) {
      expect(read(root, path)).toContain('Python 3.10 to 3.14 (`requires-python = ">=3.10,<3.15"`)');
      expect(read(root, path)).not.toContain("3.10 or newer");
    }
    expect(read(root, ".github/workflows/ci.yml")).toContain('python-version: "3.10"');
  });

  it("dbt-metricflow (>=3.8,<3.10) admits none of ours: one line, exit 2, nothing written", () => {
    const root = project({ "pyproject.toml": fixture("dbt-metricflow") });
    const before = readTree(root);
    const result = cli(["init", "--yes"], root);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'error: the project\'s requires-python ">=3.8,<3.10" admits none of Python 3.10 to 3.16, which init supports: widen it, or keep a .python-version of yours, then run init again\n',
    );
    expect(readTree(root)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual([".git", "pyproject.toml"]);
  });

  it("dbt-metricflow with a .python-version of its own: the workflows read that, and init goes on", () => {
    const root = project({ "pyproject.toml": fixture("dbt-metricflow"), ".python-version": "3.9\n" });
    const result = cli(["init", "--yes"], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(read(root, ".github/workflows/ci.yml")).toContain("python-version-file: .python-version");
    expect(read(root, "AGENTS.md")).toContain('Python 3.8 to 3.9 (`requires-python = ">=3.8,<3.10"`)');
  });

  it("refuses a --python the project leaves out, and names the ones it admits", () => {
    const pyproject = fixture("metricflow").replace('">=3.10,<3.15"', '">=3.8,<3.12"');
    const root = project({ "pyproject.toml": pyproject, "metricflow/__init__.py": "" });
    const result = cli(["init", "--yes", "--python", "3.12"], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: Python 3.12 is outside the project\'s requires-python ">=3.8,<3.12" (of ours it admits 3.10, 3.11), and uv would refuse it: pass a valid --python\n',
    );
    expect(existsSync(join(root, "AGENTS.md"))).toBe(false);
  });

  it("reads Poetry's ~ and the exclusions: ~3.11 gives 3.11, and >=3.10,!=3.10.* gives 3.11", () => {
    const poetry = '[tool.poetry]\nname = "svc"\nversion = "1.0.0"\n\n[tool.poetry.dependencies]\npython = "~3.11"\n';
    const root = project({ "pyproject.toml": poetry, "svc/__init__.py": "" });
    const result = cli(["init", "--yes"], root);
    expect(result.stderr).toBe("");
    expect(read(root, ".github/workflows/ci.yml")).toContain('python-version: "3.11"');
    expect(read(root, "AGENTS.md")).toContain('Python 3.11 (`requires-python = "~3.11"`)');

    const pep621 = '[project]\nname = "svc"\nversion = "1.0.0"\nrequires-python = ">=3.10,!=3.10.*"\n';
    const other = project({ "pyproject.toml": pep621, "svc/__init__.py": "" });
    expect(cli(["init", "--yes"], other).status).toBe(0);
    expect(read(other, ".github/workflows/ci.yml")).toContain('python-version: "3.11"');
    expect(read(other, "AGENTS.md")).toContain("Python 3.11 or newer");
  });
});
