//! Table-driven tests of the matching semantics, replayed under every configuration.
//!
//! Each case gives a gazetteer, a text and the entities expected with the default
//! configuration, as (label, exact text of the span). The span is checked by slicing the
//! original text. Under the other configurations (case-insensitive, all overlaps) the
//! expected entities must still be found; those configurations may find more.

use gazetteer::{CaseMode, Entity, Entry, Gazetteer, Label, Overlap, Scratch, Tagger};

struct Case {
    name: &'static str,
    entries: Vec<Entry>,
    text: &'static str,
    expect: &'static [(&'static str, &'static str)],
}

fn e(name: &str, label: Label) -> Entry {
    Entry::new(name, label)
}

fn cases() -> Vec<Case> {
    use Label::*;
    vec![
        // BOUNDARIES
        Case {
            name: "whole tokens only",
            entries: vec![e("Iran", Loc), e("Bell", Per)],
            text: "Iranian and Bellamy, but Iran and Bell.",
            expect: &[("LOC", "Iran"), ("PER", "Bell")],
        },
        Case {
            name: "names inside hyphenated words",
            entries: vec![e("ISIS", Org), e("US", Loc)],
            text: "the anti-ISIS campaign, a US-led force",
            expect: &[("ORG", "ISIS"), ("LOC", "US")],
        },
        Case {
            name: "shorter name survives a failed longer one",
            entries: vec![e("testing", Misc), e("testing 123", Misc)],
            text: "testing 12345",
            expect: &[("MISC", "testing")],
        },
        Case {
            name: "digits and punctuation tokens",
            entries: vec![e("Kurdistan 24", Org), e("U.S.", Loc), e("AT&T", Org)],
            text: "Kurdistan 24 reported that U.S. firm AT&T and Kurdistan 245 did not.",
            expect: &[("ORG", "Kurdistan 24"), ("LOC", "U.S."), ("ORG", "AT&T")],
        },
        // WHITE SPACE AND PUNCTUATION
        Case {
            name: "flexible white space",
            entries: vec![e("Masrour Barzani", Per)],
            text: "Masrour  Barzani; Masrour\u{a0}Barzani; Masrour\nBarzani; Masrour\r\n\tBarzani",
            expect: &[
                ("PER", "Masrour  Barzani"),
                ("PER", "Masrour\u{a0}Barzani"),
                ("PER", "Masrour\nBarzani"),
                ("PER", "Masrour\r\n\tBarzani"),
            ],
        },
        Case {
            name: "apostrophe and dash variants",
            entries: vec![e("O'Brien", Per), e("Al-Qaeda", Org)],
            text: "O\u{2019}Brien on Al\u{2013}Qaeda and Al\u{2010}Qaeda",
            expect: &[("PER", "O\u{2019}Brien"), ("ORG", "Al\u{2013}Qaeda"), ("ORG", "Al\u{2010}Qaeda")],
        },
        Case {
            name: "possessive is not part of the name",
            entries: vec![e("Kurdistan Regional Government", Org), e("McDonald's", Org)],
            text: "the Kurdistan Regional Government's plan; McDonald\u{2019}s menu",
            expect: &[("ORG", "Kurdistan Regional Government"), ("ORG", "McDonald\u{2019}s")],
        },
        // CASE
        Case {
            name: "exact and all-capitals forms",
            entries: vec![e("Erbil", Loc), e("Bell", Per)],
            text: "ERBIL, Erbil, erbil; Bell rang the bell",
            expect: &[("LOC", "ERBIL"), ("LOC", "Erbil"), ("PER", "Bell")],
        },
        Case {
            name: "exact-case entry does not match capitals",
            entries: vec![e("May", Per).case(CaseMode::Exact)],
            text: "MAY DAY; Theresa May",
            expect: &[("PER", "May")],
        },
        Case {
            name: "ignore-case entry with full case folding",
            entries: vec![e("Straße", Loc).case(CaseMode::Ignore), e("Οδός", Loc).case(CaseMode::Ignore)],
            text: "STRASSE and strasse; ΟΔΌΣ",
            expect: &[("LOC", "STRASSE"), ("LOC", "strasse"), ("LOC", "ΟΔΌΣ")],
        },
        Case {
            name: "dotted capital I",
            entries: vec![e("İstanbul", Loc)],
            text: "İstanbul and İSTANBUL",
            expect: &[("LOC", "İstanbul"), ("LOC", "İSTANBUL")],
        },
        Case {
            name: "capitals: the whole name or none of it",
            entries: vec![e("Masrour Barzani", Per)],
            text: "Masrour Barzani; MASROUR BARZANI; Masrour BARZANI; MASROUR Barzani",
            expect: &[("PER", "Masrour Barzani"), ("PER", "MASROUR BARZANI")],
        },
        Case {
            name: "capitals that are a name token of their own",
            entries: vec![e("US", Loc).case(CaseMode::Exact), e("Us", Loc)],
            text: "US and Us; uS",
            expect: &[("LOC", "US"), ("LOC", "Us")],
        },
        Case {
            name: "two names with the same capitals",
            entries: vec![e("Mcdonald", Per), e("McDonald", Per)],
            text: "Mcdonald, McDonald, MCDONALD",
            expect: &[("PER", "Mcdonald"), ("PER", "McDonald"), ("PER", "MCDONALD")],
        },
        Case {
            name: "caseless tokens in capitals",
            entries: vec![e("NATO summit", Misc)],
            text: "NATO summit, NATO SUMMIT, Nato summit",
            expect: &[("MISC", "NATO summit"), ("MISC", "NATO SUMMIT")],
        },
        Case {
            name: "exact-case name beside one in capitals",
            entries: vec![e("Apple", Org).case(CaseMode::Exact), e("Apple Records", Org)],
            text: "APPLE RECORDS and APPLE",
            expect: &[("ORG", "APPLE RECORDS")],
        },
        Case {
            name: "accent folding entry",
            entries: vec![e("São Paulo", Loc).fold_accents(true)],
            text: "Sao Paulo, São Paulo, SAO PAULO",
            expect: &[("LOC", "Sao Paulo"), ("LOC", "São Paulo"), ("LOC", "SAO PAULO")],
        },
        Case {
            name: "decomposed accents equal composed",
            entries: vec![e("José Martí", Per)],
            text: "Jose\u{301} Marti\u{301} spoke",
            expect: &[("PER", "Jose\u{301} Marti\u{301}")],
        },
        // OVERLAP AND PRIORITY
        Case {
            name: "longest wins",
            entries: vec![e("New York", Loc), e("New York Times", Org), e("Times Square", Loc)],
            text: "The New York Times Square office",
            expect: &[("ORG", "New York Times")],
        },
        Case {
            name: "priority decides a shared span",
            entries: vec![e("Jordan", Per), e("Jordan", Loc).priority(10)],
            text: "Jordan",
            expect: &[("LOC", "Jordan")],
        },
        Case {
            name: "earlier entry wins a tie",
            entries: vec![e("Georgia", Loc).id("country"), e("Georgia", Loc).id("state")],
            text: "Georgia",
            expect: &[("LOC", "Georgia")],
        },
        Case {
            name: "aliases",
            entries: vec![e("Islamic State", Org).alias("ISIS").alias("ISIL").alias("Daesh")],
            text: "ISIS, also ISIL or Daesh",
            expect: &[("ORG", "ISIS"), ("ORG", "ISIL"), ("ORG", "Daesh")],
        },
        // UNICODE
        Case {
            name: "non-Latin scripts and emoji",
            entries: vec![e("Москва", Loc), e("Iraq", Loc), e("الموصل", Loc)],
            text: "🇮🇶 Iraq 👍🏽, Москва и الموصل",
            expect: &[("LOC", "Iraq"), ("LOC", "Москва"), ("LOC", "الموصل")],
        },
        Case { name: "empty text", entries: vec![e("Iraq", Loc)], text: "", expect: &[] },
        Case {
            name: "punctuation only",
            entries: vec![e("Iraq", Loc)],
            text: " .,;- \u{2014} ",
            expect: &[],
        },
    ]
}

