//! Output formats: JSON Lines, spaCy JSON, CoNLL IOB2, brat standoff and an HTML view.
//!
//! Each format uses the offsets its ecosystem expects:
//!
//! | format  | what one document becomes                               | offsets            |
//! |---------|---------------------------------------------------------|--------------------|
//! | `jsonl` | one JSON line: source, id, entities with all fields     | UTF-8 bytes        |
//! | `spacy` | one JSON line `{"text", "ents": [{"start","end","label"}]}` | chars (Python) |
//! | `conll` | `-DOCSTART-`, then one token a line with its IOB2 tag   | none (tokens)      |
//! | `brat`  | standoff `.ann` lines `T1<TAB>PER 0 15<TAB>text`        | chars (Python)     |
//! | `html`  | an `<article>` of a self-contained page, like displaCy  | none (marked up)   |
//!
//! "Chars" are Unicode scalar values, as Python 3's `str` counts them: `"🇨🇭"` is two.
//!
//! [`write_document`] writes one document's part; [`write_header`] and [`write_footer`]
//! write what comes before the first and after the last document (only HTML has any).
//! [`Writer`] does all three for a stream of documents:
//!
//! ```
//! use gazetteer::output::{Format, Writer};
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//!
//! let mut g = Gazetteer::new("demo");
//! g.push(Entry::new("Zürich", Label::Loc).id("geonames:2657896"));
//! let tagger = Tagger::builder().gazetteer(g).build()?;
//!
//! let text = "Café talks in Zürich";
//! let mut w = Writer::new("spacy".parse::<Format>()?, Vec::new());
//! w.write("a.txt", None, text, &tagger.tag(text))?;
//! let out = String::from_utf8(w.finish()?).unwrap();
//! assert_eq!(out, "{\"text\":\"Café talks in Zürich\",\"ents\":[{\"start\":14,\"end\":20,\"label\":\"LOC\"}]}\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Entities whose span is empty or not a range of the text (which [`Tagger`](crate::Tagger)
//! never returns) are left out of every format but `jsonl`. Overlapping entities (only with
//! [`Overlap::All`](crate::Overlap::All)) are all written by `jsonl`, `spacy` and `brat`;
//! `conll` and `html` cannot nest, so they keep, from left to right, the longest entity at
//! each start that does not overlap one already kept (`html` still counts all of them in
//! its list).

use crate::entity::{Entity, OffsetConverter};
use crate::label::Label;
use crate::tokenize::{tokenize, Token, TokenKind};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::str::FromStr;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// JSON Lines with byte offsets and every field of each entity (the default).
    #[default]
    Jsonl,
    /// spaCy's training / `displacy` manual JSON, char offsets, one document a line.
    Spacy,
    /// One token a line with its IOB2 tag, CoNLL-2003 style.
    Conll,
    /// brat standoff `.ann` lines, char offsets.
    Brat,
    /// A self-contained HTML page with the entities highlighted, like displaCy.
    Html,
}

impl Format {
    /// Every format, in the order of the names in [`Format::NAMES`].
    pub const ALL: [Format; 5] = [Format::Jsonl, Format::Spacy, Format::Conll, Format::Brat, Format::Html];

    /// The formats' names, as [`FromStr`] accepts them.
    pub const NAMES: [&'static str; 5] = ["jsonl", "spacy", "conll", "brat", "html"];

    /// The format's name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Spacy => "spacy",
            Format::Conll => "conll",
            Format::Brat => "brat",
            Format::Html => "html",
        }
    }

    /// The usual file name extension of the format's output (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Spacy => "jsonl",
            Format::Conll => "conll",
            Format::Brat => "ann",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// An unknown format name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFormatError(String);

impl fmt::Display for ParseFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format {:?} (formats: {})", self.0, Format::NAMES.join(", "))
    }
}

impl std::error::Error for ParseFormatError {}

impl FromStr for Format {
    type Err = ParseFormatError;

    /// Parses a name of [`Format::NAMES`], ignoring ASCII case.
    fn from_str(s: &str) -> Result<Format, ParseFormatError> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseFormatError(s.to_string()))
    }
}

/// Writes what precedes the first document: the page's head for [`Format::Html`],
/// nothing for the others.
pub fn write_header(format: Format, w: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Html => w.write_all(HTML_HEADER.as_bytes()),
        _ => Ok(()),
    }
}

/// Writes what follows the last document: the end of the page for [`Format::Html`],
/// nothing for the others.
pub fn write_footer(format: Format, w: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Html => w.write_all(HTML_FOOTER.as_bytes()),
        _ => Ok(()),
    }
}

