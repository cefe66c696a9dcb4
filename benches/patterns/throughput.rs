//! Throughput with patterns: 100k names alone against the same names plus 1,000 token
//! patterns, and against the names plus a stage that does nothing (what any stage costs:
//! the whole text tokenized), on a JSON Lines corpus, one thread, best of ROUNDS runs
//! (default 5) taken in turns (on a shared machine a slow moment spoils one run of each,
//! not all runs of one).
//!
//! The names are the first 100,000 of the NLP4J list in `../shared/bench` (lower-cased in
//! that list, matched in any case); the patterns are made here from them: three in four
//! start with a literal (`LOWER` of a name's first word, then a title-case word or a
//! number), one in four with a token class (`IS_TITLE`, `LIKE_NUM`, `IS_UPPER`, `SHAPE`)
//! followed by a literal.
//!
//! ```sh
//! cargo run --release --example pattern_throughput -- \
//!     ../shared/bench/nlp4j-en-gazetteer-lowercase.tsv ../shared/bench/reuters21578.jsonl [ROUNDS]
//! ```

use gazetteer::patterns::PatternSet;
use gazetteer::rules::{Context, Phase, Stage};
use gazetteer::{CaseMode, Entry, Gazetteer, Label, Scratch, Tagger};
use std::time::Instant;

/// A stage that does nothing.
struct Noop;

impl Stage for Noop {
    fn name(&self) -> &str {
        "noop"
    }
    fn phase(&self) -> Phase {
        Phase::Document
    }
    fn run(&self, _: &mut Context<'_>) {}
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names = args.first().map_or("../shared/bench/nlp4j-en-gazetteer-lowercase.tsv", String::as_str);
    let corpus = args.get(1).map_or("../shared/bench/reuters21578.jsonl", String::as_str);
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let read = |p: &str| {
        std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("pattern_throughput: {p}: {e}");
            std::process::exit(2)
        })
    };
    let mut g = Gazetteer::new("names");
    let mut first_words = Vec::new();
    for line in read(names).lines().filter(|l| !l.starts_with('#')).take(100_000) {
        let mut f = line.split('\t');
        let (Some(name), Some(label)) = (f.next(), f.next()) else { continue };
        let Ok(label) = label.parse::<Label>() else { continue };
        if let Some(w) = name.split_whitespace().next().filter(|w| w.chars().all(char::is_alphabetic)) {
            first_words.push(w.to_string());
        }
        g.push(Entry::new(name, label));
    }
    first_words.sort();
    first_words.dedup();
    let mut lines = Vec::new();
    for i in 0..1000 {
        let w = &first_words[(i * 7919) % first_words.len()];
        let next = ["{\"IS_TITLE\": true, \"OP\": \"+\"}", "{\"LIKE_NUM\": true}"][i % 2];
        let p = match i % 4 {
            3 => match (i / 4) % 4 {
                0 => format!(
                    "[{{\"IS_TITLE\": true, \"LENGTH\": {{\">=\": {}}}}}, {{\"LOWER\": \"{w}\"}}]",
                    3 + i % 5
                ),
                1 => format!("[{{\"LIKE_NUM\": true}}, {{\"LOWER\": \"{w}\"}}]"),
                2 => format!("[{{\"IS_UPPER\": true}}, {{\"ORTH\": \"{w}\"}}, {}]", next),
                _ => format!("[{{\"SHAPE\": \"Xxxxx\"}}, {{\"LOWER\": {{\"IN\": [\"{w}\", \"of\"]}}}}]"),
            },
            _ => format!("[{{\"LOWER\": \"{w}\"}}, {next}]"),
        };
        lines.push(format!("{{\"label\": \"P{}\", \"pattern\": {p}}}", i % 10));
    }
    let set = PatternSet::from_jsonl("generated", &lines.join("\n")).unwrap_or_else(|e| {
        eprintln!("pattern_throughput: {e}");
        std::process::exit(2)
    });
    let texts: Vec<String> = read(corpus)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let build = |with: bool| {
        let b = Tagger::builder().gazetteer(g.clone()).case(CaseMode::Ignore);
        let b = if with { b.patterns(set.clone()) } else { b };
        b.build().unwrap_or_else(|e| {
            eprintln!("pattern_throughput: {e}");
            std::process::exit(2)
        })
    };
    let (names_only, with_patterns) = (build(false), build(true));
    // The same names with a stage that does nothing: what every stage costs (the whole
    // text tokenized, the stage seam), patterns or not.
    let noop =
        Tagger::builder().gazetteer(g.clone()).case(CaseMode::Ignore).stage(Noop).build().unwrap_or_else(
            |e| {
                eprintln!("pattern_throughput: {e}");
                std::process::exit(2)
            },
        );
    let run = |t: &Tagger| {
        let mut s = Scratch::default();
        texts.iter().map(|x| t.tag_with(x, &mut s).len()).sum::<usize>()
    };
    let mut best = [(f64::MAX, 0usize); 3];
    for _ in 0..rounds {
        for (k, t) in [&names_only, &with_patterns, &noop].into_iter().enumerate() {
            let start = Instant::now();
            let n = run(t);
            best[k] = (best[k].0.min(start.elapsed().as_secs_f64()), n);
        }
    }
    println!(
        "corpus {corpus}: {} documents, {mb:.1} MB; {} names, {} patterns",
        texts.len(),
        g.entries().len(),
        set.len()
    );
    println!("{:<28} {:>8} {:>8} {:>10}", "tagger", "seconds", "MB/s", "entities");
    let rows = ["100k names", "100k names + 1,000 patterns", "100k names + a no-op stage"];
    for (name, (s, n)) in rows.iter().zip(best) {
        println!("{name:<28} {s:>8.3} {:>8.1} {n:>10}", mb / s);
    }
    println!("throughput ratio (with patterns / names alone): {:.2}", best[0].0 / best[1].0);
}
