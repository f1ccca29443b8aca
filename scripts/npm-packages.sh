#!/usr/bin/env bash
# The pinned npm packages (package-lock.json): Decap CMS and markdown-it, which the site
# bundles at /beheer/, and the test tools. Installed by `make site` as by `make test`, so a
# local build is the site CI publishes. Without npm nothing happens here: the build then
# says in one line that it left the web form out and how to add it (mkdocs_plugin.py).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null 2>&1 || exit 0
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
