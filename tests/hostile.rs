//! Hostile input: pathological texts and gazetteers, one test each. Every test checks the
//! span invariants (in bounds, on char boundaries, sorted, non-overlapping, non-empty) and
//! the entities it expects, not only that nothing panics. docs/hostile-input.md has the
//! table of what the tagger does with each input, and the fuzzing figures.
//!
//! The last four tests are regressions of the defects these inputs found (fixed in
//! 59658c4; docs/hostile-input.md, "Findings"): quadratic time in the rules, invisible
//! characters hiding names, invisible names, duplicate entries.

use gazetteer::{CaseMode, Entity, Entry, ErrorKind, Gazetteer, Label, Overlap, Rules, Tagger};
use std::time::{Duration, Instant};

/// The span invariants of one tagging: in bounds, non-empty, on char boundaries, not
/// starting or ending in white space, sorted by `(start, end)` with no span twice, and
/// non-overlapping unless `overlap` is [`Overlap::All`].
fn check(text: &str, es: &[Entity], overlap: Overlap) {
    for e in es {
        assert!(
            e.start < e.end && e.end <= text.len(),
            "span {:?} of a text of {} bytes",
            e.range(),
            text.len()
        );
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "span {:?} off char boundaries",
            e.range()
        );
        let s = &text[e.start..e.end];
        assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace), "span {s:?}");
        assert!(!e.name.is_empty() && !e.source.is_empty());
    }
    for w in es.windows(2) {
        assert!(
            (w[0].start, w[0].end) < (w[1].start, w[1].end),
            "unsorted: {:?} {:?}",
            w[0].range(),
            w[1].range()
        );
        if overlap == Overlap::Resolve {
            assert!(w[0].end <= w[1].start, "overlap: {:?} {:?}", w[0].range(), w[1].range());
        }
    }
}

/// Tags with `t` under the default overlap policy, checks the invariants, and returns
/// `(mention, label)` pairs.
fn tag<'t>(t: &Tagger, text: &'t str) -> Vec<(&'t str, String)> {
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    es.iter().map(|e| (&text[e.start..e.end], e.label.to_string())).collect()
}

fn pairs<'a>(v: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    v.iter().map(|(m, l)| (*m, l.to_string())).collect()
}

fn gazetteer(names: &[(&str, Label)]) -> Gazetteer {
    let mut g = Gazetteer::new("test");
    for (n, l) in names {
        g.push(Entry::new(*n, l.clone()));
    }
    g
}

fn small() -> Tagger {
    Tagger::new([gazetteer(&[
        ("Erbil", Label::Loc),
        ("Paris", Label::Loc),
        ("New York", Label::Loc),
        ("Masrour Barzani", Label::Per),
        ("Barzani", Label::Per),
    ])])
    .unwrap()
}

#[cfg(feature = "embedded")]
fn default() -> Tagger {
    gazetteer::default_tagger()
}

#[cfg(feature = "embedded")]
#[test]
fn empty_text() {
    assert!(default().tag("").is_empty());
    assert!(small().tag("").is_empty());
    assert!(Tagger::builder()
        .gazetteer(gazetteer(&[("Erbil", Label::Loc)]))
        .overlap(Overlap::All)
        .build()
        .unwrap()
        .tag("")
        .is_empty());
    let mut out = Vec::new();
    default().tag_into("", &mut gazetteer::Scratch::default(), &mut out);
    assert!(out.is_empty());
    assert!(default().tag_batch::<&str>(&[]).is_empty());
    assert_eq!(default().tag_batch(&["", ""]), vec![Vec::<Entity>::new(), Vec::new()]);
}

#[cfg(feature = "embedded")]
#[test]
fn only_whitespace_or_punctuation() {
    let texts = [
        " ",
        " \t\n\r\n\x0b\x0c",
        "\u{a0}\u{2003}\u{202f}\u{3000}\u{2028}\u{2029}\u{85}",
        "!!! ... --- ,,, ;;; ’’ “” ()[]{} ?! — – … « » ¿¡ 、。「」",
        "- - - -\n- - -",
        "''''''''''''''''''''''''''''''",
        &".".repeat(100_000),
        &" \n".repeat(100_000),
    ];
    for text in texts {
        assert_eq!(tag(&default(), text), vec![], "{:?}", &text[..text.len().min(40)]);
        assert_eq!(tag(&small(), text), vec![]);
    }
}

