//! Streaming: documents in, tagged documents out, in input order, on several threads, in
//! bounded memory.
//!
//! [`Tagger::stream`] takes any iterator of documents (a text and the caller's own
//! metadata: an id, a row, a path) and returns an iterator of the tagged documents in the
//! same order. It reads a batch (by default 512 documents or 8 MB of text, whichever comes
//! first), tags the batch on all threads, hands the results out one by one, and only then
//! reads the next batch: memory holds one batch, whatever the size of the input.
//!
//! Inputs are `Result`s, so that a reader can report a document it could not read
//! ([`DocError`]: where, and why) in its place in the order. The [`OnError`] policy says what
//! the stream does with one: pass it on and go on ([`OnError::Skip`], the default), or pass
//! it on and end ([`OnError::Stop`]).
//!
//! Readers for the usual inputs are here too: [`JsonLines`] (one JSON object a line, with a
//! text field and an optional `id`) and [`text_files`] (one document a file).
//!
//! ```
//! use gazetteer::stream::{Document, StreamOptions};
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//!
//! let mut g = Gazetteer::new("places");
//! g.push(Entry::new("Nairobi", Label::Loc));
//! let tagger = Tagger::new([g])?;
//!
//! let docs = (1..=1000).map(|i| Ok(Document { text: format!("Story {i} from Nairobi."), meta: i }));
//! let mut n = 0;
//! for tagged in tagger.stream(docs, StreamOptions::default().threads(2).batch_docs(64)) {
//!     let tagged = tagged?;
//!     n += 1;
//!     assert_eq!(tagged.meta, n); // input order
//!     assert_eq!(tagged.entities[0].text(&tagged.text).unwrap_or_default(), "Nairobi");
//! }
//! assert_eq!(n, 1000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Reading JSON Lines, skipping bad lines and reporting them:
//!
//! ```
//! use gazetteer::stream::{JsonLines, StreamOptions};
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//!
//! let mut g = Gazetteer::new("places");
//! g.push(Entry::new("Lagos", Label::Loc));
//! let tagger = Tagger::new([g])?;
//! let input = "{\"id\": 7, \"text\": \"Rain in Lagos.\"}\nnot json\n\n{\"text\": \"Sun in LAGOS.\"}\n";
//! let mut out = Vec::new();
//! for r in tagger.stream(JsonLines::new(input.as_bytes(), "news.jsonl", "text"), StreamOptions::default()) {
//!     match r {
//!         Ok(t) => out.push((t.meta.line, t.meta.id.map(|v| v.to_string()), t.entities.len())),
//!         Err(e) => assert_eq!(e.to_string(), "news.jsonl:2: invalid JSON: expected ident at line 1 column 2"),
//!     }
//! }
//! assert_eq!(out, [(1, Some("7".to_string()), 1), (4, None, 1)]);
//! # Ok::<(), gazetteer::Error>(())
//! ```

use crate::entity::Entity;
use crate::tagger::Tagger;
use serde_json::Value;
use std::collections::VecDeque;
use std::fmt;
use std::io::BufRead;
use std::sync::Arc;

/// A document to tag: its text and the caller's metadata, handed back with the entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document<M> {
    /// The text.
    pub text: String,
    /// Anything the caller wants back with the result (an id, a row, a path).
    pub meta: M,
}

/// A tagged document.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged<M> {
    /// The text, as given.
    pub text: String,
    /// The caller's metadata, as given.
    pub meta: M,
    /// The entities of `text`.
    pub entities: Vec<Entity>,
}

/// A document that could not be read: where it is, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    /// The file (or `-` for standard input, or any name the caller gave).
    pub source: Arc<str>,
    /// The line (1-based) in a file of several documents; 0 for a whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
    /// Whether one document is bad or a whole input failed.
    pub kind: DocErrorKind,
}

