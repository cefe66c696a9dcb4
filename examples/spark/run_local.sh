#!/usr/bin/env bash
# Run the two Spark jobs of examples/spark in Spark's local mode and check them against the
# single-machine output of `gazetteer tag --jsonl` on the same documents:
#   - tag_spark.py (RDD.pipe through the command): its output must equal the command's,
#     line by line, in order;
#   - tag_dataframe.py (the Python package's tag_dataframe, mapInArrow), once on JSON Lines
#     and once on Parquet: its entities must equal the command's, document by document,
#     and each Python worker process must build the tagger once, not once per partition.
#
#   examples/spark/run_local.sh [--sample N] [INPUT.jsonl]
#
# INPUT defaults to ../shared/bench/bbc-news-2225.jsonl (read in place, never copied), or a
# generated sample when that is absent. --sample N tags only its first N documents (written
# to target/spark-check/, as .ci/run does with 300). Builds the release binary and the Python
# wheel (python/build.sh), installs examples/spark/requirements.txt and the wheel into a
# virtual environment outside the clone (${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/
# spark-venv; SPARK_VENV overrides), needs Java 17+ (JAVA_HOME, or `java` on PATH, or
# /usr/lib/jvm/java-17-*). Everything it writes goes to target/spark-check/. Prints PASS and
# exits 0, or FAIL and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=examples/spark
WORK=$ROOT/target/spark-check
VENV=${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gazetteer/spark-venv}
MASTER=${SPARK_MASTER:-local[2]}
SAMPLE=0
if [ "${1:-}" = --sample ]; then
  SAMPLE=$2
  shift 2
fi
INPUT=${1:-../shared/bench/bbc-news-2225.jsonl}
T_START=$(date +%s)

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

say "the Python package (python/build.sh) and $HERE/requirements.txt in $VENV"
wheel=$(python/build.sh)
python/venv.sh "$VENV" $HERE/requirements.txt
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
"$VENV/bin/python" -c "import pyspark, gazetteer; print('pyspark', pyspark.__version__, '+', gazetteer.__name__)"
export PYSPARK_PYTHON=$VENV/bin/python PYSPARK_DRIVER_PYTHON=$VENV/bin/python
PY=$VENV/bin/python

if [ ! -f "$INPUT" ]; then
  n=$([ "$SAMPLE" -gt 0 ] && echo "$SAMPLE" || echo 2000)
  say "$INPUT is absent: using a generated sample of $n documents"
  INPUT=$WORK/sample.jsonl
  "$PY" $HERE/make_sample.py news "$n" "$INPUT"
elif [ "$SAMPLE" -gt 0 ]; then
  say "the first $SAMPLE documents of $INPUT"
  awk -v n="$SAMPLE" '/[^[:space:]]/ { print; if (++c == n) exit }' "$INPUT" >"$WORK/sample.jsonl"
  INPUT=$WORK/sample.jsonl
fi

# spark-submit's own log (and the tool's reports from the executors) go to LOG; the job's
# summary lines go to OUT.
submit() { # submit OUT LOG SCRIPT ARGS...
  local out=$1 log=$2
  shift 2
  "$VENV/bin/spark-submit" --master "$MASTER" --conf spark.ui.enabled=false "$@" >"$out" 2>"$log"
}
spark() { # spark OUT LOG ARGS...: the pipe job
  local out=$1 log=$2
  shift 2
  submit "$out" "$log" $HERE/tag_spark.py --binary "$BIN" "$@"
}

failed=0
fail() { echo "FAIL: $*"; failed=1; }

# 1. The corpus: Spark's output must equal the single machine's, line by line, in order.
# The command reads the file on standard input, as under `pipe`: a file named on the command
# line would be the output's "source", and under `pipe` that is "-".
docs=$(grep -c '[^[:space:]]' "$INPUT" || true)
say "single machine: gazetteer tag --jsonl < $INPUT ($docs documents)"
t0=$(now)
"$BIN" tag --jsonl <"$INPUT" >"$WORK/single.jsonl" 2>"$WORK/single.err"
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
"$BIN" tag --jsonl <"$WORK/bad.jsonl" >"$WORK/bad-single.jsonl" 2>"$WORK/bad-single.err" || true
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

# 3. The DataFrame job, on JSON Lines (spark.read.json) and on Parquet (spark.read.parquet),
# in 4 partitions: its entities must be the command's, and each Python worker process must
# build the tagger once (it says so on standard error, which is the log here).
say "the same documents as Parquet (pyarrow)"
"$PY" -c "import sys, pyarrow.json as j, pyarrow.parquet as p; p.write_table(j.read_json(sys.argv[1]), sys.argv[2])" \
  "$INPUT" "$WORK/input.parquet"
df_s=""
for fmt in json parquet; do
  in=$([ $fmt = json ] && echo "$INPUT" || echo "$WORK/input.parquet")
  say "Spark ($MASTER): tag_dataframe.py $in ($fmt, 4 partitions)"
  t0=$(now)
  if submit "$WORK/df-$fmt.out" "$WORK/df-$fmt.log" $HERE/tag_dataframe.py --format $fmt --partitions 4 \
    "$in" "$WORK/df-$fmt-out"; then
    t1=$(now)
    df_s="$df_s $fmt $(secs "$t0" "$t1") s"
    grep '^tag_dataframe.py' "$WORK/df-$fmt.out"
    "$PY" $HERE/compare.py --dataframe "$WORK/single.jsonl" "$INPUT" "$WORK/df-$fmt-out" ||
      fail "the DataFrame job's entities differ from the single-machine output ($fmt input)"
    builds=$(grep -c '^gazetteer.spark: tagger built in process' "$WORK/df-$fmt.log" || true)
    pids=$(grep -o '^gazetteer.spark: tagger built in process [0-9]*' "$WORK/df-$fmt.log" | sort -u | wc -l)
    echo "4 partitions tagged; the tagger was built $builds times, in $pids Python worker processes"
    { [ "$builds" -ge 1 ] && [ "$builds" = "$pids" ] && [ "$builds" -lt 4 ]; } ||
      fail "expected one tagger build per Python worker process, fewer than the 4 partitions"
  else
    tail -40 "$WORK/df-$fmt.log"
    fail "the DataFrame job failed on $fmt input (log: $WORK/df-$fmt.log)"
  fi
done

echo
if [ "$failed" = 0 ]; then
  echo "PASS: Spark ($MASTER) output equals the single-machine output: $docs documents from $INPUT" \
    "(single machine ${single_s} s, pipe job's spark-submit ${spark_s} s, DataFrame jobs:$df_s);" \
    "skipped lines handled alike; $(($(date +%s) - T_START)) s in all"
else
  echo "FAIL (files in $WORK)"
  exit 1
fi