/// Writes one document's part of the output: a JSON line (`jsonl`, `spacy`), a
/// `-DOCSTART-` block (`conll`), `.ann` lines (`brat`) or an `<article>` (`html`, between
/// [`write_header`] and [`write_footer`]).
///
/// `source` names the document (a file name), `id` is its id (from `--jsonl` input);
/// `jsonl` and `html` show them, the other formats have no place for them. `entities` are
/// entities of `text`, as [`Tagger::tag`](crate::Tagger::tag) returns them.
pub fn write_document(
    format: Format,
    w: &mut impl Write,
    source: &str,
    id: Option<&Value>,
    text: &str,
    entities: &[Entity],
) -> io::Result<()> {
    match format {
        Format::Jsonl => write_jsonl(w, source, id, text, entities),
        Format::Spacy => write_spacy(w, text, entities),
        Format::Conll => write_conll(w, text, entities),
        Format::Brat => write_brat_ann(w, text, entities),
        Format::Html => write_html_article(w, source, id, text, entities),
    }
}

/// Writes a stream of documents in one format: the header before the first document, a
/// separator between documents where the format needs one (a blank line between the
/// `.ann` blocks of `brat`), and the footer in [`Writer::finish`].
///
/// Call [`Writer::finish`] at the end: without it an HTML page stays unfinished and the
/// output is not flushed.
///
/// In [`Format::Jsonl`] it writes each line from a buffer it keeps, with the sources of
/// the entities (usually a gazetteer's path, the same in every entity) escaped once.
#[derive(Debug)]
pub struct Writer<W: Write> {
    format: Format,
    w: W,
    docs: usize,
    started: bool,
    fields: Fields,
    buf: Vec<u8>,
    sources: SourceCache,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `w`. Nothing is written before the first document.
    pub fn new(format: Format, w: W) -> Writer<W> {
        Writer {
            format,
            w,
            docs: 0,
            started: false,
            fields: Fields::ALL,
            buf: Vec::new(),
            sources: SourceCache::default(),
        }
    }

    /// Writes only these fields of each entity in [`Format::Jsonl`] (the other formats
    /// have fields of their own and ignore this).
    pub fn fields(mut self, fields: Fields) -> Writer<W> {
        self.fields = fields;
        self
    }

    /// The format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// How many documents were written.
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// The underlying writer.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.w
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write_header(self.format, &mut self.w)?;
        }
        Ok(())
    }

    /// Writes one document (see [`write_document`]).
    pub fn write(
        &mut self,
        source: &str,
        id: Option<&Value>,
        text: &str,
        entities: &[Entity],
    ) -> io::Result<()> {
        self.start()?;
        if self.format == Format::Brat && self.docs > 0 {
            self.w.write_all(b"\n")?;
        }
        if self.format == Format::Jsonl {
            self.buf.clear();
            jsonl_into(&mut self.buf, &mut self.sources, self.fields, source, id, text, entities)?;
            self.w.write_all(&self.buf)?;
            if self.buf.capacity() > 1 << 22 {
                // One huge document does not hold its buffer for the rest of the run.
                self.buf = Vec::new();
            }
        } else {
            write_document(self.format, &mut self.w, source, id, text, entities)?;
        }
        self.docs += 1;
        Ok(())
    }

    /// Writes the footer (the header too if no document came: an empty HTML page is still
    /// a page), flushes, and returns the underlying writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.start()?;
        write_footer(self.format, &mut self.w)?;
        self.w.flush()?;
        Ok(self.w)
    }
}

/// Writes a document as brat expects it on disk: `DIR/NAME.txt` holding the text exactly
/// and `DIR/NAME.ann` its annotations (the brat format's offsets refer to the `.txt`).
pub fn write_brat_files(
    dir: impl AsRef<Path>,
    name: &str,
    text: &str,
    entities: &[Entity],
) -> io::Result<()> {
    let dir = dir.as_ref();
    std::fs::write(dir.join(format!("{name}.txt")), text)?;
    let mut ann = Vec::new();
    write_brat_ann(&mut ann, text, entities)?;
    std::fs::write(dir.join(format!("{name}.ann")), ann)
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/// Whether an entity's span is a non-empty range of `text` on char boundaries.
fn fits(e: &Entity, text: &str) -> bool {
    e.start < e.end && text.get(e.start..e.end).is_some()
}

/// The entities that fit the text, without overlaps: sorted by start, the longest first,
/// each kept if it starts at or after the end of the last one kept.
fn non_overlapping<'e>(text: &str, entities: &'e [Entity]) -> Vec<&'e Entity> {
    let mut es: Vec<&Entity> = entities.iter().filter(|e| fits(e, text)).collect();
    es.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<&Entity> = Vec::with_capacity(es.len());
    for e in es {
        if out.last().map_or(0, |last| last.end) <= e.start {
            out.push(e);
        }
    }
    out
}

