#!/usr/bin/env python3
"""The Python package's speed, side by side in one run: the Rust library, the package, and
FlashText and spaCy's EntityRuler with the same names. A benchmark, not a test.

    python/bench.sh [--repeat N] [--rounds N] [FILE.jsonl...]

(python/bench.sh makes the virtual environment, builds the wheel and the Rust example, then
runs this script.) FILE defaults to ../shared/bench/reuters21578.jsonl. The texts are the
`text` fields, parsed before any clock starts. Figures are MB of text per second of wall
time, best of --repeat runs; one-thread and batch runs take turns, and the Rust example
(`cargo run --release --example throughput`, best of five of its own) runs between the
Python rounds, so that a slow moment of the shared machine spoils one run of each rather
than all runs of one.

1. The Rust library and the package, the default tagger with its rules and without them
   (`Tagger(rules=False)`): one thread (`tag` in a loop) and `tag_batch` on all cores.
2. The same names in three engines, one thread, case-sensitive: the package without rules,
   FlashText 2.7 (`extract_keywords(span_info=True)`), spaCy's EntityRuler (phrase
   patterns on ORTH in a blank English pipeline, `nlp.pipe`), and the package's own spaCy
   component in the same kind of pipeline. The names are the surface forms of the bundled
   gazetteers (the first column of gazetteers/*.tsv); FlashText and the EntityRuler match
   them as written, the package also in capitals ("ERBIL"), as it always does.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_texts(paths):
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def read_names():
    """(name, label) of every surface form of the bundled gazetteers."""
    names = []
    for p in sorted((ROOT / "gazetteers").glob("*.tsv")):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and cols[0].strip():
                    names.append((cols[0].strip(), cols[1].strip().upper()))
    return names


def best(fns, repeat):
    """Runs each function of `fns` in turn, `repeat` times; the best time of each and the
    number of entities it found."""
    times = [float("inf")] * len(fns)
    counts = [0] * len(fns)
    for _ in range(repeat):
        for k, f in enumerate(fns):
            t0 = time.perf_counter()
            counts[k] = f()
            times[k] = min(times[k], time.perf_counter() - t0)
    return times, counts


RUST_LINE = re.compile(r"^(rules on |rules off) (1 thread |tag_batch):\s+([\d.]+) MB/s")


def rust_throughput(paths):
    """MB/s of the Rust example: {("rules on", "1 thread"): x, ...}."""
    out = {}
    for p in paths:
        r = subprocess.run(
            ["cargo", "run", "--quiet", "--release", "--example", "throughput", "--", p],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        for line in r.stdout.splitlines():
            m = RUST_LINE.match(line)
            if m:
                out.setdefault((m.group(1).strip(), m.group(2).strip()), []).append(float(m.group(3)))
    if not out:
        sys.exit(f"bench.py: no figures in the throughput example's output:\n{r.stdout}")
    return out


def package_throughput(texts, mb, repeat):
    import gazetteer

    out, found = {}, {}
    for rules, tagger in (("rules on", gazetteer.Tagger()), ("rules off", gazetteer.Tagger(rules=False))):
        (one, batch), (n1, n2) = best(
            [
                lambda: sum(len(tagger.tag(t)) for t in texts),
                lambda: sum(len(es) for es in tagger.tag_batch(texts)),
            ],
            repeat,
        )
        assert n1 == n2, "tag_batch finds what tag finds"
        out[(rules, "1 thread")] = mb / one
        out[(rules, "tag_batch")] = mb / batch
        found[rules] = n1
    return out, found


def peers(texts, mb, names, repeat):
    """(engine, build seconds, MB/s, entities) for the engines given the same names."""
    import gazetteer
    import spacy
    from flashtext import KeywordProcessor

    rows = []
    t0 = time.perf_counter()
    ours = gazetteer.Tagger(rules=False)
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=True)
    for name, _ in names:
        kp.add_keyword(name)
    flash_build = time.perf_counter() - t0

    t0 = time.perf_counter()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
    ruler.add_patterns([{"label": label, "pattern": name} for name, label in names])
    ruler_build = time.perf_counter() - t0

    t0 = time.perf_counter()
    ours_nlp = spacy.blank("en")
    ours_nlp.add_pipe("gazetteer", config={"rules": False})
    component_build = time.perf_counter() - t0

    fns = [
        lambda: sum(len(ours.tag(t)) for t in texts),
        lambda: sum(len(kp.extract_keywords(t, span_info=True)) for t in texts),
        lambda: sum(len(d.ents) for d in nlp.pipe(texts, batch_size=256)),
        lambda: sum(len(d.ents) for d in ours_nlp.pipe(texts, batch_size=256)),
    ]
    times, counts = best(fns, repeat)
    engines = [
        ("gazetteer (Python, rules off, tag)", build),
        ("FlashText 2.7 extract_keywords", flash_build),
        (f"spaCy {spacy.__version__} EntityRuler (blank en, nlp.pipe)", ruler_build),
        ("gazetteer spaCy component (blank en, nlp.pipe)", component_build),
    ]
    for (engine, b), s, n in zip(engines, times, counts):
        rows.append((engine, b, mb / s, n))
    return rows


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="*", default=[str(ROOT.parent / "shared/bench/reuters21578.jsonl")])
    p.add_argument("--repeat", type=int, default=3, help="runs of each Python measurement per round (best kept)")
    p.add_argument("--rounds", type=int, default=2, help="rounds of Rust example, then Python")
    p.add_argument("--no-peers", action="store_true", help="leave out FlashText and the EntityRuler")
    args = p.parse_args(argv)

    texts = read_texts(args.files)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{', '.join(args.files)}: {len(texts)} documents, {mb:.1f} MB of text; {os.cpu_count()} cores")

    rust, py = {}, {}
    for r in range(args.rounds):
        for k, v in rust_throughput(args.files).items():
            rust.setdefault(k, []).extend(v)
        figures, found = package_throughput(texts, mb, args.repeat)
        for k, v in figures.items():
            py.setdefault(k, []).append(v)
        print(f"round {r + 1}: " + ", ".join(f"{k[0]} {k[1]} rust {rust[k][-1]:.1f} python {py[k][-1]:.1f}" for k in py))
    print()
    print("| tagger | how | Rust library MB/s | Python package MB/s | Python ÷ Rust |")
    print("|---|---|---:|---:|---:|")
    for k in py:
        r, q = max(rust[k]), max(py[k])
        print(f"| {k[0]} | {k[1]} | {r:.1f} | {q:.1f} | {q / r:.2f} |")
    print(f"(best of {args.rounds} rounds; entities found: rules on {found['rules on']}, rules off {found['rules off']})")

    if not args.no_peers:
        names = read_names()
        print()
        print(f"The same {len(names)} names, one thread, best of {args.repeat}:")
        print()
        rows = peers(texts, mb, names, args.repeat)
        ours = rows[0][2]
        print("| engine | build s | MB/s | package ÷ engine | entities |")
        print("|---|---:|---:|---:|---:|")
        for engine, b, speed, n in rows:
            print(f"| {engine} | {b:.2f} | {speed:.1f} | {ours / speed:.1f} | {n} |")


if __name__ == "__main__":
    main(sys.argv[1:])
