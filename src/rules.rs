//! Context rules: names the gazetteers do not hold, ambiguity, and document-level names.
//!
//! The rules run as stages of the tagging pipeline, between matching and output. Each is
//! named, documented, and can be switched off ([`Rules`]); each entity says which rule or
//! gazetteer produced it in its `source` (`rule:title`, `rule:given-name`, ...). The word
//! lists they use (titles, given names, designators, common words) are data in
//! `gazetteers/lexicon/` ([`Lexicon`]).
//!
//! Before overlaps are resolved:
//! - `title`: a title or role ("Prime Minister", "Brigadier", "Mr.", "coach") followed by
//!   a capitalized name makes that name a person; the title is not part of the span.
//! - `given-name`: a known given name followed by capitalized words ("Richard Bell") is a
//!   person; initials ("John J. Catherine") and particles ("Ludwig van Beethoven", "Abu Bakr
//!   al-Baghdadi") stay inside.
//! - `org-designator`: a capitalized sequence ending in an organizational word or legal form
//!   ("... Group", "... Party", "... Inc."), or starting with a head word and a connector
//!   ("Ministry of ...", "Coalition to ..."), is an organization; "of", "for", "to", "and",
//!   "the" between capitalized words keep the name whole.
//! - `loc-designator`: the same for places ("... River", "Gulf of ...", "Mount ...").
//! - `dateline`: capitals at the start of a line followed by "(Agency)", a date or a dash
//!   ("ERBIL (Kurdistan 24) –", "LONDON 1996-08-30") are a place.
//! - `name-shape`: two or three capitalized words in a row that are neither common English
//!   words nor known to a gazetteer nor designators are taken for a person's name, at the
//!   lowest priority ("Falk Balzer"): in news, most unknown name pairs are people.
//! - `common-word`: a one-word gazetteer match that is also a common English word ("May",
//!   "Bell", "Reading") is dropped at the start of a sentence, where capitals prove
//!   nothing, unless its entry is a major one (priority 20 and above) or the document
//!   supports it elsewhere.
//!
//! After overlaps are resolved (document-level):
//! - `sports-team`: a city or region before a score ("Grimsby 0 Portsmouth 1"), in a
//!   fixture ("X v Y", "X AT Y") or after "beat", "joined" and the like is its team, an
//!   organization, in the whole document; countries stay places.
//! - `acronym`: "Kurdistan Regional Government (KRG)" defines KRG; later "KRG" gets the same
//!   label and id.
//! - `coref`: once "Masrour Barzani" is found, a later "Barzani" alone is the same person;
//!   a one-word mention found as a person lends that reading to its other mentions.
//!
//! Text in capitals (headlines, tables, datelines) is handled on purpose: capitalization
//! proves nothing there, so the capitalization rules do not fire on lines written in
//! capitals; gazetteer names still match their all-capitals forms, and `coref` still
//! applies.

use crate::entries::{Entries, EntryData, EntryRef};
use crate::gazetteer::{CaseMode, Entry, Gazetteer};
use crate::label::Label;
use crate::matcher::FxMap;
use crate::resolve::SpanCands;
use crate::tokenize::{Token, TokenKind};
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

    /// The rule names, as `set` takes them.
    pub const NAMES: &'static [&'static str] = &[
        "title",
        "given-name",
        "org-designator",
        "loc-designator",
        "dateline",
        "common-word",
        "acronym",
        "coref",
    ];

    /// Switches one rule on or off by name; `false` if there is no such rule.
    pub fn set(&mut self, name: &str, on: bool) -> bool {
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
            _ => return false,
        };
        *f = on;
        true
    }

    pub(crate) fn any(&self) -> bool {
        *self != Rules::none()
    }
}

/// Kinds of lexicon phrases, kept as labels of an internal tagger.
const TITLE: &str = "TITLE";
const ROLE: &str = "ROLE";
const ORG_SUFFIX: &str = "ORGSUF";
const ORG_PREFIX: &str = "ORGPRE";
const ORG_HEAD: &str = "ORGHEAD";
const LOC_SUFFIX: &str = "LOCSUF";
const LOC_PREFIX: &str = "LOCPRE";
const LOC_HEAD: &str = "LOCHEAD";

/// Words that join the parts of a name: "Coalition to Defeat ISIS", "Bank of England".
const CONNECTORS: &[&str] =
    &["of", "for", "to", "and", "the", "on", "against", "&", "de", "du", "des", "del"];

/// Capitalized words that never start or continue a person's name.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "its",
    "our",
    "their",
    "in",
    "on",
    "at",
    "of",
    "and",
    "but",
    "or",
    "for",
    "with",
    "by",
    "from",
    "to",
    "as",
    "after",
    "before",
    "if",
    "when",
    "while",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "said",
    "says",
    "read",
    "more",
    "photo",
    "editing",
    "reporting",
    "writing",
    "additional",
    "source",
    "sources",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "video",
    "watch",
    "live",
    "news",
    "today",
    "yesterday",
    "tomorrow",
    "both",
    "all",
    "each",
    "every",
    "some",
    "any",
    "no",
    "not",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "also",
    "however",
    "meanwhile",
    "following",
    "since",
    "under",
    "over",
    "about",
    "between",
    "during",
    "against",
    "despite",
    "via",
    "per",
    "than",
    "then",
    "so",
];

/// The word lists the rules use.
///
/// [`crate::bundled_lexicon`] (feature `embedded`) loads the lists of `gazetteers/lexicon/`;
/// [`Lexicon::from_lists`] builds one from lists of your own.
///
/// Cloning is cheap: the lists are shared.
#[derive(Clone)]
pub struct Lexicon {
    /// Titles, roles and designators as a gazetteer with internal labels: a tagger with
    /// rules matches them in the same pass as its own names.
    phrases: Arc<Gazetteer>,
    sets: Arc<WordSets>,
}

/// The word lists, as two maps from a word to what it is, so that a token costs two
/// look-ups: its own form (given name, surname, particle) and its lower-case form
/// (common word, stop word).
struct WordSets {
    exact: FxMap<Box<str>, u8>,
    lower: FxMap<Box<str>, u8>,
    given: usize,
    surnames: usize,
    common: usize,
    /// The longest particle that starts with a lower-case letter, in bytes.
    max_lower_particle: usize,
}

const W_GIVEN: u8 = 1;
const W_GIVEN_AMBIGUOUS: u8 = 2;
const W_SURNAME: u8 = 4;
const W_PARTICLE: u8 = 8;
const W_COMMON: u8 = 1;
const W_NOT_NAME: u8 = 2;

fn add_words(map: &mut FxMap<Box<str>, u8>, words: impl IntoIterator<Item = Box<str>>, bit: u8) -> usize {
    let mut n = 0;
    for w in words {
        *map.entry(w).or_insert(0) |= bit;
        n += 1;
    }
    n
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("given", &self.sets.given)
            .field("surnames", &self.sets.surnames)
            .field("common", &self.sets.common)
            .finish()
    }
}

