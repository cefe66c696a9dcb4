//! Patterns of your own: spaCy EntityRuler pattern files.
//!
//! A pattern file is JSON Lines, one pattern a line, as spaCy's EntityRuler reads it
//! (`ruler.from_disk("patterns.jsonl")`); the same files load here unchanged:
//!
//! ```text
//! {"label": "ORG", "pattern": "Acme Widgets", "id": "acme"}
//! {"label": "GPE", "pattern": [{"LOWER": "san"}, {"LOWER": "francisco"}]}
//! {"label": "FAC", "pattern": [{"IS_TITLE": true, "OP": "+"}, {"LOWER": "airport"}], "priority": 5}
//! ```
//!
//! - **Phrase patterns** (`"pattern"` is a string) are split by this crate's
//!   [`tokenize`](crate::tokenize::tokenize) and match tokens of exactly that text (spaCy's
//!   `ORTH`).
//! - **Token patterns** (`"pattern"` is a list) give one dict per token.
//! - `"id"` (optional) names the pattern's entity; `"priority"` (optional, this crate's
//!   extension, default 0) ranks matches of equal length as gazetteer priorities do.
//!   Other keys of the object are ignored, as spaCy ignores them. Blank lines are skipped.
//!
//! # Token attributes
//!
//! | attribute | value | what it is |
//! |---|---|---|
//! | `ORTH`, `TEXT` | string | the token's text |
//! | `LOWER` | string | the text in lower case (full Unicode lower-casing) |
//! | `LENGTH` | number | the number of chars |
//! | `SHAPE` | string | letters as `X`/`x`, digits as `d`, other chars kept, runs cut after 4: `Xxxxx`, `dd.dd`, `X.X` |
//! | `IS_ALPHA`, `IS_DIGIT`, `IS_LOWER`, `IS_UPPER`, `IS_TITLE` | bool | Python's `isalpha`, `isdigit`, `islower`, `isupper`, `istitle` on the text |
//! | `IS_ASCII` | bool | every char is ASCII |
//! | `IS_PUNCT` | bool | every char is of a Unicode punctuation category (so `$` and `+` are not) |
//! | `LIKE_NUM` | bool | spaCy's English `like_num`: `1,000`, `3/4`, `21st`, `twelve`, `tenth` |
//! | `IS_SENT_START` | bool | the token starts a sentence (below) |
//! | `ENT_TYPE` | string | the label of the entity found before (gazetteers, rules) that covers the token; `""` outside entities |
//!
//! A value is plain (`{"LOWER": "san"}`: equal) or a dict of predicates, all of which must
//! hold: `IN` and `NOT_IN` (a list), `REGEX` (on strings; found anywhere in the value as
//! Python's `re.search` finds it, so anchor it with `^…$` for the whole token; Rust `regex`
//! syntax, which has no look-around or back-references), and `==`, `!=`, `>=`, `<=`, `>`,
//! `<` (on `LENGTH`). An empty dict `{}` matches any token.
//!
//! Attributes that need a trained pipeline or a lexicon (`POS`, `TAG`, `LEMMA`, `DEP`,
//! `MORPH`, `NORM`, `IS_STOP`, ...) and any unknown key are errors, never a silent
//! no-match; so are bad JSON, a value of the wrong type, a bad `REGEX` and a bad `OP`. Each
//! error reads `FILE:LINE: reason`.
//!
//! **Sentences** (`IS_SENT_START`): the first token starts a sentence, and so does the
//! first token after a line break. A sentence ends at `!`, `?`, `…`, and at a `.` that
//! follows no abbreviation: not after a single letter ("J."), a word with a full stop
//! inside ("U.S."), or a common abbreviation ("Mr.", "Gen.", "Inc."). Closing quotes and
//! brackets right after the end belong to the sentence that ends; a word in lower case
//! after a full stop starts none.
//!
//! # Operators
//!
//! `OP` repeats a token: `?` (0 or 1), `*` (0 or more), `+` (1 or more), `{n}`, `{n,m}`,
//! `{n,}`, `{,m}` (counts up to [`MAX_REPEAT`]), and `!`, which is spaCy's: exactly **one**
//! token that does **not** match the dict (not a look-ahead: `[{"LOWER": "not", "OP": "!"},
//! {"LOWER": "match"}]` needs a token before "match" and includes it in the span).
//!
//! # Which matches are kept
//!
//! As in spaCy's EntityRuler: every match of every pattern counts, whatever way its
//! operators expand (`+` and `*` are not greedy by themselves), and then the longest match
//! wins, then (this crate's extension) the higher priority, then the earliest, then the
//! pattern loaded first; no two kept matches overlap. A match spans at most
//! [`MAX_MATCH_TOKENS`] tokens (spaCy has no bound).
//!
//! ```
//! use gazetteer::patterns::PatternSet;
//! use gazetteer::tokenize::tokenize;
//!
//! let set = PatternSet::from_jsonl("mine.jsonl", r#"
//! {"label": "FAC", "pattern": [{"IS_TITLE": true, "OP": "+"}, {"LOWER": "airport"}]}
//! {"label": "LOC", "pattern": "Lake Ivel", "id": "ivel"}
//! {"label": "TICKER", "pattern": [{"ORTH": "("}, {"ORTH": {"IN": ["NASDAQ", "NYSE"]}}, {"ORTH": ":"}, {"SHAPE": {"IN": ["XXXX", "XXX"]}}, {"ORTH": ")"}]}
//! "#)?;
//! let text = "Flights from Port Ivel Airport to Lake Ivel resumed, Velcor (NYSE: VLC) said.";
//! let tokens = tokenize(text);
//! let found: Vec<(String, &str)> = set
//!     .find(text, &tokens, &[])
//!     .into_iter()
//!     .map(|m| (m.label.to_string(), &text[tokens[m.start].start..tokens[m.end - 1].end]))
//!     .collect();
//! let want = [("FAC", "Port Ivel Airport"), ("LOC", "Lake Ivel"), ("TICKER", "(NYSE: VLC)")];
//! assert_eq!(found, want.map(|(l, t)| (l.to_string(), t)));
//! # Ok::<(), gazetteer::Error>(())
//! ```
//!
//! `ENT_TYPE` builds on entities found before, given as token ranges:
//!
//! ```
//! use gazetteer::patterns::{EntityTokens, PatternSet};
//! use gazetteer::tokenize::tokenize;
//!
//! let set = PatternSet::from_jsonl("roles.jsonl",
//!     r#"{"label": "ROLE", "pattern": [{"ENT_TYPE": "ORG", "OP": "+"}, {"LOWER": "chief"}, {"LOWER": "executive"}, {"ENT_TYPE": "PER", "OP": "+"}]}"#)?;
//! let text = "Velcor Mining chief executive Anna Berg resigned.";
//! let tokens = tokenize(text);
//! let ents = [EntityTokens { start: 0, end: 2, label: "ORG" }, EntityTokens { start: 4, end: 6, label: "PER" }];
//! let m = &set.find(text, &tokens, &ents)[0];
//! assert_eq!((m.start, m.end, m.label.as_str()), (0, 6, "ROLE"));
//! # Ok::<(), gazetteer::Error>(())
//! ```
//!
//! # Differences from spaCy
//!
//! The semantics are spaCy's; what differs is what the tokens are (`benches/patterns/run.sh`
//! measures and classifies it):
//!
//! - **Tokenization.** This crate splits by Unicode word boundaries: `U.S.` is `U.S` and
//!   `.`, `$639m` is `$` and `639m`, `don't` is one token; spaCy keeps `U.S.` whole and
//!   splits `639m` and `do`/`n't`. Phrase patterns are split by this crate's tokenizer, so
//!   a phrase matches the text it was written as; token patterns that name such tokens one
//!   by one match as the tokens fall here.
//! - **White space.** spaCy keeps a line break (and any white space other than one space)
//!   as a token, so its matches stop there unless a pattern asks for it; here white space is
//!   never a token, and a match may run across a line break.
//! - **Sentences.** `IS_SENT_START` follows the rule above; spaCy needs a component that
//!   sets sentence starts (a blank pipeline has none).
//! - **Ties.** Matches of one span and length from several patterns: spaCy's order is not
//!   defined; here the higher priority, then the pattern loaded first, wins.
//!
//! # In a tagger
//!
//! [`crate::TaggerBuilder::patterns`] and [`crate::TaggerBuilder::pattern_file`] add
//! patterns to a tagger. All the patterns of a tagger run as one [`crate::rules::Stage`]
//! named `patterns` ([`STAGE_NAME`]), through the same seam as the built-in rules: in the
//! document phase, after the gazetteers, the rules and your own stages, over the tokens
//! the tagger made and the entities found so far (for `ENT_TYPE`). The stage is switched
//! off like a rule: [`crate::TaggerBuilder::disable_stage`]`("patterns")`, or
//! `--disable-rule patterns` on the command line. A pattern's label is any valid label
//! ([`crate::Label::custom`]): on the command line, the labels of the `--patterns` files
//! count as declared.
//!
//! ```
//! use gazetteer::patterns::PatternSet;
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//!
//! let mut g = Gazetteer::new("names");
//! g.push(Entry::new("Tarsk", Label::Loc));
//! let p = PatternSet::from_jsonl("ports.jsonl",
//!     r#"{"label": "FAC", "pattern": [{"LOWER": "port"}, {"LOWER": "of"}, {"ENT_TYPE": "LOC"}]}"#)?;
//! let text = "Ships left the port of Tarsk at dawn.";
//! let tagger = Tagger::builder().gazetteer(g.clone()).patterns(p.clone()).overwrite_ents(true).build()?;
//! let e = &tagger.tag(text)[0];
//! assert_eq!((e.label.as_str(), e.text(text), &*e.source), ("FAC", Some("port of Tarsk"), "ports.jsonl"));
//! let off = Tagger::builder().gazetteer(g).patterns(p).overwrite_ents(true).disable_stage("patterns").build()?;
//! assert_eq!(off.tag(text)[0].label, Label::Loc);
//! # Ok::<(), gazetteer::Error>(())
//! ```
//!
//! # Speed
//!
//! Matching is one pass over the tokens. A pattern whose first token is a literal (`ORTH`
//! or `LOWER`, plain or `IN`) is started only at tokens of that text, found by one hash
//! look-up per token behind a bitset of the literals that turns most tokens away
//! unhashed. A pattern whose first token is a class test and whose second is a literal
//! is found the same way, by the text of its second token, and its first test is made only
//! there. Any other is started only at tokens of the classes its first token can have
//! (punctuation, or a word starting in upper case, lower case, a digit; inside an entity
//! or not), so a thousand patterns are not tried at every token. A started pattern runs as
//! an NFA over its steps (cost: tokens × steps, never exponential). Token attributes are
//! computed once per token, when a pattern first asks.
//!
//! A tagger with patterns (or any stage) tokenizes the whole text, which a tagger of names
//! alone does not: `benches/patterns/throughput.rs` measures both costs.

