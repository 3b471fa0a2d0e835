#!/usr/bin/env node
// `update` against `copier update` on the same change: a template of ten files at version 1, a repository made
// from it whose owner edited all ten, version 2 changing each of them elsewhere, then the update, timed. Ours is
// a team pack over our preset (so it also re-renders the preset's 31 files); copier's is the same ten files as a
// copier template in git, tagged v1 and v2, as copier requires. Alternated runs from a fresh copy each time.
//
//   node scripts/bench-update.mjs [--runs N]     needs dist/ (npm run build) and copier on PATH (pip install copier)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist/cli.cjs");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 10) || 10;
const work = mkdtempSync(join(tmpdir(), "spec-agent-bench-update-"));
// Without NODE_EXTRA_CA_CERTS, on both sides (as every benchmark here): Node parses that bundle at every start.
const { NODE_EXTRA_CA_CERTS: _certificates, ...inherited } = process.env;
const env = { ...inherited, NO_COLOR: "1", GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@example.com" };
Object.assign(env, { GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@example.com" });
const git = (cwd, ...args) => execFileSync("git", args, { cwd, env, stdio: "pipe" });

const FILES = Array.from({ length: 10 }, (_, i) => `docs/topic-${i}.md`);
const body = (i, version) =>
  [
    `# Topic ${i}`,
    "",
    `Maintained by the platform team (template ${version}).`,
    "",
    ...Array.from({ length: 30 }, (_, k) => `Line ${k} of topic ${i}.`),
    "",
  ].join("\n");
const write = (dir, files) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
};
const templateFiles = (version) => Object.fromEntries(FILES.map((path, i) => [path, body(i, version)]));
/** The owner's edit: a line at the end, far from the template's change near the top. */
const ownerEdits = (dir) => {
  for (const path of FILES) writeFileSync(join(dir, path), `${readFileSync(join(dir, path), "utf8")}Our own note.\n`);
};

// Ours: a pack at 1.0.0, a repository from it, the owner's edits, the pack at 2.0.0.
const pack = join(work, "pack");
write(pack, { "spec-agent.pack.json": JSON.stringify({ name: "bench", version: "1.0.0" }) });
write(join(pack, "templates"), templateFiles("v1"));
execFileSync(process.execPath, [cli, join(work, "ours"), "--yes", "--no-git", "--no-install", "--template", pack], {
  env,
});
ownerEdits(join(work, "ours"));
write(pack, { "spec-agent.pack.json": JSON.stringify({ name: "bench", version: "2.0.0" }) });
write(join(pack, "templates"), templateFiles("v2"));

// copier's: the same files as a template in git, v1 and v2 tagged; a repository copied at v1, edited, committed.
const template = join(work, "copier-template");
// copier records its answers (and so the template and version to update from) only through this file.
const answersFile = "{{ _copier_conf.answers_file }}.jinja";
write(template, {
  "copier.yml": "_templates_suffix: .jinja\n",
  [answersFile]: "{{ _copier_answers|to_nice_yaml -}}\n",
  ...templateFiles("v1"),
});
git(template, "init", "-q");
git(template, "add", "-A");
git(template, "commit", "-qm", "v1");
git(template, "tag", "v1");
const theirs = join(work, "theirs");
execFileSync("copier", ["copy", "--vcs-ref", "v1", "--defaults", "--quiet", template, theirs], { env, stdio: "pipe" });
git(theirs, "init", "-q");
git(theirs, "add", "-A");
git(theirs, "commit", "-qm", "made");
ownerEdits(theirs);
git(theirs, "commit", "-qam", "edited");
write(template, templateFiles("v2"));
git(template, "commit", "-qam", "v2");
git(template, "tag", "v2");

function timed(command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: exit ${result.status}\n${result.stderr}`);
  return ms;
}
const oursOnce = (i) => {
  const copy = join(work, `ours-${i}`);
  cpSync(join(work, "ours"), copy, { recursive: true });
  const ms = timed(process.execPath, [cli, "update"], copy);
  const merged = FILES.every((p) => /template v2[\s\S]*Our own note\.\n$/.test(readFileSync(join(copy, p), "utf8")));
  if (!merged) throw new Error("ours did not merge both edits");
  rmSync(copy, { recursive: true, force: true });
  return ms;
};
const theirsOnce = (i) => {
  const copy = join(work, `theirs-${i}`);
  cpSync(theirs, copy, { recursive: true });
  const ms = timed("copier", ["update", "--defaults", "--vcs-ref", "v2", "--quiet", "--conflict", "inline"], copy);
  const merged = FILES.every((p) => /template v2[\s\S]*Our own note\.\n$/.test(readFileSync(join(copy, p), "utf8")));
  if (!merged) throw new Error("copier did not merge both edits");
  rmSync(copy, { recursive: true, force: true });
  return ms;
};

oursOnce("warm");
theirsOnce("warm");
const ours = [];
const copier = [];
for (let i = 0; i < runs; i++) {
  if (i % 2) {
    ours.push(oursOnce(i));
    copier.push(theirsOnce(i));
  } else {
    copier.push(theirsOnce(i));
    ours.push(oursOnce(i));
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const version = spawnSync("copier", ["--version"], { encoding: "utf8" }).stdout.trim();
console.log(`update of a repository with ${FILES.length} edited files, ${runs} alternated runs each:`);
console.log(`  create-spec-agent update  ${median(ours).toFixed(1)} ms (median)`);
console.log(`  ${version} update  ${median(copier).toFixed(1)} ms (median)`);
console.log(`  ratio ${(median(ours) / median(copier)).toFixed(3)}x (target <= 0.2x)`);
rmSync(work, { recursive: true, force: true });