/// The texts of the lexicon files, one entry a line, `#` comments; the two-column files
/// are `phrase<TAB>kind`.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexiconLists<'a> {
    /// `title` or `role` phrases that precede a person's name.
    pub person_titles: &'a str,
    /// Organizational words: `suffix`, `prefix` or `both`.
    pub org_designators: &'a str,
    /// Place words: `suffix`, `prefix` or `both`.
    pub loc_designators: &'a str,
    /// Given names.
    pub given_names: &'a str,
    /// Given names that are also common words ("Will", "Mark"): used only with support.
    pub given_names_ambiguous: &'a str,
    /// Surnames.
    pub surnames: &'a str,
    /// Lower-case common English words.
    pub common_words: &'a str,
    /// Name particles ("van", "al-", "bin").
    pub name_particles: &'a str,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn word_set(text: &str) -> impl Iterator<Item = Box<str>> + '_ {
    lines(text).map(|l| l.split('\t').next().unwrap_or("").trim().into())
}

impl Lexicon {
    /// A lexicon from the texts of its lists.
    ///
    /// # Errors
    /// When a phrase list has a bad kind column (the error names the list and line).
    pub fn from_lists(l: &LexiconLists<'_>) -> crate::Result<Lexicon> {
        let mut g = Gazetteer::new("lexicon");
        g.set_case(CaseMode::Upper);
        let mut add = |phrase: &str, kind: &str| {
            if let Ok(label) = kind.parse::<Label>() {
                g.push(Entry::new(phrase, label));
            }
        };
        for (i, line) in lines(l.person_titles).enumerate() {
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("").trim();
            match cols.next().map(str::trim) {
                Some("title") | None => add(phrase, TITLE),
                Some("role") => {
                    // Roles are written in lower case in running text ("coach Bob Smith")
                    // and capitalized before a name at a sentence start.
                    add(phrase, ROLE);
                }
                Some(k) => {
                    return Err(crate::Error::parse("person-titles", i + 1, format!("unknown kind {k:?}")));
                }
            }
        }
        for (list, name, suf, pre, head) in [
            (l.org_designators, "org-designators", ORG_SUFFIX, ORG_PREFIX, ORG_HEAD),
            (l.loc_designators, "loc-designators", LOC_SUFFIX, LOC_PREFIX, LOC_HEAD),
        ] {
            for (i, line) in lines(list).enumerate() {
                let mut cols = line.split('\t');
                let phrase = cols.next().unwrap_or("").trim();
                let side = cols.next().map_or("suffix", str::trim);
                let (is_suf, is_pre) = match side {
                    "suffix" => (true, false),
                    "prefix" => (false, true),
                    "both" => (true, true),
                    k => return Err(crate::Error::parse(name, i + 1, format!("unknown side {k:?}"))),
                };
                if is_suf {
                    add(phrase, suf);
                }
                if is_pre {
                    // "Ministry of": the head word takes any connector after it
                    // ("Coalition to ...", "Council on ...").
                    match phrase.rsplit_once(' ') {
                        Some((h, c)) if CONNECTORS.contains(&c) => add(h, head),
                        _ => add(phrase, pre),
                    }
                }
            }
        }
        let phrases = Arc::new(g);
        let (mut exact, mut lower) = (FxMap::default(), FxMap::default());
        let given = add_words(&mut exact, word_set(l.given_names), W_GIVEN);
        add_words(&mut exact, word_set(l.given_names_ambiguous), W_GIVEN_AMBIGUOUS);
        let surnames = add_words(&mut exact, word_set(l.surnames), W_SURNAME);
        add_words(&mut exact, word_set(l.name_particles), W_PARTICLE);
        let common = add_words(&mut lower, word_set(l.common_words), W_COMMON);
        add_words(&mut lower, NOT_NAME.iter().map(|s| Box::<str>::from(*s)), W_NOT_NAME);
        let max_lower_particle = word_set(l.name_particles)
            .filter(|p| p.as_bytes().first().is_some_and(u8::is_ascii_lowercase))
            .map(|p| p.len())
            .max()
            .unwrap_or(0);
        Ok(Lexicon {
            phrases,
            sets: Arc::new(WordSets { exact, lower, given, surnames, common, max_lower_particle }),
        })
    }

    /// The phrases (titles, roles, designators) as a gazetteer with internal labels.
    pub(crate) fn phrase_gazetteer(&self) -> &Gazetteer {
        &self.phrases
    }

    /// An empty lexicon: only the rules that need no word lists (dateline, acronym, coref)
    /// find anything.
    pub fn empty() -> Lexicon {
        Lexicon::from_lists(&LexiconLists::default()).unwrap_or_else(|_| unreachable!("empty lists parse"))
    }
}

/// Per-token facts the rules use.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Feat {
    /// First letter upper case, some lower case: "Barzani", "McDonald".
    cap: bool,
    /// All letters upper case, at least one letter: "ERBIL", "KRG", "J".
    upper: bool,
    /// First word of a sentence (or after an opening quote or bracket there).
    sent_start: bool,
    /// On a line written (almost) all in capitals.
    caps_line: bool,
    /// Its lower-case form is a common English word (looked up for capitalized words only).
    common: bool,
    /// Starts with a lower-case ASCII letter.
    lower_word: bool,
    /// A stop word that never starts or continues a name.
    not_name: bool,
    given: bool,
    given_ambiguous: bool,
    surname: bool,
    particle: bool,
}

/// Reusable per-document buffers for the rules.
#[derive(Default)]
pub(crate) struct RuleScratch {
    feats: Vec<Feat>,
    /// Lexicon phrases: first token, end token, kinds.
    phrases: Vec<(u32, u32, u16)>,
    /// For each token, the lexicon phrase kinds that start / end there.
    starts: Vec<u16>,
    ends: Vec<u16>,
    lower: String,
}

const K_TITLE: u16 = 1;
const K_ROLE: u16 = 2;
const K_ORG_SUFFIX: u16 = 4;
const K_ORG_PREFIX: u16 = 8;
const K_ORG_HEAD: u16 = 16;
const K_LOC_SUFFIX: u16 = 32;
const K_LOC_PREFIX: u16 = 64;
const K_LOC_HEAD: u16 = 128;

fn kind_bit(label: &str) -> u16 {
    match label {
        TITLE => K_TITLE,
        ROLE => K_ROLE,
        ORG_SUFFIX => K_ORG_SUFFIX,
        ORG_PREFIX => K_ORG_PREFIX,
        ORG_HEAD => K_ORG_HEAD,
        LOC_SUFFIX => K_LOC_SUFFIX,
        LOC_PREFIX => K_LOC_PREFIX,
        LOC_HEAD => K_LOC_HEAD,
        _ => 0,
    }
}

/// A span a rule proposes.
pub(crate) struct Proposal {
    pub start_tok: u32,
    pub end_tok: u32,
    pub label: Label,
    pub rule: &'static str,
    pub priority: i32,
}

/// The rule engine of one tagger.
pub(crate) struct RuleEngine {
    pub rules: Rules,
    pub lex: Lexicon,
    sources: FxMap<&'static str, Arc<str>>,
}