impl DocError {
    /// One bad document (a line of JSON Lines that is not a document): the input goes on.
    pub fn document(source: impl Into<Arc<str>>, line: usize, message: impl Into<String>) -> DocError {
        DocError { source: source.into(), line, message: message.into(), kind: DocErrorKind::Document }
    }

    /// An input that failed (a file that cannot be opened or read, or not one of whose
    /// lines is a document): nothing more comes from it.
    pub fn input(source: impl Into<Arc<str>>, message: impl Into<String>) -> DocError {
        DocError { source: source.into(), line: 0, message: message.into(), kind: DocErrorKind::Input }
    }
}

/// What a [`DocError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocErrorKind {
    /// One document is bad; the documents after it can be read.
    Document,
    /// A whole input failed; nothing more is read from it.
    Input,
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        }
    }
}

impl std::error::Error for DocError {}

/// What [`Tagger::stream`] does with a document that could not be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnError {
    /// Hand the error on in its place, and go on with the next document.
    #[default]
    Skip,
    /// Hand the error on in its place, and end the stream: nothing after it is read.
    Stop,
}

/// Options of [`Tagger::stream`].
#[derive(Clone, Copy, Debug)]
pub struct StreamOptions {
    threads: usize,
    batch_docs: usize,
    batch_bytes: usize,
    on_document_error: OnError,
    on_input_error: OnError,
}

impl Default for StreamOptions {
    /// All cores; batches of 512 documents or 8 MB; [`OnError::Skip`].
    fn default() -> StreamOptions {
        StreamOptions {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            batch_docs: 512,
            batch_bytes: 8 << 20,
            on_document_error: OnError::Skip,
            on_input_error: OnError::Skip,
        }
    }
}

impl StreamOptions {
    /// Tags on at most `n` threads (at least one).
    pub fn threads(mut self, n: usize) -> StreamOptions {
        self.threads = n.max(1);
        self
    }

    /// Reads at most `n` documents (at least one) before tagging them.
    pub fn batch_docs(mut self, n: usize) -> StreamOptions {
        self.batch_docs = n.max(1);
        self
    }

    /// Reads at most about `n` bytes of text before tagging them (a batch holds at least
    /// one document, however long).
    pub fn batch_bytes(mut self, n: usize) -> StreamOptions {
        self.batch_bytes = n;
        self
    }

    /// What to do with any document that could not be read (both kinds of [`DocError`]).
    pub fn on_error(self, policy: OnError) -> StreamOptions {
        self.on_document_error(policy).on_input_error(policy)
    }

    /// What to do with a bad document ([`DocErrorKind::Document`]).
    pub fn on_document_error(mut self, policy: OnError) -> StreamOptions {
        self.on_document_error = policy;
        self
    }

    /// What to do with an input that failed ([`DocErrorKind::Input`]).
    pub fn on_input_error(mut self, policy: OnError) -> StreamOptions {
        self.on_input_error = policy;
        self
    }

    fn policy(&self, e: &DocError) -> OnError {
        match e.kind {
            DocErrorKind::Document => self.on_document_error,
            DocErrorKind::Input => self.on_input_error,
        }
    }
}

/// The iterator [`Tagger::stream`] returns.
pub struct TagStream<'t, I, M> {
    tagger: &'t Tagger,
    input: I,
    options: StreamOptions,
    ready: VecDeque<Result<Tagged<M>, DocError>>,
    done: bool,
}