/// 50 MB without a single space (nor any other white space): runs of letters, with a name
/// between dashes every kilobyte. One run of this size goes through full Unicode word
/// segmentation (the en dashes are not ASCII).
#[cfg(feature = "embedded")]
#[test]
fn fifty_megabytes_without_a_space() {
    let chunk = format!("{}–Paris–", "x".repeat(1000));
    let n = 50_000_000 / chunk.len() + 1;
    let text = chunk.repeat(n);
    assert!(text.len() >= 50_000_000 && !text.contains(char::is_whitespace));
    let t0 = Instant::now();
    let es = default().tag(&text);
    let took = t0.elapsed();
    check(&text, &es, Overlap::Resolve);
    assert_eq!(es.len(), n);
    for (k, e) in es.iter().enumerate() {
        assert_eq!((e.start, e.end), (k * chunk.len() + 1003, k * chunk.len() + 1008));
        assert_eq!((&text[e.range()], &e.label), ("Paris", &Label::Loc));
    }
    // Linear time: 50 MB in well under a minute even on a slow, shared machine.
    assert!(took < Duration::from_secs(30), "50 MB took {took:?}");

    // The same with only ASCII (one 50 MB run on the ASCII fast path), with the small
    // gazetteer: "Paris" between commas.
    let chunk = format!("{},Paris,", "y".repeat(993));
    let n = 50_000_000 / chunk.len() + 1;
    let ascii = chunk.repeat(n);
    let es = small().tag(&ascii);
    check(&ascii, &es, Overlap::Resolve);
    assert_eq!(es.len(), n);
    assert!(es.iter().all(|e| e.end - e.start == 5 && e.start % chunk.len() == 994));
}

/// A single token of 10 MB, ASCII and not, between two names.
#[cfg(feature = "embedded")]
#[test]
fn ten_megabyte_token() {
    for filler in ["Q", "é", "東"] {
        let big = filler.repeat(10_000_000 / filler.len());
        let text = format!("Paris {big} Erbil.");
        let found = tag(&default(), &text);
        assert_eq!(found, pairs(&[("Paris", "LOC"), ("Erbil", "LOC")]), "filler {filler:?}");
        assert_eq!(tag(&small(), &text), found);
        // Glued to the names, a giant word swallows them (whole tokens only); ideographs
        // are one token each, so names glued to them are still found.
        let glued = format!("Paris{big}Erbil");
        let want = if filler == "東" { pairs(&[("Paris", "LOC"), ("Erbil", "LOC")]) } else { vec![] };
        assert_eq!(tag(&small(), &glued), want, "filler {filler:?}");
    }
    // The giant token as a gazetteer name matches itself and nothing shorter.
    let big = "Z".repeat(10_000_000);
    let t = Tagger::new([gazetteer(&[(&big, Label::Misc)])]).unwrap();
    let text = format!("{big} {} {big}x", &big[1..]);
    let es = t.tag(&text);
    check(&text, &es, Overlap::Resolve);
    assert_eq!(es.iter().map(|e| e.range()).collect::<Vec<_>>(), vec![0..big.len()]);
}

#[cfg(feature = "embedded")]
#[test]
fn a_million_repetitions_of_a_name() {
    let text = "Paris ".repeat(1_000_000);
    let es = default().tag(&text);
    check(&text, &es, Overlap::Resolve);
    assert_eq!(es.len(), 1_000_000);
    assert!(es
        .iter()
        .enumerate()
        .all(|(k, e)| e.start == 6 * k && e.end == 6 * k + 5 && e.label == Label::Loc));

    // A two-word name a million times, separated by commas and line breaks: each
    // repetition is one entity (no name across two repetitions), under both policies.
    let text = "New York,\n".repeat(1_000_000);
    for overlap in [Overlap::Resolve, Overlap::All] {
        let t = Tagger::builder()
            .gazetteer(gazetteer(&[("New York", Label::Loc), ("York", Label::Loc)]))
            .overlap(overlap)
            .build()
            .unwrap();
        let es = t.tag(&text);
        check(&text, &es, overlap);
        let per = if overlap == Overlap::All { 2 } else { 1 };
        assert_eq!(es.len(), per * 1_000_000);
    }
}

