//! Property tests: invariants of spans over arbitrary Unicode text, and the ASCII fast
//! path of the tokenizer against full Unicode word segmentation.

use gazetteer::tokenize::{tokenize, TokenKind};
use gazetteer::{CaseMode, Entity, Entry, Gazetteer, Label, Overlap, Tagger};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const NAMES: &[&str] = &[
    "Erbil",
    "Kurdistan Region",
    "Masrour Barzani",
    "São Paulo",
    "Москва",
    "O'Brien",
    "U.S.",
    "AT&T",
    "New York",
    "New York Times",
    "İstanbul",
    "Straße",
    "a",
    "Al-Qaeda",
    "東京",
    "🇮🇶",
];

fn tagger(case: Option<CaseMode>, overlap: Overlap) -> Tagger {
    let mut g = Gazetteer::new("p");
    for (i, n) in NAMES.iter().enumerate() {
        g.push(Entry::new(*n, if i % 2 == 0 { Label::Loc } else { Label::Org }).fold_accents(i % 3 == 0));
    }
    let mut b = Tagger::builder().gazetteer(g).overlap(overlap);
    if let Some(c) = case {
        b = b.case(c);
    }
    b.build().unwrap()
}

/// Text built from gazetteer names, their variants, separators and arbitrary chars.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(NAMES).prop_map(str::to_string),
        2 => prop::sample::select(NAMES).prop_map(|n| n.to_uppercase()),
        1 => prop::sample::select(NAMES).prop_map(|n| n.to_lowercase()),
        3 => prop::sample::select(&[" ", "  ", "\u{a0}", "\n", "-", "'s ", "’", ".", ",", "\u{301}", "\u{200d}", "\r\n", "\t"][..]).prop_map(str::to_string),
        2 => any::<String>(),
        1 => "[a-zA-Z0-9 .,:;'_-]{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str, es: &[Entity], overlap: Overlap, t: &Tagger) -> Result<(), TestCaseError> {
    for w in es.windows(2) {
        prop_assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end));
        if overlap == Overlap::Resolve {
            prop_assert!(w[0].end <= w[1].start, "overlapping {:?}", es);
        }
    }
    for e in es {
        prop_assert!(e.start < e.end && e.end <= text.len());
        prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        // The mention on its own is a gazetteer form: tagging the slice alone finds a
        // span covering all of it with the same entry among its readings.
        let slice = &text[e.start..e.end];
        let again = t.tag(slice);
        prop_assert!(
            again.iter().any(|a| a.start == 0
                && a.end == slice.len()
                && (a.name == e.name || a.alternatives.iter().any(|c| c.name == e.name))),
            "{slice:?} alone gives {again:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid_under_every_config(text in text_strategy()) {
        for case in [None, Some(CaseMode::Exact), Some(CaseMode::Ignore)] {
            for overlap in [Overlap::Resolve, Overlap::All] {
                let t = tagger(case, overlap);
                let es = t.tag(&text);
                check(&text, &es, overlap, &t)?;
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let t = tagger(Some(CaseMode::Ignore), Overlap::All);
        let es = t.tag(&text);
        check(&text, &es, Overlap::All, &t)?;
    }

    #[test]
    fn ascii_fast_path_equals_unicode_segmentation(text in "[ -~\t\n\r]{0,64}") {
        prop_assert_eq!(ours(&text), reference(&text));
    }

    #[test]
    fn words_equal_unicode_segmentation(text in text_strategy()) {
        let keep = |v: Vec<(usize, usize, String)>| -> Vec<(usize, usize, String)> {
            v.into_iter().filter(|(_, _, s)| s.chars().any(char::is_alphanumeric)).collect()
        };
        prop_assert_eq!(keep(ours(&text)), keep(reference(&text)));
    }
}

fn ours(text: &str) -> Vec<(usize, usize, String)> {
    tokenize(text)
        .into_iter()
        .map(|t| {
            let tok = &text[t.start..t.end];
            let possessive = ["'s", "'S", "\u{2019}s", "\u{2019}S"].contains(&tok);
            assert_eq!(
                t.kind == TokenKind::Word,
                !possessive && tok.chars().any(char::is_alphanumeric),
                "{tok:?}"
            );
            (t.start, t.end, text[t.start..t.end].to_string())
        })
        .collect()
}

/// Invisible formatting characters, trimmed off the ends of tokens.
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// UAX #29 word segments split around white space (and a byte-order mark), with invisible
/// formatting characters trimmed off their ends and a trailing possessive split off.
fn reference(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (base, segment) in text.split_word_bound_indices() {
        let mut pieces = Vec::new();
        let mut ps = None;
        for (i, c) in segment.char_indices().chain(std::iter::once((segment.len(), ' '))) {
            match (c.is_whitespace() || c == '\u{feff}', ps) {
                (true, Some(p)) => {
                    pieces.push((base + p, &segment[p..i]));
                    ps = None;
                }
                (false, None) => ps = Some(i),
                _ => {}
            }
        }
        for (s, seg) in pieces {
            let t = seg.trim_start_matches(invisible);
            let (s, seg) = (s + seg.len() - t.len(), t.trim_end_matches(invisible));
            if seg.is_empty() {
                continue;
            }
            let e = s + seg.len();
            let is_word = seg.chars().any(char::is_alphanumeric);
            let cut = ["'s", "'S", "\u{2019}s", "\u{2019}S"]
                .iter()
                .find(|p| is_word && seg.len() > p.len() && seg.ends_with(*p))
                .map(|p| e - p.len());
            match cut {
                Some(c) if !text[s..c].trim_end_matches(invisible).is_empty() => {
                    let w = text[s..c].trim_end_matches(invisible);
                    out.push((s, s + w.len(), w.to_string()));
                    out.push((c, e, text[c..e].to_string()));
                }
                _ => out.push((s, e, seg.to_string())),
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A gold span in char offsets reads as the byte span of the same chars, and that byte
    /// span reads back unchanged; a span past the end is an error in either unit.
    #[test]
    fn gold_char_offsets_are_the_same_chars(text in text_strategy(), a in 0usize..200, b in 0usize..200) {
        use gazetteer::eval::{read_gold, Offsets};
        let n = text.chars().count();
        let (s, e) = (a.min(b), a.max(b));
        let line = format!("{{\"start\": {s}, \"end\": {e}, \"label\": \"LOC\"}}");
        let labels = gazetteer::LabelSet::new();
        match read_gold("g", &line, &text, Offsets::Chars, &labels) {
            Ok(spans) => {
                prop_assert!(e <= n);
                let (bs, be) = (spans[0].start, spans[0].end);
                let want: String = text.chars().skip(s).take(e - s).collect();
                prop_assert_eq!(&text[bs..be], want.as_str());
                let back = format!("{{\"start\": {bs}, \"end\": {be}, \"label\": \"LOC\"}}");
                let again = read_gold("g", &back, &text, Offsets::Bytes, &labels).unwrap();
                prop_assert_eq!((again[0].start, again[0].end), (bs, be));
            }
            Err(err) => {
                prop_assert!(e > n, "{}", err);
                let msg = err.to_string();
                prop_assert!(msg.starts_with("g:1: span ") && msg.contains("past the end"), "{}", msg);
            }
        }
    }

    /// Labels are canonical: whatever makes a label, the same name in any case makes an
    /// equal one, and the name of a label makes that label again.
    #[test]
    fn labels_are_canonical(name in "[A-Za-z0-9_-]{0,8}|PER|per|Loc|B-[A-Z]{1,3}") {
        match Label::custom(&name) {
            Ok(l) => {
                prop_assert_eq!(l.as_str(), name.to_ascii_uppercase());
                prop_assert_eq!(Label::custom(&name.to_ascii_lowercase()).ok(), Some(l.clone()));
                prop_assert_eq!(Label::custom(l.as_str()).ok(), Some(l.clone()));
                // Parsing takes the built-in labels only, and gives the same label.
                match name.parse::<Label>() {
                    Ok(p) => prop_assert!(p == l && p.is_built_in()),
                    Err(_) => prop_assert!(!l.is_built_in()),
                }
            }
            Err(_) => prop_assert!(name.parse::<Label>().is_err()),
        }
    }
}
