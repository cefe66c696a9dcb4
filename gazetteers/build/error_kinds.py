#!/usr/bin/env python3
"""Counts error kinds (missed, false alarm, wrong label, wrong boundary; by label and length)
in a CoNLL file whose last two columns are the gold and the predicted IOB2 tag, as written by
`gazetteer conll FILE`. Prints kinds with counts only; `error_kinds.py FILE KIND` lists the
cases of one kind on the terminal, for reading, never for the repository.

    target/release/gazetteer conll ../shared/eval/finer-ord/valid.txt > /tmp/f.txt
    python3 gazetteers/build/error_kinds.py /tmp/f.txt | head -5
"""
import sys, collections
LABELS = {"PER", "ORG", "LOC"}
def chunks(tags):
    out, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        if cur and not (t.startswith("I-") and t[2:] == cur[2]):
            out.append((cur[0], i, cur[2])); cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (i, None, t[2:])
    return {(s, e): l for s, e, l in out if l in LABELS}
def sentences(path):
    toks, g, p = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if toks: yield toks, g, p
            toks, g, p = [], [], []
            continue
        c = line.split()
        toks.append(c[0]); g.append(c[-2]); p.append(c[-1])
    if toks: yield toks, g, p
kinds = collections.Counter()
show = len(sys.argv) > 2
for toks, g, p in sentences(sys.argv[1]):
    G, P = chunks(g), chunks(p)
    caps = all(not w.isalpha() or w.isupper() for w in toks)
    for span, l in G.items():
        if P.get(span) == l: continue
        if span in P:
            k = f"label {l}->{P[span]}"
        else:
            ov = [(s, e) for (s, e) in P if s < span[1] and span[0] < e]
            if ov:
                k = f"boundary {l}" + ("" if any(P[o] == l for o in ov) else f" (as {P[ov[0]]})")
            else:
                n = span[1] - span[0]
                k = f"missed {l} " + ("1 token" if n == 1 else "multi-token") + (" caps-sentence" if caps else "")
        kinds[k] += 1
        if show and k.startswith(sys.argv[2]): print(k, "|", " ".join(toks[span[0]:span[1]]), "||", " ".join(toks[max(0,span[0]-5):span[1]+5]))
    for span, l in P.items():
        if span in G: continue
        if any(s < span[1] and span[0] < e for (s, e) in G): continue
        k = f"false {l}"
        kinds[k] += 1
        if show and k.startswith(sys.argv[2]): print(k, "|", " ".join(toks[span[0]:span[1]]), "||", " ".join(toks[max(0,span[0]-5):span[1]+5]))
if not show:
    try:
        for k, n in kinds.most_common():
            print(f"{n:5d}  {k}")
    except BrokenPipeError:
        pass
