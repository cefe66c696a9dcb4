#!/usr/bin/env bash
# Build the Python package and run its tests: the Python part of .ci/run.
#
#   python/ci.sh [PYTEST ARGS...]
#
# Checks the binding's Rust code (cargo fmt --check, clippy -D warnings: python/ is a crate
# of its own, outside the root's cargo commands), builds the wheel (python/build.sh, which
# keeps its virtual environment outside the clone: ${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/
# py-venv with python/requirements-dev.txt), installs it into that environment and runs
# pytest on python/tests. Fails if any step
# fails, and if pytest collects no tests (its exit code 5).
set -euo pipefail
cd "$(dirname "$0")"
VENV=${GAZETTEER_PY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/py-venv}
echo "== python/: cargo fmt --check, cargo clippy --all-targets -- -D warnings"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
echo "== python/build.sh (venv $VENV)"
wheel=$(./build.sh)
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "== pytest"
cd tests
set +e
GAZETTEER_TEST_STRICT=1 "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "python/ci.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$status"
