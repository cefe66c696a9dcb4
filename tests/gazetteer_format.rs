//! The gazetteer file formats: what loads, and a clear error for every kind of bad line.

use gazetteer::{Alias, CaseMode, ErrorKind, Gazetteer, Label, LabelSet, Tagger};

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
        ("Paris\tLOC\tx\n# c\nParis\tPER\tx\n", 3, "has label LOC on line 1 but PER here"),
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

#[test]
fn labels_are_built_in_or_declared() {
    // Undeclared labels (typos above all) are errors with a suggestion, in both formats.
    let cases: &[(&str, usize, &str)] = &[
        ("Erbil\tLCO\n", 1, "unknown label LCO; did you mean LOC?"),
        (
            "Erbil\tLOC\nAcme\tPRODUCT\n",
            2,
            "unknown label PRODUCT (labels: PER, ORG, LOC, MISC; declare another",
        ),
        ("#labels: PRODUCT\nAcme\tPRODUCTS\n", 2, "unknown label PRODUCTS; did you mean PRODUCT?"),
        ("Erbil\tB-LOC\n", 1, "unknown label B-LOC; did you mean LOC?"),
        (
            "#labels: B-LOC\nErbil\tLOC\n",
            1,
            "invalid label B-LOC: an IOB tag, not a label (the label is LOC)",
        ),
    ];
    for (text, line, needle) in cases {
        let (l, m) = tsv_err(text);
        assert_eq!((l, m.contains(needle)), (*line, true), "{text:?}: {m}");
    }
    let (l, m) = jsonl_err("{\"name\": \"Erbil\", \"label\": \"PLACE\"}\n");
    assert_eq!(l, 1);
    assert!(m.starts_with("unknown label PLACE (labels: PER, ORG, LOC, MISC;"), "{m}");

    // A declaration holds for the whole file, before or after its use, in any case.
    let g =
        Gazetteer::from_tsv_str("g.tsv", "Acme Phone\tproduct\n# labels: Product, EVENT\nExpo 2030\tEVENT\n")
            .unwrap();
    let got: Vec<&str> = g.entries().iter().map(|e| e.label.as_str()).collect();
    assert_eq!(got, ["PRODUCT", "EVENT"]);
    let text = "{\"name\": \"Acme Phone\", \"label\": \"PRODUCT\"}\n{\"labels\": [\"product\"]}\n";
    assert_eq!(Gazetteer::from_jsonl_str("g.jsonl", text).unwrap().entries()[0].label.as_str(), "PRODUCT");
    // Or outside it (the command's --label).
    let mut set = LabelSet::new();
    set.declare("PRODUCT").unwrap();
    let g = Gazetteer::from_tsv_str_with("g.tsv", "Acme Phone\tPRODUCT\n", &set).unwrap();
    assert_eq!(g.entries()[0].label, Label::custom("PRODUCT").unwrap());
    assert!(Gazetteer::from_tsv_str("g.tsv", "Acme Phone\tPRODUCT\n").is_err());
}

#[test]
fn a_header_row_is_refused_with_a_hint() {
    for text in ["name\tlabel\tid\nErbil\tLOC\tQ1\n", "Name\tType\nErbil\tLOC\n", "# people\n\nname\tlabel\n"]
    {
        let (_, m) = tsv_err(text);
        assert!(
            m.contains("looks like a header row") && m.contains("start the line with '#'"),
            "{text:?}: {m}"
        );
    }
    // Commented out, it is a comment; the same words further down are a bad label only.
    assert_eq!(Gazetteer::from_tsv_str("g.tsv", "#name\tlabel\tid\nErbil\tLOC\tQ1\n").unwrap().len(), 1);
    let (l, m) = tsv_err("Erbil\tLOC\nname\tlabel\n");
    assert_eq!(l, 2);
    assert!(m.starts_with("unknown label LABEL"), "{m}");
    // A declared label named like a column is a label.
    assert_eq!(Gazetteer::from_tsv_str("g.tsv", "#labels: TYPE\nBold\tTYPE\n").unwrap().len(), 1);
}

#[test]
fn an_id_keeps_its_label_across_files() {
    let a = Gazetteer::from_tsv_str("a.tsv", "# places\nErbil\tLOC\tQ1\nDuhok\tLOC\tQ2\n").unwrap();
    let b = Gazetteer::from_jsonl_str("b.jsonl", "{\"name\": \"Duhok\", \"label\": \"LOC\", \"id\": \"Q2\"}\n\n{\"name\": \"Erbil SC\", \"label\": \"ORG\", \"id\": \"Q1\"}\n").unwrap();
    assert_eq!(b.line_of(1), Some(3));
    let e = Gazetteer::check_ids(&[a.clone(), b.clone()]).unwrap_err();
    assert_eq!(e.to_string(), "b.jsonl:3: id \"Q1\" has label ORG here but LOC at a.tsv:2");
    // The same label is one thing named in two files; other ids are free.
    let c = Gazetteer::from_tsv_str("c.tsv", "Erbil City\tLOC\tQ1\nErbil SC\tORG\tQ3\n").unwrap();
    Gazetteer::check_ids(&[a.clone(), c]).unwrap();
    // An entry pushed in code has no line to name.
    let mut d = Gazetteer::new("code");
    d.push(gazetteer::Entry::new("Erbil", Label::Org).id("Q1"));
    assert_eq!(d.line_of(0), None);
    let e = Gazetteer::check_ids(&[d, a]).unwrap_err().to_string();
    assert_eq!(e, "a.tsv:2: id \"Q1\" has label LOC here but ORG at code");
}
