//! `gazetteer`: named-entity tagging of news text with dictionaries of people,
//! organizations and places.
//!
//! Gazetteers (lists of names with a label, an id and aliases) are compiled into an
//! Aho-Corasick automaton over word tokens; [`Tagger::tag`] returns typed [`Entity`] spans
//! with byte offsets into the original text.
//!
//! ```
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//!
//! let mut people = Gazetteer::new("people");
//! people.push(Entry::new("Angela Merkel", Label::Per).id("Q567"));
//! let mut places = Gazetteer::new("places");
//! places.push(Entry::new("Paris", Label::Loc));
//!
//! let tagger = Tagger::builder().gazetteer(people).gazetteer(places).build()?;
//! let text = "Angela\u{a0}Merkel flew to PARIS.";
//! let entities = tagger.tag(text);
//! assert_eq!(entities[0].text(text), Some("Angela\u{a0}Merkel"));
//! assert_eq!(entities[0].id.as_deref(), Some("Q567"));
//! assert_eq!((entities[1].label.as_str(), entities[1].text(text)), ("LOC", Some("PARIS")));
//! # Ok::<(), gazetteer::Error>(())
//! ```
//!
//! # The pipeline
//!
//! 1. **Tokenize** ([`tokenize`]): Unicode word segmentation (UAX #29) with an ASCII fast
//!    path; white space is dropped, a possessive `'s` is split off.
//! 2. **Normalize** (per token): NFC, apostrophe/quote/dash variants unified; optional
//!    full Unicode case folding and accent folding.
//! 3. **Match**: each token becomes an id from the gazetteers' vocabulary, and an
//!    Aho-Corasick automaton over the ids finds every name.
//! 4. **Resolve**: candidates of one span are ranked; overlapping spans are resolved.
//! 5. **Output**: [`Entity`] spans of the original text.
//!
//! # Matching semantics
//!
//! - **Whole tokens.** "Iran" never matches inside "Iranian", nor "Bell" inside "Bellamy".
//!   A name inside a hyphenated word is found: "anti-ISIS" yields "ISIS", "US-led" "US".
//! - **Flexible white space.** Any run of white space (including no-break spaces and line
//!   breaks) between the tokens of a name matches the single space of the gazetteer.
//! - **Punctuation variants.** Typographic and straight apostrophes and quotes are equal,
//!   and so are the hyphen and dash variants. A possessive yields the name without `'s`.
//! - **Case.** By default a name matches its exact form and its all-capitals form
//!   ("Erbil" matches "ERBIL"), never a lower-case form ("Bell" does not match "bell")
//!   nor a mix of the two ("Masrour BARZANI").
//!   [`CaseMode::Exact`] drops the capitals form, [`CaseMode::Ignore`] matches any case
//!   with full Unicode case folding ("STRASSE" = "Straße"). Accent folding is optional.
//! - **Overlaps.** By default no two entities overlap: the longest span wins, then the
//!   higher priority, then the earlier one, then the entry loaded first. A shorter name is
//!   never lost because a longer one failed at a token boundary. [`Overlap::All`] returns
//!   every candidate span.
//! - **Several entries, one name.** All entries that claim a span are kept: the best is the
//!   entity, the others are its [`Entity::alternatives`].
//!
//! ```
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//! let mut g = Gazetteer::new("g");
//! g.push(Entry::new("testing", Label::Misc));
//! g.push(Entry::new("testing 123", Label::Misc));
//! g.push(Entry::new("Jordan", Label::Loc).priority(10));
//! g.push(Entry::new("Jordan", Label::Per));
//! let t = Tagger::builder().gazetteer(g).build()?;
//!
//! let text = "testing 12345";
//! assert_eq!(t.tag(text)[0].text(text), Some("testing"));
//!
//! let e = &t.tag("Jordan")[0];
//! assert_eq!((e.label.as_str(), e.alternatives[0].label.as_str()), ("LOC", "PER"));
//! assert!(t.tag("Jordanian").is_empty());
//! # Ok::<(), gazetteer::Error>(())
//! ```
//!
//! # Offsets
//!
//! [`Entity::start`] and [`Entity::end`] are UTF-8 byte offsets (half-open) into the text
//! given to [`Tagger::tag`]. [`Entity::char_span`], [`Entity::utf16_span`] and
//! [`OffsetConverter`] give char offsets (Python) and UTF-16 offsets (JavaScript, Java).
//!
//! # Beyond one text
//!
//! - [`Tagger::with_bundled`] (feature `embedded`, on by default): the bundled gazetteers
//!   plus yours, with the default rules; your entries win on any span both know.
//! - [`Tagger::stream`] ([`stream`]): an iterator of documents tagged on several threads,
//!   in input order, in bounded memory, with readers for JSON Lines and text files.
//! - [`Tagger::add`], [`Tagger::remove`], [`Tagger::replace`] ([`live`]): names changed on a
//!   built tagger without rebuilding it; text with its entities replaced.
//! - [`rules::Stage`]: the seam every context rule sits behind, open to stages of your own.
//! - [`patterns`]: spaCy EntityRuler pattern files, run as the stage `patterns`
//!   ([`TaggerBuilder::patterns`], [`TaggerBuilder::disable_stage`]).
//!
//! # Dependencies and the command
//!
//! The library depends on unicode-segmentation, unicode-normalization,
//! serde, serde_json, once_cell and regex (the `REGEX` of pattern files), and nothing of
//! the command line. The `gazetteer`
//! command is the package `gazetteer-cli` in the repository's `cli/` folder
//! (`cargo install --path cli`). Without the default feature `embedded`, the bundled
//! gazetteers are left out of the build.
//!
//! # Fallibility
//!
//! Loading and building can fail (with the file, line and reason); tagging cannot: every
//! `&str` is valid input, and no input makes the tagger panic.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod automaton;
pub mod conll;
#[cfg(feature = "embedded")]
mod embedded;
mod entity;
mod entries;
mod error;
pub mod eval;
mod fxhash;
mod gazetteer;
pub mod jsonl;
mod label;
pub mod live;
mod matcher;
mod normalize;
pub mod output;
pub mod patterns;
mod resolve;
pub mod rules;
pub mod stream;
mod tagger;
pub mod tokenize;
mod vocab;

#[cfg(feature = "embedded")]
pub use embedded::{bundled_gazetteers, bundled_lexicon, bundled_lexicon_lists, default_tagger};
pub use entity::{Candidate, Entity, OffsetConverter};
pub use error::{read_utf8, Error, ErrorKind, Result};
pub use gazetteer::{Alias, CaseMode, Entry, Gazetteer};
pub use label::{CustomLabel, Label, LabelError, LabelSet};
pub use normalize::romanization_variants;
pub use resolve::Overlap;
pub use rules::{Lexicon, LexiconLists, Rules};
pub use tagger::{Scratch, Tagger, TaggerBuilder};

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