#[derive(Clone, Copy, Debug)]
struct Config {
    case: Option<CaseMode>,
    overlap: Overlap,
}

const CONFIGS: &[Config] = &[
    Config { case: None, overlap: Overlap::Resolve },
    Config { case: None, overlap: Overlap::All },
    Config { case: Some(CaseMode::Ignore), overlap: Overlap::Resolve },
    Config { case: Some(CaseMode::Ignore), overlap: Overlap::All },
];

fn tagger(entries: &[Entry], c: Config) -> Tagger {
    let mut g = Gazetteer::new("test");
    g.extend(entries.iter().cloned());
    let mut b = Tagger::builder().gazetteer(g).overlap(c.overlap);
    if let Some(case) = c.case {
        b = b.case(case);
    }
    b.build().unwrap()
}

fn found<'t>(text: &'t str, es: &[Entity]) -> Vec<(String, &'t str)> {
    es.iter().map(|e| (e.label.to_string(), &text[e.start..e.end])).collect()
}

fn check_invariants(text: &str, es: &[Entity], overlap: Overlap) {
    for w in es.windows(2) {
        assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end), "not sorted: {es:?}");
        if overlap == Overlap::Resolve {
            assert!(w[0].end <= w[1].start, "overlap: {es:?}");
        }
    }
    for e in es {
        assert!(e.start < e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
    }
}

