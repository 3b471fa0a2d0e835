/**
 * The commands of a project in another language (core/other-language.ts),
 * read from what its root declares and never guessed: the team's own
 * Taskfile or Makefile targets first (its entry points), then what the
 * manifest itself defines (package.json's scripts and its lockfile's package
 * manager, the Maven or Gradle wrapper, Go's and Cargo's own commands). A job
 * none of them names stays unknown, and the rules say it is the team's to fill in.
 * Pure: the root's file names come as a set and the few files it reads through `read`.
 */

export type ForeignJob = "install" | "build" | "test" | "lint" | "format" | "run";
export const FOREIGN_JOBS: readonly ForeignJob[] = ["install", "build", "test", "lint", "format", "run"];

export interface ForeignProject {
  /** The manifest at the root (`pom.xml`) and what it is (`Maven`). */
  manifest: string;
  kind: string;
  /** Each job's command, where the project's files name one. */
  commands: Partial<Record<ForeignJob, string>>;
  /** Where each command comes from, for the rules (`package.json's scripts`). */
  sources: Partial<Record<ForeignJob, string>>;
}

/** A name safe to print in a Markdown code span and a shell command: what a task, target or script is called. */
const SAFE_NAME = /^[A-Za-z][\w:.-]{0,49}$/;

/** The names each job goes by, in the order they are looked for. */
const SYNONYMS: Readonly<Record<ForeignJob, readonly string[]>> = {
  install: ["install", "setup", "deps", "bootstrap"],
  build: ["build", "compile"],
  test: ["test", "tests", "unit"],
  lint: ["lint", "check", "vet"],
  format: ["format", "fmt"],
  run: ["run", "start", "serve", "dev"],
};

/** npm's placeholder for a package without tests: not a test command. */
const NPM_NO_TEST = /no test specified/;

const KINDS: Readonly<Record<string, string>> = {
  "package.json": "Node.js",
  "pom.xml": "Maven",
  "build.gradle": "Gradle",
  "build.gradle.kts": "Gradle",
  "go.mod": "Go",
  "Cargo.toml": "Rust (Cargo)",
  Gemfile: "Ruby",
  "composer.json": "PHP (Composer)",
  "mix.exs": "Elixir (Mix)",
  "Package.swift": "Swift",
  "setup.py": "Python (setup.py)",
  "setup.cfg": "Python (setup.cfg)",
  Pipfile: "Python (Pipenv)",
  "requirements.txt": "Python (requirements.txt)",
};

/** A Python project without pyproject.toml: its tox or nox runs its suites; Pipenv or pip installs what it lists. */
function pythonCommands(files: ReadonlySet<string>): [ForeignProject["commands"], string][] {
  const runner = ["tox.ini", "tox.toml", "noxfile.py"].find((f) => files.has(f));
  const lists = ["Pipfile", "requirements.txt"].find((f) => files.has(f));
  return [
    ...(runner
      ? [[{ test: runner === "noxfile.py" ? "nox" : "tox" }, runner] as [ForeignProject["commands"], string]]
      : []),
    ...(lists
      ? [
          [
            { install: lists === "Pipfile" ? "pipenv install --dev" : "python -m pip install -r requirements.txt" },
            lists,
          ] as [ForeignProject["commands"], string],
        ]
      : []),
  ];
}

function byName(names: readonly string[], run: (name: string) => string): ForeignProject["commands"] {
  const found: ForeignProject["commands"] = {};
  for (const job of FOREIGN_JOBS) {
    const name = SYNONYMS[job].find((n) => names.includes(n));
    if (name !== undefined) found[job] = run(name);
  }
  return found;
}

/** The targets a Makefile defines at the start of a line (`test:`, `lint: deps`), not its variables (`X := 1`). */
export function makeTargets(makefile: string): string[] {
  const targets = new Set<string>();
  for (const match of makefile.matchAll(/^([A-Za-z][\w.-]*)\s*:(?!:?=)/gm)) targets.add(match[1] as string);
  return [...targets].filter((t) => SAFE_NAME.test(t));
}

