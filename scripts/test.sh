#!/usr/bin/env bash
# README command 2, and what .ci/run calls: set up, lint, format check, typecheck, rebuild dist/ and prove
# the committed one is fresh, then every test (unit and end-to-end in real Chrome). Ends with the plain line
# `tests: N passed, N failed, N skipped`; exits non-zero when any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed_steps=()
step() {
  local name=$1
  shift
  echo "::: $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

if ! bash scripts/setup.sh; then
  echo "setup failed: see above"
  echo "tests: 0 passed, 0 failed, 0 skipped"
  exit 1
fi

# The field data tests start a real Prometheus (Debian's package) over backfilled data.
if ! command -v promtool >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "::: installing Debian's prometheus for the field data tests"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq prometheus >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq prometheus >/dev/null; }
fi

export PATH="$PWD/node_modules/.bin:$PATH" # Node 24 from the `node` package first
echo "::: node $(node --version)"
step lint npx biome ci .
step typecheck npx tsc --noEmit
step build node scripts/build.mjs
check_dist() {
  if [ -n "$(git status --porcelain -- dist 2>/dev/null)" ]; then
    echo "dist/ is not fresh: the committed bundle differs from a rebuild. Run 'npm run build' and commit dist/."
    git status --short -- dist
    return 1
  fi
}
if git rev-parse --git-dir >/dev/null 2>&1; then step dist-fresh check_dist; fi

results=$(mktemp)
step tests npx vitest run --reporter=default --reporter=json --outputFile.json="$results"
summary=$(node -e '
  const fs = require("node:fs");
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  } catch {
    console.log("tests: 0 passed, 0 failed, 0 skipped");
  }' "$results")
rm -f "$results"

if [ ${#failed_steps[@]} -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
echo "$summary"
[ ${#failed_steps[@]} -eq 0 ]
