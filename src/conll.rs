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

/// What the lines of a CoNLL file must hold after the token, for [`check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// Only tokens are read (`gazetteer conll`): any columns may follow the token, but if
    /// any do, the last is an IOB tag (as in CoNLL-2003's `token POS chunk NER`).
    Tokens,
    /// The last column is the gold IOB tag (`gazetteer eval FILE`).
    Gold,
    /// The last column but one is the gold tag, the last the predicted one (`gazetteer
    /// eval --tagged FILE`).
    GoldAndPredicted,
}

/// Checks that `lines` are a CoNLL file as `need` says, so that plain text or a file
/// without its prediction column is an error rather than a tag on a whole paragraph or a
/// meaningless score.
///
/// Every token line (not blank, not `-DOCSTART-`) has the same number of columns,
/// separated by white space. The tag columns hold `O`, `B-TYPE` or `I-TYPE`; with
/// [`Columns::Gold`] and [`Columns::GoldAndPredicted`] each `TYPE` is a label of `labels`
/// (so that chunk tags such as `B-NP` in the place of entity tags are caught).
///
/// ```
/// use gazetteer::conll::{check, Columns};
/// use gazetteer::LabelSet;
/// let ok = ["-DOCSTART- -X- -X- O", "", "Erbil NNP B-NP B-LOC", "rose VBD B-VP O"];
/// check("ok.conll", &ok, Columns::Gold, &LabelSet::new()).unwrap();
/// let e = check("ok.conll", &ok, Columns::GoldAndPredicted, &LabelSet::new()).unwrap_err();
/// assert!(e.to_string().starts_with("ok.conll:3: column 3 (the gold tags) holds B-NP: unknown label NP"));
/// let prose = ["Erbil rose to the occasion.", "It did."];
/// let e = check("prose.txt", &prose, Columns::Tokens, &LabelSet::new()).unwrap_err();
/// assert!(e.to_string().starts_with("prose.txt:1: column 5 should be an IOB tag"));
/// ```
///
/// # Errors
/// On the first line that breaks a rule: [`crate::ErrorKind::Parse`] with the 1-based
/// line number and what was expected.
pub fn check(name: &str, lines: &[&str], need: Columns, labels: &crate::LabelSet) -> crate::Result<()> {
    let mut first: Option<(usize, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        let err = |m: String| crate::Error::parse(name, i + 1, m);
        if is_docstart(line) {
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            continue;
        }
        let n = cols.len();
        let (tags, min) = match need {
            Columns::Tokens => (usize::from(n > 1), 1),
            Columns::Gold => (1, 2),
            Columns::GoldAndPredicted => (2, 3),
        };
        if n < min {
            let what = match need {
                Columns::GoldAndPredicted => "a token, the gold tag and the predicted tag",
                _ => "a token and its gold tag",
            };
            return Err(err(format!("{n} column(s); expected at least {min}: {what}, separated by spaces")));
        }
        for (c, tag) in cols.iter().enumerate().skip(n - tags) {
            let role = match (need, n - c) {
                (Columns::Tokens, _) => None,
                (Columns::Gold, _) | (Columns::GoldAndPredicted, 2) => Some("the gold tags"),
                _ => Some("the predicted tags"),
            };
            let at = format!("column {}{}", c + 1, role.map_or(String::new(), |r| format!(" ({r})")));
            let Some(ty) = tag_type(tag) else {
                return Err(err(format!(
                    "{at} should be an IOB tag (O, B-TYPE or I-TYPE) but is {:?}: is this a CoNLL file, one \
                     token a line?",
                    tag
                )));
            };
            if let (Some(ty), Some(r)) = (ty, role) {
                // Chunk tags (B-NP) in the gold column of a tagged file: the predictions
                // are most likely missing, and the chunk tags took their place.
                let hint = if need == Columns::GoldAndPredicted && r == "the gold tags" {
                    "; is the column of predictions missing?"
                } else {
                    ""
                };
                labels.parse(ty).map_err(|e| err(format!("{at} holds {tag}: {e}{hint}")))?;
            }
        }
        match first {
            None => first = Some((i + 1, n)),
            Some((l, m)) if m != n => {
                return Err(err(format!(
                    "{n} columns, but line {l} has {m}: a CoNLL file has the same columns on every token line"
                )))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The type of an IOB tag (`None` for `O`), or `None` outside if `tag` is not one.
fn tag_type(tag: &str) -> Option<Option<&str>> {
    if tag == "O" {
        return Some(None);
    }
    let ty = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-"))?;
    (!ty.is_empty()).then_some(Some(ty))
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
    fn shape_checks() {
        let mut labels = crate::LabelSet::new();
        labels.declare("PRODUCT").unwrap();
        type Case<'a> = (&'a str, Columns, Result<(), (usize, &'a str)>);
        let cases: &[Case] = &[
            ("U.S. B-LOC\n\nhe O\n", Columns::Gold, Ok(())),
            ("-DOCSTART- -X- O O\n\nAcme NNP B-NP B-PRODUCT\n", Columns::Gold, Ok(())),
            ("Erbil\nrose\n", Columns::Tokens, Ok(())),
            ("Erbil NNP B-LOC\n", Columns::Tokens, Ok(())),
            ("Erbil B-LOC B-LOC\nrose O O\n", Columns::GoldAndPredicted, Ok(())),
            ("", Columns::GoldAndPredicted, Ok(())),
            ("Erbil rose to fame.\n", Columns::Tokens, Err((1, "column 4 should be an IOB tag"))),
            ("Erbil\nErbil rose O\n", Columns::Tokens, Err((2, "3 columns, but line 1 has 1"))),
            ("Erbil B-LOC\nrose\n", Columns::Gold, Err((2, "1 column(s); expected at least 2"))),
            ("Erbil B-LOC\n", Columns::GoldAndPredicted, Err((1, "2 column(s); expected at least 3"))),
            (
                "Erbil B-LCO\n",
                Columns::Gold,
                Err((1, "column 2 (the gold tags) holds B-LCO: unknown label LCO; did you mean LOC?")),
            ),
            (
                "Erbil B-LOC B-XYZ\n",
                Columns::GoldAndPredicted,
                Err((1, "column 3 (the predicted tags) holds B-XYZ")),
            ),
            ("Erbil LOC\n", Columns::Gold, Err((1, "column 2 (the gold tags) should be an IOB tag"))),
            (
                "Erbil B-\n",
                Columns::Gold,
                Err((1, "should be an IOB tag (O, B-TYPE or I-TYPE) but is \"B-\"")),
            ),
            ("Erbil O\n\nrose NN O\n", Columns::Gold, Err((3, "3 columns, but line 1 has 2"))),
        ];
        for (text, need, want) in cases {
            let lines: Vec<&str> = text.lines().collect();
            let got = check("t", &lines, *need, &labels).map_err(|e| match e.kind() {
                crate::ErrorKind::Parse { line, message, .. } => (*line, message.clone()),
                k => panic!("{k:?}"),
            });
            match (got, want) {
                (Ok(()), Ok(())) => {}
                (Err((l, m)), Err((wl, wm))) => assert!(l == *wl && m.contains(wm), "{text:?}: {l}: {m}"),
                (got, _) => panic!("{text:?} {need:?}: {got:?}, expected {want:?}"),
            }
        }
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
