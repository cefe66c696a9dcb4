use super::matching::brute;
use super::*;
use crate::tokenize::tokenize;
use proptest::prelude::*;

/// The spans (label, text) the patterns find in `text`.
fn spans(patterns: &str, text: &str, ents: &[EntityTokens<'_>]) -> Vec<(String, String)> {
    let set = PatternSet::from_jsonl("test.jsonl", patterns).unwrap_or_else(|e| panic!("{e}"));
    let tokens = tokenize(text);
    set.find(text, &tokens, ents)
        .iter()
        .map(|m| (m.label.to_string(), text[tokens[m.start].start..tokens[m.end - 1].end].to_string()))
        .collect()
}

/// Whether the one-token pattern `dict` matches the one token `word`.
fn one(dict: &str, word: &str) -> bool {
    let tokens = tokenize(word);
    assert_eq!(tokens.len(), 1, "{word:?} is one token");
    let line = format!(r#"{{"label": "T", "pattern": [{dict}]}}"#);
    let set = PatternSet::from_jsonl("t.jsonl", &line).unwrap_or_else(|e| panic!("{e}"));
    let found = set.find(word, &tokens, &[]);
    found.iter().any(|m| (m.start, m.end) == (0, 1))
}

#[test]
fn attributes() {
    let cases = [
        (r#"{"ORTH": "Apple"}"#, "Apple", true),
        (r#"{"ORTH": "Apple"}"#, "apple", false),
        (r#"{"TEXT": "Apple"}"#, "Apple", true),
        (r#"{"text": "Apple"}"#, "APPLE", false),
        (r#"{"LOWER": "apple"}"#, "APPLE", true),
        (r#"{"LOWER": "apple"}"#, "apples", false),
        (r#"{"LOWER": "straße"}"#, "STRAßE", true),
        (r#"{"LENGTH": 5}"#, "Apple", true),
        (r#"{"LENGTH": 3}"#, "São", true),
        (r#"{"LENGTH": 5}"#, "Apples", false),
        (r#"{"SHAPE": "Xxxxx"}"#, "Apple", true),
        (r#"{"SHAPE": "Xxxxx"}"#, "Applesauce", true),
        (r#"{"SHAPE": "Xxxxx"}"#, "apple", false),
        (r#"{"SHAPE": "dddd"}"#, "1996", true),
        (r#"{"SHAPE": "X.X"}"#, "U.S", true),
        (r#"{"IS_ALPHA": true}"#, "Apple", true),
        (r#"{"IS_ALPHA": true}"#, "C3PO", false),
        (r#"{"IS_ALPHA": false}"#, "C3PO", true),
        (r#"{"IS_ASCII": true}"#, "cafe", true),
        (r#"{"IS_ASCII": true}"#, "café", false),
        (r#"{"IS_DIGIT": true}"#, "1996", true),
        (r#"{"IS_DIGIT": true}"#, "19.96", false),
        (r#"{"IS_LOWER": true}"#, "apple", true),
        (r#"{"IS_LOWER": true}"#, "Apple", false),
        (r#"{"IS_UPPER": true}"#, "NATO", true),
        (r#"{"IS_UPPER": true}"#, "Nato", false),
        (r#"{"IS_TITLE": true}"#, "Nato", true),
        (r#"{"IS_TITLE": true}"#, "NATO", false),
        (r#"{"IS_PUNCT": true}"#, ",", true),
        (r#"{"IS_PUNCT": true}"#, "$", false),
        (r#"{"IS_PUNCT": true}"#, "a", false),
        (r#"{"IS_PUNCT": false}"#, "a", true),
        (r#"{"LIKE_NUM": true}"#, "twelve", true),
        (r#"{"LIKE_NUM": true}"#, "1,000", true),
        (r#"{"LIKE_NUM": true}"#, "21st", true),
        (r#"{"LIKE_NUM": true}"#, "dozen", false),
        (r#"{"ENT_TYPE": ""}"#, "Apple", true),
        (r#"{"ENT_TYPE": "ORG"}"#, "Apple", false),
        (r#"{}"#, "anything", true),
    ];
    for (dict, word, want) in cases {
        assert_eq!(one(dict, word), want, "{dict} on {word:?}");
    }
}

#[test]
fn value_forms() {
    let cases = [
        (r#"{"LOWER": {"IN": ["san", "los"]}}"#, "Los", true),
        (r#"{"LOWER": {"IN": ["san", "los"]}}"#, "las", false),
        (r#"{"ORTH": {"NOT_IN": ["a", "b"]}}"#, "a", false),
        (r#"{"ORTH": {"NOT_IN": ["a", "b"]}}"#, "c", true),
        (r#"{"TEXT": {"REGEX": "^[A-Z]{3}$"}}"#, "VLC", true),
        (r#"{"TEXT": {"REGEX": "^[A-Z]{3}$"}}"#, "VLCX", false),
        // Found anywhere, as Python's re.search.
        (r#"{"TEXT": {"REGEX": "ell"}}"#, "Bellow", true),
        (r#"{"LOWER": {"REGEX": "^bel"}}"#, "Bellow", true),
        (r#"{"SHAPE": {"REGEX": "^Xx+$"}}"#, "Bellow", true),
        (r#"{"LENGTH": {">=": 3, "<": 5}}"#, "abc", true),
        (r#"{"LENGTH": {">=": 3, "<": 5}}"#, "abcde", false),
        (r#"{"LENGTH": {">=": 3, "<": 5}}"#, "ab", false),
        (r#"{"LENGTH": {"==": 2}}"#, "ab", true),
        (r#"{"LENGTH": {"!=": 2}}"#, "ab", false),
        (r#"{"LENGTH": {">": 2}}"#, "abc", true),
        (r#"{"LENGTH": {"<=": 2}}"#, "abc", false),
        (r#"{"LENGTH": {"IN": [2, 4]}}"#, "abcd", true),
        (r#"{"LENGTH": {"NOT_IN": [2, 4]}}"#, "abcd", false),
        (r#"{"ENT_TYPE": {"NOT_IN": ["ORG"]}}"#, "Apple", true),
        (r#"{"ORTH": "Apple", "LENGTH": 4}"#, "Apple", false),
        (r#"{"ORTH": "Apple", "IS_TITLE": true}"#, "Apple", true),
    ];
    for (dict, word, want) in cases {
        assert_eq!(one(dict, word), want, "{dict} on {word:?}");
    }
}

#[test]
fn sentence_starts() {
    let p = r#"{"label": "S", "pattern": [{"IS_SENT_START": true, "LOWER": "rain"}]}"#;
    let text = "Rain fell. Rain stopped, rain came.\nrain again";
    let got: Vec<usize> = {
        let set = PatternSet::from_jsonl("s", p).unwrap_or_else(|e| panic!("{e}"));
        let tokens = tokenize(text);
        set.find(text, &tokens, &[]).iter().map(|m| tokens[m.start].start).collect()
    };
    assert_eq!(got, [0, 11, 36]);
    let not_start = r#"{"label": "S", "pattern": [{"IS_SENT_START": false, "LOWER": "rain"}]}"#;
    assert_eq!(spans(not_start, text, &[]), [("S".into(), "rain".into())]);
}

#[test]
fn entity_types() {
    let text = "Velcor Mining chief executive Anna Berg said Velcor would grow.";
    let ents = [
        EntityTokens { start: 0, end: 2, label: "ORG" },
        EntityTokens { start: 4, end: 6, label: "PER" },
        EntityTokens { start: 7, end: 8, label: "ORG" },
    ];
    let role = r#"{"label": "ROLE", "pattern": [{"ENT_TYPE": "ORG", "OP": "+"}, {"LOWER": "chief"}, {"LOWER": "executive"}, {"ENT_TYPE": "PER", "OP": "+"}]}"#;
    assert_eq!(spans(role, text, &ents), [("ROLE".into(), "Velcor Mining chief executive Anna Berg".into())]);
    let org = r#"{"label": "X", "pattern": [{"ENT_TYPE": {"IN": ["ORG"]}, "IS_TITLE": true}]}"#;
    assert_eq!(spans(org, text, &ents).len(), 3);
    // Without entities, nothing carries a label.
    assert!(spans(role, text, &[]).is_empty());
    // overwrite_ents = false: a match touching an entity is dropped.
    let set = PatternSet::from_jsonl("p", r#"{"label": "X", "pattern": "Velcor"}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let tokens = tokenize(text);
    let mut out = Vec::new();
    set.find_with(text, &tokens, &ents[..1], true, &mut PatternScratch::default(), &mut out);
    assert_eq!(out.iter().map(|m| m.start).collect::<Vec<_>>(), [7]);
    out.clear();
    set.find_with(text, &tokens, &ents[..1], false, &mut PatternScratch::default(), &mut out);
    assert_eq!(out.iter().map(|m| m.start).collect::<Vec<_>>(), [0, 7]);
}

/// Token ranges found by token patterns (one a line, labelled by their line) in `text`.
fn ranges(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
    let lines: Vec<String> =
        patterns.iter().map(|p| format!(r#"{{"label": "T", "pattern": {p}}}"#)).collect();
    let set = PatternSet::from_jsonl("t", &lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let tokens = tokenize(text);
    set.find(text, &tokens, &[]).iter().map(|m| (m.start, m.end, m.pattern)).collect()
}

/// A match: first token, end token, pattern.
type Found = (usize, usize, usize);

#[test]
fn operators() {
    let a_opt_b = r#"[{"ORTH": "a", "OP": "?"}, {"ORTH": "b"}]"#;
    let a_star_b = r#"[{"ORTH": "a", "OP": "*"}, {"ORTH": "b"}]"#;
    let a_plus = r#"[{"ORTH": "a", "OP": "+"}]"#;
    let a_plus_b = r#"[{"ORTH": "a", "OP": "+"}, {"ORTH": "b"}]"#;
    let not_match = r#"[{"LOWER": "not", "OP": "!"}, {"LOWER": "match"}]"#;
    let a2 = r#"[{"ORTH": "a", "OP": "{2}"}]"#;
    let a23 = r#"[{"ORTH": "a", "OP": "{2,3}"}]"#;
    let a2_ = r#"[{"ORTH": "a", "OP": "{2,}"}]"#;
    let a_2b = r#"[{"ORTH": "a", "OP": "{,2}"}, {"ORTH": "b"}]"#;
    let cases: &[(&str, &str, &[Found])] = &[
        (a_opt_b, "a b", &[(0, 2, 0)]),
        (a_opt_b, "b", &[(0, 1, 0)]),
        (a_opt_b, "x b", &[(1, 2, 0)]),
        (a_opt_b, "a a", &[]),
        (a_star_b, "a a b", &[(0, 3, 0)]),
        (a_star_b, "b", &[(0, 1, 0)]),
        (a_plus, "a a x a", &[(0, 2, 0), (3, 4, 0)]),
        (a_plus_b, "b", &[]),
        (a_plus_b, "a a b", &[(0, 3, 0)]),
        (not_match, "a match", &[(0, 2, 0)]),
        (not_match, "not match", &[]),
        // `!` consumes a token: nothing before "match", no match.
        (not_match, "match", &[]),
        (a2, "a a a", &[(0, 2, 0)]),
        (a2, "a", &[]),
        (a23, "a a a a", &[(0, 3, 0)]),
        (a23, "a", &[]),
        (a2_, "a a a a", &[(0, 4, 0)]),
        (a_2b, "a a a b", &[(1, 4, 0)]),
        (a_2b, "b", &[(0, 1, 0)]),
        // Operators are not greedy by themselves: the longest match is found even when
        // a shorter run of the starred token would let the next token match.
        (r#"[{"IS_ALPHA": true, "OP": "*"}, {"ORTH": "z"}, {"ORTH": "q"}]"#, "x z y z q", &[(0, 5, 0)]),
        // Patterns that match nothing but the empty span find nothing.
        (r#"[{"ORTH": "a", "OP": "?"}]"#, "b", &[]),
    ];
    for (p, text, want) in cases {
        assert_eq!(ranges(&[p], text), *want, "{p} on {text:?}");
    }
}

#[test]
fn overlaps_as_spacy() {
    let ab = r#"[{"ORTH": "a"}, {"ORTH": "b"}]"#;
    let bcd = r#"[{"ORTH": "b"}, {"ORTH": "c"}, {"ORTH": "d"}]"#;
    let bc = r#"[{"ORTH": "b"}, {"ORTH": "c"}]"#;
    // Longest first.
    assert_eq!(ranges(&[ab, bcd], "a b c d"), [(1, 4, 1)]);
    // Equal lengths: the earlier.
    assert_eq!(ranges(&[bc, ab], "a b c"), [(0, 2, 1)]);
    // Same span: the pattern loaded first.
    assert_eq!(ranges(&[ab, ab], "a b"), [(0, 2, 0)]);
    // A start whose longest match is taken keeps its shorter match.
    let xyzq = r#"[{"ORTH": "x"}, {"ORTH": "y"}, {"ORTH": "z"}, {"ORTH": "q"}]"#;
    let w_xy = r#"[{"ORTH": "w"}, {"ORTH": {"IN": ["x", "y"]}, "OP": "*"}]"#;
    assert_eq!(ranges(&[w_xy, xyzq], "w x y z q"), [(0, 1, 0), (1, 5, 1)]);
    // Priority ranks matches of one length before their start.
    let p =
        "{\"label\": \"A\", \"pattern\": \"a b\"}\n{\"label\": \"B\", \"pattern\": \"b c\", \"priority\": 3}";
    assert_eq!(spans(p, "a b c", &[]), [("B".into(), "b c".into())]);
}

#[test]
fn phrases_use_the_crate_tokenizer() {
    let p = r#"{"label": "ORG", "pattern": "Velcor's Mining", "id": "velcor"}"#;
    assert_eq!(spans(p, "Velcors Mining", &[]), []);
    assert_eq!(spans(p, "the Velcor's\nMining unit", &[]), [("ORG".into(), "Velcor's\nMining".into())]);
    let set = PatternSet::from_jsonl("p", p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((set.patterns()[0].id(), set.patterns()[0].source()), (Some("velcor"), "p"));
    let code = Pattern::phrase(Label::Org, "U.S. Steel")
        .unwrap_or_else(|e| panic!("{e}"))
        .with_id("x")
        .with_priority(2);
    let mut set = PatternSet::new();
    set.push(code);
    let text = "U.S. Steel rose";
    let m = set.find(text, &tokenize(text), &[]);
    assert_eq!((m[0].start, m[0].end, m[0].priority, m[0].id.as_deref()), (0, 3, 2, Some("x")));
}

#[test]
fn errors_name_file_line_and_reason() {
    let cases = [
        (r#"{"label": "ORG", "pattern": [}"#, "bad JSON"),
        (r#"[1, 2]"#, "must be a JSON object"),
        (r#"{"pattern": "x"}"#, "missing \"label\""),
        (r#"{"label": 3, "pattern": "x"}"#, "\"label\" must be a string"),
        (r#"{"label": "A B", "pattern": "x"}"#, "bad \"label\""),
        (r#"{"label": "ORG"}"#, "missing \"pattern\""),
        (r#"{"label": "ORG", "pattern": 5}"#, "\"pattern\" must be"),
        (r#"{"label": "ORG", "pattern": "  "}"#, "the phrase has no tokens"),
        (r#"{"label": "ORG", "pattern": []}"#, "the token pattern is empty"),
        (r#"{"label": "ORG", "pattern": ["a"]}"#, "token 1: a token must be a JSON object"),
        (
            r#"{"label": "ORG", "pattern": [{"ORTH": "a"}, {"COLOUR": "red"}]}"#,
            "token 2: unknown attribute \"COLOUR\"",
        ),
        (r#"{"label": "ORG", "pattern": [{"POS": "PROPN"}]}"#, "token 1: attribute \"POS\" is not supported"),
        (r#"{"label": "ORG", "pattern": [{"LEMMA": "be"}]}"#, "\"LEMMA\" is not supported"),
        (r#"{"label": "ORG", "pattern": [{"TAG": "NNP"}]}"#, "\"TAG\" is not supported"),
        (r#"{"label": "ORG", "pattern": [{"DEP": "nsubj"}]}"#, "\"DEP\" is not supported"),
        (r#"{"label": "ORG", "pattern": [{"MORPH": "x"}]}"#, "\"MORPH\" is not supported"),
        (r#"{"label": "ORG", "pattern": [{"REGEX": "x"}]}"#, "REGEX is a value form"),
        (r#"{"label": "ORG", "pattern": [{"TEXT": {"REGEX": "(a"}}]}"#, "TEXT: bad REGEX \"(a\""),
        (r#"{"label": "ORG", "pattern": [{"TEXT": {"REGEX": "(?=a)"}}]}"#, "bad REGEX"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": "++"}]}"#, "bad OP \"++\""),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": "{a}"}]}"#, "bad OP \"{a}\""),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": "{,}"}]}"#, "bad OP"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": "{3,1}"}]}"#, "maximum is below the minimum"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": "{1000}"}]}"#, "counts above 100"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": "a", "OP": 1}]}"#, "bad OP 1"),
        (r#"{"label": "ORG", "pattern": [{"LENGTH": "5"}]}"#, "LENGTH: \"5\" is not a whole number"),
        (r#"{"label": "ORG", "pattern": [{"IS_ALPHA": "yes"}]}"#, "IS_ALPHA: \"yes\" is not true or false"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": 5}]}"#, "ORTH: 5 is not a string"),
        (
            r#"{"label": "ORG", "pattern": [{"ORTH": {">=": 3}}]}"#,
            ">= compares numbers: it applies to LENGTH only",
        ),
        (
            r#"{"label": "ORG", "pattern": [{"LENGTH": {"REGEX": "5"}}]}"#,
            "REGEX applies to string attributes only",
        ),
        (r#"{"label": "ORG", "pattern": [{"ORTH": {"FUZZY": "x"}}]}"#, "unsupported predicate \"FUZZY\""),
        (r#"{"label": "ORG", "pattern": [{"ORTH": {}}]}"#, "empty dict"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": {"IN": "a"}}]}"#, "IN takes a list"),
        (r#"{"label": "ORG", "pattern": [{"ORTH": {"IN": [1]}}]}"#, "1 is not a string"),
        (r#"{"label": "ORG", "pattern": "x", "priority": "high"}"#, "\"priority\" must be a whole number"),
        (r#"{"label": "ORG", "pattern": "x", "id": [1]}"#, "\"id\" must be a string"),
    ];
    for (line, want) in cases {
        let text = format!("{{\"label\": \"OK\", \"pattern\": \"fine\"}}\n\n{line}\n");
        let err = PatternSet::from_jsonl("bad.jsonl", &text).map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("bad.jsonl:3: "), "{line}: {err}");
        assert!(err.contains(want), "{line}: {err:?} lacks {want:?}");
        assert!(!err.contains('\n'), "{line}: one line: {err:?}");
    }
    let err = PatternSet::load("/nonexistent/p.jsonl").map(|_| ()).unwrap_err().to_string();
    assert!(err.starts_with("/nonexistent/p.jsonl: "), "{err}");
}

#[test]
fn literal_group_and_class_starts() {
    let set = PatternSet::from_jsonl(
        "t",
        r#"{"label": "A", "pattern": [{"ORTH": "Velcor"}, {"IS_TITLE": true}]}
{"label": "B", "pattern": [{"LOWER": {"IN": ["lake", "mount"]}}, {"IS_TITLE": true}]}
{"label": "C", "pattern": [{"IS_DIGIT": true}, {"LOWER": "km"}]}
{"label": "D", "pattern": [{"ORTH": "a", "OP": "?"}, {"ORTH": "b"}]}
{"label": "E", "pattern": [{"ENT_TYPE": "ORG"}]}
{"label": "F", "pattern": [{"IS_DIGIT": true}, {"IS_ALPHA": true}]}
{"label": "G", "pattern": [{"IS_DIGIT": true}, {"ORTH": "mi"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ix = &set.index;
    // Required first tokens that are no literal: one group per spec, tested once per token
    // for the patterns whose second token is no literal; the others are found by the text
    // of their second token.
    let group_classes = |g: u32| -> Vec<usize> {
        (0..attrs::CLASSES).filter(|&c| ix.groups_by_class[c].contains(&g)).collect()
    };
    assert_eq!(ix.groups.len(), 2);
    let digits = &ix.groups[0];
    assert_eq!(group_classes(0), [attrs::C_DIGIT, attrs::C_DIGIT + 5]);
    let second =
        |m: &crate::fxhash::FxMap<Box<str>, compile::Starts>, k: &str| m.get(k).map(|s| s.second.clone());
    assert_eq!((second(&ix.lower, "km"), second(&ix.orth, "mi")), (Some(vec![(0, 2)]), Some(vec![(0, 6)])));
    assert_eq!(digits.patterns, [5]);
    assert_eq!((ix.groups[1].patterns.as_slice(), group_classes(1)), (&[4u32][..], vec![5, 6, 7, 8, 9]));
    assert_eq!(ix.orth.get("Velcor").map(|s| s.first.as_slice()), Some(&[0u32][..]));
    assert_eq!(
        (ix.lower.get("lake").map(|s| s.first.len()), ix.lower.get("mount").map(|s| s.first.len())),
        (Some(1), Some(1))
    );
    let in_classes =
        |p: u32| -> Vec<usize> { (0..attrs::CLASSES).filter(|&c| ix.by_class[c].contains(&p)).collect() };
    // An optional first token: started by the classes of the tokens that can begin.
    assert_eq!(in_classes(3), [attrs::C_LOWER, attrs::C_LOWER + 5]);
    assert!((0..attrs::CLASSES).all(|c| ix.by_class[c].iter().all(|&p| p == 3)));
}

#[test]
fn hostile_inputs_do_not_panic() {
    let set = PatternSet::from_jsonl(
        "t",
        r#"{"label": "A", "pattern": [{"OP": "+"}]}
{"label": "B", "pattern": [{"OP": "*"}, {"IS_PUNCT": true, "OP": "{2,}"}, {"OP": "!"}]}
{"label": "C", "pattern": [{"SHAPE": {"REGEX": "^(x+)+$"}, "OP": "*"}, {"LIKE_NUM": true}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let long = "word ".repeat(3000) + &"!".repeat(500) + "\u{0}\u{feff}é\u{301} 日本 ١٢٣";
    let tokens = tokenize(&long);
    let found = set.find(&long, &tokens, &[EntityTokens { start: 5, end: 10_000, label: "X" }]);
    // `[{"OP": "+"}]` covers the document in spans of at most MAX_MATCH_TOKENS tokens.
    assert!(found.iter().all(|m| m.end - m.start <= MAX_MATCH_TOKENS && m.end <= tokens.len()));
    assert_eq!(found.iter().map(|m| m.end - m.start).sum::<usize>(), tokens.len());
}

// The property: the matcher equals the brute-force reference.

const VOCAB: &[&str] = &["a", "b", "A", "B", "1", "two", ",", "."];

fn token_dict() -> impl Strategy<Value = String> {
    let attr = prop_oneof![
        proptest::sample::select(VOCAB).prop_map(|w| format!(r#""ORTH": "{w}""#)),
        proptest::sample::select(VOCAB).prop_map(|w| format!(r#""LOWER": "{}""#, w.to_lowercase())),
        proptest::sample::subsequence(VOCAB, 0..3).prop_map(|ws| format!(r#""ORTH": {{"IN": {ws:?}}}"#)),
        proptest::sample::subsequence(VOCAB, 0..3).prop_map(|ws| format!(r#""LOWER": {{"NOT_IN": {ws:?}}}"#)),
        any::<bool>().prop_map(|b| format!(r#""IS_UPPER": {b}"#)),
        any::<bool>().prop_map(|b| format!(r#""IS_PUNCT": {b}"#)),
        any::<bool>().prop_map(|b| format!(r#""LIKE_NUM": {b}"#)),
        any::<bool>().prop_map(|b| format!(r#""IS_SENT_START": {b}"#)),
        proptest::sample::select(&["", "X", "Y"][..]).prop_map(|l| format!(r#""ENT_TYPE": "{l}""#)),
        (1..4i32).prop_map(|n| format!(r#""LENGTH": {{">=": {n}}}"#)),
        Just(r#""TEXT": {"REGEX": "^[ab]"}"#.to_string()),
        Just(String::new()),
    ];
    let op = proptest::sample::select(&["", "?", "*", "+", "!", "{2}", "{1,2}", "{,2}", "{2,}"][..]);
    (attr, op).prop_map(|(a, op)| match (a.is_empty(), op.is_empty()) {
        (true, true) => "{}".to_string(),
        (true, false) => format!(r#"{{"OP": "{op}"}}"#),
        (false, true) => format!("{{{a}}}"),
        (false, false) => format!(r#"{{{a}, "OP": "{op}"}}"#),
    })
}

fn pattern_line() -> impl Strategy<Value = String> {
    (proptest::collection::vec(token_dict(), 1..4), 0..3i32).prop_map(|(dicts, prio)| {
        format!(r#"{{"label": "P", "pattern": [{}], "priority": {prio}}}"#, dicts.join(", "))
    })
}

proptest! {
    #[test]
    fn matcher_equals_brute_force(
        lines in proptest::collection::vec(pattern_line(), 1..5),
        words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..14),
        ents in proptest::collection::vec((0..14usize, 1..4usize, proptest::bool::ANY), 0..3),
        avoid in proptest::bool::ANY,
    ) {
        let set = PatternSet::from_jsonl("p", &lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
        let text = words.join(" ");
        let tokens = tokenize(&text);
        prop_assert_eq!(tokens.len(), words.len());
        let ents: Vec<EntityTokens<'_>> = ents
            .iter()
            .map(|&(s, len, x)| EntityTokens { start: s, end: s + len, label: if x { "X" } else { "Y" } })
            .collect();
        let mut got = Vec::new();
        set.find_with(&text, &tokens, &ents, avoid, &mut PatternScratch::default(), &mut got);
        let got: Vec<(usize, usize, usize)> = got.iter().map(|m| (m.start, m.end, m.pattern)).collect();
        prop_assert_eq!(got, brute::select(&set, &text, &tokens, &ents, avoid));
    }
}
