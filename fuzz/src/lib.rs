//! Invariants shared by the fuzz targets: what every output of the tagger, the gazetteer
//! parsers and the CoNLL reader must satisfy, checked on each input (not only "no panic").

use gazetteer::conll::{self, ConllDocument};
use gazetteer::{CaseMode, Entity, Entry, Gazetteer, Label, Overlap, Rules, Scratch, Tagger, TaggerBuilder};

/// The span invariants of one tagging: every span in bounds, non-empty, on char
/// boundaries, neither starting nor ending with white space; spans sorted by
/// `(start, end)` with no span twice; no overlap under [`Overlap::Resolve`]; the entity's
/// fields filled in; char and UTF-16 offsets consistent with the byte offsets.
pub fn check_spans(text: &str, es: &[Entity], overlap: Overlap) {
    for e in es {
        assert!(e.start < e.end, "empty or reversed span {}..{} in {text:?}", e.start, e.end);
        assert!(e.end <= text.len(), "span {}..{} past the end ({}) of {text:?}", e.start, e.end, text.len());
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "span {}..{} not on char boundaries of {text:?}",
            e.start,
            e.end
        );
        let s = &text[e.start..e.end];
        assert_eq!(e.text(text), Some(s));
        assert!(!s.starts_with(char::is_whitespace), "span {s:?} starts with white space");
        assert!(!s.ends_with(char::is_whitespace), "span {s:?} ends with white space");
        assert!(
            !s.starts_with(is_invisible) && !s.ends_with(is_invisible),
            "span {s:?} has an invisible end"
        );
        assert!(!e.label.as_str().is_empty(), "empty label on {s:?}");
        assert!(!e.source.is_empty(), "empty source on {s:?}");
        assert_eq!(e.range(), e.start..e.end);
    }
    for w in es.windows(2) {
        assert!(
            (w[0].start, w[0].end) < (w[1].start, w[1].end),
            "spans not sorted, or one span twice: {:?} then {:?} in {text:?}",
            w[0].range(),
            w[1].range()
        );
        if overlap == Overlap::Resolve {
            assert!(
                w[0].end <= w[1].start,
                "overlap under Overlap::Resolve: {:?} and {:?} in {text:?}",
                w[0].range(),
                w[1].range()
            );
        }
    }
    // Char and UTF-16 offsets against a brute-force count.
    if !es.is_empty() {
        let mut chars = vec![0usize; text.len() + 1];
        let mut utf16 = vec![0usize; text.len() + 1];
        let (mut c, mut u) = (0, 0);
        for (i, ch) in text.char_indices() {
            chars[i] = c;
            utf16[i] = u;
            c += 1;
            u += ch.len_utf16();
        }
        chars[text.len()] = c;
        utf16[text.len()] = u;
        for e in es {
            assert_eq!(e.char_span(text), (chars[e.start], chars[e.end]), "char span of {:?}", e.range());
            assert_eq!(e.utf16_span(text), (utf16[e.start], utf16[e.end]), "UTF-16 span of {:?}", e.range());
        }
    }
}

/// Invisible formatting characters (soft hyphen, zero-width space and joiners, direction
/// marks, embeddings, word joiner, BOM): the tokenizer trims them off the ends of tokens,
/// so no span starts or ends with one.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The byte range of `form` without the white space and invisible characters at its ends:
/// the span a match of the whole form covers.
pub fn visible_range(form: &str) -> std::ops::Range<usize> {
    let edge = |c: char| c.is_whitespace() || is_invisible(c);
    let start = form.len() - form.trim_start_matches(edge).len();
    let end = form.trim_end_matches(edge).len();
    start..end.max(start)
}

/// Whether an entity comes from a context rule rather than a gazetteer entry.
pub fn from_rule(e: &Entity) -> bool {
    e.source.starts_with("rule:")
}

/// `&text[span]` is consistent with the entry: a mention a gazetteer entry produced is, on
/// its own, a surface form of that entry. `plain` is a tagger over the same gazetteers with
/// the same case and accent options, no rules and [`Overlap::All`]; tagging the mention
/// alone with it must give a span over all of it with the entity's entry among its readings.
pub fn check_consistent(text: &str, es: &[Entity], plain: &Tagger, scratch: &mut Scratch) {
    for e in es.iter().filter(|e| !from_rule(e)) {
        let slice = &text[e.start..e.end];
        let again = plain.tag_with(slice, scratch);
        let same = |a: &Entity| {
            a.start == 0
                && a.end == slice.len()
                && std::iter::once(a.candidate())
                    .chain(a.alternatives.iter().cloned())
                    .any(|c| c.name == e.name && c.id == e.id && c.source == e.source)
        };
        assert!(
            again.iter().any(same),
            "{slice:?} (entity {:?} {} of {:?} at {:?}) alone gives {again:?}",
            &*e.name,
            e.label,
            text,
            e.range()
        );
    }
}

