#!/usr/bin/env bash
# What the browser tests need besides Python packages, installed only when missing:
# a Chromium (Debian's package; or any Chrome named by CHROMIUM_PATH, as on GitHub's
# runners) and Node for Lighthouse. No test tool downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
packages=()
[ -x "$browser" ] || packages+=(chromium)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
# Lighthouse, pinned in package-lock.json; it must not fetch a browser either.
if [ ! -x node_modules/.bin/lighthouse ] || [ package-lock.json -nt node_modules/.bin/lighthouse ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