#[test]
fn table_default_config_exact() {
    for case in cases() {
        let t = tagger(&case.entries, CONFIGS[0]);
        let es = t.tag(case.text);
        check_invariants(case.text, &es, Overlap::Resolve);
        let want: Vec<(String, &str)> = case.expect.iter().map(|(l, s)| (l.to_string(), *s)).collect();
        assert_eq!(found(case.text, &es), want, "case {:?}", case.name);
    }
}

#[test]
fn table_every_config_finds_expected() {
    for case in cases() {
        for &c in CONFIGS {
            let t = tagger(&case.entries, c);
            let es = t.tag(case.text);
            check_invariants(case.text, &es, c.overlap);
            let got = found(case.text, &es);
            for (l, s) in case.expect {
                // Under "longest wins" the losing spans come back with Overlap::All, and
                // lower-case forms appear with ignore-case; the expected ones never go.
                if c.case == Some(CaseMode::Ignore) && case.name.contains("exact-case") {
                    continue;
                }
                assert!(
                    got.iter().any(|(gl, gs)| gl == l && gs == s),
                    "case {:?} under {c:?}: {l} {s:?} missing from {got:?}",
                    case.name
                );
            }
        }
    }
}

#[test]
fn ignore_case_finds_lower_case() {
    let t = tagger(&[e("Erbil", Label::Loc)], CONFIGS[2]);
    let text = "erbil ERBIL Erbil eRbIl";
    assert_eq!(t.tag(text).len(), 4);
}

#[test]
fn overlap_all_returns_every_candidate() {
    let entries = [e("New York", Label::Loc), e("New York Times", Label::Org), e("Times Square", Label::Loc)];
    let t = tagger(&entries, CONFIGS[1]);
    let text = "The New York Times Square office";
    let got: Vec<&str> = t.tag(text).iter().map(|e| &text[e.range()]).collect();
    assert_eq!(got, ["New York", "New York Times", "Times Square"]);
}

#[test]
fn ambiguous_mentions_report_alternatives() {
    let t =
        tagger(&[e("Jordan", Label::Per).id("p"), e("Jordan", Label::Loc).id("c").priority(10)], CONFIGS[0]);
    let es = t.tag("Jordan");
    assert_eq!(es[0].id.as_deref(), Some("c"));
    assert_eq!(es[0].alternatives.len(), 1);
    assert_eq!(es[0].alternatives[0].label, Label::Per);
    assert_eq!(es[0].alternatives[0].id.as_deref(), Some("p"));
}

#[test]
fn char_and_utf16_offsets() {
    let t = tagger(&[e("Bern", Label::Loc)], CONFIGS[0]);
    let text = "Zürich 🇨🇭 Bern";
    let es = t.tag(text);
    assert_eq!(es[0].char_span(text), (10, 14));
    assert_eq!(es[0].utf16_span(text), (12, 16));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[10..14].iter().collect::<String>(), "Bern");
}

