"""Compare the Spark jobs' output with the single-machine output.

    python compare.py SINGLE.jsonl SPARK_OUTPUT_DIR_OR_FILE
    python compare.py --dataframe SINGLE.jsonl INPUT.jsonl DATAFRAME_OUTPUT_DIR

A directory is read as Spark writes it: its part-* files concatenated in name order, which
keeps the input's order. Prints a one-line verdict (and the first differences) and exits 0 when
both hold the same lines in the same order, 1 otherwise. When only the order differs, it says
so (the lines are then equal after sorting by id).

With --dataframe, the Parquet output of tag_dataframe.py (read with pyarrow) is compared
with the single-machine output of the same input, document by document (matched by id: the
DataFrame job may reorder rows), entity by entity on start, end, text, label and id. The
command's offsets are UTF-8 bytes and the DataFrame's are code points: the command's are
converted with the input's text.
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


FIELDS = ("start", "end", "text", "label", "id")


def expected_entities(single_path, input_path):
    """id -> the command's entities of that document, with code-point offsets."""
    with open(input_path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    out = {}
    for text, line in zip(texts, read_lines(single_path)):
        doc = json.loads(line)
        raw = text.encode("utf-8")

        def chars(b):
            return len(raw[:b].decode("utf-8"))

        ents = [dict(e, start=chars(e["start"]), end=chars(e["end"])) for e in doc["entities"]]
        out[doc["id"]] = [{f: e.get(f) for f in FIELDS} for e in ents]
    return out, len(texts)


def main_dataframe(single_path, input_path, df_path):
    import pyarrow.parquet as pq

    want, docs = expected_entities(single_path, input_path)
    rows = pq.read_table(df_path).to_pylist()
    got = {r["id"]: [{f: e[f] for f in FIELDS} for e in r["entities"]] for r in rows}
    if len(want) != docs or len(got) != len(rows):
        print(f"DIFFERENT: ids are not unique ({docs} input documents, {len(want)} ids)")
        return 1
    bad = sorted(i for i in want.keys() | got.keys() if want.get(i) != got.get(i))
    mentions = sum(len(v) for v in want.values())
    if not bad:
        print(f"same: {len(rows)} documents, {mentions} entities, equal to the single-machine output")
        return 0
    print(f"DIFFERENT: {len(bad)} of {docs} documents differ; first: {bad[0]}")
    print(f"    single: {json.dumps(want.get(bad[0]), ensure_ascii=False)[:300]}")
    print(f"    spark:  {json.dumps(got.get(bad[0]), ensure_ascii=False)[:300]}")
    return 1


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--dataframe":
        sys.exit(main_dataframe(*sys.argv[2:]))
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
