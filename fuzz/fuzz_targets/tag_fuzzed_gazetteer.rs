//! A fuzzed gazetteer, then a fuzzed text. The first byte chooses the options (case mode,
//! accent folding, overlap policy, rules); the rest, decoded lossily as UTF-8, is a TSV
//! gazetteer up to the first 0xFF byte and the text to tag after it (without a 0xFF
//! byte, the gazetteer's own text is tagged).
//!
//! Checks: the span invariants; every mention a gazetteer entry produced is, on its own, a
//! surface form of that entry; every entity names an entry of the gazetteer; every entry is
//! found by its own surface forms (the span trimmed of invisible characters at its ends).
#![no_main]

use gazetteer::{CaseMode, Gazetteer, Overlap, Rules, Scratch, Tagger};
use gazetteer_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let (gaz, text) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let gaz = String::from_utf8_lossy(gaz);
    let text = text.map_or_else(|| gaz.clone(), String::from_utf8_lossy);
    let text: &str = &text;
    let Ok(g) = Gazetteer::from_tsv_str("fuzz", &gaz) else { return };

    let case =
        [None, Some(CaseMode::Exact), Some(CaseMode::Upper), Some(CaseMode::Ignore)][(flags & 3) as usize];
    let fold = flags & 4 != 0;
    let overlap = if flags & 8 != 0 { Overlap::All } else { Overlap::Resolve };
    let rules = flags & 16 != 0;

    let options = || {
        let mut b = Tagger::builder().gazetteer(g.clone());
        if let Some(c) = case {
            b = b.case(c);
        }
        if fold {
            b = b.fold_accents(true);
        }
        b
    };
    let mut b = options().overlap(overlap);
    if rules {
        b = b.rules(Rules::all());
    }
    // Building fails only past the matcher's limits, which a fuzz input cannot reach.
    let tagger = b.build().expect("a parsed gazetteer builds");
    let plain = options().overlap(Overlap::All).build().expect("a parsed gazetteer builds");
    let mut scratch = Scratch::default();

    let es = tagger.tag(text);
    check_spans(text, &es, overlap);
    check_consistent(text, &es, &plain, &mut scratch);
    check_deterministic(&tagger, text, &es);
    for e in es.iter().filter(|e| !from_rule(e)) {
        assert_eq!(&*e.source, "fuzz");
        assert!(
            g.entries()
                .iter()
                .any(|x| x.name == *e.name && x.id.as_deref() == e.id.as_deref() && x.label == e.label),
            "entity {e:?} names no entry"
        );
    }
    if overlap == Overlap::Resolve && !rules {
        check_subset(&es, &plain.tag(text));
    }

    // Every entry is found by each of its surface forms, on their own.
    for entry in g.entries().iter().take(64) {
        for form in entry.surface_forms() {
            let found = plain.tag_with(form, &mut scratch);
            check_spans(form, &found, Overlap::All);
            // Invisible characters at the ends of a name are no part of its mentions.
            let want = visible_range(form);
            assert!(
                found.iter().any(|a| a.range() == want
                    && std::iter::once(a.candidate())
                        .chain(a.alternatives.iter().cloned())
                        .any(|c| *c.name == entry.name && c.label == entry.label)),
                "entry {:?} not found by its form {form:?}: {found:?}",
                entry.name
            );
        }
    }
});
