#!/usr/bin/env bash
# Makes a fresh machine ready: a Chrome to measure with, and the npm dependencies (which bring Node 24 for
# the project's scripts; the machine's own Node may be older). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chrome() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then echo "$CHROME_PATH"; return 0; fi
  for candidate in /usr/bin/google-chrome-stable /usr/bin/google-chrome /opt/google/chrome/chrome \
    /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if chrome=$(find_chrome); then
  echo "setup: Chrome found at $chrome"
elif command -v apt-get >/dev/null 2>&1; then
  echo "setup: no Chrome found; installing Debian's chromium"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
  echo "setup: installed $(find_chrome)"
else
  echo "setup: no Chrome found and no apt-get; install Chrome or Chromium, or set CHROME_PATH" >&2
  exit 1
fi

if [ -L node_modules ]; then
  # A node_modules linked from elsewhere (a git worktree sharing one install): npm ci would empty its target.
  echo "setup: node_modules is a link to $(readlink node_modules); not reinstalling it here"
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "setup: node_modules up to date"
fi
