"""Tag a DataFrame of news articles on Apache Spark with the Python package.

    spark-submit --master local[2] examples/spark/tag_dataframe.py INPUT OUTPUT_DIR

INPUT is JSON Lines (read with spark.read.json) or Parquet (spark.read.parquet, when the
path ends in .parquet or --format parquet); any path, glob or directory Spark reads. The
output is the input's rows, every column kept, plus an `entities` column
(array<struct<start,end,text,label,id>>, offsets in code points), written as Parquet (or
JSON Lines with --output-format json).

The package `gazetteer` (pip install ./python) must be installed on the driver and on the
executors. See README.md beside this file.
"""

import argparse
import sys
import time

from pyspark.sql import SparkSession

from gazetteer.spark import tag_dataframe


def parse_args(argv):
    p = argparse.ArgumentParser(description="Add an `entities` column to a DataFrame of texts.")
    p.add_argument("input", help="JSON Lines or Parquet input (any path Spark reads)")
    p.add_argument("output", help="output directory (must not exist)")
    p.add_argument("--format", choices=["json", "parquet"], help="input format (default: by the path's ending)")
    p.add_argument("--output-format", choices=["parquet", "json"], default="parquet")
    p.add_argument("--text-column", default="text", help="the column holding the text (default: text)")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input into this many partitions")
    p.add_argument("--gazetteer", action="append", default=[], help="an extra gazetteer file (repeatable)")
    p.add_argument("--no-default", action="store_true", help="leave out the bundled gazetteers")
    p.add_argument("--ignore-case", action="store_true")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("gazetteer tag_dataframe").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    fmt = args.format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "json")
    df = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
    if args.partitions:
        df = df.repartition(args.partitions)
    options = {"ignore_case": args.ignore_case}
    if args.gazetteer:
        options["gazetteers"] = args.gazetteer
    if args.no_default:
        options["default"] = False
    tagged = tag_dataframe(df, args.text_column, **options)
    print(f"tag_dataframe.py: {fmt} input, {df.rdd.getNumPartitions()} partitions; schema:", flush=True)
    tagged.printSchema()
    t0 = time.perf_counter()
    writer = tagged.write.mode("errorifexists")
    (writer.parquet if args.output_format == "parquet" else writer.json)(args.output)
    print(f"tag_dataframe.py: wrote {args.output} in {time.perf_counter() - t0:.2f} s", flush=True)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
