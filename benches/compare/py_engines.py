#!/usr/bin/env python3
"""The Python engines of the comparison (run by compare.py, inside the venv of run.sh).

    python py_engines.py --engine flashtext|pyahocorasick --names NAMES.tsv [--spans OUT] FILE.jsonl...

Same protocol as the Rust engines (see common.rs): build from the first column of the TSV
file, tag the `text` field of every JSON line (json.loads counted), print one JSON result
line; with --spans, a second untimed pass writes `doc<TAB>start<TAB>end` in UTF-8 byte
offsets.

- flashtext: `KeywordProcessor(case_sensitive=True)`, `add_keyword(name)` for each name,
  `extract_keywords(text, span_info=True)` (its own word boundaries: ASCII letters, digits
  and `_`; greedy longest match).
- pyahocorasick: an `Automaton` of the names, `iter_long` (leftmost-longest, no overlaps),
  and a whole-word check at both ends (no letter, digit or `_` next to the match; a match
  failing it is dropped), as the bare Rust scan does.
"""

import argparse
import json
import resource
import sys
import time


def read_names(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            n = line.rstrip("\n").split("\t", 1)[0].strip()
            if n:
                names.append(n)
    return names


def each_doc(files):
    """Yields (doc_index, text, line_bytes) for every JSON line."""
    doc = 0
    for path in files:
        with open(path, "rb") as f:
            for raw in f:
                if not raw.strip():
                    continue
                yield doc, json.loads(raw)["text"], len(raw)
                doc += 1


def is_word(c):
    return c.isalnum() or c == "_"


class FlashText:
    name = "flashtext"

    def __init__(self, names):
        from flashtext import KeywordProcessor

        self.kp = KeywordProcessor(case_sensitive=True)
        for n in names:
            self.kp.add_keyword(n)

    def spans(self, text):
        return [(s, e) for _, s, e in self.kp.extract_keywords(text, span_info=True)]


class PyAhoCorasick:
    name = "pyahocorasick"

    def __init__(self, names):
        import ahocorasick

        a = ahocorasick.Automaton()
        for n in names:
            a.add_word(n, len(n))
        a.make_automaton()
        self.a = a

    def spans(self, text):
        out = []
        n = len(text)
        for end, length in self.a.iter_long(text):
            start = end - length + 1
            if start > 0 and is_word(text[start - 1]):
                continue
            if end + 1 < n and is_word(text[end + 1]):
                continue
            out.append((start, end + 1))
        return out


def byte_spans(text, spans):
    """Char offsets to UTF-8 byte offsets."""
    if text.isascii():
        return spans
    out = []
    for s, e in spans:
        bs = len(text[:s].encode("utf-8"))
        out.append((bs, bs + len(text[s:e].encode("utf-8"))))
    return out


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux


def rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--engine", required=True, choices=["flashtext", "pyahocorasick"])
    p.add_argument("--names", required=True)
    p.add_argument("--spans")
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    cls = FlashText if a.engine == "flashtext" else PyAhoCorasick

    t, c = time.perf_counter(), time.process_time()
    names = read_names(a.names)
    engine = cls(names)
    build_s, build_cpu_s = time.perf_counter() - t, time.process_time() - c
    n_names = len(names)
    del names
    rss_after_build = rss_kb()

    t, c = time.perf_counter(), time.process_time()
    matches = docs = nbytes = 0
    spans = engine.spans
    for _, text, size in each_doc(a.files):
        matches += len(spans(text))
        docs += 1
        nbytes += size
    tag_s, tag_cpu_s = time.perf_counter() - t, time.process_time() - c
    peak = peak_kb()

    if a.spans:
        with open(a.spans, "w") as out:
            for doc, text, _ in each_doc(a.files):
                for s, e in byte_spans(text, spans(text)):
                    out.write("%d\t%d\t%d\n" % (doc, s, e))

    try:
        from importlib.metadata import version

        ver = version(a.engine)
    except Exception:  # noqa: BLE001
        ver = None
    print(json.dumps({
        "engine": a.engine,
        "version": ver,
        "names": n_names,
        "build_s": build_s,
        "tag_s": tag_s,
        "build_cpu_s": build_cpu_s,
        "tag_cpu_s": tag_cpu_s,
        "bytes": nbytes,
        "docs": docs,
        "matches": matches,
        "rss_after_build_kb": rss_after_build,
        "peak_rss_kb": peak,
    }))


if __name__ == "__main__":
    sys.exit(main())
