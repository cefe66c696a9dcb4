//! The bare `aho-corasick` scan of the comparison (`benches/compare/run.sh`): the names as
//! byte patterns in a contiguous NFA, leftmost-longest over the raw bytes of each text, and
//! a whole-word check at both ends of each match (no letter, digit or `_` next to it; a
//! match that fails the check is dropped). No tokens, no normalization, no typed spans:
//! the floor that our tagger is measured against.
//!
//! ```sh
//! cargo run --release --example bare_ac -- --names NAMES.tsv [--spans OUT] FILE.jsonl...
//! ```

#[path = "common.rs"]
mod common;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::time::Instant;

fn find(ac: &AhoCorasick, text: &str, out: &mut Vec<(usize, usize)>) {
    for m in ac.find_iter(text) {
        if common::whole_word(text, m.start(), m.end()) {
            out.push((m.start(), m.end()));
        }
    }
}

fn main() {
    let a = common::args();
    let (t, c) = (Instant::now(), common::cpu_s());
    let names = common::read_names(&a.names);
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap_or_else(|e| common::fail(&e.to_string()));
    let (build_s, build_cpu_s) = (common::secs(t), common::cpu_s() - c);
    let n_names = names.len();
    drop(names);
    let (_, rss_after_build) = common::rss_kb();

    let (t, c) = (Instant::now(), common::cpu_s());
    let mut matches = 0usize;
    let mut docs = 0usize;
    let mut buf = Vec::new();
    let bytes = common::each_doc(&a.files, |_, text| {
        buf.clear();
        find(&ac, text, &mut buf);
        matches += buf.len();
        docs += 1;
    });
    let (tag_s, tag_cpu_s) = (common::secs(t), common::cpu_s() - c);
    let (peak, _) = common::rss_kb();

    if let Some(path) = &a.spans {
        common::write_spans(path, &a.files, |text, out| find(&ac, text, out));
    }
    let r = serde_json::json!({
        "engine": "bare-ac",
        "names": n_names,
        "build_s": build_s,
        "tag_s": tag_s,
        "build_cpu_s": build_cpu_s,
        "tag_cpu_s": tag_cpu_s,
        "bytes": bytes,
        "docs": docs,
        "matches": matches,
        "rss_after_build_kb": rss_after_build,
        "peak_rss_kb": peak,
        "heap_bytes": ac.memory_usage(),
    });
    println!("{r}");
}
