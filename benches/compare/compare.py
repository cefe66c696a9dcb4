#!/usr/bin/env python3
"""Runs the engines of the comparison one after another and prints the table.

Run through `benches/compare/run.sh` (which sets up the venv, the binaries and the names);
all options pass through:

    benches/compare/run.sh [--config sparse|dense] [--sizes 100k,1m] [--engines ours-cli,ours-lib,...]
                           [--repeat N] [--marginal] [--corpus FILE.jsonl ...] [--no-spans] [--diff N]

Two configurations (`--config`):
- sparse (the default): GeoNames names (`geonames-SIZE.tsv`, sizes 100k and 1m), every
  engine case-sensitive (ours in `CaseMode::Exact`); an entity every few thousand bytes.
- dense: the NLP4J names plus GeoNames (`nlp4j-geonames-SIZE.tsv`, SIZE the GeoNames part:
  100k is 384k names, 500k is 784k), ours in the default case mode (names as written and in
  capitals), the other engines case-sensitive on the names as written; the lower-case
  NLP4J names match common words, so there is an entity every 300 bytes or so, and the
  command writes about 10 MB of JSON.

`--times N` gives every engine the corpus N times over, for runs long enough that the
marginal time stands out of the noise of a shared machine.

Every engine runs as its own process on the same JSON Lines files (JSON parsing counted) and
the same names (the first column of the configuration's names file from
benches/data/make_names.py). MB/s is input bytes (the JSON Lines, 10^6 bytes a MB) over the
tagging time, which starts after the build and ends when the last document is tagged.
With `--marginal`, the tagging time is instead the marginal time: each engine's process
run on the corpus minus the same run on an empty input (wall and CPU time), so that build,
start-up and exit drop out alike for every engine (spans then come from one more, untimed
run). "build s"
is reading the names plus building the matcher. Peak memory is the process's peak resident
set (getrusage of the child; for the library engines, the in-process peak before the
untimed spans pass). "ours x" is how many times faster `ours-lib` tags than the engine.

Engines:
- ours-cli: `gazetteer tag --jsonl --threads 1 --no-default --gazetteer NAMES.exact.tsv FILES`
  (dense: `NAMES.tsv`, the default case mode), output to a file; the files are named pipes
  fed by this script, so that the build (until the tool opens its first input) and the
  tagging (from then to its exit, writing the JSON output and freeing the tagger
  included) are timed apart in one run (with `--marginal`, plain files).
- ours-lib: the library (`compare_ours` example), `CaseMode::Exact` (dense: the default
  case mode).
- ours-lib-default: the same with the default case mode (exact and ALL-CAPS forms): more
  work, shown for information; not part of the span check's baseline (sparse only: in the
  dense configuration it is ours-lib).
- bare-ac: `aho-corasick` contiguous NFA, leftmost-longest over raw bytes, whole-word check.
- pyahocorasick: `iter_long` plus the same whole-word check.
- flashtext: `extract_keywords(text, span_info=True)`.

The span check: every engine's spans (document, UTF-8 byte start, end) are compared with
ours-lib's: "in ours" is the share of the engine's spans that ours also found, "ours in"
the share of ours that the engine found. `--diff N` prints N example spans found only by
ours and only by the bare scan, with context.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time

import py_engines

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PY_ENGINES = ("pyahocorasick", "flashtext")
ALL_ENGINES = ["ours-cli", "ours-lib", "ours-lib-default", "bare-ac", "pyahocorasick", "flashtext"]


def bench_dir():
    return os.environ.get("GAZETTEER_BENCH_DIR") or os.path.join(REPO, "target", "bench-data")


def shared_dir():
    return os.environ.get("GAZETTEER_BENCH_SHARED") or os.path.join(REPO, "..", "shared", "bench")


def run_rusage(cmd, stdout_path=None, cpu=None):
    """Runs cmd (stdout to a file or captured); returns (wall seconds, the child's peak RSS in
    kB from wait4, captured stdout). When `cpu` is a list, the child's CPU seconds (user and
    system) are appended to it."""
    t = time.perf_counter()
    out_f = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    p = subprocess.Popen(cmd, stdout=out_f, stderr=subprocess.PIPE)
    out = p.stdout.read() if stdout_path is None else b""
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if stdout_path:
        out_f.close()
    if cpu is not None:
        cpu.append(ru.ru_utime + ru.ru_stime)
    if p.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit("compare.py: %s failed with status %s" % (" ".join(cmd), p.returncode))
    if err.strip():
        sys.stderr.write(err.decode(errors="replace"))
    return wall, ru.ru_maxrss, out.decode()


def run_cli(cmd, corpus, out_path):
    """Runs the command-line tool on named pipes that stand for the corpus files, so that
    the build and the tagging are timed apart within one run: the tool builds its tagger
    first and then opens its input files, so the moment it opens the first pipe ends the
    build. The corpus is read into memory beforehand and fed through the pipes (the copy
    costs the tool little: it reads a pipe as it would a file in the page cache). The
    tagging time runs from that moment to the process's exit, and so includes writing the
    output and freeing the tagger. CPU times: the process's CPU time when it opens the
    first pipe (build), and the rest of its total (tagging). Returns a dict of times."""
    tmp = tempfile.mkdtemp(prefix="fifo-", dir=os.path.dirname(out_path))
    fifos = []
    for i in range(len(corpus)):
        f = os.path.join(tmp, "in%d.jsonl" % i)
        os.mkfifo(f)
        fifos.append(f)
    data = []
    for c in corpus:
        with open(c, "rb") as f:
            data.append(f.read())
    opened = []

    def feed():
        for f, d in zip(fifos, data):
            with open(f, "wb") as w:  # blocks until the tool opens the pipe
                opened.append((time.perf_counter(), proc_cpu(p.pid)))
                try:
                    w.write(d)
                except BrokenPipeError:
                    return

    t0 = time.perf_counter()
    with open(out_path, "wb") as out:
        p = subprocess.Popen(cmd + fifos, stdout=out, stderr=subprocess.PIPE)
        th = threading.Thread(target=feed, daemon=True)
        th.start()
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
    t_end = time.perf_counter()
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or not opened:
        for f in fifos:  # unblock the feeder if the tool never opened a pipe
            try:
                os.close(os.open(f, os.O_RDONLY | os.O_NONBLOCK))
            except OSError:
                pass
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit("compare.py: %s failed with status %s" % (" ".join(cmd), code))
    th.join()
    if err.strip():
        sys.stderr.write(err.decode(errors="replace"))
    for f in fifos:
        os.unlink(f)
    os.rmdir(tmp)
    (t_open, cpu_open) = opened[0]
    cpu_total = ru.ru_utime + ru.ru_stime
    return {
        "wall_s": t_end - t0,
        "build_s": t_open - t0,
        "tag_s": t_end - t_open,
        "build_cpu_s": cpu_open,
        "tag_cpu_s": cpu_total - cpu_open,
        "peak_rss_kb": ru.ru_maxrss,
    }


def proc_cpu(pid):
    """CPU seconds used so far by process pid (/proc/PID/schedstat), 0 where unknown."""
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            return int(f.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def exact_variant(names):
    """names.tsv -> names.exact.tsv with the exact-case flag on every line (for the CLI)."""
    out = names[: -len(".tsv")] + ".exact.tsv"
    if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(names):
        return out
    tmp = out + ".tmp"
    with open(names, encoding="utf-8") as f, open(tmp, "w", encoding="utf-8") as g:
        for line in f:
            if line.startswith("#") or not line.strip():
                g.write(line)
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (4 - len(cols))
            g.write("\t".join(cols[:4] + ["exact-case"]) + "\n")
    os.replace(tmp, out)
    return out


def cli_spans(path, spans_path):
    """Counts the entities of the CLI's output and writes its spans."""
    n = 0
    with open(path, encoding="utf-8") as f, open(spans_path, "w") as out:
        for doc, line in enumerate(f):
            for e in json.loads(line)["entities"]:
                out.write("%d\t%d\t%d\n" % (doc, e["start"], e["end"]))
                n += 1
    return n