#[test]
fn combining_marks_and_zero_width_joiners() {
    let t = Tagger::new([gazetteer(&[
        ("José Martí", Label::Per),               // precomposed
        ("Jose\u{301} Marti\u{301}", Label::Per), // decomposed: the same name after NFC
        ("👩‍🔬", Label::Misc),                      // woman scientist: a ZWJ sequence
        ("ক্ষ", Label::Misc),                      // Bengali conjunct, virama inside
        ("می‌خواهم", Label::Misc),                 // Persian with a zero-width non-joiner inside
    ])])
    .unwrap();
    // Precomposed and decomposed forms match each other (NFC on both sides).
    let text = "José Martí, Jose\u{301} Marti\u{301}.";
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    assert_eq!(
        es.iter().map(|e| e.text(text).unwrap()).collect::<Vec<_>>(),
        ["José Martí", "Jose\u{301} Marti\u{301}"]
    );
    // Both entries claim both spans: one reading, the other as an alternative.
    assert!(es.iter().all(|e| e.alternatives.len() == 1));
    // A combining mark after a space is no part of the name before it, and starts no name.
    let text = "José \u{301}Martí";
    assert_eq!(tag(&t, text), vec![]);
    // ZWJ sequences are one emoji: the sequence matches, its parts alone do not.
    let text = "👩‍🔬 and 👩 🔬";
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    assert_eq!(es.iter().map(|e| e.text(text).unwrap()).collect::<Vec<_>>(), ["👩‍🔬"]);
    // Joiners that belong to the spelling of a script are kept and matched.
    assert_eq!(tag(&t, "ক্ষ"), pairs(&[("ক্ষ", "MISC")]));
    assert_eq!(tag(&t, "من می‌خواهم."), pairs(&[("می‌خواهم", "MISC")]));
    // Invisible characters are left out of keys: without its non-joiner it matches too.
    assert_eq!(tag(&t, "میخواهم"), pairs(&[("میخواهم", "MISC")]));
    // A joiner before a name does not hide it. (Joiners inside or after a Latin name:
    // `format_characters_do_not_hide_names`.)
    assert_eq!(tag(&small(), "\u{200d}Barzani"), pairs(&[("Barzani", "PER")]));
}

#[test]
fn right_to_left_scripts() {
    let t = Tagger::new([gazetteer(&[
        ("القاهرة", Label::Loc),
        ("محمد بن سلمان", Label::Per),
        ("ירושלים", Label::Loc),
        ("تل أبيب", Label::Loc),
    ])])
    .unwrap();
    let text = "زار محمد بن سلمان القاهرة، ثم ירושלים وتل أبيب.";
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    let got: Vec<_> = es.iter().map(|e| (e.text(text).unwrap(), e.label.as_str())).collect();
    // "وتل" ("and Tel") is one word: the name is not found inside it (whole tokens only).
    assert_eq!(got, [("محمد بن سلمان", "PER"), ("القاهرة", "LOC"), ("ירושלים", "LOC")]);
    // Offsets are logical (memory) order, as the bytes are stored.
    assert_eq!(es[0].start, "زار ".len());
    // Mixed with left-to-right text and digits, on one line.
    let text = "Talks in القاهرة (2024) and ירושלים.";
    assert_eq!(tag(&t, text), pairs(&[("القاهرة", "LOC"), ("ירושלים", "LOC")]));
}

#[test]
fn emoji() {
    let t =
        Tagger::new([gazetteer(&[("🇮🇶", Label::Loc), ("Paris", Label::Loc), ("🏳️‍🌈", Label::Misc)])]).unwrap();
    let text = "🇮🇶🇮🇶 Paris🇫🇷 Paris👍🏽 🇫🇷🇮🇶 🏳️‍🌈!";
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    let got: Vec<_> = es.iter().map(|e| e.text(text).unwrap()).collect();
    // Flags pair up from the left: "🇫🇷🇮🇶" holds the Iraqi flag as its second pair.
    assert_eq!(got, ["🇮🇶", "🇮🇶", "Paris", "Paris", "🇮🇶", "🏳️‍🌈"]);
    // A lone regional indicator between flags shifts the pairs: no flag is invented.
    assert_eq!(tag(&t, "🇶🇮🇶"), vec![]);
    // Only emoji, many of them: nothing found, nothing broken.
    let text = "😀🎉👍🏽👨‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿".repeat(10_000);
    assert_eq!(tag(&t, &text), vec![]);
}

