//! Context rules: names the gazetteers do not hold, ambiguity, and document-level names.
//!
//! The rules run as stages of the tagging pipeline, between matching and output. Each is
//! named, documented, and can be switched off ([`Rules`]); each entity says which rule or
//! gazetteer produced it in its `source` (`rule:title`, `rule:given-name`, ...). The word
//! lists they use (titles, given names, designators, common words) are data in
//! `gazetteers/lexicon/` ([`Lexicon`]).
//!
//! Every rule is one [`Stage`], in a file of its own, and reaches the document only
//! through the [`Context`] it is given; stages of your own run the same way (see
//! [`Stage`]). In order, the built-in stages are:
//!
//! Before overlaps are resolved (proposing and filtering candidate spans):
//! - `common-word`: a one-word gazetteer match that is also a common English word ("May",
//!   "Bell", "Reading") is dropped at the start of a sentence or in a line of capitals, where
//!   capitals prove nothing, unless its entry is a major one (priority 20 and above), the document
//!   supports it elsewhere, or it is an organization the next word shows acting ("Apple said",
//!   "Shell shares").
//! - `title`: a title or role ("Prime Minister", "Brigadier", "Mr.", "coach") followed by
//!   a capitalized name makes that name a person; the title is not part of the span. Not
//!   when the words are an organization ("rival Advanced Micro Devices", "partner ... Group")
//!   or one word in capitals ("the official CPI release").
//! - `given-name`: a known given name followed by capitalized words ("Richard Bell") is a
//!   person; initials ("John J. Catherine") and particles ("Ludwig van Beethoven", "Abu Bakr
//!   al-Baghdadi") stay inside.
//! - `org-designator`: a capitalized sequence ending in an organizational word or legal form
//!   ("... Group", "... Party", "... Inc."), or starting with a head word and a connector
//!   ("Ministry of ...", "Coalition to ..."), is an organization; "of", "for", "to", "and",
//!   "the" between capitalized words keep the name whole. Business context makes an
//!   organization too: "shares of X", "a stake in X", "X shares", "X's chief executive".
//! - `loc-designator`: the same for places ("... River", "Gulf of ...", "Mount ...").
//! - `name-shape`: two or three capitalized words in a row that are neither common English
//!   words nor known to a gazetteer nor designators are taken for a person's name, at the
//!   lowest priority ("Falk Balzer"): in news, most unknown name pairs are people.
//! - `dateline`: capitals at the start of a line followed by "(Agency)", a date or a dash
//!   ("ERBIL (Kurdistan 24) –", "LONDON 1996-08-30") are a place.
//!
//! After overlaps are resolved (document-level):
//! - `sports-team`: a city or region before a score ("Grimsby 0 Portsmouth 1"), in a
//!   fixture ("X v Y", the X of "X AT Y") or after "beat", "joined" and the like is its
//!   team, an organization, in the whole document; countries stay places, and so does a
//!   place after "in" or "at".
//! - `acronym`: "Kurdistan Regional Government (KRG)" defines KRG; later "KRG" gets the same
//!   label and id.
//! - `coref`: once "Masrour Barzani" is found, a later "Barzani" alone is the same person;
//!   a one-word mention found as a person lends that reading to its other mentions.
//!
//! Stages run in the order above, your own after the built-in ones of their [`Phase`].
//! User patterns (spaCy EntityRuler files, [`crate::patterns`]) are one more stage,
//! `patterns`, in the document phase after all others. Any stage is switched off by its
//! name with [`crate::TaggerBuilder::disable_stage`] (the command's `--disable-rule NAME`).
//!
//! Text in capitals (headlines, tables, datelines) is handled on purpose: capitalization
//! proves nothing there, so the capitalization rules do not fire on lines written in
//! capitals; gazetteer names still match their all-capitals forms, and `coref` still
//! applies.

mod acronym;
mod common_word;
mod coref;
mod dateline;
mod designators;
mod facts;
mod given_name;
mod lexicon;
mod mentions;
mod name_shape;
mod org_context;
mod org_coref;
mod person;
mod sports_team;
mod title;

