//! The gazetteer file formats: what loads, and a clear error for every kind of bad line.

use gazetteer::{Alias, CaseMode, ErrorKind, Gazetteer, Label, Tagger};

fn tsv_err(text: &str) -> (usize, String) {
    match Gazetteer::from_tsv_str("g.tsv", text).unwrap_err().kind() {
        ErrorKind::Parse { path, line, message } => {
            assert_eq!(path, "g.tsv");
            (*line, message.clone())
        }
        k => panic!("unexpected error {k:?}"),
    }
}

fn jsonl_err(text: &str) -> (usize, String) {
    match Gazetteer::from_jsonl_str("g.jsonl", text).unwrap_err().kind() {
        ErrorKind::Parse { line, message, .. } => (*line, message.clone()),
        k => panic!("unexpected error {k:?}"),
    }
}

#[test]
fn tsv_loads_comments_aliases_priority_flags() {
    let text = "\u{feff}# people\n\nAngela Merkel\tPER\tgz:merkel\t5\nMerkel\tPER\tgz:merkel\t-5\nMay\tPER\t\t\texact-case\nParis\tloc\r\nSao Paulo\tLOC\tsp\t\tfold-accents,ignore-case\n";
    let g = Gazetteer::from_tsv_str("g.tsv", text).unwrap();
    assert_eq!(g.len(), 4);
    let m = &g.entries()[0];
    assert_eq!((m.name.as_str(), m.priority), ("Angela Merkel", 5));
    assert_eq!(m.aliases, [Alias::new("Merkel").priority(-5)]);
    assert_eq!(g.entries()[1].case, Some(CaseMode::Exact));
    assert_eq!(g.entries()[2].label, Label::Loc);
    assert_eq!(g.entries()[3].case, Some(CaseMode::Ignore));
    assert_eq!(g.entries()[3].fold_accents, Some(true));
}

#[test]
fn tsv_errors_name_line_and_reason() {
    let cases: &[(&str, usize, &str)] = &[
        ("Paris\n", 1, "missing label"),
        ("ok\tLOC\n\tLOC\n", 2, "empty name"),
        ("Paris\t\n", 1, "empty label"),
        ("Paris\tL O C\n", 1, "invalid label"),
        ("Paris\tLOC\tid\tten\n", 1, "priority \"ten\" is not an integer"),
        ("Paris\tLOC\tid\t1\tshouty\n", 1, "unknown flag \"shouty\""),
        ("Paris\tLOC\tid\t1\t\textra\n", 1, "6 columns"),
        ("Paris\tLOC\tx\n# c\nParis\tPER\tx\n", 3, "has label LOC on an earlier line but PER here"),
        ("\u{200b}\u{200b}\tLOC\n", 1, "empty name"),
        ("\u{301}\tLOC\n", 1, "no visible character"),
    ];
    for (text, line, needle) in cases {
        let (l, m) = tsv_err(text);
        assert_eq!(l, *line, "{text:?}: {m}");
        assert!(m.contains(needle), "{text:?}: message {m:?} lacks {needle:?}");
    }
    let full = Gazetteer::from_tsv_str("g.tsv", "Paris\n").unwrap_err().to_string();
    assert!(full.starts_with("g.tsv:1: missing label"), "{full}");
}

#[test]
fn jsonl_loads_and_merges_ids() {
    let text = r#"{"name": "Angela Merkel", "label": "PER", "id": "Q567", "aliases": ["Merkel"], "priority": 3}

{"name": "Frau Merkel", "label": "PER", "id": "Q567"}
{"name": "Paris", "label": "LOC", "case": "ignore", "fold_accents": true}
"#;
    let g = Gazetteer::from_jsonl_str("g.jsonl", text).unwrap();
    assert_eq!(g.len(), 2);
    assert_eq!(g.entries()[0].aliases, ["Merkel", "Frau Merkel"]);
    assert_eq!(g.entries()[1].case, Some(CaseMode::Ignore));
}

#[test]
fn jsonl_errors_name_line_and_reason() {
    let cases: &[(&str, usize, &str)] = &[
        ("{\"name\": \"Paris\"}\n", 1, "missing field `label`"),
        ("{\"name\": \"Paris\", \"label\": \"LOC\"}\n{not json\n", 2, "invalid JSON"),
        ("{\"name\": \" \", \"label\": \"LOC\"}\n", 1, "empty name"),
        ("{\"name\": \"Paris\", \"label\": \"LOC\", \"aliases\": [\"\"]}\n", 1, "empty name or alias"),
        ("{\"name\": \"Paris\", \"label\": \"L O C\"}\n", 1, "invalid label"),
        ("{\"name\": \"Paris\", \"label\": \"LOC\", \"colour\": 1}\n", 1, "unknown field `colour`"),
        ("{\"name\": \"Paris\", \"label\": \"LOC\", \"case\": \"loud\"}\n", 1, "unknown variant `loud`"),
        ("{\"name\": \"Paris\", \"label\": \"LOC\", \"priority\": \"high\"}\n", 1, "invalid JSON"),
    ];
    for (text, line, needle) in cases {
        let (l, m) = jsonl_err(text);
        assert_eq!(l, *line, "{text:?}: {m}");
        assert!(m.contains(needle), "{text:?}: message {m:?} lacks {needle:?}");
    }
}

#[test]
fn from_path_reports_missing_file_and_bad_utf8() {
    let e = Gazetteer::from_path("/nonexistent/g.tsv").unwrap_err().to_string();
    assert!(e.starts_with("/nonexistent/g.tsv: "), "{e}");
    let dir = std::env::temp_dir().join(format!("gz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("bad.tsv");
    std::fs::write(&p, b"Paris\tLOC\nPar\xffis\tLOC\n").unwrap();
    let e = Gazetteer::from_path(&p).unwrap_err().to_string();
    assert!(e.ends_with("invalid UTF-8 at byte offset 13"), "{e}");
    let p = dir.join("g.jsonl");
    std::fs::write(&p, "{\"name\": \"Paris\", \"label\": \"LOC\"}\n").unwrap();
    assert_eq!(Gazetteer::from_path(&p).unwrap().len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn alias_lines_keep_their_own_priority() {
    // The surname alone is weaker than the place; the full name is stronger than both.
    let text =
        "Angela Merkel\tPER\tgz:merkel\t10\nMerkel\tPER\tgz:merkel\t-5\nMerkel\tLOC\tgz:merkel-town\t0\n";
    let t = Tagger::new([Gazetteer::from_tsv_str("g.tsv", text).unwrap()]).unwrap();
    assert_eq!(t.entry_count(), 2);
    let es = t.tag("Merkel");
    assert_eq!((es[0].label.as_str(), es[0].alternatives[0].label.as_str()), ("LOC", "PER"));
    let es = t.tag("Angela Merkel");
    assert_eq!(es[0].label, Label::Per);
}

#[test]
fn jsonl_aliases_may_be_objects() {
    let text = r#"{"name": "Angela Merkel", "label": "PER", "aliases": ["Frau Merkel", {"name": "Merkel", "priority": -5}]}"#;
    let g = Gazetteer::from_jsonl_str("g.jsonl", text).unwrap();
    assert_eq!(g.entries()[0].aliases[1], Alias::new("Merkel").priority(-5));
    let back = serde_json::to_string(&g.entries()[0]).unwrap();
    assert!(back.contains(r#""aliases":["Frau Merkel",{"name":"Merkel","priority":-5}]"#), "{back}");
}
