#!/usr/bin/env bash
# The peer comparison, one command from anywhere in the repository:
#
#   benches/compare/run.sh [--sizes 100k,1m] [--engines ...] [--repeat N] [--diff N]
#
# Sets up a virtual environment outside the repository (target/compare-venv, or
# $GAZETTEER_BENCH_VENV) with the pinned Python peers, builds the release binary and the
# two Rust comparison programs, makes the benchmark names if they are not cached yet
# (benches/data/make_names.py, into $GAZETTEER_BENCH_DIR or target/bench-data), then runs
# every engine one after another on ../shared/bench/*.jsonl and prints the table
# (benches/compare/compare.py; options pass through, --help lists them).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${GAZETTEER_BENCH_VENV:-target/compare-venv}
. benches/lib/venv.sh benches/compare/requirements.txt
cargo build --release --quiet --bin gazetteer --example compare_ours --example bare_ac
"$VENV/bin/python" benches/data/make_names.py
exec "$VENV/bin/python" benches/compare/compare.py --python "$VENV/bin/python" "$@"