/// Line boundaries as Python's `str.splitlines` (and so brat) sees them.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

// ---------------------------------------------------------------------------------------
// jsonl

/// The fields of an entity in [`Format::Jsonl`] output: all of them by default, or fewer
/// for pipelines that need less ([`Writer::fields`], `gazetteer tag --fields`).
///
/// Whatever the order they were named in, the fields are written in the order of
/// [`Fields::NAMES`]; `id` and `alternatives` are left out where an entity has none, as
/// in the full output.
///
/// ```
/// use gazetteer::output::{Fields, Format, Writer};
/// use gazetteer::{Entry, Gazetteer, Label, Tagger};
///
/// let mut g = Gazetteer::new("places");
/// g.push(Entry::new("Lagos", Label::Loc).id("geonames:2332459"));
/// let tagger = Tagger::builder().gazetteer(g).build()?;
/// let text = "Rain in Lagos";
/// let mut w = Writer::new(Format::Jsonl, Vec::new()).fields("label,id,start,end".parse::<Fields>()?);
/// w.write("a.txt", None, text, &tagger.tag(text))?;
/// let out = String::from_utf8(w.finish()?).unwrap();
/// assert_eq!(out, "{\"source\":\"a.txt\",\"entities\":[{\"start\":8,\"end\":13,\"label\":\"LOC\",\"id\":\"geonames:2332459\"}]}\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fields(u8);

impl Fields {
    /// The names of the fields, in the order they are written.
    pub const NAMES: [&'static str; 8] =
        ["start", "end", "text", "label", "name", "id", "source", "alternatives"];
    /// Every field (the default).
    pub const ALL: Fields = Fields(0xFF);
    const START: u8 = 1;
    const END: u8 = 1 << 1;
    const TEXT: u8 = 1 << 2;
    const LABEL: u8 = 1 << 3;
    const NAME: u8 = 1 << 4;
    const ID: u8 = 1 << 5;
    const SOURCE: u8 = 1 << 6;
    const ALTERNATIVES: u8 = 1 << 7;

    fn has(self, f: u8) -> bool {
        self.0 & f != 0
    }
}

impl Default for Fields {
    fn default() -> Fields {
        Fields::ALL
    }
}

impl fmt::Display for Fields {
    /// The names of the fields, comma-separated, as [`FromStr`] reads them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Fields::NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| *n)
            .collect();
        f.pad(&names.join(","))
    }
}

/// A field list that names no field, or one that is not a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFieldsError(String);

impl fmt::Display for ParseFieldsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            write!(f, "no field named (fields: {})", Fields::NAMES.join(", "))
        } else {
            write!(f, "unknown field {:?} (fields: {})", self.0, Fields::NAMES.join(", "))
        }
    }
}

impl std::error::Error for ParseFieldsError {}

impl FromStr for Fields {
    type Err = ParseFieldsError;

    /// Parses comma-separated names of [`Fields::NAMES`] (`start,end,label,id`), ignoring
    /// ASCII case and white space around the names.
    fn from_str(s: &str) -> Result<Fields, ParseFieldsError> {
        let mut bits = 0u8;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let i = Fields::NAMES
                .iter()
                .position(|f| f.eq_ignore_ascii_case(name))
                .ok_or_else(|| ParseFieldsError(name.to_string()))?;
            bits |= 1 << i;
        }
        if bits == 0 {
            return Err(ParseFieldsError(String::new()));
        }
        Ok(Fields(bits))
    }
}

/// The JSON strings of the entities' sources (gazetteer paths, repeated in every entity),
/// escaped once: a few per run, told apart by the string they hold, not its contents.
/// Each slot keeps its string alive, so no other string can take its address.
#[derive(Debug, Default)]
struct SourceCache {
    slots: Vec<(std::sync::Arc<str>, Vec<u8>)>,
    next: usize,
}

impl SourceCache {
    const SLOTS: usize = 8;

