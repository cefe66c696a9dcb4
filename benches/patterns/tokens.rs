//! Our tokens of every document of a JSON Lines corpus, for the differential harness
//! (`benches/patterns/run.sh`): one line a document, a JSON list of `[start, end]` char
//! offsets, so that the harness can tell spans the two tokenizers split alike.
//!
//! ```sh
//! cargo run --release --example pattern_tokens -- FILE.jsonl > tokens.jsonl
//! ```

use gazetteer::tokenize::tokenize;
use gazetteer::OffsetConverter;
use std::io::{BufRead, BufWriter, Write};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: pattern_tokens FILE.jsonl");
        std::process::exit(2)
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (k, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.unwrap_or_else(|e| {
            eprintln!("{path}:{}: {e}", k + 1);
            std::process::exit(2)
        });
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| {
            eprintln!("{path}:{}: {e}", k + 1);
            std::process::exit(2)
        });
        let text = v["text"].as_str().unwrap_or("");
        let mut conv = OffsetConverter::new(text);
        let spans: Vec<[usize; 2]> =
            tokenize(text).iter().map(|t| [conv.chars(t.start), conv.chars(t.end)]).collect();
        let ok = serde_json::to_writer(&mut out, &spans).is_ok() && writeln!(out).is_ok();
        if !ok {
            std::process::exit(0);
        }
    }
}