#[cfg(feature = "embedded")]
pub(crate) use lexicon::bundled_lists;
pub use lexicon::{Lexicon, LexiconLists};

use crate::entries::{entry, Entries, EntryData, EntryRef};
use crate::fxhash::FxMap;
use crate::label::Label;
use crate::resolve::{resolve, SpanCands};
use crate::tokenize::Token;
use facts::Facts;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Which rules run. All are on by default; [`Rules::none`] gives the bare dictionary
/// matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// Titles and roles before names.
    pub title: bool,
    /// Given names before capitalized words.
    pub given_name: bool,
    /// Organizational words and legal forms.
    pub org_designator: bool,
    /// Place words ("River", "Gulf of").
    pub loc_designator: bool,
    /// Datelines.
    pub dateline: bool,
    /// Sentence-initial common words.
    pub common_word: bool,
    /// Acronyms defined in the text.
    pub acronym: bool,
    /// Later mentions of names found earlier in the document.
    pub coref: bool,
    /// Two or three unknown capitalized words make a person's name.
    pub name_shape: bool,
    /// Place names standing for sports teams.
    pub sports_team: bool,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules::all()
    }
}

impl Rules {
    /// Every rule on.
    pub const fn all() -> Rules {
        Rules {
            title: true,
            given_name: true,
            org_designator: true,
            loc_designator: true,
            dateline: true,
            common_word: true,
            acronym: true,
            coref: true,
            name_shape: true,
            sports_team: true,
        }
    }

    /// Every rule off.
    pub const fn none() -> Rules {
        Rules {
            title: false,
            given_name: false,
            org_designator: false,
            loc_designator: false,
            dateline: false,
            common_word: false,
            acronym: false,
            coref: false,
            name_shape: false,
            sports_team: false,
        }
    }

    /// The rule names, as [`Rules::set`] and the command's `--disable-rule` take them (an
    /// entity a rule makes has the source `rule:NAME`).
    pub const NAMES: &'static [&'static str] = &[
        "title",
        "given-name",
        "org-designator",
        "loc-designator",
        "dateline",
        "common-word",
        "acronym",
        "coref",
        "name-shape",
        "sports-team",
    ];

    /// Switches one rule on or off by name (one of [`Rules::NAMES`]).
    ///
    /// # Errors
    /// When there is no rule of that name; the error lists the names.
    ///
    /// ```
    /// use gazetteer::Rules;
    /// let mut r = Rules::all();
    /// r.set("coref", false).unwrap();
    /// assert!(!r.coref);
    /// let e = r.set("corf", false).unwrap_err();
    /// assert!(e.to_string().contains("given-name, org-designator"));
    /// ```
    pub fn set(&mut self, name: &str, on: bool) -> Result<(), UnknownRule> {
        let f = match name {
            "title" => &mut self.title,
            "given-name" => &mut self.given_name,
            "org-designator" => &mut self.org_designator,
            "loc-designator" => &mut self.loc_designator,
            "dateline" => &mut self.dateline,
            "common-word" => &mut self.common_word,
            "acronym" => &mut self.acronym,
            "coref" => &mut self.coref,
            "name-shape" => &mut self.name_shape,
            "sports-team" => &mut self.sports_team,
            _ => return Err(UnknownRule { name: name.into() }),
        };
        *f = on;
        Ok(())
    }
}

/// A rule name that [`Rules::set`] does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule {
    name: String,
}

impl UnknownRule {
    /// The name asked for.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule {:?} (rules: {})", self.name, Rules::NAMES.join(", "))
    }
}

impl std::error::Error for UnknownRule {}

/// When a [`Stage`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// Before overlaps are resolved: the stage sees every candidate span the gazetteers
    /// found (overlapping ones included), may drop some, and proposes spans of its own;
    /// the proposals of all such stages join the candidates after the last of them has
    /// run, and overlap resolution then picks among all.
    Candidates,
    /// After overlaps are resolved: the stage sees the document's final spans. A span it
    /// proposes takes free tokens only; on exactly the tokens of a span it adds a reading
    /// (see [`Context::propose`]).
    Document,
}