const RULE_NAMES: &[&str] = &[
    "rule:title",
    "rule:given-name",
    "rule:org-designator",
    "rule:loc-designator",
    "rule:dateline",
    "rule:acronym",
    "rule:coref",
    "rule:name-shape",
    "rule:sports-team",
];

impl RuleEngine {
    pub(crate) fn new(rules: Rules, lex: Lexicon) -> RuleEngine {
        let sources = RULE_NAMES.iter().map(|r| (*r, Arc::<str>::from(*r))).collect();
        RuleEngine { rules, lex, sources }
    }

    pub(crate) fn source(&self, rule: &'static str) -> Arc<str> {
        self.sources.get(rule).cloned().unwrap_or_else(|| rule.into())
    }

    /// Computes token features and finds lexicon phrases.
    pub(crate) fn prepare(
        &self,
        text: &str,
        tokens: &[Token],
        phrases: &[SpanCands],
        entries: &Entries,
        s: &mut RuleScratch,
    ) {
        let lex = &self.lex;
        let sets = &*lex.sets;
        s.feats.clear();
        s.feats.resize(tokens.len(), Feat::default());
        // Letters and case.
        for (i, t) in tokens.iter().enumerate() {
            let w = t.text(text);
            let f = &mut s.feats[i];
            if t.kind == TokenKind::Word && w.as_bytes()[0].is_ascii_lowercase() {
                // Most tokens of running text: a lower-case word is never a name by
                // itself, so only the short particles ("van", "al", "bin") need a look-up.
                f.lower_word = true;
                if w.len() <= sets.max_lower_particle {
                    f.particle = sets.exact.get(w).is_some_and(|x| x & W_PARTICLE != 0);
                }
                continue;
            }
            if t.kind == TokenKind::Word {
                let lw: &str = if w.is_ascii() {
                    let b = w.as_bytes();
                    let first_up = b[0].is_ascii_uppercase();
                    let any_lower = b[1..].iter().any(u8::is_ascii_lowercase);
                    f.upper = first_up && !any_lower;
                    f.cap = first_up && any_lower;
                    if b.iter().any(u8::is_ascii_uppercase) {
                        s.lower.clear();
                        s.lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                        &s.lower
                    } else {
                        w
                    }
                } else {
                    let mut chars = w.chars().filter(|c| c.is_alphabetic());
                    if let Some(first) = chars.next() {
                        let rest_lower = chars.clone().any(|c| c.is_lowercase());
                        let rest_upper = chars.all(|c| !c.is_lowercase());
                        f.upper = first.is_uppercase() && rest_upper;
                        f.cap = first.is_uppercase() && rest_lower;
                    }
                    s.lower.clear();
                    s.lower.extend(w.chars().flat_map(char::to_lowercase));
                    &s.lower
                };
                let lo = sets.lower.get(lw).copied().unwrap_or(0);
                f.common = lo & W_COMMON != 0;
                f.not_name = lo & W_NOT_NAME != 0;
            }
            let ex = sets.exact.get(w).copied().unwrap_or(0);
            f.given = ex & W_GIVEN != 0;
            f.given_ambiguous = ex & W_GIVEN_AMBIGUOUS != 0;
            f.surname = ex & W_SURNAME != 0;
            f.particle = ex & W_PARTICLE != 0;
        }
        // Lexicon phrases (matched with the gazetteers, in the same pass).
        s.starts.clear();
        s.starts.resize(tokens.len(), 0);
        s.ends.clear();
        s.ends.resize(tokens.len(), 0);
        s.phrases.clear();
        for p in phrases {
            let bits = p.cands.iter().map(|&c| kind_bit(entries.label(c).as_str())).fold(0, |x, y| x | y);
            s.starts[p.start_tok as usize] |= bits;
            s.ends[p.end_tok as usize - 1] |= bits;
            s.phrases.push((p.start_tok, p.end_tok, bits));
        }
        // Sentence starts.
        let mut start = true;
        for i in 0..tokens.len() {
            if gap(text, tokens, i) > 0 {
                start = true;
            }
            s.feats[i].sent_start = start;
            let w = tokens[i].text(text);
            // A full stop after an initial ("J.") or a title ("Gen.", "Mr.") ends no sentence.
            let abbrev = w == "."
                && i > 0
                && (s.ends[i - 1] & (K_TITLE | K_ROLE) != 0
                    || (tokens[i - 1].kind == TokenKind::Word
                        && tokens[i - 1].end == tokens[i].start
                        && tokens[i - 1].text(text).chars().count() == 1
                        && s.feats[i - 1].upper));
            start = match w {
                "." if abbrev => false,
                "." | "!" | "?" | ":" | ";" | "-" | "\u{2013}" | "\u{2014}" => true,
                "\"" | "\u{201c}" | "(" | "[" | "'" | "\u{2018}" | "\u{2019}" | "\u{201d}" => start,
                _ => false,
            };
        }
        // Lines in capitals.
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && gap(text, tokens, j) == 0 {
                j += 1;
            }
            let (mut up, mut lower) = (0, 0);
            for f in &s.feats[i..j] {
                if f.upper {
                    up += 1;
                } else if f.cap || f.common || f.lower_word {
                    lower += 1;
                }
            }
            let caps = up >= 2 && up * 4 >= (up + lower) * 3;
            for f in &mut s.feats[i..j] {
                f.caps_line = caps;
            }
            i = j;
        }
    }

    /// Whether token `i` can be part of a person's name.
    fn name_word(&self, f: &Feat) -> bool {
        (f.cap || f.upper) && !f.not_name && !f.caps_line
    }

    /// The person-name sequence starting at token `i`: `(end, ok)` where `end` is one past
    /// its last token. Initials ("J.") and particles stay inside; a name ends on a word.
    fn person_seq(&self, text: &str, tokens: &[Token], s: &RuleScratch, i: usize, max_words: usize) -> usize {
        let feats = &s.feats;
        let mut j = i;
        let mut end = i;
        let mut words = 0;
        while j < tokens.len() && words < max_words {
            // A name ends at a line break or at a title ("German Chancellor Olaf Scholz").
            if j > i && (gap(text, tokens, j) > 0 || s.starts[j] & (K_TITLE | K_ROLE) != 0) {
                break;
            }
            let f = &feats[j];
            let w = tokens[j].text(text);
            if tokens[j].kind == TokenKind::Word && self.name_word(f) && !(j > i && f.given && f.sent_start) {
                // A single capital followed by "." is an initial.
                if w.chars().count() == 1 && tokens.get(j + 1).is_some_and(|t| t.text(text) == ".") {
                    j += 2;
                    continue;
                }
                words += 1;
                j += 1;
                end = j;
                // Hyphenated names: "Jean-Pierre", "al-Baghdadi"; a lower-case part that is
                // no English word stays in too ("Chun-yeh", "Ata-ur-Rehman").
                while j + 1 < tokens.len()
                    && tokens[j].text(text) == "-"
                    && adjacent(tokens, j)
                    && adjacent(tokens, j + 1)
                {
                    let g = &feats[j + 1];
                    if tokens[j + 1].kind == TokenKind::Word && g.lower_word && !g.particle {
                        // A lower-case word: keep it only if it is no English word.
                        let w = tokens[j + 1].text(text);
                        if self.lex.sets.lower.contains_key(w) || w.len() > 4 {
                            break;
                        }
                        j += 2;
                        end = j;
                        continue;
                    }
                    j += 1;
                    break;
                }
                continue;
            }
            if f.particle && j > i && j + 1 < tokens.len() {
                // "van Beethoven", "van der Westhuizen", "al-Baghdadi", "bin Laden".
                let mut k = j + 1;
                while k + 1 < tokens.len() && (feats[k].particle || tokens[k].text(text) == "-") && k < j + 4
                {
                    if feats[k].particle && self.name_word(&feats[k]) {
                        break;
                    }
                    k += 1;
                }
                if k < tokens.len() && self.name_word(&feats[k]) && gap(text, tokens, k) == 0 {
                    j = k;
                    continue;
                }
            }
            if f.particle
                && j == i
                && j + 1 < tokens.len()
                && w.chars().next().is_some_and(char::is_uppercase)
            {
                // "Abu Bakr": a capitalized particle may start a name.
                j += 1;
                continue;
            }
            break;
        }
        end
    }

    /// Whether tokens `a..b` look like a person's name rather than common words.
    fn person_like(&self, feats: &[Feat], tokens: &[Token], a: usize, b: usize) -> bool {
        let words: Vec<&Feat> =
            (a..b).filter(|&k| tokens[k].kind == TokenKind::Word).map(|k| &feats[k]).collect();
        !words.is_empty() && words.iter().any(|f| (f.cap || f.upper) && (!f.common || f.given || f.surname))
    }

    /// The rules that propose spans before resolution.
    pub(crate) fn propose(
        &self,
        text: &str,
        tokens: &[Token],
        s: &RuleScratch,
        gaz: &[SpanCands],
        entries: &Entries,
        out: &mut Vec<Proposal>,
    ) {
        let feats = &s.feats;
        let n = tokens.len();
        let r = &self.rules;
        // Strong gazetteer places and organizations by start token.
        let strong_at = |k: usize| {
            starting_at(gaz, k).iter().any(|g| {
                g.best_priority >= 20 && matches!(entries.label(g.cands[0]), Label::Loc | Label::Org)
            })
        };
        // Any gazetteer name other than a person's starting at a token: "German" the
        // nationality is no given name in "German Chancellor".
        let other_at =
            |k: usize| starting_at(gaz, k).iter().any(|g| *entries.label(g.cands[0]) != Label::Per);
        // How far the gazetteer names starting at or before each token reach.
        let mut reach = vec![0u32; n];
        let mut g_it = gaz.iter().peekable();
        let mut far = 0u32;
        for (k, r) in reach.iter_mut().enumerate() {
            while let Some(g) = g_it.next_if(|g| g.start_tok as usize <= k) {
                far = far.max(g.end_tok);
            }
            *r = far;
        }
        if r.title {
            for j in 0..n {
                let kinds = s.ends[j];
                if kinds & (K_TITLE | K_ROLE) == 0 || j + 1 >= n {
                    continue;
                }
                if feats[j].caps_line {
                    continue;
                }
                let i = j + 1;
                if gap(text, tokens, i) > 0 {
                    continue;
                }
                // "Sri" in "Sri Lanka" is no title: the gazetteer name goes on past it.
                if reach[j] as usize > i {
                    continue;
                }
                let e = self.person_seq(text, tokens, s, i, 4);
                // Roles such as "rival" and "partner" come before companies too: no person
                // when the words end in an organization's designator ("partner Hyundai Motor
                // Group") or a gazetteer organization starts there ("rival Advanced Micro
                // Devices").
                let org_shaped = e > i
                    && (s.ends[e - 1] & K_ORG_SUFFIX != 0
                        || starting_at(gaz, i).iter().any(|g| *entries.label(g.cands[0]) == Label::Org));
                if e > i
                    && !org_shaped
                    && self.person_like(feats, tokens, i, e)
                    && s.starts[i] & (K_TITLE | K_ROLE) == 0
                {
                    out.push(Proposal {
                        start_tok: i as u32,
                        end_tok: e as u32,
                        label: Label::Per,
                        rule: "rule:title",
                        priority: 5,
                    });
                }
            }
        }
        if r.given_name {
            let mut i = 0;
            while i < n {
                let f = &feats[i];
                // An initial and a surname: "C. Hooper", "J. R. Smith".
                let initial = f.upper
                    && tokens[i].text(text).chars().count() == 1
                    && tokens.get(i + 1).is_some_and(|t| t.text(text) == ".")
                    && !f.caps_line
                    && i + 2 < n
                    && (feats[i + 2].cap || feats[i + 2].upper)
                    && !feats[i + 2].not_name;
                if initial && !starting_at(gaz, i + 2).iter().any(|g| g.best_priority >= 20) {
                    let e = self.person_seq(text, tokens, s, i, 4);
                    if e > i + 2 {
                        out.push(Proposal {
                            start_tok: i as u32,
                            end_tok: e as u32,
                            label: Label::Per,
                            rule: "rule:given-name",
                            priority: 0,
                        });
                        i = e;
                        continue;
                    }
                }
                if !(f.given || f.given_ambiguous)
                    || !self.name_word(f)
                    || s.starts[i] & (K_TITLE | K_ROLE) != 0
                {
                    i += 1;
                    continue;
                }
                let e = self.person_seq(text, tokens, s, i, 4);
                let words = (i..e).filter(|&k| tokens[k].kind == TokenKind::Word).count();
                let last = &feats[e.saturating_sub(1).max(i)];
                // "Al" and "El" are given names ("Al Gore") and the Arabic article ("Al
                // Hilal", "El Salvador"): a person only with a known surname.
                let article = matches!(tokens[i].text(text), "Al" | "El" | "AL" | "EL");
                let ok = e > i + 1
                    && words >= 2
                    && (!article || last.surname)
                    && (!f.given_ambiguous || (!f.sent_start && (last.surname || !last.common)))
                    && (!strong_at(i) || last.surname)
                    && (!other_at(i) || last.surname && e > i + 1 && !other_at(i + 1))
                    && s.ends[e - 1] & (K_ORG_SUFFIX | K_LOC_SUFFIX) == 0;
                if ok {
                    out.push(Proposal {
                        start_tok: i as u32,
                        end_tok: e as u32,
                        label: Label::Per,
                        rule: "rule:given-name",
                        priority: 0,
                    });
                    i = e;
                } else {
                    i += 1;
                }
            }
        }
        if r.org_designator || r.loc_designator {
            self.designators(text, tokens, s, out);
        }
        if r.org_designator {
            self.org_context(text, tokens, s, &reach, out);
        }
        if r.name_shape {
            self.name_shape(text, tokens, s, gaz, out);
        }
        if r.dateline {
            self.dateline(text, tokens, s, gaz, out);
        }
    }

    /// Part of `org-designator`: business context around capitalized words no gazetteer
    /// knows makes an organization: "shares of X", "a stake in X", "X shares", "X stock",
    /// "X's chief executive" (and board, chairman, shares, profit ...). `reach` says how far
    /// the gazetteer names starting at or before each token go.
    fn org_context(
        &self,
        text: &str,
        tokens: &[Token],
        s: &RuleScratch,
        reach: &[u32],
        out: &mut Vec<Proposal>,
    ) {
        let feats = &s.feats;
        let n = tokens.len();
        let word = |k: usize| tokens[k].text(text);
        let capword = |k: usize| {
            let f = &feats[k];
            tokens[k].kind == TokenKind::Word
                && f.cap
                && !f.caps_line
                && !f.not_name
                && (k == 0 || reach[k - 1] as usize <= k)
                && reach[k] as usize <= k
        };
        let mut push = |a: usize, b: usize| {
            // A given name first is a person ("Maria Lopez's chief executive" is rare, "Elena
            // Ruiz's shares" is not); a lone common word at a sentence start is no name.
            let f = &feats[a];
            if b <= a || f.given || f.given_ambiguous || (b == a + 1 && f.common) {
                return;
            }
            if (a..b).all(|k| feats[k].common) {
                return;
            }
            out.push(Proposal {
                start_tok: a as u32,
                end_tok: b as u32,
                label: Label::Org,
                rule: "rule:org-context",
                priority: 0,
            });
        };
        for k in 0..n {
            let w = word(k);
            // After: "shares of X", "shares in X", "stake in X".
            if matches!(w, "of" | "in")
                && k >= 1
                && matches!(word(k - 1), "shares" | "Shares" | "stake" | "Stake" | "stock")
                && k + 1 < n
                && capword(k + 1)
            {
                let a = k + 1;
                let mut b = a;
                while b < n && b < a + 4 && capword(b) && gap(text, tokens, b) == 0 {
                    b += 1;
                }
                push(a, b);
            }
            // Before: "X shares", "X stock", "X's chief executive".
            let before = match w {
                "shares" | "stock" => true,
                "'s" | "’s" => k + 1 < n && ORG_AFTER_POSSESSIVE.contains(&word(k + 1)),
                _ => false,
            };
            if before && k >= 1 && capword(k - 1) && gap(text, tokens, k) == 0 {
                let b = k;
                let mut a = k - 1;
                while a > 0
                    && a + 4 > b
                    && capword(a - 1)
                    && gap(text, tokens, a) == 0
                    && !feats[a].sent_start
                {
                    a -= 1;
                }
                push(a, b);
            }
        }
    }

    /// Two or three capitalized words in a row that are neither common English words nor
    /// known to a gazetteer nor designators: most often a person's name ("Falk Balzer").
    fn name_shape(
        &self,
        text: &str,
        tokens: &[Token],
        s: &RuleScratch,
        gaz: &[SpanCands],
        out: &mut Vec<Proposal>,
    ) {
        let feats = &s.feats;
        let n = tokens.len();
        let mut covered = vec![false; n];
        for g in gaz {
            covered[g.start_tok as usize..g.end_tok as usize].iter_mut().for_each(|c| *c = true);
        }
        let ok = |k: usize| {
            let f = &feats[k];
            tokens[k].kind == TokenKind::Word
                && f.cap
                && !f.caps_line
                && !f.not_name
                && (!f.common || f.surname || f.given)
                && !covered[k]
                && s.starts[k] == 0
                && s.ends[k] == 0
                && tokens[k].text(text).chars().count() >= 2
        };
        let mut i = 0;
        while i < n {
            if !ok(i) || (i > 0 && ok(i - 1)) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < n && e < i + 3 && ok(e) && gap(text, tokens, e) == 0 && !adjacent(tokens, e) {
                e += 1;
            }
            // Exactly two or three such words, not followed by a fourth, and at least one
            // of them not a common word at all.
            let strong = (i..e).any(|k| !feats[k].common);
            // The Arabic article opens names of clubs, places and media as often as of
            // people ("Al Hilal"): a person only with a known surname (as in `given-name`).
            let article = matches!(tokens[i].text(text), "Al" | "El") && !feats[e - 1].surname;
            if e - i >= 2 && !(e < n && ok(e)) && strong && !article {
                out.push(Proposal {
                    start_tok: i as u32,
                    end_tok: e as u32,
                    label: Label::Per,
                    rule: "rule:name-shape",
                    priority: -10,
                });
            }
            i = e;
        }
    }

    /// Capitalized sequences (with connectors between capitalized words) that end in a
    /// designator suffix or start with a designator prefix or head.
    fn designators(&self, text: &str, tokens: &[Token], s: &RuleScratch, out: &mut Vec<Proposal>) {
        let feats = &s.feats;
        let n = tokens.len();
        let capword = |k: usize| {
            let f = &feats[k];
            tokens[k].kind == TokenKind::Word && (f.cap || f.upper) && !f.caps_line
        };
        let mut i = 0;
        while i < n {
            if !capword(i) || (feats[i].not_name && !feats[i].sent_start) {
                i += 1;
                continue;
            }
            // Skip a sentence-initial stop word ("The Ministry of ...").
            let a = if feats[i].not_name { i + 1 } else { i };
            if a >= n || !capword(a) || feats[a].not_name {
                i += 1;
                continue;
            }
            // "Shares of Korvath Industries Inc": a common word opening the sentence, joined
            // by a connector, is not part of the name.
            let a = if feats[a].sent_start
                && feats[a].common
                && !feats[a].given
                && a + 2 < n
                && CONNECTORS.contains(&tokens[a + 1].text(text))
                && capword(a + 2)
            {
                a + 2
            } else {
                a
            };
            // A name does not start inside a hyphenated word ("anti-ISIS Coalition").
            if a >= 2
                && tokens[a - 1].text(text) == "-"
                && tokens[a - 1].end == tokens[a].start
                && tokens[a - 2].end == tokens[a - 1].start
            {
                i = a + 1;
                continue;
            }
            // Extend: capitalized words, connectors between capitalized words, "&", "-".
            let mut b = a + 1;
            loop {
                if b < n
                    && gap(text, tokens, b) == 0
                    && capword(b)
                    && !feats[b].not_name
                    && s.starts[b] & (K_TITLE) == 0
                {
                    b += 1;
                    continue;
                }
                if b + 1 < n && gap(text, tokens, b) == 0 && gap(text, tokens, b + 1) == 0 {
                    let w = tokens[b].text(text);
                    if CONNECTORS.contains(&w) && capword(b + 1) && !feats[b + 1].not_name {
                        b += 2;
                        continue;
                    }
                    if w == "the" && b + 2 < n && CONNECTORS.contains(&tokens[b + 1].text(text)) {
                        break;
                    }
                }
                break;
            }
            // Suffix: the last designator inside a..b closes the name.
            let mut done = false;
            for (k_suf, label, rule, on) in [
                (K_ORG_SUFFIX, Label::Org, "rule:org-designator", self.rules.org_designator),
                (K_LOC_SUFFIX, Label::Loc, "rule:loc-designator", self.rules.loc_designator),
            ] {
                if !on || done {
                    continue;
                }
                if let Some(k) = (a + 1..b).rev().find(|&k| s.ends[k] & k_suf != 0) {
                    // "and" joins two names more often than it sits inside one before a
                    // designator ("the Kurdistan Region and Coalition forces"): start after it.
                    let a2 = (a..k).rev().find(|&m| tokens[m].text(text) == "and").map_or(a, |m| m + 1);
                    // The name part before the designator must hold a capitalized word
                    // that is not itself a designator.
                    let has_name = (a2..k).any(|m| capword(m) && s.ends[m] & k_suf == 0);
                    if has_name {
                        out.push(Proposal {
                            start_tok: a2 as u32,
                            end_tok: k as u32 + 1,
                            label,
                            rule,
                            priority: 0,
                        });
                        done = true;
                    }
                }
            }
            // Prefix / head: "Ministry of Defence", "Mount Everest", "Coalition to Defeat ISIS".
            for (k_pre, k_head, label, rule, on) in [
                (K_ORG_PREFIX, K_ORG_HEAD, Label::Org, "rule:org-designator", self.rules.org_designator),
                (K_LOC_PREFIX, K_LOC_HEAD, Label::Loc, "rule:loc-designator", self.rules.loc_designator),
            ] {
                if !on || done {
                    continue;
                }
                let from = s.phrases.partition_point(|p| (p.0 as usize) < a);
                let to = s.phrases.partition_point(|p| (p.0 as usize) <= a);
                for &(_, pe, kinds) in &s.phrases[from..to] {
                    let pe = pe as usize;
                    let after = if kinds & k_pre != 0 {
                        pe
                    } else if kinds & k_head != 0 && pe < n && CONNECTORS.contains(&tokens[pe].text(text)) {
                        pe + 1
                    } else {
                        continue;
                    };
                    if after < b && capword(after) {
                        out.push(Proposal {
                            start_tok: a as u32,
                            end_tok: b as u32,
                            label: label.clone(),
                            rule,
                            priority: 0,
                        });
                        done = true;
                        break;
                    }
                }
            }
            i = b.max(i + 1);
        }
    }

    /// "ERBIL (Kurdistan 24) –", "LONDON 1996-08-30": capitals opening a line, followed by
    /// a bracket, a date or a dash.
    fn dateline(
        &self,
        text: &str,
        tokens: &[Token],
        s: &RuleScratch,
        gaz: &[SpanCands],
        out: &mut Vec<Proposal>,
    ) {
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            let line_start = i == 0 || text[tokens[i - 1].end..tokens[i].start].contains('\n');
            if !line_start {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n
                && j - i < 4
                && s.feats[j].upper
                && tokens[j].kind == TokenKind::Word
                && gap(text, tokens, j) == 0
                || (j > i
                    && j < n
                    && tokens[j].text(text) == ","
                    && s.feats.get(j + 1).is_some_and(|f| f.upper))
            {
                j += 1;
            }
            if j > i && j < n && (j - i) <= 4 {
                let next = tokens[j].text(text);
                let after_date = next.starts_with(|c: char| c.is_ascii_digit()) && next.len() >= 4;
                let ok = matches!(next, "(" | "-" | "\u{2013}" | "\u{2014}") || after_date;
                // Not when the capitals are already a known organization or person.
                let known_other = starting_at(gaz, i).iter().any(|g| g.end_tok as usize == j);
                // A topic slug ("SOCCER -", "MARKETS -") opens lines too: its words are
                // common English words, a dateline's place rarely is.
                let slug = (i..j).any(|k| s.feats[k].common || s.feats[k].not_name);
                if ok && !known_other && !slug {
                    // A comma inside: "WASHINGTON, D.C." or "SPRINGFIELD, Ill.": the place is the part before it.
                    let end = (i..j).find(|&k| tokens[k].text(text) == ",").unwrap_or(j);
                    out.push(Proposal {
                        start_tok: i as u32,
                        end_tok: end as u32,
                        label: Label::Loc,
                        rule: "rule:dateline",
                        priority: 0,
                    });
                }
            }
            i = j.max(i + 1);
        }
    }

    /// Drops sentence-initial one-word gazetteer matches that are common words, except an
    /// organization that the next word shows acting as one ("Apple said", "Shell shares").
    pub(crate) fn filter_common(
        &self,
        text: &str,
        tokens: &[Token],
        s: &RuleScratch,
        spans: &mut Vec<SpanCands>,
        entries: &Entries,
    ) {
        if !self.rules.common_word {
            return;
        }
        let n_entries = entries.len();
        let acting_org = |sp: &SpanCands| {
            let b = sp.end_tok as usize;
            sp.cands.iter().any(|&c| *entries.label(c) == Label::Org)
                && tokens.get(b).is_some_and(|t| ORG_VERBS.contains(&t.text(text)))
                && gap(text, tokens, b) == 0
        };
        // A word the document also uses alone, capitalized, mid-sentence is supported: a
        // name there (not a part of a longer name, "May" in "Theresa May").
        let mut in_longer = vec![false; tokens.len()];
        for sp in spans.iter().filter(|sp| sp.end_tok > sp.start_tok + 1) {
            in_longer[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|x| *x = true);
        }
        let needs = |sp: &SpanCands| {
            let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
            let f = &s.feats[a];
            b == a + 1
                && sp.cands.iter().all(|&c| (c as usize) < n_entries)
                && f.common
                && (f.sent_start || f.caps_line)
                && sp.best_priority < 20
                && !(f.sent_start && !f.caps_line && acting_org(sp))
        };
        let mut support: FxMap<&str, bool> = spans
            .iter()
            .filter(|sp| needs(sp))
            .map(|sp| (tokens[sp.start_tok as usize].text(text), false))
            .collect();
        if support.is_empty() {
            return;
        }
        for (k, t) in tokens.iter().enumerate() {
            if !s.feats[k].sent_start && !s.feats[k].caps_line && !in_longer[k] {
                if let Some(v) = support.get_mut(t.text(text)) {
                    *v = true;
                }
            }
        }
        spans.retain(|sp| {
            !needs(sp) || support.get(tokens[sp.start_tok as usize].text(text)).copied().unwrap_or(true)
        });
    }
}

