#!/usr/bin/env bash
# Build the site into a temporary folder and swap it in only when the build succeeded, so a
# failed build never leaves a half-written site/ behind for publishing.
# Usage: scripts/build-site.sh [SITE_DIR]   (ENGINE=mkdocs|zensical chooses the engine;
# MAATWERKBANK=... the maatwerkbank command)
set -euo pipefail
out="${1:-site}"
tmp="$(mktemp -d "${out%/}.building.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
${MAATWERKBANK:-maatwerkbank} site --engine "${ENGINE:-mkdocs}" --site-dir "$tmp"
chmod 755 "$tmp"
rm -rf "${out%/}.old"
if [ -d "$out" ]; then mv "$out" "${out%/}.old"; fi
mv "$tmp" "$out"
rm -rf "${out%/}.old"
trap - EXIT
