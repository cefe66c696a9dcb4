#!/usr/bin/env bash
# The differential harness for pattern files, one command from anywhere in the repository:
#
#   benches/patterns/run.sh [CORPUS.jsonl] [PATTERNS.jsonl]
#
# Installs spaCy into a virtual environment outside the repository (target/patterns-venv,
# or $GAZETTEER_PATTERNS_VENV), builds the command and the token dump, then runs the pattern
# set (default benches/patterns/patterns.jsonl) over the corpus (default
# ../shared/bench/bbc-news-2225.jsonl) with spaCy (`spacy.blank("en")` + `entity_ruler`,
# `nlp.pipe`) and with `gazetteer tag --patterns`, and prints the agreement, the classified
# differences and the speed of both, side by side (benches/patterns/diff.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${GAZETTEER_PATTERNS_VENV:-target/patterns-venv}
. benches/lib/venv.sh benches/patterns/requirements.txt
cargo build --release --quiet --bin gazetteer --example pattern_tokens
CORPUS=${1:-../shared/bench/bbc-news-2225.jsonl}
PATTERNS=${2:-benches/patterns/patterns.jsonl}
exec "$VENV/bin/python" benches/patterns/diff.py "$CORPUS" "$PATTERNS"