#[test]
fn entity_serde_round_trip() {
    let t = tagger(&[e("Jordan", Label::Per), e("Jordan", Label::Loc).id("gz:loc/jordan")], CONFIGS[0]);
    let es = t.tag("Jordan");
    let json = serde_json::to_string(&es).unwrap();
    assert!(json.contains("\"label\":\"PER\""), "{json}");
    let back: Vec<Entity> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, es);
}

#[test]
fn tagger_is_send_sync_and_threads_agree() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tagger>();
    let t = tagger(&[e("Paris", Label::Loc), e("Angela Merkel", Label::Per)], CONFIGS[0]);
    let docs: Vec<String> =
        (0..64).map(|i| format!("Doc {i}: Angela Merkel in Paris {}", "x ".repeat(i))).collect();
    let single: Vec<Vec<Entity>> = docs.iter().map(|d| t.tag(d)).collect();
    assert_eq!(t.tag_batch(&docs), single);
    std::thread::scope(|s| {
        let hs: Vec<_> =
            (0..8).map(|_| s.spawn(|| docs.iter().map(|d| t.tag(d)).collect::<Vec<_>>())).collect();
        for h in hs {
            assert_eq!(h.join().unwrap(), single);
        }
    });
}

#[test]
fn one_scratch_serves_several_taggers() {
    // A Scratch keeps per-channel lookup caches: a tagger must never see another's.
    let make = |name: &str, es: Vec<Entry>| {
        let mut g = Gazetteer::new(name);
        es.into_iter().for_each(|x| {
            g.push(x);
        });
        Tagger::builder().gazetteer(g).build().unwrap()
    };
    let a = make("a", vec![e("Erbil", Label::Loc), e("Duhok", Label::Loc).id("a:1")]);
    let b =
        make("b", vec![e("Dohuk Governorate", Label::Org).alias("Duhok").id("b:7"), e("Zakho", Label::Loc)]);
    let text = "Erbil, Duhok and Zakho. Duhok again, then Erbil and Zakho.";
    let mut s = Scratch::default();
    for _ in 0..3 {
        for t in [&a, &b] {
            let mine = t.tag_with(text, &mut s);
            assert_eq!(mine, t.tag_with(text, &mut Scratch::default()));
        }
    }
    // Names, ids and sources come from the tagger at hand, whatever the Scratch saw.
    let found = b.tag_with(text, &mut s);
    let first = &found[0];
    assert_eq!(
        (first.text(text).unwrap(), &first.label, &*first.name),
        ("Duhok", &Label::Org, "Dohuk Governorate")
    );
    assert_eq!((first.id.as_deref(), &*first.source), (Some("b:7"), "b"));
    assert_eq!(found.len(), 4);
    let again = a.tag_with(text, &mut s);
    assert_eq!((&*again[1].name, again[1].id.as_deref(), &*again[1].source), ("Duhok", Some("a:1"), "a"));
}

#[test]
fn capitals_keep_every_reading() {
    // "US" is the exact-case name of one entry and the capitalized name of another.
    let mut g = Gazetteer::new("g");
    g.push(e("US", Label::Loc).case(CaseMode::Exact));
    g.push(e("Us", Label::Org));
    g.push(e("Mcdonald", Label::Per));
    g.push(e("McDonald", Label::Org));
    let t = Tagger::builder().gazetteer(g).build().unwrap();
    let text = "US; MCDONALD";
    let found = t.tag(text);
    let readings: Vec<(&str, Vec<String>)> = found
        .iter()
        .map(|x| {
            let mut all = vec![x.name.to_string()];
            all.extend(x.alternatives.iter().map(|a| a.name.to_string()));
            (x.text(text).unwrap(), all)
        })
        .collect();
    assert_eq!(
        readings,
        [("US", vec!["US".into(), "Us".into()]), ("MCDONALD", vec!["Mcdonald".into(), "McDonald".into()])]
    );
}
