#!/usr/bin/env bash
# A real `npm create spec-agent` through a registry: starts verdaccio on 127.0.0.1, publishes the packed package to
# it, runs `npm create spec-agent@latest my-app -- --yes --no-git --no-install` with a clean npm cache against that
# registry only, and checks the project it wrote. `npm run e2e:registry` builds dist/ first and then runs this.
#
# Verdaccio is installed into a temporary folder (6.10 wants Node 22; 6.8.0 installs on Node 20 with node-fetch
# pinned to 2.7.0 by an override). Its config has no uplinks: the registry knows only what this script publishes.
# It is stopped by its process id and its storage is removed on every exit. Runs unattended (CI=true, no stdin).
# Last line: `registry e2e: N passed, M failed`; exit status 1 when any check failed.
#
# Environment: VERDACCIO_VERSION (6.8.0), KEEP_E2E_TMP=1 to keep the temporary folder for a look afterwards.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
verdaccio_version=${VERDACCIO_VERSION:-6.8.0}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/spec-agent-registry-e2e.XXXXXX")
registry_pid=""
passed=0
failed=0

cleanup() {
  local status=$?
  if [[ -n $registry_pid ]] && kill -0 "$registry_pid" 2>/dev/null; then
    kill "$registry_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$registry_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
  if [[ ${KEEP_E2E_TMP:-} == 1 ]]; then
    echo "kept $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() {
  failed=$((failed + 1))
  printf 'FAIL %s\n' "$1"
  if [[ $# -gt 1 ]]; then printf '%s\n' "$2" | tail -n 40 | sed 's/^/     /'; fi
}
# check NAME COMMAND...: runs COMMAND, counts it, shows its output only when it fails.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}
finish() {
  if [[ $failed -gt 0 && -f $tmp/verdaccio.log ]]; then
    printf '\nlast lines of the registry log:\n'
    tail -n 40 "$tmp/verdaccio.log" | sed -n '/^{/!p; /^{/s/.*"msg":"\([^"]*\)".*/  \1/p' | tail -n 20 | cut -c1-200
  fi
  printf '\nregistry e2e: %d passed, %d failed\n' "$passed" "$failed"
  if [[ $failed -gt 0 ]]; then exit 1; fi
  exit 0
}
# npm_isolated SECONDS USERCONFIG CACHE ARGS...: npm with only what this script sets (its own user config and cache,
# the local registry, yes to npm exec's question), no stdin, stopped after SECONDS.
npm_isolated() {
  local seconds=$1 userconfig=$2 cache=$3
  shift 3
  timeout "$seconds" env npm_config_userconfig="$userconfig" npm_config_cache="$cache" \
    npm_config_registry="$registry" npm_config_yes=true npm_config_audit=false npm_config_fund=false \
    npm_config_update_notifier=false npm "$@" </dev/null
}

if [[ ! -f $root/dist/cli.cjs ]]; then
  fail "dist/cli.cjs is built (run npm run build, or npm run e2e:registry)"
  finish
fi
version=$(node -p 'require(process.argv[1]).version' "$root/package.json")
echo "create-spec-agent $version, verdaccio $verdaccio_version, node $(node --version), npm $(npm --version)"
echo "temporary folder: $tmp"

step "install verdaccio@$verdaccio_version into the temporary folder"
mkdir -p "$tmp/verdaccio"
cat >"$tmp/verdaccio/package.json" <<EOF
{
  "name": "registry-e2e-verdaccio",
  "private": true,
  "dependencies": { "verdaccio": "$verdaccio_version" },
  "overrides": { "node-fetch": "2.7.0" }
}
EOF
# The user's npm cache is fine here: this install is the tool, not the thing under test.
if out=$(cd "$tmp/verdaccio" && timeout 240 npm install --no-audit --no-fund --no-package-lock --ignore-scripts \
  --loglevel=error --registry=https://registry.npmjs.org/ </dev/null 2>&1); then
  pass "verdaccio@$verdaccio_version installs on node $(node --version)"
else
  fail "verdaccio@$verdaccio_version installs on node $(node --version)" "$out"
  finish
fi

step "start the registry on 127.0.0.1"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
registry="http://127.0.0.1:$port/"
mkdir -p "$tmp/storage"
cat >"$tmp/verdaccio/config.yaml" <<EOF
storage: $tmp/storage
auth:
  htpasswd:
    file: $tmp/htpasswd
    max_users: 10
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
web:
  enable: false
log: { type: stdout, format: json, level: http }
EOF
node "$tmp/verdaccio/node_modules/verdaccio/bin/verdaccio" --config "$tmp/verdaccio/config.yaml" \
  --listen "127.0.0.1:$port" >"$tmp/verdaccio.log" 2>&1 </dev/null &
registry_pid=$!
up=""
for _ in $(seq 1 300); do
  if ! kill -0 "$registry_pid" 2>/dev/null; then break; fi
  if node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "${registry}-/ping" 2>/dev/null; then
    up=1
    break
  fi
  sleep 0.1
done
if [[ -n $up ]]; then
  pass "verdaccio answers on $registry (pid $registry_pid)"
else
  fail "verdaccio answers on $registry" "$(tail -n 20 "$tmp/verdaccio.log")"
  finish
fi

step "add a user and publish the packed package"
# verdaccio's htpasswd plugin creates the user on this PUT (max_users > 0) and answers with a token.
token=$(node -e '
  fetch(process.argv[1], {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "e2e", password: "e2e-password-not-secret" }),
    signal: AbortSignal.timeout(10000),
  })
    .then((r) => r.json())
    .then((body) => process.stdout.write(body.token ?? ""));
' "${registry}-/user/org.couchdb.user:e2e" 2>/dev/null || true)
if [[ -n $token ]]; then pass "the registry creates a user and hands out a token"; else fail "the registry creates a user"; finish; fi
printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$registry" "$port" "$token" >"$tmp/publish.npmrc"
printf 'registry=%s\n' "$registry" >"$tmp/create.npmrc"

mkdir -p "$tmp/pack"
if out=$(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$tmp/pack" </dev/null 2>&1); then
  tarball="$tmp/pack/$(printf '%s\n' "$out" | tail -n 1)"
  check "npm pack makes $(basename "$tarball")" test -f "$tarball"
else
  fail "npm pack" "$out"
  finish
fi
check "npm publish to the local registry" \
  npm_isolated 60 "$tmp/publish.npmrc" "$tmp/cache-publish" publish "$tarball" --ignore-scripts --tag latest
view=$(npm_isolated 30 "$tmp/create.npmrc" "$tmp/cache-view" view create-spec-agent@latest version dist.tarball --json 2>&1 || true)
check "the registry serves create-spec-agent@latest = $version from 127.0.0.1" node -e '
  const v = JSON.parse(process.argv[1]);
  if (v.version !== process.argv[2]) throw new Error(`version ${v.version}`);
  if (!v["dist.tarball"].startsWith(process.argv[3])) throw new Error(`tarball ${v["dist.tarball"]}`);
' "$view" "$version" "$registry"

step "npm create spec-agent@latest my-app -- --yes --no-git --no-install (clean cache, this registry only)"
mkdir -p "$tmp/work"
create_cache="$tmp/cache-create"
set +e
(cd "$tmp/work" && CI=true npm_isolated 120 "$tmp/create.npmrc" "$create_cache" \
  create spec-agent@latest my-app -- --yes --no-git --no-install) >"$tmp/create.log" 2>&1
status=$?
set -e
sed 's/^/  | /' "$tmp/create.log"
app="$tmp/work/my-app"
if [[ $status -eq 0 ]]; then pass "npm create exits 0"; else fail "npm create exits 0 (exit $status)"; fi

check "the tarball was fetched from the local registry" \
  grep -q "GET /create-spec-agent/-/create-spec-agent-$version.tgz" "$tmp/verdaccio.log"
check "npm create installed exactly one package (create-spec-agent, no dependencies)" node --input-type=module -e '
  const { existsSync, readdirSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { installedPackages } = await import(process.argv[2]);
  const npx = join(process.argv[1], "_npx");
  const found = (existsSync(npx) ? readdirSync(npx) : [])
    .flatMap((h) => installedPackages(join(npx, h, "node_modules")))
    .map((p) => p.slice(npx.length + 1));
  if (found.length !== 1 || !found[0].endsWith("/node_modules/create-spec-agent"))
    throw new Error(`installed: ${JSON.stringify(found)}`);
' "$create_cache" "$root/scripts/installed-packages.mjs"

step "check the project it wrote"
key_files=(pyproject.toml .github/agents/backend-engineer.agent.md .spec-agent.json .gitignore .python-version
  AGENTS.md Taskfile.yml README.md)
missing=()
for f in "${key_files[@]}"; do [[ -f $app/$f ]] || missing+=("$f"); done
if [[ ${#missing[@]} -eq 0 ]]; then pass "key files are there (${key_files[*]})"; else fail "key files: missing ${missing[*]}"; fi
check "no template names left (_gitignore, _github, _vscode, _python-version), no .git, no node_modules" node -e '
  const { readdirSync } = require("node:fs");
  const left = readdirSync(process.argv[1]).filter((n) => /^_(gitignore|github|vscode|python-version)$/.test(n) || n === ".git" || n === "node_modules");
  if (left.length) throw new Error(`found ${left.join(", ")}`);
' "$app"
check ".spec-agent.json records this version and every file it lists as it is on disk" node -e '
  const { readFileSync } = require("node:fs");
  const [app, version] = process.argv.slice(1);
  const m = JSON.parse(readFileSync(`${app}/.spec-agent.json`, "utf8"));
  if (m.generator !== "create-spec-agent") throw new Error(`generator ${m.generator}`);
  if (m.version !== version) throw new Error(`version ${m.version}, want ${version}`);
  if (m.answers?.name !== "my-app") throw new Error(`answers.name ${m.answers?.name}`);
  const files = Object.entries(m.files ?? {});
  if (files.length < 10) throw new Error(`only ${files.length} files recorded`);
  // Format 2 keeps each file as written (the merge base for update), not a hash.
  if (m.format !== 2) throw new Error(`format ${m.format}, want 2`);
  for (const [path, base] of files) {
    if (readFileSync(`${app}/${path}`, "utf8") !== base) throw new Error(`${path} differs from its recorded base`);
  }
' "$app" "$version"

step "npx create-spec-agent init, add plan and check in a repository that exists (same cache)"
existing="$tmp/existing"
mkdir -p "$existing/.git" "$existing/.vscode"
printf '# Ours\n' >"$existing/README.md"
printf '// ours\n{\n  "servers": {}\n}\n' >"$existing/.vscode/mcp.json"
spec_agent() {
  (cd "$existing" && CI=true npm_isolated 120 "$tmp/create.npmrc" "$create_cache" \
    exec --package=create-spec-agent@latest -- create-spec-agent "$@")
}
check "init exits 0" spec_agent init --yes
check "add plan exits 0" spec_agent add plan "Export CSV"
check "check finds no problem" spec_agent check
check "the owner's README and comment are kept" node -e '
  const { readFileSync } = require("node:fs");
  const dir = process.argv[1];
  if (readFileSync(`${dir}/README.md`, "utf8") !== "# Ours\n") throw new Error("README.md changed");
  const mcp = readFileSync(`${dir}/.vscode/mcp.json`, "utf8");
  if (!mcp.startsWith("// ours\n") || !mcp.includes("context7")) throw new Error(mcp);
' "$existing"

# create-spec-agent is not on the public registry (npm view: 404), so version 0.1.0 is published here from the
# tarball its own build packed (test/fixtures), under a tag of its own: update of a repository 0.1.0 made, with an
# edited README, has the real npm fetch that version from this registry (install scripts off, in a folder of its
# own) and runs it for the README's merge base.
step "npx create-spec-agent update of a repository made by 0.1.0: the real npm fetches 0.1.0 from this registry"
check "npm publish 0.1.0 (test/fixtures/create-spec-agent-0.1.0.tgz) under the tag previous" \
  npm_isolated 60 "$tmp/publish.npmrc" "$tmp/cache-publish" publish "$root/test/fixtures/create-spec-agent-0.1.0.tgz" \
  --ignore-scripts --tag previous
old="$tmp/made-by-0.1.0"
cp -R "$root/test/fixtures/v0.1.0/svc" "$old"
node -e '
  const { readFileSync, writeFileSync } = require("node:fs");
  const readme = `${process.argv[1]}/README.md`;
  writeFileSync(readme, readFileSync(readme, "utf8").replace(/^# svc\n/, "# svc (payments team)\n"));
' "$old"
set +e
(cd "$old" && CI=true npm_isolated 180 "$tmp/create.npmrc" "$create_cache" \
  exec --package=create-spec-agent@latest -- create-spec-agent update --yes) >"$tmp/update-0.1.0.log" 2>&1
status=$?
set -e
sed 's/^/  | /' "$tmp/update-0.1.0.log" | tail -n 12
if [[ $status -eq 0 ]]; then pass "update exits 0"; else fail "update exits 0 (exit $status)"; fi
check "0.1.0's tarball was fetched from the local registry" \
  grep -q "GET /create-spec-agent/-/create-spec-agent-0.1.0.tgz" "$tmp/verdaccio.log"
check "the README is merged with the owner's edit, no conflict markers" node -e '
  const { readFileSync } = require("node:fs");
  const [dir, log] = process.argv.slice(1);
  const readme = readFileSync(`${dir}/README.md`, "utf8");
  if (!readme.startsWith("# svc (payments team)\n")) throw new Error("the edit is lost");
  if (readme.includes("<<<<<<<")) throw new Error("conflict markers");
  if (!readFileSync(log, "utf8").includes("merged with your edits  README.md")) throw new Error("not merged");
  if (JSON.parse(readFileSync(`${dir}/.spec-agent.json`, "utf8")).format !== 2) throw new Error("record not updated");
' "$old" "$tmp/update-0.1.0.log"

check_tree="$root/../shared/acceptance/check-tree"
if [[ -x $check_tree || -f $check_tree ]]; then
  echo "running $check_tree"
  set +e
  timeout 150 bash "$check_tree" "$app" --expect name=my-app >"$tmp/check-tree.log" 2>&1
  status=$?
  set -e
  sed 's/^/  | /' "$tmp/check-tree.log"
  if [[ $status -eq 0 ]]; then pass "shared/acceptance/check-tree passes"; else fail "shared/acceptance/check-tree (exit $status)"; fi
else
  echo "no ../shared/acceptance/check-tree beside the repo: the project's own checks only"
  if command -v python3 >/dev/null; then
    check "pyproject.toml parses and names the project my-app" python3 -c '
import sys, tomllib
d = tomllib.load(open(sys.argv[1], "rb"))
assert d["project"]["name"] == "my-app", d["project"]["name"]
' "$app/pyproject.toml"
  fi
fi

# The other managers the README names, each from its own npm package into the temporary folder (pnpm 10: 11.x
# crashes on Node 20; yarn classic, whose `yarn create` is the README's; bun ships its binary in optional packages).
# Each runs with a HOME and TMPDIR of its own (bunx keeps what it installed in TMPDIR), so its store, cache and
# global folder start empty and point at this registry.
step "pnpm, yarn and bun from npm"
mkdir -p "$tmp/managers"
echo '{ "private": true }' >"$tmp/managers/package.json"
if out=$(cd "$tmp/managers" && timeout 240 npm install --no-audit --no-fund --no-package-lock --loglevel=error \
  --registry=https://registry.npmjs.org/ pnpm@${PNPM_VERSION:-10.34.9} yarn@${YARN_VERSION:-1.22.22} \
  bun@${BUN_VERSION:-1.4.4} </dev/null 2>&1); then
  pass "pnpm, yarn and bun install with npm"
else
  fail "pnpm, yarn and bun install with npm" "$out"
  finish
fi
managers="$tmp/managers/node_modules/.bin"
# create_with MANAGER ARGS...: MANAGER's create in a clean home, against this registry only.
create_with() {
  local manager=$1 home="$tmp/home-$1" work="$tmp/work-$1" status before after
  shift
  mkdir -p "$home/tmp" "$work"
  printf 'registry=%s\n' "$registry" >"$home/.npmrc"
  # yarn's global add would link the bin into node's prefix (/usr/bin): its prefix and global folder stay in home.
  printf 'registry "%s"\nprefix "%s"\nglobal-folder "%s"\n' "$registry" "$home/.yarn-prefix" "$home/.yarn-global" \
    >"$home/.yarnrc"
  before=$(grep -c "GET /create-spec-agent/-/create-spec-agent-$version.tgz" "$tmp/verdaccio.log" || true)
  set +e
  (cd "$work" && CI=true timeout 180 env -u npm_config_user_agent HOME="$home" TMPDIR="$home/tmp" XDG_CACHE_HOME="$home/.cache" \
    XDG_DATA_HOME="$home/.local/share" npm_config_registry="$registry" NPM_CONFIG_REGISTRY="$registry" \
    BUN_CONFIG_REGISTRY="$registry" PATH="$managers:$PATH" "$managers/$manager" "$@" </dev/null) \
    >"$tmp/create-$manager.log" 2>&1
  status=$?
  set -e
  sed 's/^/  | /' "$tmp/create-$manager.log" | tail -n 30
  # The registry may log a request after the client is done with its answer.
  for _ in $(seq 1 30); do
    after=$(grep -c "GET /create-spec-agent/-/create-spec-agent-$version.tgz" "$tmp/verdaccio.log" || true)
    [[ $after -gt $before ]] && break
    sleep 0.1
  done
  if [[ $status -eq 0 ]]; then pass "$manager create exits 0"; else fail "$manager create exits 0 (exit $status)"; fi
  if [[ $after -gt $before ]]; then pass "$manager fetched the tarball from the local registry";
  else fail "$manager fetched the tarball from the local registry"; fi
  check "$manager: the next steps name $manager create spec-agent" \
    grep -q "another repository: $manager create spec-agent <dir>" "$tmp/create-$manager.log"
  if [[ -x $check_tree || -f $check_tree ]]; then
    if out=$(timeout 150 bash "$check_tree" "$work/my-app" --expect name=my-app 2>&1); then
      pass "$manager: shared/acceptance/check-tree passes"
    else
      fail "$manager: shared/acceptance/check-tree" "$out"
    fi
  else
    check "$manager: pyproject.toml and the agent are there" test -f "$work/my-app/pyproject.toml" \
      -a -f "$work/my-app/.github/agents/backend-engineer.agent.md"
  fi
}
step "pnpm create spec-agent my-app --yes --no-git --no-install"
create_with pnpm create spec-agent my-app --yes --no-git --no-install
step "yarn create spec-agent my-app --yes --no-git --no-install (yarn classic)"
create_with yarn create spec-agent my-app --yes --no-git --no-install
step "bun create spec-agent my-app --yes --no-git --no-install"
create_with bun create spec-agent my-app --yes --no-git --no-install

finish