/// One step of the tagging pipeline between matching and output: a built-in rule, or
/// one of your own.
///
/// A stage is told the document through a [`Context`]: its text and tokens, the
/// candidate spans with their readings' labels and priorities, and a way to propose
/// spans. A tagger runs its stages in order for every document, each in its
/// [`Phase`]; an entity a stage makes has the source `rule:NAME`. A stage runs when it
/// is registered: the built-in ones are registered from [`Rules`] (a rule switched off
/// is not registered), yours by [`crate::TaggerBuilder::stage`], after the built-in ones,
/// and the patterns' stage (`patterns`) by [`crate::TaggerBuilder::patterns`], last.
/// [`crate::TaggerBuilder::disable_stage`] switches any of them off by name.
///
/// A stage is shared by every thread that tags with the tagger, so it is `Send + Sync`
/// and keeps no state between documents; [`Stage::run`] must not panic on any text.
///
/// ```
/// use gazetteer::rules::{Context, Phase, Stage};
/// use gazetteer::{Label, Tagger};
///
/// /// The word after "codename" is the name of a project.
/// struct Codename;
///
/// impl Stage for Codename {
///     fn name(&self) -> &str {
///         "codename"
///     }
///     fn phase(&self) -> Phase {
///         Phase::Candidates
///     }
///     fn run(&self, cx: &mut Context<'_>) {
///         let (text, tokens) = (cx.text(), cx.tokens());
///         for i in 1..tokens.len() {
///             if tokens[i - 1].text(text).eq_ignore_ascii_case("codename") {
///                 cx.propose(i, i + 1, Label::Misc, 0);
///             }
///         }
///     }
/// }
///
/// let tagger = Tagger::builder().stage(Codename).build()?;
/// let text = "The project, codename Bluefin, was dropped.";
/// let found = tagger.tag(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].text(text), &*found[0].source), (Some("Bluefin"), "rule:codename"));
/// # Ok::<(), gazetteer::Error>(())
/// ```
pub trait Stage: Send + Sync {
    /// The stage's name: lower case words joined by `-` ("title", "given-name").
    fn name(&self) -> &str;
    /// When it runs.
    fn phase(&self) -> Phase;
    /// Runs on one document.
    fn run(&self, cx: &mut Context<'_>);
}

/// A candidate span as a [`Stage`] sees it (see [`Context::spans`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpanInfo<'c> {
    /// Its first token, an index into [`Context::tokens`].
    pub first_token: usize,
    /// One past its last token.
    pub end_token: usize,
    /// Where it starts in the text (bytes).
    pub start: usize,
    /// Where it ends in the text (bytes, exclusive).
    pub end: usize,
    /// The label of its best reading.
    pub label: &'c Label,
    /// The priority of its best reading.
    pub priority: i32,
    /// How many readings it has (its best and the alternatives).
    pub readings: usize,
}

/// A span proposed by a stage.
pub(crate) struct Proposal {
    start_tok: u32,
    end_tok: u32,
    label: Label,
    priority: i32,
    /// The stage that made it (an index into the engine's sources).
    stage: u16,
}

/// The proposals of a document, and the stage now running.
pub(crate) struct Proposals<'a> {
    list: &'a mut Vec<Proposal>,
    stage: u16,
}

impl Proposals<'_> {
    /// Proposes tokens `a..b` (checked by the caller).
    pub(crate) fn push(&mut self, a: usize, b: usize, label: Label, priority: i32) {
        self.list.push(Proposal {
            start_tok: a as u32,
            end_tok: b as u32,
            label,
            priority,
            stage: self.stage,
        });
    }
}

