//! CoNLL-2003-style files: one token a line (columns separated by spaces), blank lines
//! between sentences, `-DOCSTART-` lines between documents.
//!
//! [`read`] rebuilds each document's text from its tokens (tokens joined by a space,
//! sentences by a line break), so that a document is tagged as one text and document-level
//! evidence is shared across its sentences. [`iob2`] turns entities back into one tag per
//! token: a token is inside an entity when the entity covers all of its letters and digits
//! (so "U.S." is inside an entity "U.S"), `B-` opens each entity and `I-` continues it.

use crate::entity::Entity;

/// A token line of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllToken {
    /// Index of the line in the input (0-based).
    pub line: usize,
    /// Byte range of the token in the document's rebuilt text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// A document: its rebuilt text and its tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllDocument {
    /// The tokens joined by spaces, sentences by `\n`.
    pub text: String,
    /// The tokens, in order.
    pub tokens: Vec<ConllToken>,
}

/// Whether a line separates documents.
pub fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// Splits CoNLL lines into documents. Lines outside tokens (blank, `-DOCSTART-`) belong to
/// no document; text before the first `-DOCSTART-` is a document too.
pub fn read(lines: &[&str]) -> Vec<ConllDocument> {
    let mut docs = Vec::new();
    let mut doc = ConllDocument::default();
    let mut sentence_open = false;
    for (i, line) in lines.iter().enumerate() {
        if is_docstart(line) {
            if !doc.tokens.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            doc.text.clear();
            sentence_open = false;
            continue;
        }
        let Some(tok) = line.split_whitespace().next() else {
            if sentence_open {
                doc.text.push('\n');
                sentence_open = false;
            }
            continue;
        };
        if sentence_open {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(tok);
        doc.tokens.push(ConllToken { line: i, start, end: doc.text.len() });
        sentence_open = true;
    }
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Tags every document of a CoNLL text and returns its lines with the predicted IOB2 tag
/// appended to each token line (blank and `-DOCSTART-` lines unchanged), as
/// `gazetteer conll` writes them.
pub fn tag_lines(tagger: &crate::Tagger, input: &str) -> Vec<String> {
    let lines: Vec<&str> = input.lines().collect();
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    for d in &read(&lines) {
        let es = tagger.tag(&d.text);
        for (t, tag) in d.tokens.iter().zip(iob2(d, &es)) {
            tags[t.line] = Some(tag);
        }
    }
    lines
        .iter()
        .zip(tags)
        .map(|(line, tag)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            match tag {
                Some(t) => format!("{} {t}", line.trim_end()),
                None => line.to_string(),
            }
        })
        .collect()
}

/// The IOB2 tag of each token of `doc` given its entities (sorted, non-overlapping).
pub fn iob2(doc: &ConllDocument, entities: &[Entity]) -> Vec<String> {
    let mut tags = Vec::with_capacity(doc.tokens.len());
    let mut e = 0;
    let mut prev_entity: Option<usize> = None;
    for t in &doc.tokens {
        let (cs, ce) = core(&doc.text[t.start..t.end]);
        let (cs, ce) = (t.start + cs, t.start + ce);
        while e < entities.len() && entities[e].end <= cs && entities[e].end <= t.start {
            e += 1;
        }
        let mut hit = None;
        for (k, ent) in entities.iter().enumerate().skip(e) {
            if ent.start >= t.end {
                break;
            }
            if ent.start <= cs && ent.end >= ce {
                hit = Some(k);
                break;
            }
        }
        match hit {
            Some(k) => {
                let p = if prev_entity == Some(k) { "I" } else { "B" };
                tags.push(format!("{p}-{}", entities[k].label));
                prev_entity = Some(k);
            }
            None => {
                tags.push("O".to_string());
                prev_entity = None;
            }
        }
    }
    tags
}

/// The byte range of a token's letters and digits (the whole token if it has none).
fn core(tok: &str) -> (usize, usize) {
    let mut it = tok.char_indices().filter(|(_, c)| c.is_alphanumeric());
    match it.next() {
        None => (0, tok.len()),
        Some((s, c)) => {
            let e = it.next_back().map_or(s + c.len_utf8(), |(i, c)| i + c.len_utf8());
            (s, e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entry, Gazetteer, Label, Tagger};

    #[test]
    fn rebuild_and_tag() {
        let input = "-DOCSTART- -X- O O\n\nU.S. NNP B-NP B-LOC\nenvoy NN I-NP O\nvisits VBZ B-VP O\nNew NNP B-NP B-LOC\nYork NNP I-NP I-LOC\n\nHe PRP B-NP O\n";
        let lines: Vec<&str> = input.lines().collect();
        let docs = read(&lines);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "U.S. envoy visits New York\nHe");
        let mut g = Gazetteer::new("g");
        g.push(Entry::new("U.S", Label::Loc));
        g.push(Entry::new("New York", Label::Loc));
        let t = Tagger::new([g]).unwrap();
        let tags = iob2(&docs[0], &t.tag(&docs[0].text));
        assert_eq!(tags, ["B-LOC", "O", "O", "B-LOC", "I-LOC", "O"]);
    }

    #[test]
    fn adjacent_entities_get_b() {
        let lines = ["Paris", "London"];
        let docs = read(&lines);
        let mut g = Gazetteer::new("g");
        g.push(Entry::new("Paris", Label::Loc));
        g.push(Entry::new("London", Label::Loc));
        let t = Tagger::new([g]).unwrap();
        assert_eq!(iob2(&docs[0], &t.tag(&docs[0].text)), ["B-LOC", "B-LOC"]);
    }
}
