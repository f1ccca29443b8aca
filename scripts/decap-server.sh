#!/usr/bin/env bash
# The web form's local backend for `make beheer`: decap-server (npm, pinned) writing case
# files into this working copy, behind a guard (generator/authoring/form_guard.py).
# decap-server itself listens on a Unix socket in a private folder; the guard listens on
# 127.0.0.1:$PORT only, answers only requests for 127.0.0.1/localhost from the preview's
# page (http://127.0.0.1:$PREVIEW_PORT, `mkdocs serve`), and passes on reads and writes of
# case files in cases/ and images in cases/media/ only: never mkdocs.yml, a workflow, .git
# or code (decap-server alone would, for any web page the author visits, by DNS rebinding).
# Usage: scripts/decap-server.sh [REPOSITORY_DIR]   (PORT=8081 and PREVIEW_PORT=8000 by default)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export PORT="${PORT:-8081}"
export PREVIEW_PORT="${PREVIEW_PORT:-8000}"
export GIT_REPO_DIRECTORY="$(cd "${1:-$here}" && pwd)"
export NODE_MODULES="$here/node_modules"
exec "${PYTHON:-$here/.venv/bin/python}" -m generator.authoring.form_guard
