//! Measures the default tagger's start-up: time to parse the bundled gazetteers, to build
//! the tagger, to tag a first sentence, and the resident memory before and after.
//!
//! Run: `cargo run --release --example startup`

use std::time::Instant;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let before = rss_kib();
    let t0 = Instant::now();
    let gs: Vec<_> = gazetteer::bundled_gazetteers().into_iter().filter_map(Result::ok).collect();
    let parsed = t0.elapsed();
    let entries: usize = gs.iter().map(|g| g.len()).sum();
    drop(gs);
    let t1 = Instant::now();
    let tagger = gazetteer::default_tagger();
    let built = t1.elapsed();
    let t2 = Instant::now();
    let es = tagger.tag("Angela Merkel met Emmanuel Macron in Paris.");
    let first = t2.elapsed();
    let after = rss_kib();
    println!("bundled entries:            {entries}");
    println!("parse bundled files:        {:.3} s", parsed.as_secs_f64());
    println!("default_tagger() (first):   {:.3} s (parses and builds)", built.as_secs_f64());
    println!("first tag:                  {:.6} s, {} entities", first.as_secs_f64(), es.len());
    println!("tagger.memory_usage():      {:.1} MiB", tagger.memory_usage() as f64 / 1048576.0);
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "resident memory:            {:.1} MiB before, {:.1} MiB after",
            b as f64 / 1024.0,
            a as f64 / 1024.0
        );
    }
}
