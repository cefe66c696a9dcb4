//! Entities: typed spans of the original text, and their char and UTF-16 offsets.

use crate::label::Label;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One reading of a mention: the entry (or rule) it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The entity type.
    pub label: Label,
    /// The canonical name of the entry.
    pub name: Arc<str>,
    /// The entry's id, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Arc<str>>,
    /// What produced it: the gazetteer's name, or `rule:NAME` for a context rule.
    pub source: Arc<str>,
}

/// A mention of a named entity in a text.
///
/// `start..end` is a half-open range of UTF-8 byte offsets into the text that was tagged,
/// always on char boundaries, so `&text[entity.start..entity.end]` is the mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset one past the last byte of the mention.
    pub end: usize,
    /// The entity type.
    pub label: Label,
    /// The canonical name of the matched entry.
    pub name: Arc<str>,
    /// The matched entry's id, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Arc<str>>,
    /// What produced it: the gazetteer's name, or `rule:NAME` for a context rule.
    pub source: Arc<str>,
    /// The other readings of the same span, best first (e.g. "Jordan" the country when
    /// the person won). Empty for unambiguous mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
}

impl Entity {
    /// The mention's text: `&text[start..end]`, or `None` when the span does not fit
    /// `text` (past its end, or off a char boundary), which happens only when `text` is not
    /// the text this entity was tagged in.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut g = Gazetteer::new("places");
    /// g.push(Entry::new("Zürich", Label::Loc));
    /// let text = "From Zürich.";
    /// let e = &Tagger::new([g]).unwrap().tag(text)[0];
    /// assert_eq!(e.text(text), Some("Zürich"));
    /// assert_eq!(e.text("From Zurich"), None); // byte 7 is inside "ü" no more: past the end
    /// ```
    pub fn text<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The span in chars (Unicode scalar values), as Python's `str` counts them.
    pub fn char_span(&self, text: &str) -> (usize, usize) {
        let mut c = OffsetConverter::new(text);
        (c.chars(self.start), c.chars(self.end))
    }

    /// The span in UTF-16 code units, as JavaScript and Java count them.
    pub fn utf16_span(&self, text: &str) -> (usize, usize) {
        let mut c = OffsetConverter::new(text);
        (c.utf16(self.start), c.utf16(self.end))
    }

    /// The chosen reading as a [`Candidate`].
    pub fn candidate(&self) -> Candidate {
        Candidate {
            label: self.label.clone(),
            name: self.name.clone(),
            id: self.id.clone(),
            source: self.source.clone(),
        }
    }
}

/// Converts byte offsets of one text to char and UTF-16 offsets.
///
/// Conversions of increasing offsets (entities in text order) take one pass over the
/// text in all; an offset smaller than the previous one restarts from the beginning.
/// Offsets inside a char or past the end count up to the next char boundary.
///
/// ```
/// use gazetteer::OffsetConverter;
/// let text = "Zürich 🇨🇭 Bern";
/// let mut c = OffsetConverter::new(text);
/// let bern = text.find("Bern").unwrap();
/// assert_eq!(c.chars(bern), 10);
/// assert_eq!(c.utf16(bern), 12);
/// ```
#[derive(Clone, Debug)]
pub struct OffsetConverter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl<'t> OffsetConverter<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str) -> OffsetConverter<'t> {
        OffsetConverter { text, byte: 0, chars: 0, utf16: 0 }
    }

    fn advance(&mut self, byte: usize) {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
            self.utf16 = 0;
        }
        let rest = &self.text[self.byte..];
        for (i, c) in rest.char_indices() {
            if self.byte + i >= byte {
                self.byte += i;
                return;
            }
            self.chars += 1;
            self.utf16 += c.len_utf16();
        }
        self.byte = self.text.len();
    }

    /// The char offset of a byte offset.
    pub fn chars(&mut self, byte: usize) -> usize {
        self.advance(byte);
        self.chars
    }

    /// The UTF-16 offset of a byte offset.
    pub fn utf16(&mut self, byte: usize) -> usize {
        self.advance(byte);
        self.utf16
    }
}
