#!/usr/bin/env python3
"""Runs the engines of the comparison one after another and prints the table.

Run through `benches/compare/run.sh` (which sets up the venv, the binaries and the names);
all options pass through:

    benches/compare/run.sh [--sizes 100k,1m] [--engines ours-cli,ours-lib,...] [--repeat N]
                           [--corpus FILE.jsonl ...] [--no-spans] [--diff N]

Every engine runs as its own process on the same JSON Lines files (JSON parsing counted) and
the same names (the first column of `geonames-SIZE.tsv` from benches/data/make_names.py),
case-sensitive. MB/s is input bytes (the JSON Lines, 10^6 bytes a MB) over the tagging
time, which starts after the build and ends when the last document is tagged. "build s"
is reading the names plus building the matcher. Peak memory is the process's peak resident
set (getrusage of the child; for the library engines, the in-process peak before the
untimed spans pass). "ours x" is how many times faster `ours-lib` tags than the engine.

Engines:
- ours-cli: `gazetteer tag --jsonl --no-default --gazetteer NAMES.exact.tsv FILES`, output
  to a file; the files are named pipes fed by this script, so that the build (until the
  tool opens its first input) and the tagging (from then to its exit, writing the JSON
  output and freeing the tagger included) are timed apart in one run.
- ours-lib: the library (`compare_ours` example), `CaseMode::Exact`.
- ours-lib-default: the same with the default case mode (exact and ALL-CAPS forms): more
  work, shown for information; not part of the span check's baseline.
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


def run_rusage(cmd, stdout_path=None):
    """Runs cmd (stdout to a file or captured); returns (wall seconds, the child's peak RSS in
    kB from wait4, captured stdout)."""
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


def engine_run(engine, names, corpus, outdir, tag, spans, bins):
    """One run of one engine; returns the result dict."""
    spans_path = os.path.join(outdir, "spans-%s-%s.tsv" % (engine, tag)) if spans else None
    if engine == "ours-cli":
        exact = exact_variant(names)
        cmd = [bins["cli"], "tag", "--jsonl", "--no-default", "--gazetteer", exact]
        out_path = os.path.join(outdir, "cli-%s.jsonl" % tag)
        r = run_cli(cmd, corpus, out_path)
        r.update(engine=engine, names=None, bytes=sum(os.path.getsize(c) for c in corpus),
                 out_bytes=os.path.getsize(out_path))
        r["matches"] = cli_spans(out_path, spans_path or os.devnull)
        return r
    if engine in ("ours-lib", "ours-lib-default"):
        cmd = [bins["ours"], "--names", names]
        if engine == "ours-lib-default":
            cmd.append("--default-case")
    elif engine == "bare-ac":
        cmd = [bins["bare"], "--names", names]
    else:
        cmd = [bins["python"], os.path.join(HERE, "py_engines.py"), "--engine", engine, "--names", names]
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
    p.add_argument("--sizes", default="100k,1m", help="comma-separated: 10k, 100k, 1m")
    p.add_argument("--engines", default=",".join(ALL_ENGINES))
    p.add_argument("--repeat", type=int, default=3, help="runs per Rust engine, interleaved; the fastest is kept")
    p.add_argument("--py-repeat", type=int, default=1, help="runs per Python engine")
    p.add_argument("--corpus", nargs="+", default=None)
    p.add_argument("--no-spans", action="store_true", help="skip the span check")
    p.add_argument("--diff", type=int, default=4, help="example differences to print (ours vs bare-ac)")
    p.add_argument("--out", default=os.path.join(REPO, "target", "compare-out"))
    p.add_argument("--python", default=sys.executable)
    a = p.parse_args()

    corpus = a.corpus or [os.path.join(shared_dir(), f) for f in ("reuters21578.jsonl", "bbc-news-2225.jsonl")]
    missing = [c for c in corpus if not os.path.exists(c)]
    if missing:
        raise SystemExit("compare.py: corpus files missing: %s" % ", ".join(missing))
    engines = [e.strip() for e in a.engines.split(",") if e.strip()]
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
    print("single thread per engine, case-sensitive, one process per engine run, in this order: %s\n"
          % ", ".join(engines))

    all_results = []
    for size in [s.strip() for s in a.sizes.split(",") if s.strip()]:
        names = os.path.join(bench_dir(), "geonames-%s.tsv" % size)
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
                runs[e].append(engine_run(e, names, corpus, a.out, size, want_spans, bins))
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
        print("\n%s names (geonames-%s.tsv), case-sensitive, %.1f MB of JSON Lines\n" % (
            "{:,}".format(n_names) if n_names else "?", size, total_bytes / 1e6))
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
        if base is not None:
            extra.append("ours-lib heap %.1f MB = %.0f bytes/name; RSS after build %.0f MB; peak build RSS %.0f MB" % (
                base["heap_bytes"] / 1e6, base["heap_bytes"] / max(1, base["names"]),
                base["rss_after_build_kb"] / 1024, base["peak_build_rss_kb"] / 1024))
        if "bare-ac" in results:
            b = results["bare-ac"]
            extra.append("bare-ac heap %.1f MB = %.0f bytes/name" % (
                b["heap_bytes"] / 1e6, b["heap_bytes"] / max(1, b["names"])))
        if "ours-cli" in results:
            c = results["ours-cli"]
            extra.append("ours-cli output %.1f MB of JSON, %.2f s wall in all" % (c["out_bytes"] / 1e6, c["wall_s"]))
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
        json.dump({"machine": machine(), "corpus": corpus, "results": all_results}, f, indent=1)
    print("results: %s" % os.path.relpath(path))


if __name__ == "__main__":
    main()