function packageManager(files: ReadonlySet<string>, declared: unknown): string {
  const named = typeof declared === "string" ? /^(npm|pnpm|yarn|bun)@/.exec(declared)?.[1] : undefined;
  if (named !== undefined) return named;
  if (files.has("pnpm-lock.yaml")) return "pnpm";
  if (files.has("yarn.lock")) return "yarn";
  if (files.has("bun.lockb") || files.has("bun.lock")) return "bun";
  return "npm";
}

function nodeCommands(files: ReadonlySet<string>, text: string | undefined): ForeignProject["commands"] {
  let data: unknown;
  try {
    data = JSON.parse(text ?? "null");
  } catch {
    data = null;
  }
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const pm = packageManager(files, record.packageManager);
  const scripts = typeof record.scripts === "object" && record.scripts !== null ? record.scripts : {};
  const names = Object.entries(scripts)
    .filter(
      ([name, body]) =>
        SAFE_NAME.test(name) && typeof body === "string" && !(name === "test" && NPM_NO_TEST.test(body)),
    )
    .map(([name]) => name);
  const run = (name: string) => (name === "test" || name === "start" ? `${pm} ${name}` : `${pm} run ${name}`);
  const install = pm === "npm" ? (files.has("package-lock.json") ? "npm ci" : "npm install") : `${pm} install`;
  return { install, ...byName(names, run) };
}

/** What the manifest's own tool does for each job, where the tool defines it. */
function manifestCommands(manifest: string, files: ReadonlySet<string>, read: (file: string) => string | undefined) {
  switch (manifest) {
    case "package.json":
      return nodeCommands(files, read("package.json"));
    case "pom.xml": {
      const mvn = files.has("mvnw") ? "./mvnw" : "mvn";
      return { build: `${mvn} -B package -DskipTests`, test: `${mvn} -B test` };
    }
    case "build.gradle":
    case "build.gradle.kts": {
      const gradle = files.has("gradlew") ? "./gradlew" : "gradle";
      return { build: `${gradle} assemble`, test: `${gradle} test`, lint: `${gradle} check` };
    }
    case "go.mod":
      return {
        install: "go mod download",
        build: "go build ./...",
        test: "go test ./...",
        lint: "go vet ./...",
        format: "gofmt -w .",
      };
    case "Cargo.toml":
      return {
        build: "cargo build",
        test: "cargo test",
        lint: "cargo clippy",
        format: "cargo fmt",
      };
    default:
      return {};
  }
}

export function foreignProject(
  manifest: string,
  files: ReadonlySet<string>,
  read: (file: string) => string | undefined,
  taskNames: readonly string[] | undefined,
): ForeignProject {
  const commands: ForeignProject["commands"] = {};
  const sources: ForeignProject["sources"] = {};
  const add = (found: ForeignProject["commands"], source: string) => {
    for (const job of FOREIGN_JOBS) {
      const command = found[job];
      if (command !== undefined && commands[job] === undefined) {
        commands[job] = command;
        sources[job] = source;
      }
    }
  };
  // The team's own entry points first: what it types today is what the agent should type.
  if (taskNames !== undefined)
    add(
      byName(
        taskNames.filter((n) => SAFE_NAME.test(n)),
        (n) => `task ${n}`,
      ),
      "Taskfile.yml",
    );
  const makefile = ["GNUmakefile", "makefile", "Makefile"].find((f) => files.has(f));
  if (makefile !== undefined)
    add(
      byName(makeTargets(read(makefile) ?? ""), (n) => `make ${n}`),
      makefile,
    );
  for (const [found, file] of pythonCommands(files)) if (KINDS[manifest]?.startsWith("Python")) add(found, file);
  add(manifestCommands(manifest, files, read), manifest);
  return { manifest, kind: KINDS[manifest] ?? manifest, commands, sources };
}