def engine_cmd(engine, names, dense, bins):
    """The command line of an engine, without its input files."""
    if engine == "ours-cli":
        return [bins["cli"], "tag", "--jsonl", "--threads", "1", "-q", "--no-default", "--gazetteer",
                names if dense else exact_variant(names)]
    if engine in ("ours-lib", "ours-lib-default"):
        cmd = [bins["ours"], "--names", names]
        if engine == "ours-lib-default" or dense:
            cmd.append("--default-case")
        return cmd
    if engine == "bare-ac":
        return [bins["bare"], "--names", names]
    return [bins["python"], os.path.join(HERE, "py_engines.py"), "--engine", engine, "--names", names]


def marginal_run(engine, names, corpus, outdir, tag, spans, bins, dense, empty):
    """One marginal run of one engine: the process on the corpus, then on an empty input;
    the tagging time is the difference (wall and CPU). The spans, when wanted, come from one
    more run, untimed. Returns the result dict."""
    cmd = engine_cmd(engine, names, dense, bins)
    out_path = os.path.join(outdir, "out-%s-%s.txt" % (engine, tag))
    cpu = []
    wall, peak, _ = run_rusage(cmd + corpus, out_path, cpu)
    wall0, _, _ = run_rusage(cmd + [empty], os.devnull, cpu)
    r = {"engine": engine, "bytes": sum(os.path.getsize(c) for c in corpus), "wall_s": wall,
         "tag_s": max(wall - wall0, 1e-9), "tag_cpu_s": max(cpu[0] - cpu[1], 1e-9), "build_s": wall0,
         "build_cpu_s": cpu[1], "peak_rss_kb": peak, "out_bytes": os.path.getsize(out_path),
         "corpus_run": (wall, cpu[0]), "empty_run": (wall0, cpu[1])}
    spans_path = os.path.join(outdir, "spans-%s-%s.tsv" % (engine, tag)) if spans else None
    if engine == "ours-cli":
        r["matches"] = cli_spans(out_path, spans_path or os.devnull)
        return r
    with open(out_path) as f:
        line = json.loads(f.read().strip().splitlines()[-1])
    r.update(names=line.get("names"), matches=line["matches"], heap_bytes=line.get("heap_bytes", 0),
             rss_after_build_kb=line.get("rss_after_build_kb", 0),
             peak_build_rss_kb=line.get("peak_build_rss_kb", 0))
    if spans_path:
        run_rusage(cmd + ["--spans", spans_path] + corpus, os.devnull)
    return r