mod attrs;
mod compile;
mod matching;
mod parse;
mod stage;

use crate::error::{read_utf8, Error, Result};
use crate::label::Label;
use compile::{Spec, StartIndex, Step};
pub use matching::{PatternScratch, MAX_MATCH_TOKENS};
pub use parse::MAX_REPEAT;
pub(crate) use stage::PatternStage;
pub use stage::STAGE_NAME;
use std::sync::Arc;

/// One pattern: a label, an optional id and priority, and the token specs to match.
#[derive(Clone, Debug)]
pub struct Pattern {
    label: Label,
    id: Option<Arc<str>>,
    priority: i32,
    /// The file (or name) the pattern came from, and its line there.
    source: Arc<str>,
    line: usize,
    specs: Vec<Spec>,
    steps: Vec<Step>,
}

impl Pattern {
    /// Parses one pattern line (a JSON object, as in a pattern file); errors read
    /// `pattern:1: reason`.
    ///
    /// ```
    /// use gazetteer::patterns::Pattern;
    /// let p = Pattern::parse(r#"{"label": "ORG", "pattern": "Velcor", "id": "velcor"}"#)?;
    /// assert_eq!((p.label().as_str(), p.id()), ("ORG", Some("velcor")));
    /// let err = Pattern::parse(r#"{"label": "ORG", "pattern": [{"POS": "PROPN"}]}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("pattern:1: token 1: attribute \"POS\" is not supported"));
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    pub fn parse(json: &str) -> Result<Pattern> {
        parse::parse_line(json, &Arc::from("pattern"), 1).map_err(|e| Error::parse("pattern", 1, e))
    }

