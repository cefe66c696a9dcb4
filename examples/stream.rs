//! Streaming JSON Lines through the library: the bundled data plus a gazetteer of your own,
//! documents tagged on all cores in input order with one batch in memory, bad lines reported
//! and skipped, and the most frequent entities counted as the stream goes.
//!
//! Run: `cargo run --release --example stream -- FILE.jsonl [TEXT_FIELD]`, for example
//! `cargo run --release --example stream -- ../shared/bench/bbc-news-2225.jsonl`.
//! Without a file it streams a few lines written here, one of them broken.

use gazetteer::stream::{DocErrorKind, JsonLines, StreamOptions};
use gazetteer::{Entry, Gazetteer, Label, Tagger};
use std::collections::HashMap;
use std::io::BufRead;

const SAMPLE: &str = r#"{"id": "a1", "text": "Officials in Nairobi and Kampala met the Acme Freight Company on Monday."}
{"id": "a2", "text": "Acme Freight Company said its profit rose in Brazil."}
{"id": "a3", "body": "this line has no text field"}
{"id": "a4", "text": "Rain closed roads around Lima, officials in Peru said."}
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let field = args.get(1).map_or("text", String::as_str);

    // The bundled gazetteers, with the default rules, plus names of your own, which win
    // over the bundled data on any span both know.
    let mut mine = Gazetteer::new("mine");
    mine.push(Entry::new("Acme Freight Company", Label::Org).id("mine:acme"));
    let tagger = Tagger::with_bundled([mine])?;

    let input: Box<dyn BufRead> = match args.first() {
        Some(path) => Box::new(std::io::BufReader::new(std::fs::File::open(path)?)),
        None => Box::new(SAMPLE.as_bytes()),
    };
    let source = args.first().map_or("sample", String::as_str);
    let docs = JsonLines::new(input, source, field);

    let (mut tagged, mut skipped) = (0, 0);
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for item in tagger.stream(docs, StreamOptions::default().batch_docs(256)) {
        match item {
            Ok(doc) => {
                tagged += 1;
                if args.is_empty() {
                    let found: Vec<String> =
                        doc.entities.iter().map(|e| format!("{} {}", e.label, e.name)).collect();
                    println!("{}: {}", doc.meta.id.unwrap_or_default(), found.join(", "));
                }
                for e in doc.entities {
                    *counts.entry((e.label.to_string(), e.name.to_string())).or_default() += 1;
                }
            }
            Err(e) if e.kind == DocErrorKind::Document => {
                eprintln!("skipped {e}");
                skipped += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut top: Vec<_> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("{tagged} documents tagged, {skipped} skipped; most mentioned:");
    for ((label, name), n) in top.into_iter().take(10) {
        println!("{n:6}  {label:4} {name}");
    }
    Ok(())
}