/// What a [`Stage`] sees of one document, and how it changes it.
///
/// Tokens are numbered from 0; a span of tokens is given by its first token and one past
/// its last. Candidate spans are sorted by their first token (and, after resolution, by
/// start and end in the text).
pub struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) entries: &'a Entries,
    /// Readings made for this document: candidate `entries.len() + k`.
    pub(crate) dynamic: &'a mut Vec<EntryData>,
    /// What the built-in rules know of each token.
    pub(crate) facts: &'a Facts,
    pub(crate) lex: &'a Lexicon,
    pub(crate) spans: &'a mut Vec<SpanCands>,
    /// Scratch for the tokens spans cover (document phase).
    pub(crate) taken: &'a mut Vec<bool>,
    pub(crate) proposals: Proposals<'a>,
    /// What a built-in stage leaves for a later one.
    pub(crate) memo: &'a mut Memo,
    sources: &'a [Arc<str>],
    phase: Phase,
}

impl<'a> Context<'a> {
    /// The document's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its tokens (see [`crate::tokenize`]).
    pub fn tokens(&self) -> &'a [Token] {
        self.tokens
    }

    /// The phase running.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The candidate spans, in order (before resolution they may overlap).
    pub fn spans(&self) -> impl ExactSizeIterator<Item = SpanInfo<'_>> + '_ {
        self.spans.iter().map(|sp| self.info(sp))
    }

    /// The readings of span `i` (as [`Context::spans`] numbers them), best first: label
    /// and priority. Nothing for a span that does not exist.
    pub fn readings(&self, i: usize) -> impl Iterator<Item = (&Label, i32)> + '_ {
        let cands = self.spans.get(i).map_or(&[][..], |sp| &sp.cands[..]);
        cands.iter().map(|&c| {
            let e = self.entry(c);
            (e.label, e.priority)
        })
    }

    /// Keeps only the candidate spans for which `keep` says yes.
    pub fn keep_spans(&mut self, mut keep: impl FnMut(SpanInfo<'_>) -> bool) {
        let (entries, dynamic) = (self.entries, &**self.dynamic);
        self.spans.retain(|sp| keep(span_info(entries, dynamic, sp)));
    }

    /// Proposes tokens `first_token..end_token` as a `label` at `priority` (the
    /// gazetteers' entries have 0 unless their files say otherwise; higher wins ties of
    /// length). The entity's name is its text with white space collapsed, its source
    /// `rule:NAME`, and it has no id.
    ///
    /// In [`Phase::Candidates`], a proposal on the tokens of a candidate span adds a
    /// reading to it (ranked by priority) unless a reading of that label is there, and
    /// any other proposal is a new candidate. In [`Phase::Document`] the same holds for a
    /// span's exact tokens; a proposal overlapping any other span is dropped.
    ///
    /// Returns `false`, and proposes nothing, when the tokens are not a span of this
    /// document (empty, reversed or out of range).
    pub fn propose(&mut self, first_token: usize, end_token: usize, label: Label, priority: i32) -> bool {
        if first_token >= end_token || end_token > self.tokens.len() || end_token > u32::MAX as usize {
            return false;
        }
        self.proposals.push(first_token, end_token, label, priority);
        true
    }

    fn info(&self, sp: &SpanCands) -> SpanInfo<'_> {
        span_info(self.entries, self.dynamic, sp)
    }

    /// Candidate `c`, a gazetteer entry or a reading made for this document.
    pub(crate) fn entry(&self, c: u32) -> EntryRef<'_> {
        entry(self.entries, self.dynamic, c)
    }

    /// The source of what the running stage makes: `rule:NAME`.
    pub(crate) fn source(&self) -> Arc<str> {
        self.sources[self.proposals.stage as usize].clone()
    }

    /// Adds a reading for this document; returns its candidate index.
    pub(crate) fn push_reading(&mut self, e: EntryData) -> u32 {
        self.dynamic.push(e);
        (self.entries.len() + self.dynamic.len() - 1) as u32
    }

    /// Adds a reading copied from candidate `c` under the running stage (with another
    /// label if given); returns its index.
    pub(crate) fn derive(&mut self, c: u32, label: Option<Label>) -> u32 {
        let mut e = self.entry(c).to_data();
        e.source = self.source();
        if let Some(l) = label {
            e.label = l;
        }
        self.push_reading(e)
    }
}

