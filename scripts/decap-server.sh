#!/usr/bin/env bash
# The web form's local backend for `make beheer`: decap-server (npm, pinned) writing case
# files into this working copy. It listens on 127.0.0.1 only (its BIND_HOST; without it,
# Express listens on every interface and anyone on the network could write into cases/).
# Usage: scripts/decap-server.sh [REPOSITORY_DIR]   (PORT=... to choose the port; 8081)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export BIND_HOST=127.0.0.1
export PORT="${PORT:-8081}"
export MODE=fs
export GIT_REPO_DIRECTORY="$(cd "${1:-$here}" && pwd)"
exec "$here/node_modules/.bin/decap-server"
