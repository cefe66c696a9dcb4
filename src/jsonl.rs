//! Reading documents from JSON Lines: one JSON object a line, its text in one field and
//! its id (if any) in `id`, as `gazetteer tag --jsonl` reads them.
//!
//! ```
//! use gazetteer::jsonl::Reader;
//! let input = "{\"id\": 7, \"text\": \"Erbil\"}\n\n[1]\n{\"text\": \"Duhok\", \"lang\": \"en\"}\n";
//! let lines: Vec<_> = Reader::new(input.as_bytes(), "text").collect::<Result<_, _>>().unwrap();
//! assert_eq!(lines.len(), 3); // the blank line is not a document
//! assert_eq!((lines[0].number, lines[0].document.as_ref().unwrap().text.as_str()), (1, "Erbil"));
//! assert_eq!(lines[1].document.as_ref().unwrap_err(), "not a JSON object");
//! assert_eq!(lines[2].number, 4);
//! ```

use serde_json::Value;
use std::io::{self, BufRead};

/// A document read from a line: its text and its `id` field, if it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The line's `id` field, any JSON value.
    pub id: Option<Value>,
    /// The text field.
    pub text: String,
}

/// One non-blank line of the input: its number and its document, or why it is none.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The 1-based line number.
    pub number: usize,
    /// The document, or what is wrong with the line (invalid UTF-8 or JSON, not an
    /// object, no string text field).
    pub document: Result<Document, String>,
    /// The length of the line in bytes.
    pub bytes: usize,
}

/// Reads the lines of JSON Lines input as documents; blank lines are passed over.
///
/// A bad line is an `Ok` item whose `document` says what is wrong (the caller decides to
/// skip it or stop); an `Err` item is an I/O error of the input, after which the reader
/// ends.
pub struct Reader<R> {
    input: R,
    field: String,
    number: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader of `input` taking the text from the field `text_field`.
    pub fn new(input: R, text_field: &str) -> Reader<R> {
        Reader { input, field: text_field.to_string(), number: 0, buf: Vec::new(), done: false }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        while !self.done {
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.number += 1;
                    let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let document = parse_document(line, &self.field);
                    return Some(Ok(Line { number: self.number, document, bytes: line.len() }));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
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

    #[test]
    fn the_reader_numbers_lines_and_ends_on_an_error() {
        let input: &[u8] = b"\n{\"text\": \"a\"}\r\n  \nnope\n{\"text\": \"b\"}";
        let lines: Vec<Line> = Reader::new(input, "text").map(Result::unwrap).collect();
        let got: Vec<(usize, bool)> = lines.iter().map(|l| (l.number, l.document.is_ok())).collect();
        assert_eq!(got, [(2, true), (4, false), (5, true)]);
        assert_eq!(lines[0].bytes, 14);
        struct Broken(u8);
        impl io::Read for Broken {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                self.0 += 1;
                match self.0 {
                    1 => {
                        let line = b"{\"text\": \"a\"}\n";
                        buf[..line.len()].copy_from_slice(line);
                        Ok(line.len())
                    }
                    2 => Err(io::Error::new(io::ErrorKind::Interrupted, "again")),
                    _ => Err(io::Error::other("disk gone")),
                }
            }
        }
        let items: Vec<io::Result<Line>> = Reader::new(io::BufReader::new(Broken(0)), "text").collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].as_ref().is_ok_and(|l| l.document.is_ok()));
        assert_eq!(items[1].as_ref().unwrap_err().to_string(), "disk gone");
    }
}