fn span_info<'c>(entries: &'c Entries, dynamic: &'c [EntryData], sp: &SpanCands) -> SpanInfo<'c> {
    SpanInfo {
        first_token: sp.start_tok as usize,
        end_token: sp.end_tok as usize,
        start: sp.start,
        end: sp.end,
        label: entry(entries, dynamic, sp.cands[0]).label,
        priority: sp.best_priority,
        readings: sp.cands.len(),
    }
}

/// A mention's text with every run of white space made one space: the name of an entity
/// a rule found.
pub(crate) fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The stages a builder registered besides the built-in rules.
#[derive(Clone, Default)]
pub(crate) struct ExtraStages(pub Vec<Arc<dyn Stage>>);

impl std::fmt::Debug for ExtraStages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter().map(|s| s.name())).finish()
    }
}

/// What one built-in stage leaves for a later one in the same document, so that work
/// two rules share is done once.
#[derive(Default)]
pub(crate) struct Memo {
    /// Whether `designators` holds this document's designator scan.
    designators_done: bool,
    /// The designator scan: first token, end token, organization (else place).
    designators: Vec<(u32, u32, bool)>,
    /// The tokens the `acronym` stage found defined as acronyms.
    acronyms: Vec<u32>,
}

/// Reusable per-document buffers of the rule engine.
#[derive(Default)]
pub(crate) struct RuleScratch {
    facts: Facts,
    /// Lexicon phrases found with the gazetteer matches.
    phrases: Vec<SpanCands>,
    /// Spans made by proposals on tokens no candidate had.
    extra: Vec<SpanCands>,
    /// Where each token range of `extra` is.
    extra_at: FxMap<(u32, u32), usize>,
    proposals: Vec<Proposal>,
    memo: Memo,
}

/// The stages of one tagger and what they share.
pub(crate) struct RuleEngine {
    lex: Lexicon,
    /// The stages of [`Phase::Candidates`], then those of [`Phase::Document`].
    stages: Vec<Arc<dyn Stage>>,
    /// How many of `stages` run before resolution.
    before: usize,
    /// `rule:NAME` for each stage.
    sources: Vec<Arc<str>>,
    /// Candidates from here on are lexicon phrases, matched with the gazetteers' names.
    internal_from: u32,
    /// Whether overlaps are resolved (else every span is kept).
    resolve: bool,
    /// Whether some built-in rule runs (they alone read the lexicon and the facts).
    builtin: bool,
}