def engine_run(engine, names, corpus, outdir, tag, spans, bins, dense=False):
    """One run of one engine; returns the result dict."""
    spans_path = os.path.join(outdir, "spans-%s-%s.tsv" % (engine, tag)) if spans else None
    if engine == "ours-cli":
        cmd = engine_cmd(engine, names, dense, bins)
        out_path = os.path.join(outdir, "cli-%s.jsonl" % tag)
        r = run_cli(cmd, corpus, out_path)
        r.update(engine=engine, names=None, bytes=sum(os.path.getsize(c) for c in corpus),
                 out_bytes=os.path.getsize(out_path))
        r["matches"] = cli_spans(out_path, spans_path or os.devnull)
        return r
    cmd = engine_cmd(engine, names, dense, bins)
    if spans_path:
        cmd += ["--spans", spans_path]
    wall, child_peak, out = run_rusage(cmd + corpus)
    r = json.loads(out.strip().splitlines()[-1])
    r["engine"] = engine
    r["wall_s"] = wall
    r["child_peak_rss_kb"] = child_peak
    return r


def load_spans(path):
    with open(path) as f:
        return {tuple(map(int, line.split("\t"))) for line in f}


def doc_texts(corpus, wanted):
    # The same document numbering as every engine's reader.
    return {doc: text.encode("utf-8") for doc, text, _ in py_engines.each_doc(corpus) if doc in wanted}