#[cfg(feature = "embedded")]
#[test]
fn byte_order_mark_at_the_start() {
    let text = "\u{feff}ERBIL (Kurdistan 24) – Masrour Barzani met Angela Merkel.";
    let found = tag(&default(), text);
    assert_eq!(found[0], ("ERBIL", "LOC".to_string()));
    assert!(
        found.contains(&("Masrour Barzani", "PER".to_string()))
            && found.contains(&("Angela Merkel", "PER".to_string()))
    );
    let es = default().tag(text);
    assert_eq!(es[0].start, 3, "the BOM is 3 bytes and not part of the name");
    assert_eq!(tag(&small(), "\u{feff}Erbil"), pairs(&[("Erbil", "LOC")]));
    // Gazetteer files may start with a BOM too.
    let g = Gazetteer::from_tsv_str("bom.tsv", "\u{feff}Erbil\tLOC\n").unwrap();
    assert_eq!(g.entries()[0].name, "Erbil");
    let g = Gazetteer::from_jsonl_str("bom.jsonl", "\u{feff}{\"name\": \"Erbil\", \"label\": \"LOC\"}\n")
        .unwrap();
    assert_eq!(g.entries()[0].name, "Erbil");
}

#[cfg(feature = "embedded")]
#[test]
fn crlf_line_ends() {
    let lf = "ERBIL (Kurdistan 24) – The talks\nLONDON 1996-08-30\nMasrour Barzani met Angela Merkel in New\nYork.\n";
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (default().tag(lf), default().tag(&crlf));
    check(lf, &a, Overlap::Resolve);
    check(&crlf, &b, Overlap::Resolve);
    let texts = |es: &[Entity], t: &str| {
        es.iter().map(|e| (e.text(t).unwrap().replace("\r\n", "\n"), e.label.clone())).collect::<Vec<_>>()
    };
    assert_eq!(texts(&a, lf), texts(&b, &crlf), "CRLF tags like LF");
    assert!(b.iter().any(|e| e.text(&crlf).unwrap() == "LONDON" && e.label == Label::Loc));
    // A name across a CRLF is one mention whose span holds the CRLF.
    assert_eq!(tag(&small(), "New\r\nYork"), pairs(&[("New\r\nYork", "LOC")]));
    // A lone CR is white space too.
    assert_eq!(tag(&small(), "New\rYork\rErbil"), pairs(&[("New\rYork", "LOC"), ("Erbil", "LOC")]));
    // Gazetteer files with CRLF: no CR in the names.
    let g = Gazetteer::from_tsv_str("crlf.tsv", "Erbil\tLOC\r\nNew York\tLOC\tq1\r\n").unwrap();
    assert_eq!(g.entries().iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Erbil", "New York"]);
    assert_eq!(g.entries()[1].id.as_deref(), Some("q1"));
    let g =
        Gazetteer::from_jsonl_str("crlf.jsonl", "{\"name\": \"Erbil\", \"label\": \"LOC\"}\r\n\r\n").unwrap();
    assert_eq!(g.len(), 1);
}

#[test]
fn nul_bytes() {
    let t = small();
    assert_eq!(tag(&t, "\0\0\0"), vec![]);
    assert_eq!(tag(&t, "Paris\0Erbil\0"), pairs(&[("Paris", "LOC"), ("Erbil", "LOC")]));
    assert_eq!(tag(&t, "\0Masrour Barzani\0"), pairs(&[("Masrour Barzani", "PER")]));
    // A NUL is no white space: it splits a two-word name.
    assert_eq!(tag(&t, "Masrour\0Barzani"), pairs(&[("Barzani", "PER")]));
    let text = "\0".repeat(1_000_000);
    assert_eq!(tag(&t, &text), vec![]);
    // A NUL inside a gazetteer name is kept, and matches only itself.
    let g = Gazetteer::from_tsv_str("nul.tsv", "Par\0is\tLOC\n").unwrap();
    let t = Tagger::new([g]).unwrap();
    assert_eq!(tag(&t, "Par\0is Paris"), pairs(&[("Par\0is", "LOC")]));
}

#[test]
fn gazetteer_of_one_letter_names() {
    let mut g = Gazetteer::new("letters");
    for c in ('A'..='Z').chain('a'..='z').chain('0'..='9') {
        g.push(Entry::new(c.to_string(), Label::Misc));
    }
    let t = Tagger::new([g.clone()]).unwrap();
    let text = "A to Z: X marks the spot, I said, not Xavier. 7 B-52s.";
    let found: Vec<&str> = tag(&t, text).into_iter().map(|(m, _)| m).collect();
    assert_eq!(found, ["A", "Z", "X", "I", "7", "B"]);
    // Every letter token of a long text is a name: as many entities as one-letter tokens.
    let text = "a b c d e f g h i j ".repeat(10_000);
    assert_eq!(tag(&t, &text).len(), 100_000);
    // Case-insensitive: "a" and "A" are one key; both entries read each letter.
    let t = Tagger::builder().gazetteer(g).case(CaseMode::Ignore).build().unwrap();
    let es = t.tag("a B");
    check("a B", &es, Overlap::Resolve);
    assert_eq!(es.len(), 2);
    assert!(es.iter().all(|e| e.alternatives.len() == 1));
}

#[test]
fn hundred_thousand_names_sharing_one_long_prefix() {
    let prefix = "United Nations Office for the Coordination of Humanitarian Affairs Regional Branch";
    let mut g = Gazetteer::new("branches");
    for i in 0..100_000 {
        g.push(Entry::new(format!("{prefix} N{i}"), Label::Org).id(format!("b{i}")));
    }
    g.push(Entry::new("United Nations", Label::Org).id("un"));
    let t0 = Instant::now();
    let t = Tagger::new([g]).unwrap();
    assert!(t0.elapsed() < Duration::from_secs(15), "building took {:?}", t0.elapsed());
    assert_eq!(t.entry_count(), 100_001);
    let text = format!("{prefix} N0 and {prefix} N99999; the {prefix} N100000 and {prefix}.");
    let es = t.tag(&text);
    check(&text, &es, Overlap::Resolve);
    let ids: Vec<_> = es.iter().map(|e| e.id.as_deref().unwrap_or("")).collect();
    // The two known branches, then the shorter name where the long ones fail.
    assert_eq!(ids, ["b0", "b99999", "un", "un"]);
    assert_eq!(es[1].text(&text).unwrap(), format!("{prefix} N99999"));
    // A text of the prefix a thousand times, each cut short: only the short name.
    let text = format!("{prefix} ").repeat(1000);
    let es = t.tag(&text);
    check(&text, &es, Overlap::Resolve);
    assert_eq!(es.len(), 1000);
    assert!(es.iter().all(|e| e.id.as_deref() == Some("un")));
}

#[test]
fn empty_gazetteer() {
    for t in [
        Tagger::new([Gazetteer::new("empty")]).unwrap(),
        Tagger::new([]).unwrap(),
        Tagger::empty(),
        Tagger::new([Gazetteer::from_tsv_str("empty.tsv", "").unwrap()]).unwrap(),
        Tagger::new([Gazetteer::from_tsv_str("comments.tsv", "# nothing\n\n   \n#\tLOC\n").unwrap()])
            .unwrap(),
        Tagger::new([Gazetteer::from_jsonl_str("empty.jsonl", "\n \n").unwrap()]).unwrap(),
        Tagger::builder()
            .gazetteer(Gazetteer::new("e"))
            .overlap(Overlap::All)
            .case(CaseMode::Ignore)
            .build()
            .unwrap(),
    ] {
        assert_eq!(t.entry_count(), 0);
        assert_eq!(tag(&t, "Paris, Erbil and New York."), vec![]);
        assert_eq!(tag(&t, ""), vec![]);
    }
    // With the rules on and no gazetteer, only rule-made names come out.
    let t = Tagger::builder().rules(Rules::all()).build().unwrap();
    let text = "Prime Minister Masrour Barzani met reporters.";
    let es = t.tag(text);
    check(text, &es, Overlap::Resolve);
    assert!(es.iter().all(|e| e.source.starts_with("rule:")), "{es:?}");
}

#[test]
fn duplicate_entries() {
    // The same line twice with one id: one entry, its alias the same form; one entity.
    let g = Gazetteer::from_tsv_str("dup.tsv", "Erbil\tLOC\tg1\nErbil\tLOC\tg1\n").unwrap();
    assert_eq!(g.len(), 1);
    let t = Tagger::new([g]).unwrap();
    let es = t.tag("Erbil");
    assert_eq!((es.len(), es[0].alternatives.len()), (1, 0));
    assert_eq!(t.entry_count(), 1);
    // The same id in two gazetteers: one entry across both.
    let a = Gazetteer::from_tsv_str("a.tsv", "Erbil\tLOC\tg1\n").unwrap();
    let b = Gazetteer::from_tsv_str("b.tsv", "Arbil\tLOC\tg1\n").unwrap();
    let t = Tagger::new([a, b]).unwrap();
    assert_eq!(t.entry_count(), 1);
    let es = t.tag("Erbil Arbil");
    assert!(es
        .iter()
        .all(|e| e.name.as_ref() == "Erbil" && e.alternatives.is_empty() && e.source.as_ref() == "a.tsv"));
    // The same name twice without an id: the loader keeps both lines; one entity. (Its
    // alternatives: `duplicate_entries_are_one_reading`.)
    let g = Gazetteer::from_tsv_str("dup.tsv", "Erbil\tLOC\nErbil\tLOC\n").unwrap();
    assert_eq!(g.len(), 2);
    let t = Tagger::new([g]).unwrap();
    let es = t.tag("Erbil");
    check("Erbil", &es, Overlap::Resolve);
    assert_eq!((es.len(), es[0].name.as_ref(), es[0].label.clone()), (1, "Erbil", Label::Loc));
    // The same id with another label is an error naming the line.
    let err = Gazetteer::from_tsv_str("dup.tsv", "Erbil\tLOC\tg1\nErbil\tORG\tg1\n").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Parse { line: 2, .. }), "{err}");
    let err = Gazetteer::from_jsonl_str(
        "dup.jsonl",
        "{\"name\": \"Erbil\", \"label\": \"LOC\", \"id\": \"g1\"}\n{\"name\": \"Erbil\", \"label\": \"ORG\", \"id\": \"g1\"}\n",
    )
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Parse { line: 2, .. }), "{err}");
    // A thousand copies of one entry: one entity, nothing slower.
    let mut g = Gazetteer::new("many");
    for _ in 0..1000 {
        g.push(Entry::new("Erbil", Label::Loc));
    }
    let es = Tagger::new([g]).unwrap().tag("Erbil Erbil");
    check("Erbil Erbil", &es, Overlap::Resolve);
    assert_eq!(es.len(), 2);
}

