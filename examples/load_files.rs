//! Load gazetteers from TSV and JSON Lines files and tag a text file, printing JSON.
//!
//! Run: `cargo run --example load_files -- examples/data/article.txt`
//! (it reads `examples/data/people.tsv` and `examples/data/places.jsonl`).

use gazetteer::{read_utf8, Gazetteer, Tagger};

fn main() {
    if let Err(e) = run() {
        eprintln!("load_files: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), gazetteer::Error> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/data/article.txt".into());
    let people = Gazetteer::from_path("examples/data/people.tsv")?;
    let places = Gazetteer::from_path("examples/data/places.jsonl")?;
    let tagger = Tagger::builder().gazetteer(people).gazetteer(places).build()?;
    let text = read_utf8(&path)?;
    for e in tagger.tag(&text) {
        println!("{}", serde_json::json!({"text": &text[e.range()], "entity": e}));
    }
    Ok(())
}
