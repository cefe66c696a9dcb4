#!/usr/bin/env bash
# The Python package's benchmark (python/bench.py; arguments pass through, --help lists them).
#
#   python/bench.sh [--repeat N] [--rounds N] [--no-peers] [FILE.jsonl...]
#
# Builds the wheel (python/build.sh) and the Rust example it compares with, installs the wheel
# and python/requirements-bench.txt into a virtual environment outside the clone
# (${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/bench-venv; GAZETTEER_BENCH_PY_VENV overrides).
set -euo pipefail
cd "$(dirname "$0")"
VENV=${GAZETTEER_BENCH_PY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/bench-venv}
wheel=$(./build.sh)
./venv.sh "$VENV" requirements-bench.txt
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
(cd .. && cargo build --quiet --release --example throughput)
exec "$VENV/bin/python" bench.py "$@"
