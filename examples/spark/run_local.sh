#!/usr/bin/env bash
# Run examples/spark/tag_spark.py in Spark's local mode and check that its output equals the
# single-machine output of `gazetteer tag --jsonl` on the same file.
#
#   examples/spark/run_local.sh [INPUT.jsonl]
#
# INPUT defaults to ../shared/bench/bbc-news-2225.jsonl (read in place, never copied), or a
# generated sample when that is absent. Builds the release binary, installs pyspark into a
# virtual environment outside the repository (target/spark-venv; SPARK_VENV overrides), needs
# Java 17+ (JAVA_HOME, or `java` on PATH, or /usr/lib/jvm/java-17-*). Everything it writes goes
# to target/spark-check/. Prints PASS and exits 0, or FAIL and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=examples/spark
WORK=$ROOT/target/spark-check
VENV=${SPARK_VENV:-$ROOT/target/spark-venv}
PYSPARK_VERSION=${PYSPARK_VERSION:-4.3.0}
MASTER=${SPARK_MASTER:-local[2]}
INPUT=${1:-../shared/bench/bbc-news-2225.jsonl}

say() { printf '== %s\n' "$*"; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

rm -rf "$WORK"
mkdir -p "$WORK"

say "cargo build --release"
cargo build --release --quiet
# Run both sides on one snapshot of the binary: target/release/gazetteer may be rebuilt by
# another cargo command while this script runs.
cp target/release/gazetteer "$WORK/gazetteer"
BIN=$WORK/gazetteer
"$BIN" --version

say "Java"
if [ -z "${JAVA_HOME:-}" ]; then
  if command -v java >/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    JAVA_HOME=$(ls -d /usr/lib/jvm/java-17-* 2>/dev/null | head -1)
  fi
  export JAVA_HOME
fi
[ -x "$JAVA_HOME/bin/java" ] || { echo "FAIL: no Java (set JAVA_HOME to a Java 17+ JDK)"; exit 1; }
"$JAVA_HOME/bin/java" -version 2>&1 | head -1
jmajor=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
[ "${jmajor:-0}" -ge 17 ] || { echo "FAIL: Java $jmajor at $JAVA_HOME; Spark 4 needs 17 or later"; exit 1; }

say "pyspark $PYSPARK_VERSION in $VENV"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if ! "$VENV/bin/python" -c "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
export PYSPARK_PYTHON=$VENV/bin/python PYSPARK_DRIVER_PYTHON=$VENV/bin/python
PY=$VENV/bin/python

if [ ! -f "$INPUT" ]; then
  say "$INPUT is absent: using a generated sample of 2000 documents"
  INPUT=$WORK/sample.jsonl
  "$PY" $HERE/make_sample.py news 2000 "$INPUT"
fi

# spark-submit's own log (and the tool's reports from the executors) go to LOG; the job's
# summary lines go to OUT.
spark() { # spark OUT LOG ARGS...
  local out=$1 log=$2
  shift 2
  "$VENV/bin/spark-submit" --master "$MASTER" --conf spark.ui.enabled=false \
    $HERE/tag_spark.py --binary "$BIN" "$@" >"$out" 2>"$log"
}

failed=0
fail() { echo "FAIL: $*"; failed=1; }

# 1. The corpus: Spark's output must equal the single machine's, line by line, in order.
docs=$(grep -c '[^[:space:]]' "$INPUT" || true)
say "single machine: gazetteer tag --jsonl $INPUT ($docs documents)"
t0=$(now)
"$BIN" tag --jsonl "$INPUT" >"$WORK/single.jsonl" 2>"$WORK/single.err"
t1=$(now)
single_s=$(secs "$t0" "$t1")
echo "$(wc -l <"$WORK/single.jsonl") lines in ${single_s} s"
cat "$WORK/single.err"

say "Spark ($MASTER): tag_spark.py $INPUT $WORK/spark-out"
t0=$(now)
if spark "$WORK/spark.out" "$WORK/spark.log" "$INPUT" "$WORK/spark-out"; then
  t1=$(now)
  spark_s=$(secs "$t0" "$t1")
  cat "$WORK/spark.out"
  echo "spark-submit took ${spark_s} s in all (JVM start included)"
  say "compare"
  "$PY" $HERE/compare.py "$WORK/single.jsonl" "$WORK/spark-out" || fail "Spark output differs from the single-machine output"
else
  cat "$WORK/spark.out"
  tail -40 "$WORK/spark.log"
  fail "the Spark job failed (log: $WORK/spark.log)"
fi

# 2. Lines the tool skips: the same lines are skipped, counted, and reported in the log.
say "lines the tool cannot tag (a blank line, invalid JSON, no text field, not an object)"
"$PY" $HERE/make_sample.py bad "$WORK/bad.jsonl"
"$BIN" tag --jsonl "$WORK/bad.jsonl" >"$WORK/bad-single.jsonl" 2>"$WORK/bad-single.err" || true
cat "$WORK/bad-single.err"
if spark "$WORK/bad-spark.out" "$WORK/bad-spark.log" --partitions 2 "$WORK/bad.jsonl" "$WORK/bad-out"; then
  cat "$WORK/bad-spark.out"
  "$PY" $HERE/compare.py "$WORK/bad-single.jsonl" "$WORK/bad-out" || fail "Spark output differs on bad.jsonl"
  grep -q ' 4 tagged, 3 skipped' "$WORK/bad-spark.out" || fail "the Spark job did not count 3 skipped lines"
  # -o: reports of two processes writing at once may share a line of the log.
  reports=$(grep -o 'line skipped' "$WORK/bad-spark.log" | wc -l)
  echo "the tool's reports in the executor log ($WORK/bad-spark.log): $reports"
  grep 'line skipped' "$WORK/bad-spark.log" | sed 's/^/  /'
  [ "$reports" = 3 ] || fail "expected 3 skipped-line reports in the executor log, found $reports"
else
  tail -40 "$WORK/bad-spark.log"
  fail "the Spark job failed on bad.jsonl"
fi

say "--strict: the first bad line fails the job"
if spark "$WORK/strict.out" "$WORK/strict.log" --strict "$WORK/bad.jsonl" "$WORK/strict-out"; then
  fail "the --strict job succeeded on bad.jsonl"
else
  echo "spark-submit failed as it should; the tool said: $(grep -m1 -o 'gazetteer: .*' "$WORK/strict.log" || echo '?')"
fi

echo
if [ "$failed" = 0 ]; then
  echo "PASS: Spark ($MASTER) output equals the single-machine output: $docs documents from $INPUT" \
    "(single machine ${single_s} s, spark-submit ${spark_s} s); skipped lines handled alike"
else
  echo "FAIL (files in $WORK)"
  exit 1
fi
