"""Compare the Spark job's output with the single-machine output, line by line.

    python compare.py SINGLE.jsonl SPARK_OUTPUT_DIR_OR_FILE

A directory is read as Spark writes it: its part-* files concatenated in name order, which
keeps the input's order. Prints a one-line verdict (and the first differences) and exits 0 when
both hold the same lines in the same order, 1 otherwise. When only the order differs, it says
so (the lines are then equal after sorting by id).
"""

import json
import os
import sys


def read_lines(path):
    if os.path.isdir(path):
        parts = sorted(f for f in os.listdir(path) if f.startswith("part-"))
        lines = []
        for f in parts:
            with open(os.path.join(path, f), encoding="utf-8") as fh:
                lines += fh.read().splitlines()
        return lines
    with open(path, encoding="utf-8") as fh:
        return fh.read().splitlines()


def doc_id(line):
    try:
        return json.dumps(json.loads(line).get("id"), sort_keys=True)
    except (ValueError, AttributeError):
        return ""


def main(single_path, spark_path):
    single, spark = read_lines(single_path), read_lines(spark_path)
    if single == spark:
        print(f"same: {len(spark)} lines, identical and in the same order")
        return 0
    print(f"DIFFERENT: single machine {len(single)} lines, Spark {len(spark)} lines")
    shown = 0
    for i, (a, b) in enumerate(zip(single, spark)):
        if a != b:
            print(f"  line {i + 1}: single id {doc_id(a)}, Spark id {doc_id(b)}")
            print(f"    single: {a[:300]}")
            print(f"    spark:  {b[:300]}")
            shown += 1
            if shown == 3:
                break
    diff = sum(a != b for a, b in zip(single, spark)) + abs(len(single) - len(spark))
    print(f"  {diff} lines differ")
    if sorted(single, key=doc_id) == sorted(spark, key=doc_id) or sorted(single) == sorted(spark):
        print("  (the same lines in another order: equal after sorting by id)")
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