/// Words after a company's name that show it acting as one: it speaks, its shares move,
/// it reports, buys and sells. A sentence-initial name that is also a common word ("Apple",
/// "Shell") followed by one of them is kept as the organization.
const ORG_VERBS: &[&str] = &[
    "said",
    "says",
    "shares",
    "stock",
    "reported",
    "reports",
    "posted",
    "posts",
    "announced",
    "announces",
    "rose",
    "fell",
    "jumped",
    "slumped",
    "gained",
    "slid",
    "dropped",
    "climbed",
    "surged",
    "declined",
    "tumbled",
    "plunged",
    "agreed",
    "acquired",
    "bought",
    "sold",
    "launched",
    "unveiled",
    "raised",
    "cut",
    "hired",
    "plans",
    "expects",
    "warned",
    "Inc",
    "Corp",
    "Ltd",
    "plc",
    "PLC",
];

/// Words after "X's" that make X an organization: "Korvath's chief executive".
const ORG_AFTER_POSSESSIVE: &[&str] = &[
    "chief",
    "CEO",
    "shares",
    "stock",
    "board",
    "chairman",
    "chairwoman",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "earnings",
    "headquarters",
    "CFO",
    "executives",
    "stake",
];

/// The spans of `spans` (sorted by first token) that start at token `k`.
fn starting_at(spans: &[SpanCands], k: usize) -> &[SpanCands] {
    let from = spans.partition_point(|g| (g.start_tok as usize) < k);
    let to = spans.partition_point(|g| (g.start_tok as usize) <= k);
    &spans[from..to]
}

