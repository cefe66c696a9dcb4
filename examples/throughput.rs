//! Tagging throughput of the default tagger on JSON Lines news (the `text` field), with
//! and without the context rules, on one thread and with `tag_batch`. Start-up is not
//! counted; each figure is the best of five runs, one-thread and batch runs taking turns (on
//! a shared machine, a slow moment then spoils one run of each, not all runs of one).
//!
//! Run: `cargo run --release --example throughput -- ../shared/bench/reuters21578.jsonl`
//! (any JSON Lines file with a `text` field). Without an argument it measures a small
//! sample built in: the bundled example article, 2,000 times, as separate documents.

use gazetteer::{bundled_gazetteers, default_tagger, Tagger};
use std::time::Instant;

/// Runs `a` and `b` in turn five times; the best time of each and the count each gave.
fn best_of_5(a: impl Fn() -> usize, b: impl Fn() -> usize) -> ((f64, usize), (f64, usize)) {
    let mut best = [(f64::MAX, 0), (f64::MAX, 0)];
    for _ in 0..5 {
        for (k, f) in [&a as &dyn Fn() -> usize, &b].into_iter().enumerate() {
            let t = Instant::now();
            let n = f();
            best[k] = (best[k].0.min(t.elapsed().as_secs_f64()), n);
        }
    }
    (best[0], best[1])
}

/// The sample measured when no file is given.
const SAMPLE: &str = include_str!("data/article.txt");

fn main() {
    let (path, texts) = match std::env::args().nth(1) {
        Some(path) => {
            let Ok(data) = std::fs::read_to_string(&path) else {
                eprintln!("throughput: cannot read {path}\nusage: throughput [FILE.jsonl]");
                std::process::exit(2);
            };
            let texts: Vec<String> = data
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
                .collect();
            (path, texts)
        }
        None => {
            eprintln!("throughput: no file given; a small built-in sample (usage: throughput [FILE.jsonl])");
            ("built-in sample".to_string(), vec![SAMPLE.to_string(); 2000])
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let with_rules = default_tagger();
    let bare =
        Tagger::new(bundled_gazetteers().into_iter().filter_map(Result::ok)).expect("bundled data builds");
    println!("{path}: {} documents, {mb:.1} MB", texts.len());
    for (name, t) in [("rules on ", &with_rules), ("rules off", &bare)] {
        let ((s, n), (s2, n2)) = best_of_5(
            || texts.iter().map(|x| t.tag(x).len()).sum(),
            || t.tag_batch(&texts).iter().map(Vec::len).sum(),
        );
        assert_eq!(n, n2, "tag_batch finds what tag finds");
        println!("{name} 1 thread : {:7.1} MB/s  ({n} entities, {s:.3} s)", mb / s);
        println!("{name} tag_batch: {:7.1} MB/s  ({:.2}x one thread)", mb / s2, s / s2);
    }
}
