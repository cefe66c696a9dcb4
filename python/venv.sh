#!/usr/bin/env bash
# Make (or update) a virtual environment with pinned requirements; prints nothing else.
#
#   python/venv.sh VENV REQUIREMENTS.txt
#
# Idempotent and fast when nothing changed: the requirements are installed again only when
# the file's contents change (their hash is kept in VENV/.gazetteer-requirements).
set -euo pipefail
venv=$1 req=$2
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ "$(cat "$venv/.gazetteer-requirements" 2>/dev/null)" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  echo "$want" >"$venv/.gazetteer-requirements"
fi