/// Whether token `k` touches the one before it (no white space between).
fn adjacent(tokens: &[Token], k: usize) -> bool {
    k > 0 && tokens[k - 1].end == tokens[k].start
}

/// How many line breaks separate token `k` from the one before it: the rules never make
/// a name across a line break (headlines, table rows and CoNLL sentences are lines).
fn gap(text: &str, tokens: &[Token], k: usize) -> usize {
    if k == 0 {
        return 0;
    }
    usize::from(text.as_bytes()[tokens[k - 1].end..tokens[k].start].contains(&b'\n'))
}

/// Where the document-level rules look up and add readings.
pub(crate) struct DocCtx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub entries: &'a Entries,
    pub dynamic: &'a mut Vec<EntryData>,
}

impl DocCtx<'_> {
    fn entry(&self, c: u32) -> EntryRef<'_> {
        crate::entries::entry(self.entries, self.dynamic, c)
    }

    /// Adds a reading derived from candidate `c` under another rule; returns its index.
    fn derive(&mut self, c: u32, rule: Arc<str>, label: Option<Label>) -> u32 {
        let mut e = self.entry(c).to_data();
        e.source = rule;
        if let Some(l) = label {
            e.label = l;
        }
        self.dynamic.push(e);
        (self.entries.len() + self.dynamic.len() - 1) as u32
    }
}