#[test]
fn names_that_normalize_to_nothing() {
    // The loaders refuse them, naming the file and line.
    for (src, line) in [
        ("  \tLOC\n", 1),
        ("Erbil\tLOC\n\u{200b}\tLOC\n", 2),
        ("\u{feff}\u{feff}\tLOC\n", 1),
        ("\u{2060}\u{200d}\u{200e}\tLOC\n", 1),
        ("\u{ad}\tLOC\n", 1),
        ("\t\tLOC\n", 1),
    ] {
        let err = Gazetteer::from_tsv_str("n.tsv", src).unwrap_err();
        match err.kind() {
            ErrorKind::Parse { path, line: l, .. } => {
                assert_eq!((path.as_str(), *l), ("n.tsv", line), "{src:?}")
            }
            k => panic!("{k:?}"),
        }
        assert!(err.to_string().starts_with(&format!("n.tsv:{line}: ")), "{err}");
    }
    for src in [
        "{\"name\": \" \", \"label\": \"LOC\"}",
        "{\"name\": \"\\u200b\", \"label\": \"LOC\"}",
        "{\"name\": \"Erbil\", \"label\": \"LOC\", \"aliases\": [\"\\ufeff\"]}",
        "{\"name\": \"Erbil\", \"label\": \"LOC\", \"aliases\": [{\"name\": \"\"}]}",
    ] {
        let err = Gazetteer::from_jsonl_str("n.jsonl", src).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Parse { line: 1, .. }), "{src}: {err}");
    }
    // Built in code, names of white space only (or nothing) are ignored: no entity, no
    // error, and the other names still match.
    let mut g = gazetteer(&[("", Label::Misc), ("   ", Label::Misc), ("\u{a0}\n", Label::Misc)]);
    g.push(Entry::new("Erbil", Label::Loc));
    for b in [Tagger::builder(), Tagger::builder().case(CaseMode::Ignore).fold_accents(true)] {
        let t = b.gazetteer(g.clone()).build().unwrap();
        assert_eq!(tag(&t, "   \u{a0}  Erbil  \n"), pairs(&[("Erbil", "LOC")]));
    }
}