impl<I, M> TagStream<'_, I, M>
where
    I: Iterator<Item = Result<Document<M>, DocError>>,
{
    /// Reads and tags the next batch into `ready`.
    fn fill(&mut self) {
        let mut batch: Vec<Result<Document<M>, DocError>> = Vec::new();
        let mut bytes = 0;
        while batch.is_empty() || (batch.len() < self.options.batch_docs && bytes < self.options.batch_bytes)
        {
            match self.input.next() {
                None => {
                    self.done = true;
                    break;
                }
                Some(Ok(d)) => {
                    bytes += d.text.len();
                    batch.push(Ok(d));
                }
                Some(Err(e)) => {
                    let stop = self.options.policy(&e) == OnError::Stop;
                    batch.push(Err(e));
                    if stop {
                        self.done = true;
                        break;
                    }
                }
            }
        }
        let texts: Vec<&str> =
            batch.iter().filter_map(|d| d.as_ref().ok().map(|d| d.text.as_str())).collect();
        let mut found = self.tagger.tag_batch_threads(&texts, self.options.threads).into_iter();
        drop(texts);
        for d in batch {
            self.ready.push_back(d.map(|d| Tagged {
                entities: found.next().unwrap_or_default(),
                text: d.text,
                meta: d.meta,
            }));
        }
    }
}

impl<I, M> Iterator for TagStream<'_, I, M>
where
    I: Iterator<Item = Result<Document<M>, DocError>>,
{
    type Item = Result<Tagged<M>, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.ready.is_empty() && !self.done {
            self.fill();
        }
        self.ready.pop_front()
    }
}

impl Tagger {
    /// Tags a stream of documents on several threads, in input order, in bounded memory
    /// (see [`crate::stream`]).
    pub fn stream<I, M>(&self, docs: I, options: StreamOptions) -> TagStream<'_, I::IntoIter, M>
    where
        I: IntoIterator<Item = Result<Document<M>, DocError>>,
    {
        TagStream { tagger: self, input: docs.into_iter(), options, ready: VecDeque::new(), done: false }
    }
}

/// Where a document of [`JsonLines`] or [`text_files`] came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file name (or the name the caller gave).
    pub source: Arc<str>,
    /// The line (1-based) of a JSON Lines document; 0 for a whole file.
    pub line: usize,
    /// The document's `id` field, when it has one (any JSON value).
    pub id: Option<Value>,
}

