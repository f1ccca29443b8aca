#!/usr/bin/env bash
# Build the site into a temporary folder and swap it in only when the build succeeded, so a
# failed build never leaves a half-written site/ behind for publishing.
# Usage: scripts/build-site.sh [SITE_DIR]   (ENGINE=mkdocs|zensical chooses the engine;
# MAATWERKBANK=... the maatwerkbank command; MAATWERKBANK_MODE=geldig builds from the valid
# cases, MAATWERKBANK_VISIBILITY=... refuses a public repository: see maatwerkbank site --help)
set -euo pipefail
out="${1:-site}"
tmp="$(mktemp -d "${out%/}.building.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# MkDocs ends a failed build with its own English line; authors get it in Dutch.
${MAATWERKBANK:-maatwerkbank} site --engine "${ENGINE:-mkdocs}" --site-dir "$tmp" | sed -E \
  -e 's/^Aborted with a BuildError!$/Build afgebroken: zie de meldingen hierboven./' \
  -e 's/^Aborted with ([0-9]+) warnings? in strict mode!$/Build afgebroken: \1 waarschuwing(en) in strikte modus, zie hierboven./'
chmod 755 "$tmp"
rm -rf "${out%/}.old"
if [ -d "$out" ]; then mv "$out" "${out%/}.old"; fi
mv "$tmp" "$out"
rm -rf "${out%/}.old"
trap - EXIT
