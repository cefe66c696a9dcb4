"""Tag JSON Lines news articles on Apache Spark with the `gazetteer` command.

Each partition of the input is streamed through one `gazetteer tag --jsonl` process with
`RDD.pipe`: the process reads the partition's lines on standard input and writes one JSON line
(`{"entities": [...], "id": ...}`) per input line, in order. The release binary is shipped to
the executors with `SparkContext.addFile` (or `spark-submit --files`); the bundled gazetteers
are compiled into it, so nothing is installed on the workers.

    spark-submit --master local[2] examples/spark/tag_spark.py \
        --binary target/release/gazetteer INPUT.jsonl OUTPUT_DIR

INPUT may be anything `SparkContext.textFile` reads (a file, a directory, a glob, several
comma-separated paths, hdfs://, s3a://). OUTPUT_DIR receives part-00000, part-00001, ... whose
concatenation, in name order, holds the tagged lines in the input's order.

Lines the tool cannot tag (not UTF-8, not JSON, not an object, no string text field) are
skipped, as by the single-machine command; the tool reports each one on the task's standard
error (the executor log), with its line number within the partition. This script counts them
and prints the total. With --strict the first such line fails the job instead.

Run `tag_spark.py --help` for every option. See README.md beside this file.
"""

import argparse
import os
import shlex
import subprocess
import sys
import time

from pyspark import SparkContext, SparkFiles

BINARY_NAME = "gazetteer"


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Tag JSON Lines on Spark by piping each partition through `gazetteer tag --jsonl`.",
        epilog="Arguments after `--` are passed to `gazetteer tag` (e.g. -- --gazetteer extra.tsv "
        "--ignore-case; a --gazetteer file must itself be shipped with --files and named as "
        "the executors see it).",
    )
    p.add_argument("input", help="JSON Lines input (any path SparkContext.textFile accepts)")
    p.add_argument("output", help="output directory (must not exist)")
    p.add_argument(
        "--binary",
        default=None,
        help="the gazetteer binary on the driver, shipped to the executors with addFile "
        "(default: target/release/gazetteer; omit it with --no-ship when it is already "
        "shipped with spark-submit --files)",
    )
    p.add_argument(
        "--no-ship",
        action="store_true",
        help="do not call addFile: the binary was shipped with spark-submit --files",
    )
    p.add_argument(
        "--executor-binary",
        default=None,
        help="the path of the binary as the executors' tasks see it (default: found where "
        "addFile/--files put it)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="minimum number of input partitions = number of gazetteer processes "
        "(default: Spark's default parallelism)",
    )
    p.add_argument("--text-field", default="text", help="the JSON field holding the text (default: text)")
    p.add_argument("--strict", action="store_true", help="fail the job on the first line the tool cannot tag")
    # Everything after the first `--` goes to the tool, wherever the job's own options are.
    tool_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, tool_args = argv[:i], argv[i + 1 :]
    args = p.parse_args(argv)
    args.tool_args = tool_args
    return args


def executor_binary(sc, name):
    """Where a file shipped with addFile / --files is for the tasks' processes.

    Spark puts such files in SparkFiles' root directory. On a cluster (YARN, Kubernetes,
    standalone, local-cluster) that is the executor's working directory, which the Python
    workers, and so the processes RDD.pipe starts, inherit: "./gazetteer". In local mode
    (local, local[N]) the executor runs in the driver's JVM and the root is the driver's own
    temporary directory.
    """
    if sc.master == "local" or sc.master.startswith("local["):
        return SparkFiles.get(name)
    return "./" + name


def tool_command(args, exe, threads_flag):
    cmd = [exe, "tag", "--jsonl", "--text-field", args.text_field]
    if args.strict:
        cmd.append("--strict")
    if threads_flag:
        # One Spark task = spark.task.cpus cores: the tool must not take all of them.
        cmd += ["--threads", threads_flag]
    cmd += args.tool_args
    return shlex.join(cmd)


def supports_threads(local_binary):
    """Whether this build of `gazetteer tag` takes --threads (checked on the driver)."""
    if not local_binary or not os.path.exists(local_binary):
        return False
    try:
        out = subprocess.run([local_binary, "tag", "--help"], capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return "--threads" in out.stdout


def main(argv):
    args = parse_args(argv)
    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")

    local_binary = args.binary
    if local_binary is None and not args.no_ship:
        local_binary = os.path.join("target", "release", BINARY_NAME)
    if not args.no_ship:
        if not os.access(local_binary, os.X_OK):
            sys.exit(f"tag_spark.py: {local_binary}: no such executable (run `cargo build --release`)")
        sc.addFile(os.path.abspath(local_binary))
    name = os.path.basename(local_binary) if local_binary else BINARY_NAME
    exe = args.executor_binary or executor_binary(sc, name)

    # The driver's copy tells which options this build has (with --no-ship, the copy
    # that --files put in the driver's SparkFiles directory, if any).
    probe = local_binary or SparkFiles.get(name)
    threads = sc.getConf().get("spark.task.cpus", "1") if supports_threads(probe) else None
    command = tool_command(args, exe, threads)

    partitions = args.partitions or sc.defaultParallelism
    # The tool skips blank lines without a word; drop them here so that the counts below
    # only see lines the tool reads.
    lines = sc.textFile(args.input, minPartitions=partitions).filter(lambda l: l.strip() != "")
    # Counted with accumulators as the lines pass: exact unless a task is retried.
    read = sc.accumulator(0)
    written = sc.accumulator(0)

    def count_in(line):
        read.add(1)
        return line

    def count_out(line):
        written.add(1)
        return line

    # checkCode: a tool that fails (bad option, --strict and a bad line) fails the task.
    # The environment is the tool's only: it needs none of the executor's.
    tagged = lines.map(count_in).pipe(command, env={"RUST_BACKTRACE": "1"}, checkCode=True).map(count_out)

    print(f"tag_spark.py: {lines.getNumPartitions()} partitions, each piped through: {command}", flush=True)
    t0 = time.perf_counter()
    tagged.saveAsTextFile(args.output)
    secs = time.perf_counter() - t0

    skipped = read.value - written.value
    print(
        f"tag_spark.py: {read.value} documents read, {written.value} tagged, {skipped} skipped "
        f"in {secs:.2f} s -> {args.output}",
        flush=True,
    )
    if skipped:
        print(
            f"tag_spark.py: {skipped} lines could not be tagged (not a JSON object with a string "
            f"{args.text_field!r} field); the executors' standard error (task logs) says which, "
            "by line number within the partition",
            flush=True,
        )
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
