#!/usr/bin/env bash
# Build the Python package and run its tests: the Python part of .ci/run.
#
#   python/ci.sh [PYTEST ARGS...]
#
# Makes a virtual environment outside the clone (${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/
# py-venv; GAZETTEER_PY_VENV overrides) with python/requirements-dev.txt, installed again only
# when that file changes. Builds the abi3 wheel with maturin (release) into
# python/target/wheels/, installs it into the venv, and runs pytest on python/tests. Fails if
# any step fails, and if pytest collects no tests (its exit code 5).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer
VENV=${GAZETTEER_PY_VENV:-$CACHE/py-venv}
PY=$VENV/bin/python

echo "== python venv: $VENV"
[ -x "$PY" ] || python3 -m venv "$VENV"
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ "$(cat "$VENV/.gazetteer-requirements" 2>/dev/null)" != "$want" ]; then
  "$PY" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  echo "$want" >"$VENV/.gazetteer-requirements"
fi

echo "== maturin build --release"
rm -rf target/wheels
"$VENV/bin/maturin" build --release --quiet --interpreter "$PY" --out target/wheels
wheel=$(ls target/wheels/gazetteer-*.whl)
echo "$wheel: $(du -k "$wheel" | cut -f1) KiB"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "== pytest"
cd "$HERE/tests"
set +e
GAZETTEER_TEST_STRICT=1 "$PY" -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "python/ci.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$status"