/// Tagging with fresh buffers gives what tagging with the thread's reused buffers gave:
/// no state leaks from one document to the next.
pub fn check_deterministic(t: &Tagger, text: &str, es: &[Entity]) {
    let fresh = t.tag_with(text, &mut Scratch::default());
    assert_eq!(es, &fresh[..], "tag() and tag_with(fresh scratch) disagree on {text:?}");
}

/// Without rules, every span kept under [`Overlap::Resolve`] is one of the spans of
/// [`Overlap::All`], with the same reading.
pub fn check_subset(resolved: &[Entity], all: &[Entity]) {
    for e in resolved {
        assert!(
            all.iter().any(|a| a.range() == e.range() && a.name == e.name && a.label == e.label),
            "resolved span {:?} {:?} missing from Overlap::All output {all:?}",
            e.range(),
            &*e.name
        );
    }
}

/// The fixed gazetteer of the `tag` and `conll` targets: names that share prefixes,
/// ambiguous names, punctuation, combining marks, joiners, other scripts, one-letter names,
/// priorities above the rules' thresholds, and per-entry case and accent options.
pub fn fixed_gazetteer() -> Gazetteer {
    let mut g = Gazetteer::new("fixed");
    let l = |s: &str| s.parse::<Label>().unwrap_or(Label::Misc);
    let rows: &[(&str, &str, i32)] = &[
        ("Erbil", "LOC", 20),
        ("Kurdistan Region", "LOC", 30),
        ("Kurdistan Regional Government", "ORG", 20),
        ("Masrour Barzani", "PER", 0),
        ("São Paulo", "LOC", 0),
        ("Москва", "LOC", 0),
        ("O'Brien", "PER", 0),
        ("U.S.", "LOC", 25),
        ("AT&T", "ORG", 0),
        ("New York", "LOC", 20),
        ("New York Times", "ORG", 0),
        ("İstanbul", "LOC", 0),
        ("Straße", "LOC", 0),
        ("a", "MISC", -5),
        ("X", "MISC", 0),
        ("Al-Qaeda", "ORG", 0),
        ("東京", "LOC", 0),
        ("🇮🇶", "LOC", 0),
        ("👩‍🔬", "MISC", 0),
        ("القاهرة", "LOC", 0),
        ("ירושלים", "LOC", 0),
        ("Jose\u{301}", "PER", 0),
        ("Jordan", "LOC", 10),
        ("Jordan", "PER", 0),
        ("Reading", "LOC", 0),
        ("Leeds", "LOC", 0),
        ("Leeds United", "ORG", 0),
        ("May", "PER", 0),
        ("Bell", "ORG", 0),
        ("Paris", "LOC", 0),
        ("Paris Hilton", "PER", 0),
        ("a b c d e f g", "MISC", 0),
        ("DRUG-X", "DRUG", 0),
    ];
    for (name, label, p) in rows {
        g.push(Entry::new(*name, l(label)).priority(*p));
    }
    g.push(Entry::new("Angela Merkel", Label::Per).id("Q567").alias("Merkel").alias("Mutti"));
    g.push(Entry::new("Islamic State", Label::Org).id("Q2429253").alias("ISIS").alias("IS").alias("Daesh"));
    g.push(Entry::new("Bell", Label::Per).case(CaseMode::Exact));
    g.push(Entry::new("al-Sudani", Label::Per).case(CaseMode::Ignore).fold_accents(true));
    g.push(Entry::new("Zürich", Label::Loc).fold_accents(true).alias("Zurich"));
    g
}

/// A builder over the fixed gazetteer.
pub fn fixed(b: TaggerBuilder) -> Tagger {
    b.gazetteer(fixed_gazetteer()).build().expect("the fixed gazetteer builds")
}