/// Sports named in the first line of a sports report.
const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "cycling",
    "athletics",
    "boxing",
    "motorsport",
    "motor",
    "racing",
    "sailing",
    "rowing",
    "swimming",
    "volleyball",
    "handball",
    "nfl",
    "nba",
    "nhl",
    "mlb",
    "sport",
    "sports",
];

/// Verbs between a place and a club that make the place a team: "Liverpool host Chelsea".
const TEAM_AFTER: &[&str] =
    &["beat", "beats", "host", "hosts", "hosted", "visit", "visits", "face", "faces", "v", "vs"];

/// Verbs and prepositions after which a place name is a team: "beat Somerset".
const TEAM_BEFORE: &[&str] = &[
    "beat", "beats", "defeated", "downed", "edged", "routed", "thrashed", "overcame", "joined", "drew",
    "lost", "v", "vs", "vs.",
];

impl RuleEngine {
    /// `sports-team`: in sports reporting a city or region stands for its team, an
    /// organization: before a score ("Grimsby 0 Portsmouth 1", a table row "Charlton 2 0
    /// 1 1"), between "v" or "AT" in fixtures ("MINNESOTA AT MILWAUKEE"), or after "beat",
    /// "joined" and the like. Countries stay places (national teams are read as places).
    /// A name read as a team once is a team in the rest of the document.
    fn sports_teams(&self, cx: &mut DocCtx<'_>, s: &RuleScratch, spans: &mut Vec<SpanCands>) {
        let (text, tokens) = (cx.text, cx.tokens);
        let n = tokens.len();
        let score = |k: usize| {
            k < n && {
                let w = tokens[k].text(text);
                !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
            }
        };
        let is_place = |cx: &DocCtx<'_>, sp: &SpanCands| {
            let e = cx.entry(sp.cands[0]);
            *e.label == Label::Loc && sp.best_priority < 30
        };
        // The sentence of each token: a team read from one sentence's cue does not turn a
        // place of another sentence into a club ("Deutsche Bank shares rallied in Frankfurt"
        // after a football result).
        let mut sentence = vec![0u32; n];
        for k in 1..n {
            sentence[k] = sentence[k - 1] + u32::from(s.feats[k].sent_start || gap(text, tokens, k) > 0);
        }
        let mut cue_sentences: Vec<u32> = Vec::new();
        let mut teams: Vec<String> = Vec::new();
        for idx in 0..spans.len() {
            if !is_place(cx, &spans[idx]) {
                continue;
            }
            let (a, b) = (spans[idx].start_tok as usize, spans[idx].end_tok as usize);
            let same_line = |k: usize| gap(text, tokens, k) == 0;
            let after_score = score(b) && same_line(b);
            let fixture = b + 1 < n
                && same_line(b)
                && matches!(tokens[b].text(text), "v" | "vs" | "vs." | "AT")
                && spans.get(idx + 1).is_some_and(|nx| nx.start_tok as usize == b + 1);
            let fixture_after = a >= 2
                && same_line(a)
                && matches!(tokens[a - 1].text(text), "v" | "vs" | "vs." | "AT")
                && idx > 0
                && spans[idx - 1].end_tok as usize == a - 1;
            let verb = a >= 1
                && same_line(a)
                && TEAM_BEFORE.contains(&tokens[a - 1].text(text))
                && !s.feats[a - 1].caps_line;
            // "Liverpool host Chelsea": a place before a fixture verb and a club.
            let verb_after = b + 1 < n
                && same_line(b)
                && TEAM_AFTER.contains(&tokens[b].text(text))
                && !s.feats[b].caps_line
                && spans.get(idx + 1).is_some_and(|nx| {
                    nx.start_tok as usize == b + 1
                        && nx.cands.iter().any(|&c| *cx.entry(c).label == Label::Org)
                });
            if after_score || fixture || fixture_after || verb || verb_after {
                teams.push(text[spans[idx].start..spans[idx].end].to_string());
                cue_sentences.push(sentence[a]);
            }
        }
        // A sports report: its first line names a sport ("CRICKET - ...", "Soccer: ..."), or
        // teams were seen. There, a place that is also a club is the club.
        let first_line_end = (1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
        let sport_line = tokens[..first_line_end.min(6)]
            .iter()
            .any(|t| SPORTS.contains(&t.text(text).to_lowercase().as_str()));
        let sports_doc = !teams.is_empty() || sport_line;
        if !sports_doc {
            return;
        }
        // Rows of results and tables: "Alloa 3 1 0 2", "Wigan 4 Chester 2", "Duisburg 1
        // Luebeck 0 (halftime 1-0)": one or two groups of capitalized words, each followed
        // by scores, maybe a bracket at the end. A group no name covers is a team.
        let mut covered = vec![false; n];
        for sp in spans.iter() {
            covered[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|c| *c = true);
        }
        let src = self.source("rule:sports-team");
        let mut added = Vec::new();
        let mut line = 0;
        while line < n {
            let mut end = (line + 1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
            if let Some(open) = (line..end).find(|&k| tokens[k].text(text) == "(") {
                end = open;
            }
            let mut groups: Vec<(usize, usize)> = Vec::new();
            let mut k = line;
            let mut row = true;
            while k < end && row {
                let ws = k;
                while k < end && (s.feats[k].cap || s.feats[k].upper) && !s.feats[k].not_name {
                    k += 1;
                }
                let we = k;
                while k < end && score(k) {
                    k += 1;
                }
                row = we > ws && k > we && we - ws <= 3;
                groups.push((ws, we));
            }
            if row && (1..=2).contains(&groups.len()) {
                for &(ws, we) in &groups {
                    if (ws..we).all(|m| !covered[m]) && !(ws..we).all(|m| s.feats[m].common) {
                        self.push_team(cx, &mut added, ws, we, &src);
                    }
                }
            }
            line = (line + 1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
        }
        spans.extend(added);
        spans.sort_by_key(|sp| (sp.start, sp.end));
        for sp in spans.iter_mut() {
            let named = teams.iter().any(|t| *t == text[sp.start..sp.end]);
            // Outside a report that names its sport, a place becomes its club only in a
            // sentence where a team was read.
            let in_scope = sport_line || cue_sentences.contains(&sentence[sp.start_tok as usize]);
            let has_club = in_scope && sp.cands.iter().any(|&c| *cx.entry(c).label == Label::Org);
            if !is_place(cx, sp) || !(named || has_club) {
                continue;
            }
            // Prefer an organization the gazetteers offer for the span (the club), else
            // make one from the place.
            match sp.cands.iter().position(|&c| *cx.entry(c).label == Label::Org) {
                Some(pos) => {
                    let c = sp.cands.remove(pos);
                    sp.cands.insert(0, c);
                }
                None => {
                    let d = cx.derive(sp.cands[0], src.clone(), Some(Label::Org));
                    sp.cands.insert(0, d);
                }
            }
        }
    }

    /// Adds tokens `a..b` as a team the gazetteers do not know.
    fn push_team(&self, cx: &mut DocCtx<'_>, out: &mut Vec<SpanCands>, a: usize, b: usize, src: &Arc<str>) {
        let (start, end) = (cx.tokens[a].start, cx.tokens[b - 1].end);
        cx.dynamic.push(EntryData {
            name: crate::tagger::collapse_space(&cx.text[start..end]).into(),
            label: Label::Org,
            id: None,
            priority: 0,
            source: src.clone(),
        });
        let c = (cx.entries.len() + cx.dynamic.len() - 1) as u32;
        out.push(SpanCands {
            start_tok: a as u32,
            end_tok: b as u32,
            start,
            end,
            best_priority: 0,
            cands: vec![c],
        });
    }

    /// The document-level rules, on resolved spans (sorted by start). `taken` marks the
    /// tokens the spans cover.
    pub(crate) fn document(
        &self,
        cx: &mut DocCtx<'_>,
        s: &RuleScratch,
        spans: &mut Vec<SpanCands>,
        taken: &mut Vec<bool>,
    ) {
        if self.rules.sports_team {
            self.sports_teams(cx, s, spans);
        }
        if !(self.rules.acronym || self.rules.coref) {
            return;
        }
        let (text, tokens) = (cx.text, cx.tokens);
        taken.clear();
        taken.resize(tokens.len(), false);
        for sp in spans.iter() {
            taken[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|t| *t = true);
        }
        // Short forms the document defines or implies: token text -> (candidate, rule).
        let mut short: FxMap<&str, (u32, &'static str)> = FxMap::default();
        let n = tokens.len();
        if self.rules.acronym {
            for sp in spans.iter() {
                let e = sp.end_tok as usize;
                if e + 2 < n
                    && tokens[e].text(text) == "("
                    && tokens[e + 2].text(text) == ")"
                    && s.feats[e + 1].upper
                    && (2..=8).contains(&tokens[e + 1].text(text).len())
                    && sp.end_tok - sp.start_tok >= 2
                {
                    short.entry(tokens[e + 1].text(text)).or_insert((sp.cands[0], "rule:acronym"));
                }
            }
        }
        if self.rules.coref {
            for sp in spans.iter() {
                let c = sp.cands[0];
                if *cx.entry(c).label != Label::Per {
                    continue;
                }
                let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
                let words: Vec<usize> = (a..b).filter(|&k| tokens[k].kind == TokenKind::Word).collect();
                let Some(&last) = words.last() else { continue };
                let f = &s.feats[last];
                if f.not_name || !(f.cap || f.upper) || tokens[last].text(text).chars().count() < 2 {
                    continue;
                }
                short.entry(tokens[last].text(text)).or_insert((c, "rule:coref"));
            }
        }
        if short.is_empty() {
            return;
        }
        let short_upper: FxMap<String, (u32, &'static str)> =
            short.iter().map(|(sf, v)| (sf.to_uppercase(), *v)).collect();
        let mut added = Vec::new();
        for k in 0..n {
            let w = tokens[k].text(text);
            let hit = short.get(w).copied().or_else(|| {
                // A name in a line of capitals: "BARZANI" for "Barzani".
                if s.feats[k].upper && s.feats[k].caps_line {
                    short_upper.get(w).copied()
                } else {
                    None
                }
            });
            let Some((c, rule)) = hit else { continue };
            let src = self.source(rule);
            if !taken[k] {
                let d = cx.derive(c, src, None);
                let p = cx.entry(d).priority;
                added.push(SpanCands {
                    start_tok: k as u32,
                    end_tok: k as u32 + 1,
                    start: tokens[k].start,
                    end: tokens[k].end,
                    best_priority: p,
                    cands: vec![d],
                });
                taken[k] = true;
                continue;
            }
            // A one-word mention read otherwise by a gazetteer entry ("Bell" the company,
            // "Jordan" the country after "Michael Jordan") takes the document's reading when
            // the document named the person in full; an acronym only overrides weak
            // entries. The old reading stays as an alternative.
            let at = spans.partition_point(|sp| (sp.start_tok as usize, sp.end_tok as usize) < (k, k + 1));
            if let Some(sp) =
                spans.get_mut(at).filter(|sp| sp.start_tok as usize == k && sp.end_tok as usize == k + 1)
            {
                let differ = cx.entry(sp.cands[0]).label != cx.entry(c).label;
                let strong_enough = rule == "rule:coref" || sp.best_priority < 20;
                if differ && strong_enough {
                    let d = cx.derive(c, src, None);
                    sp.cands.insert(0, d);
                    sp.best_priority = cx.entry(d).priority;
                }
            }
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|s| (s.start, s.end));
        }
    }
}