impl RuleEngine {
    /// The built-in stages `rules` switches on, then `extra`; `None` when there are none.
    /// The word lists are `lex`, or else the bundled ones (loaded only when some stage
    /// runs).
    pub(crate) fn new(
        rules: Rules,
        extra: &ExtraStages,
        lex: Option<Lexicon>,
        resolve: bool,
    ) -> Option<RuleEngine> {
        let r = rules;
        let builtin: [(bool, Arc<dyn Stage>); 10] = [
            (r.common_word, Arc::new(common_word::CommonWord)),
            (r.title, Arc::new(title::Title)),
            (r.given_name, Arc::new(given_name::GivenName)),
            (r.org_designator, Arc::new(designators::Designator { org: true, other_on: r.loc_designator })),
            (r.loc_designator, Arc::new(designators::Designator { org: false, other_on: r.org_designator })),
            (r.name_shape, Arc::new(name_shape::NameShape)),
            (r.dateline, Arc::new(dateline::Dateline)),
            (r.sports_team, Arc::new(sports_team::SportsTeam)),
            (r.acronym, Arc::new(acronym::Acronym)),
            (r.coref, Arc::new(coref::Coref)),
        ];
        let on: Vec<Arc<dyn Stage>> = builtin.into_iter().filter(|s| s.0).map(|s| s.1).collect();
        let builtin = !on.is_empty();
        let all: Vec<Arc<dyn Stage>> = on.into_iter().chain(extra.0.iter().cloned()).collect();
        if all.is_empty() {
            return None;
        }
        let (mut stages, document): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|s| s.phase() == Phase::Candidates);
        let before = stages.len();
        stages.extend(document);
        // Stages of your own do not read the word lists: without a built-in rule, none is
        // loaded.
        let lex = match lex {
            Some(l) => l,
            None if builtin => Lexicon::default_for_rules(),
            None => Lexicon::empty(),
        };
        let sources = stages.iter().map(|s| Arc::from(format!("rule:{}", s.name()))).collect();
        Some(RuleEngine { lex, stages, before, sources, internal_from: 0, resolve, builtin })
    }

    /// Whether some built-in rule runs: only then are the lexicon's phrases matched with
    /// the names, and what the rules know of each token worked out.
    pub(crate) fn has_builtin(&self) -> bool {
        self.builtin
    }

    /// The word lists.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Sets where the lexicon phrases' entries start.
    pub(crate) fn set_internal_from(&mut self, at: usize) {
        self.internal_from = u32::try_from(at).unwrap_or(u32::MAX);
    }

    /// Runs the stages on the candidate spans of one document (every gazetteer and
    /// lexicon match, grouped by span): lexicon phrases taken apart, the candidate
    /// stages, their proposals merged, overlaps resolved, the document stages.
    // The tagger's per-document buffers, passed apart so that each is borrowed alone.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn run(
        &self,
        text: &str,
        tokens: &[Token],
        entries: &Entries,
        spans: &mut Vec<SpanCands>,
        dynamic: &mut Vec<EntryData>,
        taken: &mut Vec<bool>,
        s: &mut RuleScratch,
    ) {
        // Lexicon phrases came with the gazetteer matches: take them apart.
        // (Candidates from `entries.len()` on are names added live: gazetteer names too.)
        let boundary = self.internal_from..entries.len() as u32;
        s.phrases.clear();
        spans.retain_mut(|sp| {
            if sp.cands.iter().all(|c| !boundary.contains(c)) {
                return true;
            }
            let (int, gz): (Vec<u32>, Vec<u32>) = sp.cands.iter().partition(|c| boundary.contains(c));
            s.phrases.push(SpanCands { cands: int, ..sp.clone() });
            if gz.is_empty() {
                return false;
            }
            sp.best_priority = entry(entries, dynamic, gz[0]).priority;
            sp.cands = gz;
            true
        });
        if self.builtin {
            s.facts.prepare(text, tokens, &s.phrases, entries, &self.lex);
        }
        s.proposals.clear();
        s.memo.designators_done = false;
        s.memo.designators.clear();
        s.memo.acronyms.clear();
        let mut cx = Context {
            text,
            tokens,
            entries,
            dynamic,
            facts: &s.facts,
            lex: &self.lex,
            spans,
            taken,
            proposals: Proposals { list: &mut s.proposals, stage: 0 },
            memo: &mut s.memo,
            sources: &self.sources,
            phase: Phase::Candidates,
        };
        for (i, stage) in self.stages[..self.before].iter().enumerate() {
            cx.proposals.stage = i as u16;
            stage.run(&mut cx);
        }
        merge_candidates(&mut cx, &mut s.extra, &mut s.extra_at);
        if self.resolve {
            resolve(cx.spans, tokens.len(), cx.taken);
        } else {
            cx.spans.sort_by_key(|sp| (sp.start, sp.end));
        }
        cx.phase = Phase::Document;
        for (i, stage) in self.stages.iter().enumerate().skip(self.before) {
            cx.proposals.stage = i as u16;
            stage.run(&mut cx);
            if !cx.proposals.list.is_empty() {
                merge_document(&mut cx);
            }
        }
    }
}

/// The reading `c` (at `priority`) on a span of the same tokens: added, ranked by
/// priority, unless a reading of its label is there.
fn add_reading(entries: &Entries, dynamic: &[EntryData], sp: &mut SpanCands, c: u32, priority: i32) {
    let label = entry(entries, dynamic, c).label;
    if sp.cands.iter().all(|&x| entry(entries, dynamic, x).label != label) {
        let pos = sp
            .cands
            .iter()
            .position(|&x| entry(entries, dynamic, x).priority < priority)
            .unwrap_or(sp.cands.len());
        sp.cands.insert(pos, c);
        sp.best_priority = entry(entries, dynamic, sp.cands[0]).priority;
    }
}

