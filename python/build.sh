#!/usr/bin/env bash
# Build the package's abi3 wheel (release) into python/target/wheels/ and print its path.
#
#   python/build.sh
#
# maturin comes from the virtual environment of python/ci.sh (${XDG_CACHE_HOME:-$HOME/.cache}/
# gazetteer/py-venv; GAZETTEER_PY_VENV overrides), made or updated first. Progress goes to
# standard error; the wheel's path is the only line on standard output.
set -euo pipefail
cd "$(dirname "$0")"
VENV=${GAZETTEER_PY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/py-venv}
./venv.sh "$VENV" requirements-dev.txt >&2
rm -rf target/wheels
"$VENV/bin/maturin" build --release --quiet --interpreter "$VENV/bin/python" --out target/wheels >&2
wheel=$(ls "$PWD"/target/wheels/gazetteer-*.whl)
echo "python/build.sh: $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KiB" >&2
echo "$wheel"
