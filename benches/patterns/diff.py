"""Differential harness: a pattern file run by spaCy's EntityRuler and by this crate.

Run through `benches/patterns/run.sh` (which sets up the venv and the binaries):

    python diff.py CORPUS.jsonl PATTERNS.jsonl

Both engines tag the `text` field of every line: spaCy with `spacy.blank("en")` plus an
`entity_ruler` loaded from the pattern file, over `nlp.pipe`; this crate with
`gazetteer tag --jsonl --no-default --no-rules --patterns FILE --threads 1`. Spans are
compared as (document, first char, end char, label).

Agreement is the share of spaCy's spans that this crate finds identically, counted on the
spans both tokenizers split alike (the same token boundaries from the span's first char to
its end char); spans the tokenizers split differently are counted apart. Differences are
classified and a few of each class are printed. Times are wall-clock seconds of one run of
each, one thread, the command's start-up and JSON input/output included.
"""

import collections
import json
import subprocess
import sys
import time

import spacy

BIN = "target/release/gazetteer"
TOKENS = "target/release/examples/pattern_tokens"


def main():
    corpus, patterns = sys.argv[1], sys.argv[2]
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.from_disk(patterns)
    t = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    spacy_s = time.perf_counter() - t
    theirs = {(d, e.start_char, e.end_char, e.label_) for d, doc in enumerate(docs) for e in doc.ents}
    spacy_bounds = [{b for tok in doc for b in (tok.idx, tok.idx + len(tok.text))} for doc in docs]

    cmd = [BIN, "tag", "--jsonl", "--no-default", "--no-rules", "--patterns", patterns,
           "--format", "spacy", "--quiet", "--threads", "1", corpus]
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    ours_s = time.perf_counter() - t
    ours = set()
    for d, line in enumerate(out.splitlines()):
        for e in json.loads(line)["ents"]:
            ours.add((d, e["start"], e["end"], e["label"]))

    tok_out = subprocess.run([TOKENS, corpus], check=True, capture_output=True, text=True).stdout
    our_bounds = [{b for s, e in json.loads(line) for b in (s, e)} for line in tok_out.splitlines()]

    def alike(d, s, e):
        inside = lambda bs: {b for b in bs if s <= b <= e}
        return inside(spacy_bounds[d]) == inside(our_bounds[d])

    classes = collections.defaultdict(list)
    alike_total = alike_found = 0
    for span in sorted(theirs):
        d, s, e, label = span
        if not alike(d, s, e):
            classes["spaCy span, tokenizers split it differently" + (" (found anyway)" if span in ours else "")].append(span)
            continue
        alike_total += 1
        if span in ours:
            alike_found += 1
            continue
        same_range = [o for o in ours if o[0] == d and o[1] == s and o[2] == e]
        overlapping = [o for o in ours if o[0] == d and o[1] < e and s < o[2]]
        if any("\n" in texts[d][o[1]:o[2]] for o in overlapping):
            classes["spaCy span, ours runs on across a line break (spaCy keeps '\\n' as a token)"].append(span)
        elif overlapping and not all(alike(d, min(s, o[1]), max(e, o[2])) for o in overlapping):
            classes["spaCy span, ours overlaps it where the tokenizers split the text around it differently"].append(span)
        elif same_range:
            classes["spaCy span, ours has another label"].append(span)
        elif overlapping:
            classes["spaCy span, ours overlaps it with other bounds"].append(span)
        else:
            classes["spaCy span, ours has nothing there"].append(span)
    for span in sorted(ours - theirs):
        d, s, e, _ = span
        if not alike(d, s, e):
            key = "our span only, tokenizers split it differently"
        elif "\n" in texts[d][s:e]:
            key = "our span only, across a line break (spaCy keeps '\\n' as a token)"
        else:
            key = "our span only, tokenizers split it alike"
        classes[key].append(span)

    mb = n_bytes / 1e6
    print(f"corpus: {corpus}: {len(texts)} documents, {mb:.1f} MB; patterns: {patterns}")
    print(f"spaCy spans: {len(theirs)}; ours: {len(ours)}; identical: {len(theirs & ours)}")
    share = alike_found / alike_total if alike_total else 1.0
    print(f"agreement (spaCy spans split alike by both tokenizers, found identically): "
          f"{alike_found}/{alike_total} = {100 * share:.2f}%")
    print()
    print("differences:")
    for k, spans in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(spans):6d}  {k}")
        for d, s, e, label in spans[:4]:
            ctx = texts[d][max(0, s - 20):e + 20].replace("\n", " ")
            print(f"          doc {d} {label} {texts[d][s:e]!r}  ...{ctx}...")
    print()
    print(f"{'engine':<40} {'seconds':>8} {'MB/s':>8}")
    print(f"{'spaCy ' + spacy.__version__ + ' blank(en)+entity_ruler':<40} {spacy_s:8.2f} {mb / spacy_s:8.2f}")
    print(f"{'gazetteer tag --patterns (1 thread)':<40} {ours_s:8.2f} {mb / ours_s:8.2f}")
    print(f"speed ratio (spaCy time / ours): {spacy_s / ours_s:.1f}x")


if __name__ == "__main__":
    main()
