//! The JSON Lines document reader (`gazetteer::stream::JsonLines` over
//! `gazetteer::jsonl::parse_document`, what `gazetteer tag --jsonl` reads) on arbitrary bytes. The first byte picks the text field (`text`, `body` or `id`); the
//! rest is the input.
//!
//! Checks: one item for each line that is not blank, numbered as the line; the same items
//! through a one-byte buffer as from the whole slice; and each line's outcome equal to a
//! full `serde_json::Value` parse of the line: a document exactly when the line is a JSON
//! object whose field (the last of that key) is a string, with that text and `id`.
#![no_main]

use gazetteer::jsonl::{parse_document, Document};
use gazetteer::stream::{DocErrorKind, JsonLines};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::io::BufReader;

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else { return };
    let field = ["text", "body", "id"][usize::from(first % 3)];
    let mut lines = read(JsonLines::new(input, "in", field));
    // Through a one-byte buffer: every line split across many reads.
    assert_eq!(lines, read(JsonLines::new(BufReader::with_capacity(1, input), "in", field)));
    // An input none of whose lines is a document ends with one input error.
    if !lines.is_empty() && lines.iter().all(|l| l.1.is_err()) {
        assert_eq!(lines.pop().map(|l| l.0), Some(0));
    }
    // The non-blank lines, numbered from 1 (a last line without '\n' counts too).
    let want: Vec<(usize, &[u8])> = input
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, l)| (i + 1, l))
        .collect();
    assert_eq!(lines.len(), want.len());
    for ((number, document), (want_number, raw)) in lines.iter().zip(want) {
        assert_eq!(*number, want_number);
        assert_eq!(*document, parse_document(raw, field));
        check_against_value(raw, field, document);
    }
});

/// The reader's items as (line, document or message); a slice has no read errors, and
/// the only input error is the one for an input without a document, at line 0.
fn read<R: std::io::BufRead>(r: JsonLines<R>) -> Vec<(usize, Result<Document, String>)> {
    r.map(|item| match item {
        Ok(d) => (d.meta.line, Ok(Document { id: d.meta.id, text: d.text })),
        Err(e) => {
            assert!(e.kind == DocErrorKind::Document || e.line == 0, "{e}");
            (e.line, Err(e.message))
        }
    })
    .collect()
}

/// The reader's outcome agrees with a parse of the whole line into a `Value`.
fn check_against_value(raw: &[u8], field: &str, got: &Result<Document, String>) {
    let full = std::str::from_utf8(raw)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str::<Value>(s).map_err(|e| e.to_string()));
    match (full, got) {
        (Ok(Value::Object(m)), Ok(doc)) => {
            assert_eq!(m.get(field), Some(&Value::String(doc.text.clone())));
            // With field "id" the id is the text's value; otherwise the line's id.
            assert_eq!(m.get("id"), doc.id.as_ref().or(if field == "id" { m.get("id") } else { None }));
        }
        (Ok(Value::Object(m)), Err(e)) => {
            assert!(
                !matches!(m.get(field), Some(Value::String(_))),
                "refused {e:?} a document with a string field"
            )
        }
        (Ok(_), Ok(doc)) => panic!("a line that is not an object gave {doc:?}"),
        (Ok(_), Err(e)) => assert_eq!(e, "not a JSON object"),
        // The reader skips the fields it does not keep without building them, so it may
        // take a line nested deeper than `Value`'s recursion limit: that is all it may
        // take that `Value` refuses.
        (Err(e), Ok(doc)) => {
            assert!(e.starts_with("recursion limit exceeded"), "took {doc:?} from a bad line: {e}")
        }
        (Err(_), Err(_)) => {}
    }
}
