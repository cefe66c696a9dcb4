//! Parsing one line of JSON Lines input into a document: its text from one field and its
//! id (if any) from `id`. [`crate::stream::JsonLines`] reads whole inputs with it.
//!
//! ```
//! use gazetteer::jsonl::parse_document;
//! let d = parse_document(br#"{"id": 7, "lang": "en", "text": "Erbil"}"#, "text").unwrap();
//! assert_eq!((d.id, d.text.as_str()), (Some(serde_json::json!(7)), "Erbil"));
//! assert_eq!(parse_document(b"[1]", "text").unwrap_err(), "not a JSON object");
//! assert_eq!(parse_document(br#"{"body": "x"}"#, "text").unwrap_err(), "no string field \"text\"");
//! ```

use serde_json::Value;

/// A document read from a line: its text and its `id` field, if it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The line's `id` field, any JSON value.
    pub id: Option<Value>,
    /// The text field.
    pub text: String,
}

/// The id and the text field of one JSON line.
///
/// Only those two fields are built; the others are skipped as they are parsed (a
/// document's other fields can outweigh its text, and a full `Value` tree of each line
/// cost as much as tagging short documents).
///
/// # Errors
/// When the line is not UTF-8, not JSON, not an object, or has no string field `field`:
/// the message says which.
pub fn parse_document(line: &[u8], field: &str) -> Result<Document, String> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
    use std::borrow::Cow;
    struct Fields<'f>(&'f str);
    impl<'de> Visitor<'de> for Fields<'_> {
        type Value = (Option<Value>, Option<Value>);
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Self::Value, M::Error> {
            let (mut id, mut text) = (None, None);
            while let Some(k) = m.next_key::<Cow<'de, str>>()? {
                if k == self.0 {
                    text = Some(m.next_value::<Value>()?);
                } else if k == "id" {
                    id = Some(m.next_value::<Value>()?);
                } else {
                    m.next_value::<IgnoredAny>()?;
                }
            }
            Ok((id, text))
        }
    }
    impl<'de> DeserializeSeed<'de> for Fields<'_> {
        type Value = (Option<Value>, Option<Value>);
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = Fields(field).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let (id, text) = match parsed {
        Ok(v) => v,
        Err(e) if e.is_data() => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    match text {
        Some(Value::String(text)) => Ok(Document { id, text }),
        _ => Err(format!("no string field {field:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_their_faults() {
        type Case<'a> = (&'a [u8], Result<(Option<Value>, &'a str), &'a str>);
        let cases: &[Case] = &[
            (b"{\"text\": \"Erbil\"}", Ok((None, "Erbil"))),
            (
                b"{\"id\": \"a\", \"text\": \"x\", \"more\": {\"deep\": [1, 2]}}",
                Ok((Some(Value::from("a")), "x")),
            ),
            (b" {\"text\": \"\\u00e9\"}\r", Ok((None, "\u{e9}"))),
            (b"{\"text\": 5}", Err("no string field \"text\"")),
            (b"{\"body\": \"x\"}", Err("no string field \"text\"")),
            (b"[\"text\"]", Err("not a JSON object")),
            (b"\"text\"", Err("not a JSON object")),
            (b"{\"text\": \"x\"} {}", Err("invalid JSON: trailing characters")),
            (b"{\"text\": \"x\"", Err("invalid JSON: EOF while parsing")),
            (b"{\"text\": \"\xff\"}", Err("invalid UTF-8 at byte 10")),
        ];
        for (line, want) in cases {
            let got = parse_document(line, "text").map(|d| (d.id, d.text));
            match (got, want) {
                (Ok(g), Ok((id, text))) => assert_eq!((g.0, g.1.as_str()), (id.clone(), *text)),
                (Err(g), Err(w)) => assert!(g.starts_with(w), "{g} / {w}"),
                (g, _) => panic!("{:?}: {g:?}", String::from_utf8_lossy(line)),
            }
        }
    }
}
