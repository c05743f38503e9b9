#!/usr/bin/env bash
# README command 1: the whole pipeline on the bundled example site, budgets and demo settings; prints the
# markdown report. Extra flags go to `vitals-gate demo` (e.g. --runs 5 --device desktop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
npm run --silent demo -- "$@"
