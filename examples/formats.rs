//! Write the entities of a text in each output format of `gazetteer::output`: JSON Lines
//! (byte offsets), spaCy (char offsets), CoNLL (IOB2), brat (char offsets) and an HTML page.
//!
//! Run: `cargo run --release --example formats` (the page goes to a new folder in the
//! system's temporary directory; the last line prints its path).

use gazetteer::output::{Format, Writer};
use gazetteer::{default_tagger, OffsetConverter};

fn main() -> std::io::Result<()> {
    let text = "ZÜRICH – Angela Merkel met Emmanuel Macron at the United Nations in Genève.\n";
    let entities = default_tagger().tag(text);
    // The same span in the three offset systems.
    let mut conv = OffsetConverter::new(text);
    for e in &entities {
        let (cs, ce) = (conv.chars(e.start), conv.chars(e.end));
        println!(
            "{:<14} bytes {:>2}..{:<2} chars {:>2}..{:<2} {}",
            e.text(text).unwrap_or("?"),
            e.start,
            e.end,
            cs,
            ce,
            e.label
        );
    }
    for format in [Format::Jsonl, Format::Spacy, Format::Conll, Format::Brat] {
        println!("\n== {format}");
        let mut w = Writer::new(format, std::io::stdout().lock());
        w.write("example", None, text, &entities)?;
        drop(w.finish()?);
    }
    let dir = std::env::temp_dir().join(format!("gazetteer-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("formats-example.html");
    let mut w = Writer::new(Format::Html, std::fs::File::create(&path)?);
    w.write("example", None, text, &entities)?;
    drop(w.finish()?);
    println!("\n== html: written to {}", path.display());
    Ok(())
}