def show_diff(title, only_a, only_b, name_a, name_b, corpus, n):
    if n <= 0:
        return
    a = sorted(only_a)[:: max(1, len(only_a) // n)][:n]
    b = sorted(only_b)[:: max(1, len(only_b) // n)][:n]
    texts = doc_texts(corpus, {d for d, _, _ in a + b})

    def ctx(d, s, e):
        t = texts[d]
        show = lambda x: x.decode("utf-8", "replace").replace("\n", " ")
        return "%s[%s]%s" % (show(t[max(0, s - 25):s]), show(t[s:e]), show(t[e:e + 25]))

    print("  %s: examples of spans only %s found (of %d):" % (title, name_a, len(only_a)))
    for d, s, e in a:
        print("    doc %d: %s" % (d, ctx(d, s, e)))
    print("  %s: examples of spans only %s found (of %d):" % (title, name_b, len(only_b)))
    for d, s, e in b:
        print("    doc %d: %s" % (d, ctx(d, s, e)))


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "src", "Cargo.toml"],
                               capture_output=True, text=True).stdout.strip()
        commit += "+changes" if dirty else ""
    except OSError:
        commit = "?"
    return "%s, %d cores, %s, Python %s, commit %s, %s" % (
        cpu, os.cpu_count() or 0, platform.system(), platform.python_version(), commit,
        datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--config", default="sparse", choices=["sparse", "dense"],
                   help="sparse: GeoNames names, case-sensitive; dense: NLP4J plus GeoNames, default case mode")
    p.add_argument("--sizes", default=None,
                   help="comma-separated; sparse: 10k, 100k, 1m (default 100k,1m); dense: 100k, 500k, 716k"
                        " (the GeoNames part; default 100k,500k)")
    p.add_argument("--marginal", action="store_true",
                   help="time each engine as its run on the corpus minus its run on an empty input")
    p.add_argument("--engines", default=",".join(ALL_ENGINES))
    p.add_argument("--repeat", type=int, default=3, help="runs per Rust engine, interleaved; the fastest is kept")
    p.add_argument("--py-repeat", type=int, default=1, help="runs per Python engine")
    p.add_argument("--corpus", nargs="+", default=None)
    p.add_argument("--times", type=int, default=1,
                   help="give every engine the corpus files this many times over (a longer run)")
    p.add_argument("--no-spans", action="store_true", help="skip the span check")
    p.add_argument("--diff", type=int, default=4, help="example differences to print (ours vs bare-ac)")
    p.add_argument("--out", default=os.path.join(REPO, "target", "compare-out"))
    p.add_argument("--python", default=sys.executable)
    a = p.parse_args()

    corpus = a.corpus or [os.path.join(shared_dir(), f) for f in ("reuters21578.jsonl", "bbc-news-2225.jsonl")]
    missing = [c for c in corpus if not os.path.exists(c)]
    if missing:
        raise SystemExit("compare.py: corpus files missing: %s" % ", ".join(missing))
    corpus = corpus * max(1, a.times)
    dense = a.config == "dense"
    sizes = a.sizes or ("100k,500k" if dense else "100k,1m")
    engines = [e.strip() for e in a.engines.split(",") if e.strip()]
    if dense:
        engines = [e for e in engines if e != "ours-lib-default"]
    bad = [e for e in engines if e not in ALL_ENGINES]
    if bad:
        raise SystemExit("compare.py: unknown engines %s (known: %s)" % (bad, ", ".join(ALL_ENGINES)))
    rel = os.path.join(REPO, "target", "release")
    bins = {
        "cli": os.path.join(rel, "gazetteer"),
        "ours": os.path.join(rel, "examples", "compare_ours"),
        "bare": os.path.join(rel, "examples", "bare_ac"),
        "python": a.python,
    }
    os.makedirs(a.out, exist_ok=True)
    total_bytes = sum(os.path.getsize(c) for c in corpus)
    print("machine: %s" % machine())
    print("corpus: %s (%.1f MB of JSON Lines)" % (", ".join(os.path.relpath(c) for c in corpus), total_bytes / 1e6))
    mode = ("dense: NLP4J plus GeoNames names, ours in the default case mode, the others case-sensitive"
            if dense else "sparse: GeoNames names, case-sensitive")
    print("%s; single thread per engine, one process per engine run%s, in this order: %s\n"
          % (mode, " (marginal: corpus run minus empty-input run)" if a.marginal else "", ", ".join(engines)))
    empty = os.path.join(a.out, "empty.jsonl")
    open(empty, "w").close()

    all_results = []
    for size in [s.strip() for s in sizes.split(",") if s.strip()]:
        names = os.path.join(bench_dir(), ("nlp4j-geonames-%s.tsv" if dense else "geonames-%s.tsv") % size)
        if not os.path.exists(names):
            print("note: %s is absent (run benches/data/make_names.py); size %s skipped" % (names, size))
            continue
        # Repeats interleave the engines (A B C A B C ...) so that a burst of load from other
        # jobs does not hit one engine only; each engine keeps its fastest run, by wall time
        # and by CPU time separately. The Python engines run --py-repeat times.
        runs = {e: [] for e in engines}
        for i in range(max(1, a.repeat)):
            for e in engines:
                if e in PY_ENGINES and i >= max(1, a.py_repeat):
                    continue
                want_spans = not a.no_spans and i == 0
                if a.marginal:
                    runs[e].append(marginal_run(e, names, corpus, a.out, size, want_spans, bins, dense, empty))
                else:
                    runs[e].append(engine_run(e, names, corpus, a.out, size, want_spans, bins, dense))
                r = runs[e][-1]
                print("  run %d %-17s %4s names: %7.1f MB/s (%7.1f by CPU time), build %6.2f s, peak %6.0f MB,"
                      " %d matches" % (i + 1, e, size, r["bytes"] / 1e6 / r["tag_s"],
                                       r["bytes"] / 1e6 / max(r["tag_cpu_s"], 1e-9), r["build_s"],
                                       r["peak_rss_kb"] / 1024, r["matches"]), flush=True)
        results = {}
        for e in engines:
            rs = runs[e]
            best = dict(min(rs, key=lambda r: r["tag_s"]))
            best["tag_cpu_s"] = min(r["tag_cpu_s"] for r in rs)
            if a.marginal:
                # The fastest run on the corpus minus the fastest on empty input: a burst
                # of load in either run moves the difference least this way.
                best["tag_s"] = max(1e-9, min(r["corpus_run"][0] for r in rs) - min(r["empty_run"][0] for r in rs))
                best["tag_cpu_s"] = max(1e-9, min(r["corpus_run"][1] for r in rs) - min(r["empty_run"][1] for r in rs))
            best["build_s"] = min(r["build_s"] for r in rs)
            best["runs"] = len(rs)
            best["all_tag_s"] = [r["tag_s"] for r in rs]
            best["mbps"] = best["bytes"] / 1e6 / best["tag_s"]
            best["mbps_cpu"] = best["bytes"] / 1e6 / max(best["tag_cpu_s"], 1e-9)
            best["size"] = size
            results[e] = best
        n_names = next((r["names"] for r in results.values() if r.get("names")), None)
        base = results.get("ours-lib")
        spans = {}
        if not a.no_spans and base is not None:
            for e in results:
                path = os.path.join(a.out, "spans-%s-%s.tsv" % (e, size))
                if os.path.exists(path):
                    spans[e] = load_spans(path)
        print("\n%s names (%s), %s, %.1f MB of JSON Lines%s\n" % (
            "{:,}".format(n_names) if n_names else "?", os.path.basename(names),
            "ours in the default case mode" if dense else "case-sensitive", total_bytes / 1e6,
            ", marginal times" if a.marginal else ""))
        print("| engine | MB/s | ours x | MB/s (CPU time) | ours x (CPU) | build s | peak RSS MB | matches"
              " | in ours | ours in |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for e, r in results.items():
            ratio = "%.2f" % (base["mbps"] / r["mbps"]) if base else "-"
            ratio_cpu = "%.2f" % (base["mbps_cpu"] / r["mbps_cpu"]) if base else "-"
            inter = ours_share = their_share = "-"
            if "ours-lib" in spans and e in spans:
                o, s = spans["ours-lib"], spans[e]
                inter = len(o & s)
                their_share = "%.1f%%" % (100.0 * inter / max(1, len(s)))
                ours_share = "%.1f%%" % (100.0 * inter / max(1, len(o)))
            print("| %s | %.1f | %s | %.1f | %s | %.2f | %.0f | %d | %s | %s |" % (
                e, r["mbps"], ratio, r["mbps_cpu"], ratio_cpu, r["build_s"], r["peak_rss_kb"] / 1024,
                r["matches"], their_share, ours_share))
        extra = []
        if base is not None and "heap_bytes" in base:
            extra.append("ours-lib heap %.1f MB = %.0f bytes/name; RSS after build %.0f MB; peak build RSS %.0f MB" % (
                base["heap_bytes"] / 1e6, base["heap_bytes"] / max(1, base["names"]),
                base["rss_after_build_kb"] / 1024, base["peak_build_rss_kb"] / 1024))
        if "bare-ac" in results and "heap_bytes" in results["bare-ac"]:
            b = results["bare-ac"]
            extra.append("bare-ac heap %.1f MB = %.0f bytes/name" % (
                b["heap_bytes"] / 1e6, b["heap_bytes"] / max(1, b["names"])))
        if "ours-cli" in results:
            c = results["ours-cli"]
            extra.append("ours-cli output %.1f MB of JSON, %.2f s wall in all" % (c["out_bytes"] / 1e6, c["wall_s"]))
        if base is not None and "ours-cli" in results:
            c = results["ours-cli"]
            extra.append("ours-cli at %.2fx ours-lib's speed (%.2fx by CPU time)" % (
                base["tag_s"] / c["tag_s"], base["tag_cpu_s"] / c["tag_cpu_s"]))
        for x in extra:
            print("  " + x)
        if "ours-lib" in spans and "bare-ac" in spans:
            o, b = spans["ours-lib"], spans["bare-ac"]
            show_diff(size, o - b, b - o, "ours-lib", "bare-ac", corpus, a.diff)
        print()
        all_results.extend(results.values())
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = os.path.join(a.out, "results-%s.json" % stamp)
    with open(path, "w") as f:
        json.dump({"machine": machine(), "config": a.config, "marginal": a.marginal, "corpus": corpus,
                   "results": all_results}, f, indent=1)
    print("results: %s" % os.path.relpath(path))


if __name__ == "__main__":
    main()
