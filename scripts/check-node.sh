#!/usr/bin/env bash
# Stops with one clear line when the Node on PATH is older than package.json's "engines" (README
# "Operations"): older ones fail later in odd ways. `.ci/run` calls it first.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node="$(sed -n 's/^ *"node": *">=\([0-9][0-9.]*\)".*/\1/p' package.json | head -n 1)"
if [ -z "$need_node" ]; then
  echo 'package.json has no "engines": { "node": ">=X.Y" } to check Node against.' >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js ${need_node} or newer is needed and node is not installed; install it (https://nodejs.org) and run .ci/run again." >&2
  exit 1
fi
have_node="$(node -p 'process.versions.node')"
if ! node -e '
  const [have, need] = process.argv.slice(1).map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) { const d = (have[i] ?? 0) - (need[i] ?? 0); if (d !== 0) process.exit(d > 0 ? 0 : 1); }
' "$have_node" "$need_node"; then
  echo "Node.js ${need_node} or newer is needed (package.json engines), this is ${have_node}; install a newer Node and run .ci/run again." >&2
  exit 1
fi
echo "Node.js ${have_node} (${need_node} or newer needed)"
