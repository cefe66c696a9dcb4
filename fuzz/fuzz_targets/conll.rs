//! The CoNLL reader on arbitrary bytes (decoded lossily as UTF-8), then IOB2 tags from the
//! fixed gazetteer's taggers (default options, rules, and `Overlap::All`, whose overlapping
//! entities `gazetteer conll --all-overlaps` hands to `iob2` as well).
//!
//! Checks: every token line is one token of one document, in order; the entities of each
//! rebuilt text keep the span invariants; one well-formed tag a token, equal to a
//! brute-force recomputation for non-overlapping entities.
#![no_main]

use gazetteer::conll;
use gazetteer::Overlap;
use gazetteer_fuzz::*;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static TAGGERS: OnceLock<Fixed> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let t = TAGGERS.get_or_init(Fixed::new);
    let input = String::from_utf8_lossy(data);
    let lines: Vec<&str> = input.lines().collect();
    let docs = conll::read(&lines);
    check_conll_docs(&lines, &docs);
    for d in &docs {
        for (tagger, overlap) in
            [(&t.default, Overlap::Resolve), (&t.rules, Overlap::Resolve), (&t.all, Overlap::All)]
        {
            let es = tagger.tag(&d.text);
            check_spans(&d.text, &es, overlap);
            let tags = conll::iob2(d, &es);
            check_iob2(d, &es, &tags, overlap == Overlap::Resolve);
        }
    }
});