/// Reads JSON Lines documents: each non-blank line a JSON object whose text field (a
/// string) is the text, with an optional `id` kept in [`Origin::id`]. Other fields are
/// skipped as they are parsed ([`crate::jsonl::parse_document`]).
///
/// A line that is not such an object is an error item of kind
/// [`DocErrorKind::Document`], with its line number. Two errors are of kind
/// [`DocErrorKind::Input`]: a read error, after which the reader ends, and, at the end,
/// an input of which not one line was a document (most likely the wrong file or the wrong
/// text field: a run over it would otherwise tag nothing and look fine).
pub struct JsonLines<R> {
    reader: R,
    source: Arc<str>,
    field: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Non-blank lines read, and how many of them were not documents.
    lines: usize,
    bad: usize,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader`; `source` names it in errors and origins; `text_field` is the field
    /// holding the text (usually `"text"`).
    pub fn new(reader: R, source: impl Into<Arc<str>>, text_field: impl Into<String>) -> JsonLines<R> {
        JsonLines {
            reader,
            source: source.into(),
            field: text_field.into(),
            line: 0,
            buf: Vec::new(),
            done: false,
            lines: 0,
            bad: 0,
        }
    }
}

impl JsonLines<std::io::BufReader<std::fs::File>> {
    /// Opens a JSON Lines file.
    ///
    /// # Errors
    /// When the file cannot be opened (the error names it).
    pub fn open(path: impl AsRef<std::path::Path>, text_field: impl Into<String>) -> crate::Result<Self> {
        let path = path.as_ref();
        let f = std::fs::File::open(path).map_err(|e| crate::Error::io(path.display().to_string(), e))?;
        Ok(JsonLines::new(std::io::BufReader::new(f), path.display().to_string(), text_field))
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document<Origin>, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    if self.lines > 0 && self.bad == self.lines {
                        let m = format!(
                            "none of its {} line(s) is a document with a string field {:?}",
                            self.lines, self.field
                        );
                        return Some(Err(DocError::input(self.source.clone(), m)));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    let m = format!("{e}; the rest of the input is not read");
                    return Some(Err(DocError::input(self.source.clone(), m)));
                }
            }
            self.line += 1;
            let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.lines += 1;
            return Some(match crate::jsonl::parse_document(line, &self.field) {
                Ok(d) => Ok(Document {
                    text: d.text,
                    meta: Origin { source: self.source.clone(), line: self.line, id: d.id },
                }),
                Err(message) => {
                    self.bad += 1;
                    Err(DocError::document(self.source.clone(), self.line, message))
                }
            });
        }
        None
    }
}

/// One document a file, read when the stream reaches it ([`read_text`]): a file that
/// cannot be read, or is not UTF-8, is an error item. `-` is standard input.
pub fn text_files<P: AsRef<str>>(
    paths: impl IntoIterator<Item = P>,
) -> impl Iterator<Item = Result<Document<Origin>, DocError>> {
    paths.into_iter().map(|p| {
        let source: Arc<str> = p.as_ref().into();
        read_text(p.as_ref()).map(|text| Document { text, meta: Origin { source, line: 0, id: None } })
    })
}

/// Reads a whole file (`-`: standard input) as UTF-8 text; the error names the file and
/// says what is wrong (the I/O error, or the byte offset of the first invalid byte).
///
/// # Errors
/// A [`DocErrorKind::Input`] error when the file cannot be read or is not UTF-8.
pub fn read_text(path: &str) -> Result<String, DocError> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(path)
    };
    let text = bytes.map_err(|e| e.to_string()).and_then(|b| {
        String::from_utf8(b)
            .map_err(|e| format!("invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))
    });
    text.map_err(|message| DocError::input(path, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entry, Gazetteer, Label};

    fn tagger() -> Tagger {
        let mut g = Gazetteer::new("g");
        g.push(Entry::new("Lagos", Label::Loc));
        Tagger::new([g]).unwrap()
    }

    fn doc(i: usize) -> Result<Document<usize>, DocError> {
        if i % 7 == 3 {
            Err(DocError::document("x", i, "bad"))
        } else {
            Ok(Document { text: "Lagos ".repeat(i % 5), meta: i })
        }
    }

    #[test]
    fn order_errors_and_batches() {
        let t = tagger();
        for (threads, docs, bytes) in [(1, 1, 1 << 20), (2, 3, 1 << 20), (4, 512, 10), (3, 50, 0)] {
            let opts = StreamOptions::default().threads(threads).batch_docs(docs).batch_bytes(bytes);
            let got: Vec<_> = t.stream((0..200).map(doc), opts).collect();
            assert_eq!(got.len(), 200);
            for (i, r) in got.into_iter().enumerate() {
                match r {
                    Ok(tg) => assert_eq!((tg.meta, tg.entities.len()), (i, i % 5)),
                    Err(e) => assert_eq!((e.line, i % 7), (i, 3)),
                }
            }
        }
    }

    #[test]
    fn stop_ends_after_the_first_error() {
        let t = tagger();
        let opts = StreamOptions::default().on_error(OnError::Stop).batch_docs(2);
        let got: Vec<_> = t.stream((0..200).map(doc), opts).collect();
        assert_eq!(got.len(), 4);
        assert!(got[..3].iter().all(Result::is_ok) && got[3].is_err());
    }

    #[test]
    fn json_lines_items() {
        let input = b"{\"text\": \"a\", \"id\": [1]}\n\n  \n{\"id\": 2}\n[1]\n{\"text\": 5}\n\xff\n{\"text\": \"b\"} x\n{\"body\": \"c\", \"text\": \"d\"}";
        let got: Vec<_> = JsonLines::new(&input[..], "f", "text").collect();
        let want: Vec<Result<(usize, &str), &str>> = vec![
            Ok((1, "a")),
            Err("f:4: no string field \"text\""),
            Err("f:5: not a JSON object"),
            Err("f:6: no string field \"text\""),
            Err("f:7: invalid UTF-8 at byte 0"),
            Err("f:8: invalid JSON: trailing characters at line 1 column 15"),
            Ok((9, "d")),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            match (g, w) {
                (Ok(d), Ok((line, text))) => assert_eq!((d.meta.line, d.text.as_str()), (*line, *text)),
                (Err(e), Err(msg)) => assert_eq!(e.to_string(), *msg),
                _ => panic!("{g:?} against {w:?}"),
            }
        }
        assert_eq!(got[0].as_ref().unwrap().meta.id, Some(serde_json::json!([1])));
    }

    #[test]
    fn text_files_report_unreadable_files_in_place() {
        let dir = std::env::temp_dir().join(format!("gazetteer-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (a, bad) = (dir.join("a.txt"), dir.join("bad.txt"));
        std::fs::write(&a, "Lagos").unwrap();
        std::fs::write(&bad, b"\xff").unwrap();
        let missing = dir.join("missing.txt");
        let paths = [&a, &missing, &bad, &a].map(|p| p.display().to_string());
        let got: Vec<_> = tagger().stream(text_files(&paths), StreamOptions::default()).collect();
        assert_eq!(got.iter().map(Result::is_ok).collect::<Vec<_>>(), [true, false, false, true]);
        let e = got[1].as_ref().unwrap_err();
        assert!(e.to_string().starts_with(&format!("{}: ", missing.display())), "{e}");
        assert!(got[2].as_ref().unwrap_err().message.contains("UTF-8"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn json_lines_number_lines_and_end_on_a_read_error() {
        use std::io;
        let input: &[u8] = b"\n{\"text\": \"a\"}\r\n  \nnope\n{\"text\": \"b\"}";
        let got: Vec<(usize, bool)> = JsonLines::new(input, "f", "text")
            .map(|r| r.map_or_else(|e| (e.line, false), |d| (d.meta.line, true)))
            .collect();
        assert_eq!(got, [(2, true), (4, false), (5, true)]);
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
        let items: Vec<_> = JsonLines::new(io::BufReader::new(Broken(0)), "f", "text").collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(
            (e.kind, e.to_string().as_str()),
            (DocErrorKind::Input, "f: disk gone; the rest of the input is not read")
        );
    }

    #[test]
    fn json_lines_with_no_document_fail_as_an_input() {
        let got: Vec<_> = JsonLines::new(&b"[1]\n\n{\"body\": \"x\"}\n"[..], "f", "text").collect();
        let kinds: Vec<_> = got.iter().map(|r| r.as_ref().unwrap_err().kind).collect();
        assert_eq!(kinds, [DocErrorKind::Document, DocErrorKind::Document, DocErrorKind::Input]);
        assert_eq!(
            got[2].as_ref().unwrap_err().to_string(),
            "f: none of its 2 line(s) is a document with a string field \"text\""
        );
        // One document among them is enough; an empty input is no failure.
        assert!(JsonLines::new(&b"[1]\n{\"text\": \"x\"}"[..], "f", "text")
            .all(|r| r.is_ok() || r.unwrap_err().kind == DocErrorKind::Document));
        assert_eq!(JsonLines::new(&b"\n \n"[..], "f", "text").count(), 0);
    }

    #[test]
    fn policies_by_kind() {
        let items = || {
            vec![
                Ok(Document { text: "Lagos".to_string(), meta: 0 }),
                Err(DocError::document("f", 2, "bad line")),
                Ok(Document { text: "Lagos".to_string(), meta: 3 }),
                Err(DocError::input("g", "gone")),
                Ok(Document { text: "Lagos".to_string(), meta: 5 }),
            ]
        };
        let t = tagger();
        let count = |o: StreamOptions| t.stream(items(), o.batch_docs(2)).count();
        assert_eq!(count(StreamOptions::default()), 5);
        assert_eq!(count(StreamOptions::default().on_input_error(OnError::Stop)), 4);
        assert_eq!(count(StreamOptions::default().on_document_error(OnError::Stop)), 2);
        assert_eq!(count(StreamOptions::default().on_error(OnError::Stop)), 2);
    }
}
