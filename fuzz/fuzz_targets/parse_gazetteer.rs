//! The TSV and JSON Lines gazetteer parsers on arbitrary bytes (decoded lossily as UTF-8).
//!
//! Checks: a loaded gazetteer has only trimmed, visible names and aliases, valid labels and
//! distinct ids; nothing is lost (every TSV line that is not blank or a comment is one
//! surface form; every JSON line that does not declare labels one plus its aliases); a TSV
//! gazetteer written back as JSON Lines (its own labels declared) loads to the same entries; the serde form round-trips; an error names the source
//! and a line of the input.
#![no_main]

use gazetteer::{ErrorKind, Gazetteer, Label};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fn check_entries(g: &Gazetteer) {
    let mut ids = HashSet::new();
    for e in g.entries() {
        for form in e.surface_forms() {
            assert!(!form.is_empty(), "empty surface form in {e:?}");
            assert_eq!(form, form.trim(), "untrimmed surface form in {e:?}");
        }
        let label = e.label.as_str();
        assert_eq!(Label::custom(label).as_ref(), Ok(&e.label), "label {label:?} does not round-trip");
        if let Some(id) = &e.id {
            assert!(!id.trim().is_empty(), "blank id in {e:?}");
            assert!(ids.insert(id.clone()), "id {id:?} on two entries");
        }
    }
    let json = serde_json::to_string(g).expect("a gazetteer serializes");
    let back: Gazetteer = serde_json::from_str(&json).expect("a serialized gazetteer deserializes");
    assert_eq!(back.entries(), g.entries());
}

fn check_error(err: &gazetteer::Error, source: &str, text: &str) {
    let lines = text.strip_prefix('\u{feff}').unwrap_or(text).lines().count();
    match err.kind() {
        ErrorKind::Parse { path, line, message } => {
            assert_eq!(path, source);
            assert!(*line >= 1 && *line <= lines, "error on line {line} of {lines}: {message}");
            assert!(!message.is_empty());
            assert!(err.to_string().starts_with(&format!("{source}:{line}: ")), "{err}");
        }
        k => panic!("a parse gave {k:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);

    match Gazetteer::from_tsv_str("fuzz.tsv", &text) {
        Ok(g) => {
            check_entries(&g);
            let lines = body
                .lines()
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .count();
            let forms: usize = g.entries().iter().map(|e| 1 + e.aliases.len()).sum();
            assert_eq!(forms, lines, "TSV lines lost or invented");
            // Written back as JSON Lines (an entry serializes as a JSONL line), the same.
            let own: Vec<&str> = g
                .entries()
                .iter()
                .map(|e| e.label.as_str())
                .filter(|l| l.parse::<Label>().is_err())
                .collect();
            let declare = serde_json::json!({ "labels": own }).to_string() + "\n";
            let jsonl: String = std::iter::once(declare)
                .chain(g.entries().iter().map(|e| serde_json::to_string(e).expect("serializes") + "\n"))
                .collect();
            match Gazetteer::from_jsonl_str("back.jsonl", &jsonl) {
                Ok(back) => assert_eq!(back.entries(), g.entries(), "TSV -> JSONL changes entries"),
                Err(e) => panic!("TSV gazetteer written as JSONL does not load: {e}\n{jsonl}"),
            }
        }
        Err(e) => check_error(&e, "fuzz.tsv", &text),
    }

    match Gazetteer::from_jsonl_str("fuzz.jsonl", &text) {
        Ok(g) => {
            check_entries(&g);
            let mut forms_in = 0;
            for l in body.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(l).expect("a loaded line is JSON");
                let declares = v.as_object().is_some_and(|m| {
                    m.len() == 1
                        && m.get("labels")
                            .and_then(|a| a.as_array())
                            .is_some_and(|a| a.iter().all(|x| x.is_string()))
                });
                if declares {
                    continue;
                }
                forms_in += 1 + v.get("aliases").and_then(|a| a.as_array()).map_or(0, Vec::len);
            }
            let forms: usize = g.entries().iter().map(|e| 1 + e.aliases.len()).sum();
            assert_eq!(forms, forms_in, "JSONL names lost or invented");
        }
        Err(e) => check_error(&e, "fuzz.jsonl", &text),
    }
});