/// Many threads sharing one tagger (and its thread-local buffers per thread) give what one
/// thread gives, document by document, in any order.
#[cfg(feature = "embedded")]
#[test]
fn eight_threads_share_one_tagger() {
    let tagger = default();
    let mut docs: Vec<String> = vec![
        "ERBIL (Kurdistan 24) – The Kurdistan Regional Government (KRG) said Prime Minister Masrour Barzani met Angela Merkel. Later the KRG and Barzani flew to Paris.".into(),
        "LONDON 1996-08-30\nLeeds United beat Reading 2 0 . Mr. John Smith of the Ministry of Defence met Gen. Bell near the Tigris River.".into(),
        "Talks in القاهرة and ירושלים; 👩‍🔬 🇮🇶 São Paulo, ZÜRICH, İstanbul.".into(),
        "\u{feff}Paris\r\nNew\r\nYork\0Erbil".into(),
        String::new(),
        " \t\n".into(),
        "Paris ".repeat(5000),
        "Emmanuel Macron, Olaf Scholz and Joe Biden met in Washington, D.C. on Tuesday.".into(),
    ];
    for i in 0..24 {
        docs.push(format!(
            "Document {i}: Angela Merkel visited Erbil on day {i}; Merkel said the U.S. and Iraq agreed."
        ));
    }
    let want: Vec<Vec<Entity>> = docs.iter().map(|d| tagger.tag(d)).collect();
    for (d, es) in docs.iter().zip(&want) {
        check(d, es, Overlap::Resolve);
    }
    assert!(want.iter().filter(|es| !es.is_empty()).count() >= 28);
    std::thread::scope(|s| {
        for k in 0..8 {
            let (tagger, docs, want) = (&tagger, &docs, &want);
            s.spawn(move || {
                // Each thread its own order, several rounds, both tag() and tag_with().
                let mut scratch = gazetteer::Scratch::default();
                for round in 0..4 {
                    for j in 0..docs.len() {
                        let i = (j * (k + 1) + round * 7) % docs.len();
                        let got = if (i + k) % 2 == 0 {
                            tagger.tag(&docs[i])
                        } else {
                            tagger.tag_with(&docs[i], &mut scratch)
                        };
                        assert_eq!(got, want[i], "thread {k}, document {i}");
                    }
                }
            });
        }
    });
    // And the library's own parallel batch.
    assert_eq!(tagger.tag_batch(&docs), want);
}

