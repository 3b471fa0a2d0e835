/** The commands read from a project of another language's root: table tests of core/foreign-commands.ts. */
import { describe, expect, it } from "vitest";
import { foreignProject, makeTargets } from "../src/core/foreign-commands.js";

const project = (files: Record<string, string>, manifest: string, tasks?: string[]) =>
  foreignProject(manifest, new Set(Object.keys(files)), (f) => files[f], tasks).commands;

describe("foreignProject", () => {
  it.each<[string, Record<string, string>, string, Record<string, string>]>([
    [
      "npm with a lockfile: npm ci, its scripts; npm's placeholder test is no test",
      {
        "package.json": JSON.stringify({
          scripts: { test: 'echo "Error: no test specified" && exit 1', lint: "eslint ." },
        }),
        "package-lock.json": "{}",
      },
      "package.json",
      { install: "npm ci", lint: "npm run lint" },
    ],
    [
      "pnpm from its lockfile; start and fmt",
      { "package.json": JSON.stringify({ scripts: { start: "node .", fmt: "prettier -w ." } }), "pnpm-lock.yaml": "" },
      "package.json",
      { install: "pnpm install", run: "pnpm start", format: "pnpm run fmt" },
    ],
    [
      "packageManager names yarn; a script name that could break out of a code span is left out",
      { "package.json": JSON.stringify({ packageManager: "yarn@4.1.0", scripts: { "test`; rm": "x", build: "tsc" } }) },
      "package.json",
      { install: "yarn install", build: "yarn run build" },
    ],
    ["package.json that does not parse", { "package.json": "{" }, "package.json", { install: "npm install" }],
    [
      "the Gradle wrapper",
      { "build.gradle.kts": "", gradlew: "" },
      "build.gradle.kts",
      { build: "./gradlew assemble", test: "./gradlew test", lint: "./gradlew check" },
    ],
    [
      "Maven without its wrapper",
      { "pom.xml": "" },
      "pom.xml",
      { build: "mvn -B package -DskipTests", test: "mvn -B test" },
    ],
    ["a language with no command of its own", { Gemfile: "" }, "Gemfile", {}],
  ])("%s", (_, files, manifest, expected) => {
    expect(project(files, manifest)).toEqual(expected);
  });

  it("takes the Taskfile's tasks, then the make targets, then the manifest's commands", () => {
    const files = { "go.mod": "module x\n", Makefile: "test:\n\tgo test -race ./...\nlint:\n\tgolangci-lint run\n" };
    expect(project(files, "go.mod", ["lint", "fmt"])).toEqual({
      install: "go mod download",
      build: "go build ./...",
      test: "make test",
      lint: "task lint",
      format: "task fmt",
    });
  });
});

describe("makeTargets", () => {
  it("reads targets, not variables or special targets", () => {
    expect(
      makeTargets("CC := gcc\nX ?= 1\nY ::= 2\n.PHONY: test\ntest: build\n\tgo test\nbuild:\n\tgo build\nrun::\n"),
    ).toEqual(["test", "build", "run"]);
  });
});