    /// A phrase pattern: the tokens of `phrase`, each matched by its exact text.
    ///
    /// # Errors
    ///
    /// When the phrase has no token (it is empty or white space).
    pub fn phrase(label: Label, phrase: &str) -> Result<Pattern> {
        let (specs, steps) = parse::phrase_steps(phrase).map_err(|e| Error::parse("pattern", 1, e))?;
        Ok(Pattern { label, id: None, priority: 0, source: Arc::from("pattern"), line: 1, specs, steps })
    }

    /// The same pattern with an id.
    pub fn with_id(mut self, id: impl Into<Arc<str>>) -> Pattern {
        self.id = Some(id.into());
        self
    }

    /// The same pattern with a priority.
    pub fn with_priority(mut self, priority: i32) -> Pattern {
        self.priority = priority;
        self
    }

    /// The same pattern with the name of its source (what entities report as their
    /// `source`).
    pub fn with_source(mut self, source: impl Into<Arc<str>>) -> Pattern {
        self.source = source.into();
        self
    }

    /// The label of the pattern's matches.
    pub fn label(&self) -> &Label {
        &self.label
    }

    /// The pattern's id.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The pattern's priority (default 0).
    pub fn priority(&self) -> i32 {
        self.priority
    }

    /// Where the pattern came from: the file name (or the name given to
    /// [`PatternSet::from_jsonl`]).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The line of the source the pattern was read from (1-based).
    pub fn line(&self) -> usize {
        self.line
    }
}

