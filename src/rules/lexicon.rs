//! The word lists of the rules ([`Lexicon`]): titles, roles and designators, matched as
//! phrases in the same pass as the gazetteers' names, and sets of given names, surnames,
//! particles and common words, looked up per token.

use crate::fxhash::FxMap;
use crate::gazetteer::{CaseMode, Entry, Gazetteer};
use crate::label::Label;
use std::sync::Arc;

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
pub(super) const CONNECTORS: &[&str] =
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
    pub(super) sets: Arc<WordSets>,
}

/// The word lists, as two maps from a word to what it is, so that a token costs two
/// look-ups: its own form (given name, surname, particle) and its lower-case form
/// (common word, stop word).
pub(super) struct WordSets {
    pub(super) exact: FxMap<Box<str>, u8>,
    pub(super) lower: FxMap<Box<str>, u8>,
    given: usize,
    surnames: usize,
    common: usize,
    /// The longest particle that starts with a lower-case letter, in bytes.
    pub(super) max_lower_particle: usize,
    /// Whether some word of `exact` starts with this byte (most tokens of punctuation and
    /// numbers then need no look-up).
    pub(super) exact_first: [bool; 256],
    /// A filter of the particles that start with a lower-case letter: the bit
    /// [`particle_bit`] of each is set, so that most short lower-case words of running
    /// text ("the", "and") need no look-up.
    pub(super) lower_particle_bits: [u64; 64],
}

/// The bit of a lower-case word in [`WordSets::lower_particle_bits`]: by its length and
/// its first and last bytes.
#[inline]
pub(super) fn particle_bit(w: &[u8]) -> (usize, u64) {
    let (first, last) = (w.first().copied().unwrap_or(0), w.last().copied().unwrap_or(0));
    let h = (usize::from(first) * 31 + usize::from(last) * 7 + w.len()) & 4095;
    (h >> 6, 1 << (h & 63))
}

pub(super) const W_GIVEN: u8 = 1;
pub(super) const W_GIVEN_AMBIGUOUS: u8 = 2;
pub(super) const W_SURNAME: u8 = 4;
pub(super) const W_PARTICLE: u8 = 8;
pub(super) const W_COMMON: u8 = 1;
pub(super) const W_NOT_NAME: u8 = 2;

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
            if let Ok(label) = Label::custom(kind) {
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
        let mut lower_particle_bits = [0u64; 64];
        for p in
            word_set(l.name_particles).filter(|p| p.as_bytes().first().is_some_and(u8::is_ascii_lowercase))
        {
            let (i, bit) = particle_bit(p.as_bytes());
            lower_particle_bits[i] |= bit;
        }
        let mut exact_first = [false; 256];
        for w in exact.keys() {
            if let Some(&b) = w.as_bytes().first() {
                exact_first[usize::from(b)] = true;
            }
        }
        Ok(Lexicon {
            phrases,
            sets: Arc::new(WordSets {
                exact,
                lower,
                given,
                surnames,
                common,
                max_lower_particle,
                exact_first,
                lower_particle_bits,
            }),
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

/// Phrase kinds as bits: what starts or ends at a token.
pub(super) const K_TITLE: u16 = 1;
pub(super) const K_ROLE: u16 = 2;
pub(super) const K_ORG_SUFFIX: u16 = 4;
pub(super) const K_ORG_PREFIX: u16 = 8;
pub(super) const K_ORG_HEAD: u16 = 16;
pub(super) const K_LOC_SUFFIX: u16 = 32;
pub(super) const K_LOC_PREFIX: u16 = 64;
pub(super) const K_LOC_HEAD: u16 = 128;

/// The bit of a phrase kind (a label of the lexicon's gazetteer); 0 for any other label.
pub(super) fn kind_bit(label: &str) -> u16 {
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

/// The texts of the bundled word lists (`gazetteers/lexicon/`).
#[cfg(feature = "embedded")]
pub(crate) fn bundled_lists() -> LexiconLists<'static> {
    LexiconLists {
        person_titles: include_str!("../../gazetteers/lexicon/person-titles.txt"),
        org_designators: include_str!("../../gazetteers/lexicon/org-designators.txt"),
        loc_designators: include_str!("../../gazetteers/lexicon/loc-designators.txt"),
        given_names: include_str!("../../gazetteers/lexicon/given-names.txt"),
        given_names_ambiguous: include_str!("../../gazetteers/lexicon/given-names-ambiguous.txt"),
        surnames: include_str!("../../gazetteers/lexicon/surnames.txt"),
        common_words: include_str!("../../gazetteers/lexicon/common-words.txt"),
        name_particles: include_str!("../../gazetteers/lexicon/name-particles.txt"),
    }
}

#[cfg(feature = "embedded")]
static BUNDLED: once_cell::sync::Lazy<Lexicon> =
    once_cell::sync::Lazy::new(|| Lexicon::from_lists(&bundled_lists()).unwrap_or_else(|_| Lexicon::empty()));

impl Lexicon {
    /// The lexicon a tagger's rules use when none is given: the bundled lists, parsed
    /// once and shared (feature `embedded`), or else an empty one.
    pub(crate) fn default_for_rules() -> Lexicon {
        #[cfg(feature = "embedded")]
        {
            BUNDLED.clone()
        }
        #[cfg(not(feature = "embedded"))]
        {
            Lexicon::empty()
        }
    }
}