/// A proposal's reading, made for this document; returns its candidate index.
fn proposal_reading(cx: &mut Context<'_>, p: &Proposal) -> u32 {
    let (a, b) = (p.start_tok as usize, p.end_tok as usize);
    let surface = &cx.text[cx.tokens[a].start..cx.tokens[b - 1].end];
    cx.push_reading(EntryData {
        name: collapse_space(surface).into(),
        label: p.label.clone(),
        id: None,
        priority: p.priority,
        source: cx.sources[p.stage as usize].clone(),
    })
}

/// Merges the candidate stages' proposals into the candidate spans.
fn merge_candidates(
    cx: &mut Context<'_>,
    extra: &mut Vec<SpanCands>,
    extra_at: &mut FxMap<(u32, u32), usize>,
) {
    extra.clear();
    extra_at.clear();
    let mut proposals = std::mem::take(cx.proposals.list);
    for p in proposals.drain(..) {
        let c = proposal_reading(cx, &p);
        // The gazetteer spans are sorted by token range: find a match by bisection;
        // spans made by earlier proposals sit in `extra`, indexed by range.
        let spans = &mut *cx.spans;
        let at = spans.partition_point(|sp| (sp.start_tok, sp.end_tok) < (p.start_tok, p.end_tok));
        let found =
            match spans.get_mut(at).filter(|sp| sp.start_tok == p.start_tok && sp.end_tok == p.end_tok) {
                Some(sp) => Some(sp),
                None => extra_at.get(&(p.start_tok, p.end_tok)).map(|&x| &mut extra[x]),
            };
        match found {
            // The gazetteer already knows this span: the rule adds a reading.
            Some(sp) => add_reading(cx.entries, cx.dynamic, sp, c, p.priority),
            None => {
                let (a, b) = (p.start_tok as usize, p.end_tok as usize);
                extra_at.insert((p.start_tok, p.end_tok), extra.len());
                extra.push(SpanCands {
                    start_tok: p.start_tok,
                    end_tok: p.end_tok,
                    start: cx.tokens[a].start,
                    end: cx.tokens[b - 1].end,
                    best_priority: p.priority,
                    cands: vec![c],
                });
            }
        }
    }
    *cx.proposals.list = proposals;
    cx.spans.append(extra);
}

/// Merges a document stage's proposals into the resolved spans: on a span's exact tokens
/// as a reading, on free tokens as a new span; any other is dropped.
fn merge_document(cx: &mut Context<'_>) {
    let mut proposals = std::mem::take(cx.proposals.list);
    let mut taken = std::mem::take(&mut *cx.taken);
    taken.clear();
    taken.resize(cx.tokens.len(), false);
    for sp in cx.spans.iter() {
        taken[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    for p in proposals.drain(..) {
        let (a, b) = (p.start_tok as usize, p.end_tok as usize);
        let at = cx.spans.partition_point(|sp| (sp.start_tok, sp.end_tok) < (p.start_tok, p.end_tok));
        let exact = cx.spans.get(at).is_some_and(|sp| sp.start_tok == p.start_tok && sp.end_tok == p.end_tok);
        if exact {
            let c = proposal_reading(cx, &p);
            add_reading(cx.entries, cx.dynamic, &mut cx.spans[at], c, p.priority);
        } else if !taken[a..b].iter().any(|&t| t) {
            let c = proposal_reading(cx, &p);
            taken[a..b].iter_mut().for_each(|t| *t = true);
            let (start, end) = (cx.tokens[a].start, cx.tokens[b - 1].end);
            added.push(SpanCands {
                start_tok: p.start_tok,
                end_tok: p.end_tok,
                start,
                end,
                best_priority: p.priority,
                cands: vec![c],
            });
        }
    }
    *cx.proposals.list = proposals;
    *cx.taken = taken;
    if !added.is_empty() {
        cx.spans.extend(added);
        cx.spans.sort_by_key(|sp| (sp.start, sp.end));
    }
}