/// A set of patterns, indexed for matching.
#[derive(Clone, Debug, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    index: StartIndex,
}

/// The entities found before the patterns run, for `ENT_TYPE`: tokens `start..end` of the
/// document carry `label`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityTokens<'a> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity's label.
    pub label: &'a str,
}

/// A match: tokens `start..end` of the document, found by pattern number `pattern` of the
/// set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The pattern's index in [`PatternSet::patterns`].
    pub pattern: usize,
    /// The pattern's label.
    pub label: Label,
    /// The pattern's id.
    pub id: Option<Arc<str>>,
    /// The pattern's priority.
    pub priority: i32,
}

impl PatternSet {
    /// An empty set.
    pub fn new() -> PatternSet {
        PatternSet::default()
    }

    /// Reads a pattern file (JSON Lines). Entities from it name the file (its last path
    /// component) as their source.
    ///
    /// # Errors
    ///
    /// When the file cannot be read or is not UTF-8, and at the first bad line, as
    /// `FILE:LINE: reason`.
    pub fn load(path: &str) -> Result<PatternSet> {
        let text = read_utf8(path)?;
        let name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
        PatternSet::parse_lines(path, name, &text)
    }

    /// Parses pattern lines held in memory; `name` stands for the file in errors and in
    /// each pattern's source.
    ///
    /// # Errors
    ///
    /// At the first bad line, as `NAME:LINE: reason`.
    pub fn from_jsonl(name: &str, text: &str) -> Result<PatternSet> {
        PatternSet::parse_lines(name, name, text)
    }

    fn parse_lines(path: &str, name: &str, text: &str) -> Result<PatternSet> {
        let source: Arc<str> = Arc::from(name);
        let mut set = PatternSet::new();
        for (k, line) in text.strip_prefix('\u{feff}').unwrap_or(text).lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let p = parse::parse_line(line, &source, k + 1).map_err(|e| Error::parse(path, k + 1, e))?;
            set.push(p);
        }
        Ok(set)
    }

    /// Adds a pattern.
    pub fn push(&mut self, p: Pattern) -> &mut PatternSet {
        let idx = u32::try_from(self.patterns.len()).unwrap_or(u32::MAX);
        self.index.add(idx, &p.specs, &p.steps);
        self.patterns.push(p);
        self
    }

    /// Adds the patterns of another set (after this set's own).
    pub fn extend(&mut self, other: PatternSet) -> &mut PatternSet {
        for p in other.patterns {
            self.push(p);
        }
        self
    }

    /// The patterns, in the order they were added.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether the set has no pattern.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

#[cfg(test)]
mod tests;
