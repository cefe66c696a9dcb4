//! The context rules: what each finds, its `source`, and how to switch rules off.
//!
//! Run: `cargo run --release --example rules`

use gazetteer::{bundled_gazetteers, Rules, Tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = "VELMORE (Newswire) - Deputy Minister Orvan Telquist met Richard Quellbrook of \
                the Korvath Holdings Group near the Marrow River. Telquist later thanked the \
                Quorvian Democratic Union (QDU); the QDU did not comment.";
    let gazetteers: Vec<_> = bundled_gazetteers().into_iter().collect::<Result<_, _>>()?;
    for (name, rules) in [
        ("all rules", Rules::all()),
        ("no rules", Rules::none()),
        ("without coref", {
            let mut r = Rules::all();
            r.set("coref", false)?;
            r
        }),
    ] {
        let t = Tagger::builder().gazetteers(gazetteers.clone()).rules(rules).build()?;
        println!("== {name}");
        for e in t.tag(text) {
            println!("  {:<28} {:<4} {}", e.text(text).unwrap_or("?"), e.label, e.source);
        }
    }
    Ok(())
}
