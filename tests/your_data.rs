//! The caller's data first: a user's gazetteer against the bundled one, the one-call
//! constructor, and live changes on the default tagger.

#![cfg(feature = "embedded")]

use gazetteer::{default_tagger, Entry, Gazetteer, Label, Rules, Tagger};

fn mine() -> Gazetteer {
    let mut g = Gazetteer::new("mine.tsv");
    g.push(Entry::new("Şanlıurfa", Label::Loc).id("me:urfa"));
    g.push(Entry::new("Zyxco Holdings", Label::Org).id("me:zyxco"));
    g
}

#[test]
fn callers_entries_win_over_bundled_ones_on_the_same_span() {
    let t = Tagger::with_bundled([mine()]).unwrap();
    let text = "Shelling near ŞANLIURFA; Zyxco Holdings moved its staff out of Şanlıurfa.";
    let es = t.tag(text);
    let urfa: Vec<_> =
        es.iter().filter(|e| e.text(text).unwrap_or_default().to_lowercase().contains("urfa")).collect();
    assert_eq!(urfa.len(), 2, "{es:?}");
    for e in urfa {
        assert_eq!((e.id.as_deref(), &*e.source), (Some("me:urfa"), "mine.tsv"));
        assert!(e.alternatives.iter().any(|a| a.id.as_deref() == Some("geonames:298333")));
    }
    assert!(es.iter().any(|e| e.id.as_deref() == Some("me:zyxco")));
}

#[test]
fn call_order_does_not_matter() {
    let a = Tagger::builder().gazetteer(mine()).bundled().build().unwrap();
    let b = Tagger::builder().bundled().gazetteer(mine()).build().unwrap();
    let text = "ŞANLIURFA";
    assert_eq!(a.tag(text), b.tag(text));
    assert_eq!(a.tag(text)[0].id.as_deref(), Some("me:urfa"));
}

#[test]
fn bundled_turns_the_default_rules_on_unless_told() {
    let text = "Prime Minister Qorvath Belinski arrived in Ankara.";
    let with = Tagger::with_bundled([]).unwrap();
    assert_eq!(with.tag(text), default_tagger().tag(text));
    assert!(with
        .tag(text)
        .iter()
        .any(|e| e.text(text).unwrap_or_default() == "Qorvath Belinski" && e.label == Label::Per));
    let without = Tagger::builder().bundled().rules(Rules::none()).build().unwrap();
    assert!(!without.tag(text).iter().any(|e| e.text(text).unwrap_or_default() == "Qorvath Belinski"));
}

#[test]
fn live_changes_on_the_default_tagger() {
    let mut t = default_tagger();
    let text = "Staff of Zyxcorp cheered after it opened an office in Nairobi.";
    assert!(t.tag(text).iter().all(|e| e.text(text).unwrap_or_default() != "Zyxcorp"));
    t.add(Entry::new("Zyxcorp", Label::Org).id("me:zyxco")).unwrap();
    assert!(t.remove("Nairobi"));
    let es = t.tag(text);
    assert!(es.iter().any(|e| e.id.as_deref() == Some("me:zyxco") && e.label == Label::Org), "{es:?}");
    assert!(es.iter().all(|e| e.text(text).unwrap_or_default() != "Nairobi"), "{es:?}");
    // The shared default is untouched.
    assert!(default_tagger().tag(text).iter().any(|e| e.text(text).unwrap_or_default() == "Nairobi"));
    // Offsets stay on the original text.
    for e in &es {
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
    }
}

#[test]
fn a_name_added_live_where_a_given_name_stands() {
    // The given-name rule reads the live name's reading too (it once indexed past the
    // built-in entries and panicked).
    let mut t = default_tagger();
    t.add(Entry::new("Maribel Holdings", Label::Org).id("me:mh")).unwrap();
    let text = "Yesterday Maribel Holdings said profits rose.";
    let es = t.tag(text);
    assert!(es.iter().any(|e| e.id.as_deref() == Some("me:mh") && e.label == Label::Org), "{es:?}");
}