    fn write(&mut self, out: &mut Vec<u8>, s: &std::sync::Arc<str>) {
        if let Some((_, json)) = self.slots.iter().find(|(a, _)| std::sync::Arc::ptr_eq(a, s)) {
            out.extend_from_slice(json);
            return;
        }
        let mut json = Vec::with_capacity(s.len() + 2);
        json_str(&mut json, s);
        out.extend_from_slice(&json);
        if self.slots.len() < Self::SLOTS {
            self.slots.push((s.clone(), json));
        } else {
            self.slots[self.next] = (s.clone(), json);
            self.next = (self.next + 1) % Self::SLOTS;
        }
    }
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it: `"` and `\`, the
/// control characters below U+0020 (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00XX` in
/// lower-case hex), nothing else.
fn json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[from..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]),
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// Appends `n` in decimal.
fn json_uint(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A reading of an entity as `{"label","name","id"?,"source"}`.
fn json_candidate(out: &mut Vec<u8>, sources: &mut SourceCache, c: &crate::Candidate) {
    out.extend_from_slice(b"{\"label\":");
    json_str(out, c.label.as_str());
    out.extend_from_slice(b",\"name\":");
    json_str(out, &c.name);
    if let Some(id) = &c.id {
        out.extend_from_slice(b",\"id\":");
        json_str(out, id);
    }
    out.extend_from_slice(b",\"source\":");
    sources.write(out, &c.source);
    out.push(b'}');
}

/// Appends one document's JSON line: `{"source","id"?,"entities":[...]}`, each entity with
/// `fields`. Written field by field into `out` (no value built per entity); byte for byte
/// what `serde_json` writes for the same structure.
fn jsonl_into(
    out: &mut Vec<u8>,
    sources: &mut SourceCache,
    fields: Fields,
    source: &str,
    id: Option<&Value>,
    text: &str,
    es: &[Entity],
) -> io::Result<()> {
    out.extend_from_slice(b"{\"source\":");
    json_str(out, source);
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        serde_json::to_writer(&mut *out, id).map_err(io::Error::from)?;
    }
    out.extend_from_slice(b",\"entities\":[");
    let mut first = true;
    for e in es {
        // An entity whose span does not fit the text (not tagged in it) is left out, as
        // in the other formats.
        let Some(span) = e.text(text) else { continue };
        if !first {
            out.push(b',');
        }
        first = false;
        // The separator before the next field: none before the first one written.
        let mut sep: &[u8] = b"{";
        let mut key = |out: &mut Vec<u8>, k: &[u8]| {
            out.extend_from_slice(sep);
            out.extend_from_slice(k);
            sep = b",";
        };
        if fields.has(Fields::START) {
            key(out, b"\"start\":");
            json_uint(out, e.start);
        }
        if fields.has(Fields::END) {
            key(out, b"\"end\":");
            json_uint(out, e.end);
        }
        if fields.has(Fields::TEXT) {
            key(out, b"\"text\":");
            json_str(out, span);
        }
        if fields.has(Fields::LABEL) {
            key(out, b"\"label\":");
            json_str(out, e.label.as_str());
        }
        if fields.has(Fields::NAME) {
            key(out, b"\"name\":");
            json_str(out, &e.name);
        }
        if let (true, Some(id)) = (fields.has(Fields::ID), &e.id) {
            key(out, b"\"id\":");
            json_str(out, id);
        }
        if fields.has(Fields::SOURCE) {
            key(out, b"\"source\":");
            sources.write(out, &e.source);
        }
        if fields.has(Fields::ALTERNATIVES) && !e.alternatives.is_empty() {
            key(out, b"\"alternatives\":[");
            for (i, c) in e.alternatives.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_candidate(out, sources, c);
            }
            out.push(b']');
        }
        // An entity with none of the chosen fields (only `id` or `alternatives`, which it
        // lacks) is still an object.
        out.extend_from_slice(if sep == b"{" { b"{}" } else { b"}" });
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

fn write_json_line(w: &mut impl Write, v: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

fn write_jsonl(
    w: &mut impl Write,
    source: &str,
    id: Option<&Value>,
    text: &str,
    es: &[Entity],
) -> io::Result<()> {
    let mut out = Vec::with_capacity(64 + es.len() * 160);
    jsonl_into(&mut out, &mut SourceCache::default(), Fields::ALL, source, id, text, es)?;
    w.write_all(&out)
}

// ---------------------------------------------------------------------------------------
// spacy

#[derive(Serialize)]
struct SpacyEnt<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct SpacyDoc<'a> {
    text: &'a str,
    ents: Vec<SpacyEnt<'a>>,
}

fn write_spacy(w: &mut impl Write, text: &str, es: &[Entity]) -> io::Result<()> {
    let mut conv = OffsetConverter::new(text);
    let ents = es
        .iter()
        .filter(|e| fits(e, text))
        .map(|e| SpacyEnt { start: conv.chars(e.start), end: conv.chars(e.end), label: e.label.as_str() })
        .collect();
    write_json_line(w, &SpacyDoc { text, ents })
}

// ---------------------------------------------------------------------------------------
// conll

/// Whether a sentence may end after this token: `.`, `!`, `?` (and `…`, `。`, `！`, `？`).
fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

fn write_conll(w: &mut impl Write, text: &str, es: &[Entity]) -> io::Result<()> {
    w.write_all(b"-DOCSTART- -X- -X- O\n\n")?;
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Ok(());
    }
    let es = non_overlapping(text, es);
    let mut k = 0; // the first entity that may cover the current token or a later one
    let mut prev: Option<(Token, Option<usize>)> = None;
    // A sentence end was seen (a terminal, possibly followed by attached punctuation).
    let mut ending = false;
    for t in tokens {
        while k < es.len() && es[k].end <= t.start {
            k += 1;
        }
        let hit = (k < es.len() && es[k].start <= t.start && t.end <= es[k].end).then_some(k);
        let tok = t.text(text);
        if let Some((p, prev_hit)) = prev {
            let gap = &text[p.end..t.start];
            let same_entity = hit.is_some() && hit == prev_hit;
            let attached_punct = gap.is_empty() && t.kind == TokenKind::Punct;
            let lower = tok.chars().next().is_some_and(char::is_lowercase);
            let boundary = gap.contains(is_line_break) || (ending && !attached_punct && !lower);
            if boundary && !same_entity {
                w.write_all(b"\n")?;
                ending = false;
            } else if !attached_punct {
                ending = false;
            }
        }
        let tag = match hit {
            None => Cow::Borrowed("O"),
            Some(h) => {
                let bi = if prev.is_some_and(|(_, ph)| ph == hit) { "I" } else { "B" };
                Cow::Owned(format!("{bi}-{}", es[h].label))
            }
        };
        writeln!(w, "{tok} -X- -X- {tag}")?;
        ending |= is_terminal(tok);
        prev = Some((t, hit));
    }
    w.write_all(b"\n")
}