/// The taggers of the `tag` target, built once: default options, ignore-case with accent
/// folding, `Overlap::All`, and the rules (bundled lexicon) under both overlap policies.
pub struct Fixed {
    /// Default options.
    pub default: Tagger,
    /// `CaseMode::Ignore`, accents folded.
    pub ignore: Tagger,
    /// `Overlap::All`.
    pub all: Tagger,
    /// `CaseMode::Ignore`, accents folded, `Overlap::All`.
    pub ignore_all: Tagger,
    /// Every rule, `Overlap::Resolve`.
    pub rules: Tagger,
    /// Every rule, `Overlap::All`.
    pub rules_all: Tagger,
}

impl Fixed {
    /// Builds them.
    pub fn new() -> Fixed {
        Fixed {
            default: fixed(Tagger::builder()),
            ignore: fixed(Tagger::builder().case(CaseMode::Ignore).fold_accents(true)),
            all: fixed(Tagger::builder().overlap(Overlap::All)),
            ignore_all: fixed(
                Tagger::builder().case(CaseMode::Ignore).fold_accents(true).overlap(Overlap::All),
            ),
            rules: fixed(Tagger::builder().rules(Rules::all())),
            rules_all: fixed(Tagger::builder().rules(Rules::all()).overlap(Overlap::All)),
        }
    }
}

impl Default for Fixed {
    fn default() -> Fixed {
        Fixed::new()
    }
}

/// The CoNLL reader's invariants: every token line of the input is one token of one
/// document, in order; a token's range in the rebuilt text holds the line's first field.
pub fn check_conll_docs(lines: &[&str], docs: &[ConllDocument]) {
    let mut expected = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if conll::is_docstart(line) {
            continue;
        }
        if let Some(tok) = line.split_whitespace().next() {
            expected.push((i, tok));
        }
    }
    let got: Vec<(usize, &str)> =
        docs.iter().flat_map(|d| d.tokens.iter().map(move |t| (t.line, &d.text[t.start..t.end]))).collect();
    assert_eq!(got, expected, "CoNLL tokens lost, reordered or altered");
    for d in docs {
        assert!(!d.tokens.is_empty(), "an empty document");
        for w in d.tokens.windows(2) {
            assert!(w[0].end < w[1].start, "tokens not in order");
            let between = &d.text[w[0].end..w[1].start];
            assert!(between == " " || between == "\n", "tokens joined by {between:?}");
        }
        let first = &d.tokens[0];
        let last = &d.tokens[d.tokens.len() - 1];
        assert_eq!(first.start, 0, "text before the first token");
        assert!(
            last.end == d.text.len() || &d.text[last.end..] == "\n",
            "text after the last token: {:?}",
            &d.text[last.end..]
        );
    }
}

/// The IOB2 tags of `doc` for `es`: one a token; `O`, `B-X` or `I-X`; `I-X` only after
/// `B-X` or `I-X`. With `exact` (sorted, non-overlapping entities), each tag is also
/// recomputed by brute force: a token is inside an entity when the entity covers all of
/// its letters and digits (all of it when it has none).
pub fn check_iob2(doc: &ConllDocument, es: &[Entity], tags: &[String], exact: bool) {
    assert_eq!(tags.len(), doc.tokens.len(), "one tag a token");
    let mut prev: Option<&str> = None;
    for t in tags {
        let label = if t == "O" {
            None
        } else if let Some(l) = t.strip_prefix("B-") {
            Some(l)
        } else if let Some(l) = t.strip_prefix("I-") {
            assert_eq!(prev, Some(l), "{t} after {prev:?} in {tags:?}");
            Some(l)
        } else {
            panic!("bad tag {t:?}");
        };
        prev = label;
    }
    if !exact {
        return;
    }
    let mut prev_hit = None;
    for (t, tag) in doc.tokens.iter().zip(tags) {
        let tok = &doc.text[t.start..t.end];
        let alnum: Vec<(usize, char)> = tok.char_indices().filter(|(_, c)| c.is_alphanumeric()).collect();
        let (cs, ce) = match (alnum.first(), alnum.last()) {
            (Some(&(s, _)), Some(&(e, c))) => (t.start + s, t.start + e + c.len_utf8()),
            _ => (t.start, t.end),
        };
        let hit = es.iter().position(|e| e.start <= cs && e.end >= ce);
        let want = match hit {
            None => "O".to_string(),
            Some(k) => format!("{}-{}", if prev_hit == Some(k) { "I" } else { "B" }, es[k].label),
        };
        assert_eq!(*tag, want, "token {tok:?} of {:?} with entities {es:?}", doc.text);
        prev_hit = hit;
    }
}
