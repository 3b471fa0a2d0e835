/**
 * The README's plopfile snippets as a newcomer uses them (issue 27): a project made by `npm init -y` (npm 11
 * writes "type": "commonjs"), the packed package installed with npm, the real plop beside it, each snippet
 * pasted into the file the README names; `npx plop spec:plan` must write the plan.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/io/package-info.js";
import { tempDir } from "./support/context.js";

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
const section = readme.slice(
  readme.indexOf("## Inside a plopfile"),
  readme.indexOf("\n## ", readme.indexOf("## Inside a plopfile") + 1),
);
const snippets = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] as string);
/** The file the README says to paste into. */
const plopfileName = /paste this into\s+`(plopfile\.[a-z]+)`/.exec(section)?.[1];

const run = (command: string, args: string[], cwd: string) =>
  spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", npm_config_audit: "false", npm_config_fund: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });

let tarball: string;
beforeAll(() => {
  const packed = tempDir();
  const pack = run("npm", ["pack", "--silent", "--pack-destination", packed], packageRoot);
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(packed, pack.stdout.trim().split("\n").at(-1) as string);
}, 60_000);

describe("the README's plopfile, pasted into a project made by npm init -y", () => {
  it("names the file to paste into, and has two snippets", () => {
    expect(plopfileName).toBeDefined();
    expect(snippets).toHaveLength(2);
  });

  it.each(snippets.map((snippet, i) => [i + 1, snippet] as const))(
    "snippet %i: npx plop spec:plan writes the plan",
    (_n, snippet) => {
      const project = tempDir();
      const init = run("npm", ["init", "-y"], project);
      expect(init.status, init.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).type).toBe("commonjs");
      const install = run("npm", ["install", "--save-dev", "--offline", tarball], project);
      expect(install.status, install.stderr).toBe(0);
      // The real plop, ours (a devDependency), where npm would have installed it.
      symlinkSync(join(packageRoot, "node_modules/plop"), join(project, "node_modules/plop"), "dir");
      mkdirSync(join(project, "node_modules/.bin"), { recursive: true });
      symlinkSync(join(packageRoot, "node_modules/plop/bin/plop.js"), join(project, "node_modules/.bin/plop"));
      writeFileSync(join(project, plopfileName ?? "plopfile.js"), snippet);

      const result = run("npx", ["--no", "plop", "spec:plan", "Export reports as CSV"], project);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout + result.stderr).not.toMatch(/SyntaxError/);
      expect(existsSync(join(project, "spec/plan/export-reports-as-csv.md")), result.stdout + result.stderr).toBe(true);
    },
    90_000,
  );
});
