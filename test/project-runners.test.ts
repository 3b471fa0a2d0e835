/**
 * The lint and type-check runs a project keeps in tox or nox (core/project-runners.ts): table tests over
 * small files, and the corpus's click and attrs, whose rules and `task lint` follow what they run.
 */
import { describe, expect, it } from "vitest";
import { projectCommands } from "../src/core/project-commands.js";
import { readProjectFacts } from "../src/core/project-facts.js";
import { ownerTexts } from "../src/targets/owner-texts.js";
import { projectSources } from "./support/projects.js";

const facts = (pyproject: string, extra: Record<string, string> = {}) =>
  readProjectFacts({ pyproject, files: ["pyproject.toml", ...Object.keys(extra)], read: (path) => extra[path] });

describe("runnerChecks", () => {
  it.each<[string, string, Record<string, string>, string[], Record<string, string>]>([
    [
      "tox.ini's testenv sections, a generative name expanded, a factor's prefix dropped",
      "",
      {
        "tox.ini":
          "[tox]\nenvlist = py3\n[testenv]\ncommands = pytest {posargs}\n[testenv:lint-{ruff,pre-commit}]\ncommands =\n    ruff: ruff check .\n[testenv:typing]\ncommands =\n    mypy src\n    pyright --verifytypes pkg {posargs}\n[testenv:docs]\ncommands = sphinx-build docs out\n",
      },
      ["tox -e lint-ruff", "tox -e lint-pre-commit", "tox -e typing"],
      { mypy: "src" },
    ],
    [
      "tox.toml's env tables, with a checker's plain arguments",
      "",
      {
        "tox.toml":
          '[env.type]\ncommands = [["ty", "check"], ["pyright", "--ignoreexternal", "--verifytypes", "pkg"]]\n[env.fix]\ncommands = [["pre-commit", "run"]]\n[env."3.12"]\n',
      },
      ["tox -e type", "tox -e fix"],
      { pyright: "--ignoreexternal --verifytypes pkg" },
    ],
    [
      "noxfile.py's sessions, by name= or by the function's name",
      "",
      {
        "noxfile.py":
          'import nox\n\n@nox.session(python=["3.12"])\ndef tests(session):\n    pass\n\n@nox.session\n@nox.parametrize("x", [1])\ndef lint(session, x):\n    pass\n\n@nox.session(name="typing")\ndef check_types(session):\n    pass\n',
      },
      ["nox -s lint", "nox -s typing"],
      {},
    ],
    [
      "[tool.tox] as TOML, an argument that is not plain text left out",
      '[tool.tox.env.typing]\ncommands = [["mypy", "--strict", "{posargs}"], ["pyright", "--verifytypes", "pkg"]]\n',
      {},
      ["tox -e typing"],
      { pyright: "--verifytypes pkg" },
    ],
    ["no runner", "", {}, [], {}],
  ])("%s", (_, pyproject, extra, commands, args) => {
    const read = facts(pyproject, extra).runnerChecks;
    expect(read.commands).toEqual(commands);
    expect(read.checkerArgs).toEqual(args);
  });
});

describe("the corpus: what click and attrs run in tox", () => {
  it("click: the rules name tox -e style and -e typing, and task lint runs pyright as its tox does", () => {
    const click = readProjectFacts(projectSources("click"));
    expect(click.runnerChecks.commands).toEqual(["tox -e style", "tox -e typing"]);
    expect(projectCommands(click).lint).toContain("uv run --group typing pyright --ignoreexternal --verifytypes click");
    expect(ownerTexts(click, "click").texts.projectConventions).toContain(
      "- The project also runs its checks as `tox -e style` and `tox -e typing` (`pyproject.toml`); `task lint` and `task test` are the quick ones.",
    );
  });
  it("attrs: its lint and typing environments from tox.ini", () => {
    const attrs = readProjectFacts(projectSources("attrs"));
    expect(attrs.runnerChecks.commands).toEqual(
      expect.arrayContaining(["tox -e lint-ruff", "tox -e lint-pre-commit", "tox -e typing-pyright"]),
    );
    expect(attrs.runnerChecks.files).toEqual(["tox.ini"]);
  });
});