/// Invalid UTF-8 cannot reach the library (`&str`), but `read_utf8` names the file and the
/// byte offset of the first invalid byte.
#[test]
fn invalid_utf8_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("gazetteer-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Erbil \xe2\x80\x93 ok, then \xff\xfe bad").unwrap();
    let p = path.to_string_lossy().into_owned();
    let err = gazetteer::read_utf8(&p).unwrap_err();
    match err.kind() {
        ErrorKind::Utf8 { path, offset } => assert_eq!((path.as_str(), *offset), (p.as_str(), 19)),
        k => panic!("{k:?}"),
    }
    assert_eq!(err.to_string(), format!("{p}: invalid UTF-8 at byte offset 19"));
    let err = Gazetteer::from_path(&p).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Utf8 { offset: 19, .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

// --- Regressions of the findings (docs/hostile-input.md). ---

/// Tags `unit` repeated `small` and `4 * small` times and returns the two durations (the
/// best of two runs each, against noise from a shared machine).
#[cfg(feature = "embedded")]
fn growth(unit: &str, small: usize) -> (Duration, Duration) {
    let t = default();
    let run = |n: usize| {
        let text = unit.repeat(n);
        let mut best = Duration::MAX;
        for _ in 0..2 {
            let t0 = Instant::now();
            let es = t.tag(&text);
            best = best.min(t0.elapsed());
            check(&text, &es, Overlap::Resolve);
        }
        best
    };
    (run(small), run(4 * small))
}

/// Tagging time grows linearly with the text. Finding 1: rule proposals were looked up in
/// the spans made by earlier proposals by a linear scan (src/tagger.rs), and before that
/// several rules scanned every gazetteer span or lexicon phrase for every token
/// (src/rules.rs): four times the text took 12 to 16 times as long, 10 MB over a minute.
#[cfg(feature = "embedded")]
#[test]
fn rules_take_linear_time() {
    for unit in [
        "Paris ",
        "Mr. Smith visited Paris. ",
        "John Smith and ",
        "Gen. Smith met. ",
        "BARZANI SMITH JONES\nMasrour Barzani said.\n",
    ] {
        let (a, b) = growth(unit, 20_000);
        assert!(b < a * 8 + Duration::from_millis(50), "{unit:?}: x1 {a:?}, x4 {b:?}");
    }
}

/// Finding 2: invisible characters that are not white space (bidirectional marks, a BOM
/// inside the text, zero-width joiners) stuck to the token before them (UAX #29 rule WB4)
/// and hid names; right-to-left text on the web is full of such marks.
#[test]
fn format_characters_do_not_hide_names() {
    let t =
        Tagger::new([gazetteer(&[("القاهرة", Label::Loc), ("ירושלים", Label::Loc), ("Paris", Label::Loc)])])
            .unwrap();
    for (text, want) in [
        ("\u{202b}القاهرة\u{202c} x", &["القاهرة"][..]),
        ("\u{200f}ירושלים\u{200f}", &["ירושלים"]),
        ("Paris\u{feff}Paris", &["Paris", "Paris"]),
        ("Paris\u{200d} is", &["Paris"]),
    ] {
        let es = t.tag(text);
        check(text, &es, Overlap::Resolve);
        assert_eq!(es.iter().map(|e| e.text(text).unwrap()).collect::<Vec<_>>(), want, "{text:?}");
    }
    // Inside a Latin name a joiner or a soft hyphen changes nothing visible: the name is
    // found, its span holds the invisible character.
    for text in ["Bar\u{200d}zani", "Bar\u{ad}zani", "Masrour\u{200b}Barzani", "Masrour \u{200e}Barzani"] {
        assert_eq!(tag(&small(), text), pairs(&[(text, "PER")]), "{text:?}");
    }
    // An emoji ZWJ sequence with a stray joiner at its end is still the emoji.
    let t = Tagger::new([gazetteer(&[("👩‍🔬", Label::Misc)])]).unwrap();
    assert_eq!(tag(&t, "👩‍🔬‍ x"), pairs(&[("👩‍🔬", "MISC")]));
}

/// Found by the `tag_fuzzed_gazetteer` fuzz target (input minimized): a name with an
/// invisible character at its end (`\u200bth` from a TSV line). Since 59658c4 the mention's
/// span leaves the invisible character out, and the loaders trim it off the name too.
#[test]
fn name_with_an_invisible_end() {
    let g = Gazetteer::from_tsv_str("fuzz", "\u{200b}th\tPER\nJoh\u{200d}\tPER\n").unwrap();
    let t = Tagger::builder().gazetteer(g).overlap(Overlap::All).build().unwrap();
    for (text, span, name) in
        [("\u{200b}th", 3..5, "th"), ("th", 0..2, "th"), ("x Joh\u{200d}.", 2..5, "Joh")]
    {
        let es = t.tag(text);
        check(text, &es, Overlap::All);
        assert_eq!(es.len(), 1, "{text:?}: {es:?}");
        assert_eq!((es[0].range(), es[0].name.as_ref()), (span, name), "{text:?}");
    }
}

/// Finding 4: two entries with the same name and label and no id were two candidates of
/// every mention, so the entity listed its identical twin as an alternative (a thousand
/// copies, 999 alternatives). A duplicated line is one reading.
#[test]
fn duplicate_entries_are_one_reading() {
    let g = Gazetteer::from_tsv_str("dup.tsv", "Erbil\tLOC\nErbil\tLOC\n").unwrap();
    let es = Tagger::new([g]).unwrap().tag("Erbil");
    assert_eq!(es.len(), 1);
    assert!(es[0].alternatives.iter().all(|c| *c != es[0].candidate()), "{:?}", es[0].alternatives);
    let mut g = Gazetteer::new("many");
    for _ in 0..1000 {
        g.push(Entry::new("Erbil", Label::Loc));
    }
    let es = Tagger::new([g]).unwrap().tag("Erbil Erbil");
    assert_eq!(es.len(), 2);
    assert!(es.iter().all(|e| e.alternatives.is_empty()), "{} alternatives", es[0].alternatives.len());
}

/// Finding 3: names of invisible characters only were refused by the loaders but taken by
/// the builder from code (and a lone combining mark passed the loaders too), and then
/// tagged invisible characters of the text as entities.
#[test]
fn invisible_names_are_ignored() {
    let g = gazetteer(&[("\u{200b}", Label::Misc), ("\u{feff}", Label::Misc), ("\u{301}", Label::Misc)]);
    let t = Tagger::new([g]).unwrap();
    let text = "a \u{200b} b\u{feff} \u{feff}c \u{301} d";
    assert_eq!(tag(&t, text), vec![], "an entity of invisible characters");
    assert!(Gazetteer::from_tsv_str("n.tsv", "\u{301}\tLOC\n").is_err(), "a lone combining mark is no name");
}
