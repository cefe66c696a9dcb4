//! Tags arbitrary bytes (decoded lossily as UTF-8) with a fixed gazetteer, under default
//! options, ignore-case with accent folding, `Overlap::All`, and with the rules on, and
//! checks the span invariants of every output.
#![no_main]

use gazetteer::{Overlap, Scratch};
use gazetteer_fuzz::*;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static TAGGERS: OnceLock<Fixed> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let t = TAGGERS.get_or_init(Fixed::new);
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let mut scratch = Scratch::default();

    let default = t.default.tag(text);
    check_spans(text, &default, Overlap::Resolve);
    check_consistent(text, &default, &t.all, &mut scratch);
    check_deterministic(&t.default, text, &default);

    let all = t.all.tag(text);
    check_spans(text, &all, Overlap::All);
    check_consistent(text, &all, &t.all, &mut scratch);
    check_subset(&default, &all);

    let ignore = t.ignore.tag(text);
    check_spans(text, &ignore, Overlap::Resolve);
    check_consistent(text, &ignore, &t.ignore_all, &mut scratch);
    let ignore_all = t.ignore_all.tag(text);
    check_spans(text, &ignore_all, Overlap::All);
    check_subset(&ignore, &ignore_all);

    let rules = t.rules.tag(text);
    check_spans(text, &rules, Overlap::Resolve);
    check_consistent(text, &rules, &t.all, &mut scratch);
    check_deterministic(&t.rules, text, &rules);

    let rules_all = t.rules_all.tag(text);
    check_spans(text, &rules_all, Overlap::All);
    check_consistent(text, &rules_all, &t.all, &mut scratch);
});
