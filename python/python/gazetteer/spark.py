"""Tagging a Spark DataFrame: the same DataFrame with an ``entities`` column added.

    from gazetteer.spark import tag_dataframe

    df = spark.read.json("news/*.jsonl")       # or spark.read.parquet(...), any DataFrame
    tagged = tag_dataframe(df, "text")          # every column of df, plus "entities"
    tagged.write.parquet("news-tagged")

``entities`` is ``array<struct<start:int,end:int,text:string,label:string,id:string>>``
with ``start``/``end`` in code points (Spark's ``substring`` counts the same way, from 1);
a null text gives null entities. The batches go to the tagger through ``mapInArrow``.

Each executor's Python worker process builds the tagger once, on its first batch, and keeps
it for every later partition and task it runs (Spark reuses its Python workers:
``spark.python.worker.reuse``, on by default); it says so in one line on standard error
(the executor log). The package must be installed on the executors, and gazetteer files
named in the options must be readable there (ship them with ``--files`` and name them
with ``SparkFiles.get``).

This module needs pyspark and pyarrow; the rest of the package does not.
"""

import os
import sys
import threading
import time
from typing import Any, Dict, Iterator, Optional, Tuple

from . import Tagger

#: The type of the column ``tag_dataframe`` adds, as Spark's DDL.
ENTITIES_DDL = "array<struct<start:int,end:int,text:string,label:string,id:string>>"

_FIELDS = ("start", "end", "text", "label", "id")

# The taggers of this process, by their options: built once per Python worker process.
_TAGGERS: Dict[Tuple[Tuple[str, Any], ...], Tagger] = {}
_LOCK = threading.Lock()


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def tagger_for(options: Dict[str, Any]) -> Tagger:
    """The tagger with these ``Tagger(...)`` options, built on the first call in this
    process and the same object on every later call."""
    key = tuple(sorted((k, _freeze(v)) for k, v in options.items()))
    with _LOCK:
        tagger = _TAGGERS.get(key)
        if tagger is None:
            t0 = time.perf_counter()
            tagger = _TAGGERS[key] = Tagger(**options)
            print(
                f"gazetteer.spark: tagger built in process {os.getpid()} in "
                f"{time.perf_counter() - t0:.2f} s",
                file=sys.stderr,
                flush=True,
            )
        return tagger


class _TagBatches:
    """The function ``mapInArrow`` runs: it keeps every column and appends the entities.

    A module-level class, so that Spark pickles a reference to it (and its small state),
    and the executors' copy of this module, with its cache of taggers, does the work.
    """

    def __init__(self, text_col: str, output_col: str, threads: Optional[int], options: Dict[str, Any]):
        self.text_col = text_col
        self.output_col = output_col
        self.threads = threads
        self.options = options

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa
        from pyspark import TaskContext

        entity = pa.struct(
            [
                ("start", pa.int32()),
                ("end", pa.int32()),
                ("text", pa.string()),
                ("label", pa.string()),
                ("id", pa.string()),
            ]
        )
        tagger = tagger_for(self.options)
        threads = self.threads
        if threads is None:
            # One task has spark.task.cpus cores: use them, and no more.
            ctx = TaskContext.get()
            threads = ctx.cpus() if ctx is not None else 1
        for batch in batches:
            texts = batch.column(self.text_col).to_pylist()
            found = iter(tagger.tag_batch([t for t in texts if t is not None], threads=threads))
            rows = [
                None if t is None else [{f: getattr(e, f) for f in _FIELDS} for e in next(found)] for t in texts
            ]
            column = pa.array(rows, type=pa.list_(entity))
            yield pa.RecordBatch.from_arrays(
                list(batch.columns) + [column], names=list(batch.schema.names) + [self.output_col]
            )


def tag_dataframe(
    df: Any,
    text_col: str = "text",
    output_col: str = "entities",
    *,
    threads: Optional[int] = None,
    **tagger_options: Any,
) -> Any:
    """``df`` with a column ``output_col`` of the entities of ``text_col``.

    ``tagger_options`` are ``gazetteer.Tagger``'s (``gazetteers=``, ``ignore_case=``, ...).
    ``threads`` is how many threads one task tags on (default: ``spark.task.cpus``).
    The rows keep their order and every other column.
    """
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    fields = {f.name: f for f in df.schema.fields}
    if text_col not in fields:
        raise ValueError(f"tag_dataframe: no column {text_col!r} (columns: {', '.join(df.columns)})")
    if not isinstance(fields[text_col].dataType, StringType):
        raise ValueError(f"tag_dataframe: column {text_col!r} is {fields[text_col].dataType.simpleString()}, not string")
    if output_col in fields:
        raise ValueError(f"tag_dataframe: the DataFrame already has a column {output_col!r}")
    if threads is not None and threads < 1:
        raise ValueError("tag_dataframe: threads must be at least 1")
    # Fail on the driver, not in every task, if the options are wrong.
    Tagger(**tagger_options)
    entity = StructType(
        [StructField(f, IntegerType() if f in ("start", "end") else StringType(), f == "id") for f in _FIELDS]
    )
    schema = StructType(df.schema.fields + [StructField(output_col, ArrayType(entity, False), True)])
    return df.mapInArrow(_TagBatches(text_col, output_col, threads, tagger_options), schema)
