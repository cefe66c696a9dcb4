//! Tag a paragraph with a gazetteer built in code.
//!
//! Run: `cargo run --example custom_gazetteer`

use gazetteer::{CaseMode, Entry, Gazetteer, Label, Tagger};

fn main() -> Result<(), gazetteer::Error> {
    let mut g = Gazetteer::new("my-drugs");
    // Custom labels are just names.
    let drug = Label::custom("DRUG").expect("a valid label");
    g.push(Entry::new("paracetamol", drug.clone()).alias("acetaminophen").case(CaseMode::Ignore));
    g.push(Entry::new("ibuprofen", drug).case(CaseMode::Ignore));
    g.push(Entry::new("World Health Organization", Label::Org).id("Q7817").alias("WHO"));
    g.push(Entry::new("Geneva", Label::Loc).id("geonames:2660646"));

    let tagger = Tagger::builder().gazetteer(g).build()?;
    let text = "GENEVA – The World Health Organization's new list keeps Paracetamol \
                (acetaminophen) and IBUPROFEN, the WHO said.";
    for e in tagger.tag(text) {
        let (cs, ce) = e.char_span(text);
        println!(
            "{:>4}..{:<4} chars {:>3}..{:<3} {:<5} {:<28} id={}",
            e.start,
            e.end,
            cs,
            ce,
            e.label,
            &text[e.start..e.end],
            e.id.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}
