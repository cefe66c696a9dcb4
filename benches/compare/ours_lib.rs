//! Our tagger through the library, for the comparison (`benches/compare/run.sh`): loads a
//! TSV gazetteer, builds a tagger (`--exact-case`, the default, `--default-case` or
//! `--ignore-case`) and tags the `text` field of every JSON line with
//! [`Tagger::tag_with`] and one reused [`Scratch`]. Prints the result line described in
//! `common.rs`.
//!
//! ```sh
//! cargo run --release --example compare_ours -- --names NAMES.tsv [--spans OUT] FILE.jsonl...
//! ```

#[path = "common.rs"]
mod common;

use gazetteer::{CaseMode, Gazetteer, Scratch, Tagger};
use std::time::Instant;

fn main() {
    let a = common::args();
    let has = |f: &str| a.flags.iter().any(|x| x == f);
    let (case, case_name) = if has("--ignore-case") {
        (Some(CaseMode::Ignore), "ignore")
    } else if has("--default-case") {
        (None, "default")
    } else {
        (Some(CaseMode::Exact), "exact")
    };
    let (_, rss_before) = common::rss_kb();
    let (t, c) = (Instant::now(), common::cpu_s());
    let g = Gazetteer::from_path(&a.names).unwrap_or_else(|e| common::fail(&e.to_string()));
    let load_s = common::secs(t);
    let mut b = Tagger::builder().gazetteer(g);
    if let Some(c) = case {
        b = b.case(c);
    }
    let tagger = b.build().unwrap_or_else(|e| common::fail(&e.to_string()));
    let (build_s, build_cpu_s) = (common::secs(t), common::cpu_s() - c);
    let (peak_build, rss_after_build) = common::rss_kb();

    let (t, c) = (Instant::now(), common::cpu_s());
    let mut scratch = Scratch::default();
    let mut matches = 0usize;
    let mut docs = 0usize;
    let bytes = common::each_doc(&a.files, |_, text| {
        matches += tagger.tag_with(text, &mut scratch).len();
        docs += 1;
    });
    let (tag_s, tag_cpu_s) = (common::secs(t), common::cpu_s() - c);
    let (peak, _) = common::rss_kb();

    if let Some(path) = &a.spans {
        common::write_spans(path, &a.files, |text, out| {
            out.extend(tagger.tag_with(text, &mut scratch).iter().map(|e| (e.start, e.end)));
        });
    }
    let r = serde_json::json!({
        "engine": "ours-lib",
        "case": case_name,
        "names": tagger.entry_count(),
        "load_s": load_s,
        "build_s": build_s,
        "tag_s": tag_s,
        "build_cpu_s": build_cpu_s,
        "tag_cpu_s": tag_cpu_s,
        "bytes": bytes,
        "docs": docs,
        "matches": matches,
        "rss_before_kb": rss_before,
        "rss_after_build_kb": rss_after_build,
        "peak_build_rss_kb": peak_build,
        "peak_rss_kb": peak,
        "heap_bytes": tagger.memory_usage(),
    });
    println!("{r}");
}
