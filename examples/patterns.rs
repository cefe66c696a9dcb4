//! Patterns of your own: a spaCy EntityRuler pattern file run with the gazetteers.
//!
//! `cargo run --release --example patterns`

use gazetteer::{Entry, Gazetteer, Label, Tagger};

fn main() -> Result<(), gazetteer::Error> {
    let mut g = Gazetteer::new("names");
    g.push(Entry::new("Orland Freight", Label::Org));
    g.push(Entry::new("Mira Castell", Label::Per));
    let tagger = Tagger::builder()
        .gazetteer(g)
        .pattern_file(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/patterns.jsonl"))?
        .overwrite_ents(true)
        .build()?;
    // Sentences written for this example.
    let text = "Orland Freight chief executive Mira Castell said Velcor Mining (NYSE: VLCM) \
                would pay $4.5 billion for the Port Ivel Airport terminals under section 12 \
                of the Harbour Trade Act.";
    for e in tagger.tag(text) {
        println!("{:<7} {:<48} {}", e.label, e.text(text).unwrap_or_default(), e.source);
    }
    Ok(())
}