// ---------------------------------------------------------------------------------------
// brat

/// The fragments of a span: the span cut at every run of white space that holds a line
/// break (brat's `.ann` lines cannot hold one), as byte ranges.
fn brat_fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut frag_start = None;
    let mut frag_end = 0;
    // The white space after the current fragment holds a line break.
    let mut broken = false;
    for (i, c) in s.char_indices() {
        if is_line_break(c) {
            broken = true;
        } else if !c.is_whitespace() {
            if broken {
                if let Some(fs) = frag_start {
                    out.push((start + fs, start + frag_end));
                }
                frag_start = None;
                broken = false;
            }
            frag_start.get_or_insert(i);
            frag_end = i + c.len_utf8();
        }
    }
    if let Some(fs) = frag_start {
        out.push((start + fs, start + frag_end));
    }
    out
}

fn write_brat_ann(w: &mut impl Write, text: &str, es: &[Entity]) -> io::Result<()> {
    let mut conv = OffsetConverter::new(text);
    let mut t = 0;
    let mut n = 0;
    for e in es.iter().filter(|e| fits(e, text)) {
        let span = e.text(text).unwrap_or_default(); // fits
        let frags = if span.contains(is_line_break) {
            brat_fragments(text, e.start, e.end)
        } else {
            vec![(e.start, e.end)]
        };
        if frags.is_empty() {
            continue;
        }
        t += 1;
        write!(w, "T{t}\t{}", e.label)?;
        for (i, &(s, f)) in frags.iter().enumerate() {
            let sep = if i == 0 { " " } else { ";" };
            write!(w, "{sep}{} {}", conv.chars(s), conv.chars(f))?;
        }
        w.write_all(b"\t")?;
        for (i, &(s, f)) in frags.iter().enumerate() {
            if i > 0 {
                w.write_all(b" ")?;
            }
            w.write_all(&text.as_bytes()[s..f])?;
        }
        w.write_all(b"\n")?;
        // The entry's id as a normalization, when it reads DB:ID.
        if let Some((db, key)) = e.id.as_deref().and_then(|id| id.split_once(':')) {
            let clean = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
            let name_ok = !e.name.chars().any(is_line_break);
            if clean(db) && clean(key) && name_ok {
                n += 1;
                writeln!(w, "N{n}\tReference T{t} {db}:{key}\t{}", e.name)?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// html

/// The colour of a label: displaCy's for the news labels, a fixed pastel for any other.
pub fn label_color(label: &Label) -> &'static str {
    const PALETTE: [&str; 10] = [
        "#bfeeb7", "#9cc9cc", "#f0d0ff", "#bfe1d9", "#e4e7d2", "#ff8197", "#e6c8a0", "#b9d7f5", "#f5b3c8",
        "#c9e8a0",
    ];
    match label {
        Label::Per => "#aa9cfc",
        Label::Org => "#7aecec",
        Label::Loc => "#ff9561",
        Label::Misc => "#feca74",
        other => {
            // FNV-1a: the same colour for the same label in every run.
            let h = other
                .as_str()
                .bytes()
                .fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
            PALETTE[h as usize % PALETTE.len()]
        }
    }
}

/// Appends `s` HTML-escaped (for text and double-quoted attribute values). Control
/// characters other than tab, line feed and carriage return become their visible symbols
/// (U+2400...), which HTML allows where the controls themselves are errors.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// An attribute value: escaped, line breaks as `&#10;` (tooltips show them).
fn escape_attr(s: &str) -> String {
    escape(s).replace("\r\n", "&#10;").replace(['\n', '\r'], "&#10;")
}

/// The hover text of a mention: name, label, id, source, other readings.
fn entity_title(e: &Entity) -> String {
    let mut t = format!("{}\n{}", e.name, e.label);
    if let Some(id) = &e.id {
        t.push_str(" · ");
        t.push_str(id);
    }
    t.push_str("\nsource: ");
    t.push_str(&e.source);
    for a in &e.alternatives {
        t.push_str(&format!("\nalso: {} {}", a.label, a.name));
        if let Some(id) = &a.id {
            t.push_str(&format!(" ({id})"));
        }
    }
    t
}

/// A distinct entity of a document, for the side list.
struct Distinct<'e> {
    entity: &'e Entity,
    count: usize,
    /// Surface forms other than the name (white space collapsed), in order of appearance.
    forms: Vec<String>,
}

fn distinct_entities<'e>(text: &'e str, es: &'e [Entity]) -> Vec<Distinct<'e>> {
    let mut list: Vec<Distinct> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for e in es.iter().filter(|e| fits(e, text)) {
        let key = (e.label.as_str(), e.id.as_deref().unwrap_or(&e.name));
        let i = *index.entry(key).or_insert_with(|| {
            list.push(Distinct { entity: e, count: 0, forms: Vec::new() });
            list.len() - 1
        });
        let d = &mut list[i];
        d.count += 1;
        let form = e.text(text).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        if form != *d.entity.name && !d.forms.contains(&form) {
            d.forms.push(form);
        }
    }
    // Most mentioned first; ties in order of first mention (the sort is stable).
    list.sort_by_key(|d| std::cmp::Reverse(d.count));
    list
}

fn write_html_article(
    w: &mut impl Write,
    source: &str,
    id: Option<&Value>,
    text: &str,
    es: &[Entity],
) -> io::Result<()> {
    let mut h = String::with_capacity(text.len() * 2 + 1024);
    let distinct = distinct_entities(text, es);
    let mentions: usize = distinct.iter().map(|d| d.count).sum();

    h.push_str("<article class=\"doc\">\n<header><h2>");
    escape_into(&mut h, source);
    h.push_str("</h2>");
    if let Some(id) = id {
        h.push_str("<span class=\"docid\">id ");
        let id = match id {
            Value::String(s) => Cow::Borrowed(s.as_str()),
            other => Cow::Owned(other.to_string()),
        };
        escape_into(&mut h, &id);
        h.push_str("</span>");
    }
    h.push_str(&format!(
        "<span class=\"stats\">{mentions} mention{}, {} distinct</span></header>\n",
        if mentions == 1 { "" } else { "s" },
        distinct.len()
    ));

    // The text, with the mentions marked.
    h.push_str("<div class=\"body\">\n<div class=\"text\">");
    let mut at = 0;
    for e in non_overlapping(text, es) {
        escape_into(&mut h, &text[at..e.start]);
        h.push_str(&format!(
            "<mark class=\"ent\" style=\"background:{}\" data-label=\"{}\" title=\"{}\">",
            label_color(&e.label),
            escape_attr(e.label.as_str()),
            escape_attr(&entity_title(e))
        ));
        escape_into(&mut h, e.text(text).unwrap_or_default());
        h.push_str("</mark>");
        at = e.end;
    }
    escape_into(&mut h, &text[at..]);
    h.push_str("</div>\n");

    // The side list.
    h.push_str("<aside class=\"list\">\n<h3>Entities</h3>\n");
    if distinct.is_empty() {
        h.push_str("<p class=\"none\">No entities found.</p>\n");
    } else {
        h.push_str("<ol>\n");
        for d in &distinct {
            let e = d.entity;
            h.push_str(&format!("<li><span class=\"chip\" style=\"background:{}\">", label_color(&e.label)));
            escape_into(&mut h, e.label.as_str());
            h.push_str("</span><span class=\"name\">");
            escape_into(&mut h, &e.name);
            h.push_str(&format!("</span><span class=\"count\" title=\"mentions\">{}</span>", d.count));
            if let Some(id) = &e.id {
                h.push_str("<span class=\"id\">");
                escape_into(&mut h, id);
                h.push_str("</span>");
            }
            if !d.forms.is_empty() {
                h.push_str("<span class=\"forms\">as ");
                for (i, f) in d.forms.iter().enumerate() {
                    if i > 0 {
                        h.push_str(", ");
                    }
                    h.push('“');
                    escape_into(&mut h, f);
                    h.push('”');
                }
                h.push_str("</span>");
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</aside>\n</div>\n</article>\n");
    w.write_all(h.as_bytes())
}

const HTML_HEADER: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="gazetteer"/>
<title>gazetteer: entities</title>
<style>
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f6; color: #1d1d1f; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.page-head { padding: 0.8rem 1.5rem; background: #fff; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; align-items: baseline; }
.page-head h1 { font-size: 1.1rem; margin: 0; }
.legend { display: flex; gap: 0.4rem; flex-wrap: wrap; font-size: 0.75rem; }
main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
article.doc { background: #fff; border: 1px solid #ddd; border-radius: 0.5rem; margin: 1rem 0; overflow: hidden; }
article.doc > header { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; align-items: baseline; padding: 0.6rem 1.2rem; border-bottom: 1px solid #eee; background: #fafafa; }
article.doc h2 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
.docid, .stats { font-size: 0.8rem; color: #666; }
.stats { margin-left: auto; }
.body { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; }
@media (max-width: 50rem) { .body { grid-template-columns: minmax(0, 1fr); } }
.text { padding: 1rem 1.2rem; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.3; }
mark.ent { color: inherit; padding: 0.2em 0.35em; margin: 0 0.1em; border-radius: 0.35em; box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: help; }
mark.ent::after { content: attr(data-label); font-size: 0.6em; font-weight: 700; letter-spacing: 0.02em; margin-left: 0.45em; vertical-align: middle; }
mark.ent:hover { outline: 2px solid #333; }
.list { border-left: 1px solid #eee; padding: 0.8rem 1rem; font-size: 0.85rem; line-height: 1.4; }
.list h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: #666; margin: 0 0 0.5rem; }
.list ol { list-style: none; margin: 0; padding: 0; }
.list li { display: grid; grid-template-columns: auto 1fr auto; gap: 0 0.5rem; align-items: baseline; padding: 0.3rem 0; border-bottom: 1px solid #f0f0f0; }
.chip { display: inline-block; min-width: 2.2rem; text-align: center; font-size: 0.65rem; font-weight: 700; padding: 0.05rem 0.35rem; border-radius: 0.3rem; }
.name { font-weight: 600; overflow-wrap: anywhere; }
.count { font-variant-numeric: tabular-nums; color: #444; }
.id, .forms { grid-column: 2 / 4; color: #777; font-size: 0.75rem; overflow-wrap: anywhere; }
.none { color: #777; }
footer { text-align: center; color: #888; font-size: 0.75rem; padding: 0 0 1.5rem; }
</style>
</head>
<body>
<div class="page-head"><h1>gazetteer</h1><div class="legend"><span class="chip" style="background:#aa9cfc">PER</span><span class="chip" style="background:#7aecec">ORG</span><span class="chip" style="background:#ff9561">LOC</span><span class="chip" style="background:#feca74">MISC</span></div><span class="docid">hover a mention for its name and id</span></div>
<main>
"#;

const HTML_FOOTER: &str = r#"</main>
<footer>Tagged by gazetteer.</footer>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Candidate;
    use std::sync::Arc;

    /// The document as `serde_json` writes it from a derived structure: what `jsonl`
    /// wrote before it was written field by field.
    fn by_serde(source: &str, id: Option<&Value>, text: &str, es: &[Entity]) -> Vec<u8> {
        #[derive(Serialize)]
        struct JsonEntity<'a> {
            start: usize,
            end: usize,
            text: &'a str,
            label: &'a str,
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a str>,
            source: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            alternatives: &'a [Candidate],
        }
        #[derive(Serialize)]
        struct JsonDoc<'a> {
            source: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a Value>,
            entities: Vec<JsonEntity<'a>>,
        }
        let entities = es
            .iter()
            .filter_map(|e| {
                Some(JsonEntity {
                    start: e.start,
                    end: e.end,
                    text: e.text(text)?,
                    label: e.label.as_str(),
                    name: &e.name,
                    id: e.id.as_deref(),
                    source: &e.source,
                    alternatives: &e.alternatives,
                })
            })
            .collect();
        let mut out = serde_json::to_vec(&JsonDoc { source, id, entities }).unwrap();
        out.push(b'\n');
        out
    }

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("\u{80}\u{9f}\u{a0}é\u{2028}\u{2029}\u{feff}🇨🇭\u{10ffff}");
        for s in [all.as_str(), "", "plain", "\"", "\\", "a\"b\\c\nd\u{1}\u{1f}\u{7f}"] {
            let mut out = Vec::new();
            json_str(&mut out, s);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            let mut out = Vec::new();
            json_uint(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn jsonl_lines_are_what_serde_json_writes() {
        let text = "Toys \"R\" Us in West\nVirginia, \\ Zürich\u{1}";
        let src: Arc<str> = "dir/names \"1\".tsv".into();
        let other: Arc<str> = "rule:title".into();
        let cand = |label: Label, name: &str, id: Option<&str>, source: &Arc<str>| Candidate {
            label,
            name: name.into(),
            id: id.map(Into::into),
            source: source.clone(),
        };
        let entity = |start: usize, end: usize, c: Candidate, alternatives: Vec<Candidate>| Entity {
            start,
            end,
            label: c.label,
            name: c.name,
            id: c.id,
            source: c.source,
            alternatives,
        };
        let es = [
            entity(0, 8, cand(Label::Org, "Toys \"R\" Us", Some("q:1"), &src), vec![]),
            entity(
                12,
                25,
                cand(Label::Loc, "West Virginia", None, &src),
                vec![cand(Label::Per, "West\tV", Some("p\\2"), &other), cand(Label::Misc, "x", None, &src)],
            ),
            entity(27, 28, cand(Label::Misc, "\\", None, &other), vec![]),
            // Does not fit the text: left out.
            entity(30, 300, cand(Label::Loc, "far", None, &src), vec![]),
            entity(29, 35, cand(Label::Loc, "Zürich", Some(""), &src), vec![]),
        ];
        let ids = [None, Some(serde_json::json!("a\"1")), Some(serde_json::json!({"k": [1, 2.5, null]}))];
        let mut w = Writer::new(Format::Jsonl, Vec::new());
        let mut want = Vec::new();
        for id in &ids {
            for n in [0, 1, es.len()] {
                w.write("in \"x\".jsonl", id.as_ref(), text, &es[..n]).unwrap();
                want.extend(by_serde("in \"x\".jsonl", id.as_ref(), text, &es[..n]));
                let mut one = Vec::new();
                write_document(Format::Jsonl, &mut one, "s", id.as_ref(), text, &es[..n]).unwrap();
                assert_eq!(one, by_serde("s", id.as_ref(), text, &es[..n]));
            }
        }
        assert_eq!(String::from_utf8(w.finish().unwrap()).unwrap(), String::from_utf8(want).unwrap());
    }

    #[test]
    fn fields_choose_what_jsonl_writes() {
        let text = "Rain in Lagos";
        let src: Arc<str> = "g".into();
        let e = Entity {
            start: 8,
            end: 13,
            label: Label::Loc,
            name: "Lagos".into(),
            id: None,
            source: src.clone(),
            alternatives: vec![],
        };
        let line = |f: &str| {
            let mut w = Writer::new(Format::Jsonl, Vec::new()).fields(f.parse().unwrap());
            w.write("a", None, text, std::slice::from_ref(&e)).unwrap();
            String::from_utf8(w.finish().unwrap()).unwrap()
        };
        assert_eq!(line("end, START"), "{\"source\":\"a\",\"entities\":[{\"start\":8,\"end\":13}]}\n");
        assert_eq!(line("id"), "{\"source\":\"a\",\"entities\":[{}]}\n");
        assert_eq!(
            line("label,source"),
            "{\"source\":\"a\",\"entities\":[{\"label\":\"LOC\",\"source\":\"g\"}]}\n"
        );
        let all: Fields = Fields::NAMES.join(",").parse().unwrap();
        assert_eq!(all, Fields::ALL);
        assert_eq!(all.to_string(), Fields::NAMES.join(","));
        assert_eq!("start,,end".parse::<Fields>().unwrap().to_string(), "start,end");
        assert!("".parse::<Fields>().is_err());
        assert_eq!(
            "start,offset".parse::<Fields>().unwrap_err().to_string(),
            "unknown field \"offset\" (fields: start, end, text, label, name, id, source, alternatives)"
        );
    }

    #[test]
    fn the_source_cache_tells_strings_apart_by_identity() {
        let mut cache = SourceCache::default();
        let mut out = Vec::new();
        // More distinct strings than slots, some with the same contents, over and over.
        let strings: Vec<Arc<str>> = (0..20).map(|i| Arc::from(format!("s{}", i % 12).as_str())).collect();
        let mut want = Vec::new();
        for _ in 0..3 {
            for s in &strings {
                cache.write(&mut out, s);
                json_str(&mut want, s);
            }
        }
        assert_eq!(out, want);
        assert!(cache.slots.len() <= SourceCache::SLOTS);
    }
}
