#!/usr/bin/env bash
# Whether a CI run must test the product, or only check the content.
# Usage: scripts/changed-scope.sh EVENT [BASE_COMMIT]
# Prints `product=true` or `product=false` (the format of $GITHUB_OUTPUT), and why in Dutch
# on stderr. A change that touches only cases/ or content/ is content: the content gate
# (check, strict build, links) gives its verdict, and the product's suite, unchanged since
# it last passed, is not run again. Anything else, an unknown base, a manual run: product.
# The nightly run is about the calendar (embargoes, consent), never about product code.
set -euo pipefail
event="${1:?geef het soort run: pull_request, push, schedule, ...}"
base="${2:-}"
say() { echo "$1" >&2; echo "product=$2"; }
case "$event" in
  schedule) say "nachtelijke run: alleen de inhoud (datum, embargo, toestemming)" false; exit 0 ;;
  workflow_dispatch|web|api|trigger) say "handmatige run: alles" true; exit 0 ;;
esac
if [ -z "$base" ] || [ -z "${base//0/}" ] || ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
  say "geen vergelijkingspunt bekend: alles" true
  exit 0
fi
changed="$(git diff --name-only "$base" HEAD)"
other="$(printf '%s\n' "$changed" | grep -v -E '^(cases|content)/' | grep -v '^$' || true)"
if [ -z "$other" ]; then
  say "alleen cases/ en content/ gewijzigd: de inhoudscontrole beslist" false
else
  say "productbestanden gewijzigd ($(printf '%s\n' "$other" | head -3 | tr '\n' ' ')...): alles" true
fi
