//! The bundled gazetteers and word lists (cargo feature `embedded`, on by default),
//! compiled into the crate and parsed once, on first use.

use crate::gazetteer::Gazetteer;
use crate::rules::{Lexicon, LexiconLists, Rules};
use crate::tagger::Tagger;
use once_cell::sync::Lazy;

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../gazetteers/", $file)))),*]
    };
}

/// The bundled gazetteer files: name and contents. Order matters only for ties of equal
/// priority (earlier wins).
pub(crate) const FILES: &[(&str, &str)] = bundled![
    "loc-countries.tsv",
    "loc-regions.tsv",
    "misc-nationalities.tsv",
    "org-institutions.tsv",
    "per-public.tsv",
    "per-notable.tsv",
    "org-sports.tsv",
    "misc-events.tsv",
    "loc-subdivisions.tsv",
    "loc-geonames.tsv",
    "org-companies.tsv",
    "org-universities.tsv",
];

/// The texts of the bundled word lists.
pub fn bundled_lexicon_lists() -> LexiconLists<'static> {
    LexiconLists {
        person_titles: include_str!("../gazetteers/lexicon/person-titles.txt"),
        org_designators: include_str!("../gazetteers/lexicon/org-designators.txt"),
        loc_designators: include_str!("../gazetteers/lexicon/loc-designators.txt"),
        given_names: include_str!("../gazetteers/lexicon/given-names.txt"),
        given_names_ambiguous: include_str!("../gazetteers/lexicon/given-names-ambiguous.txt"),
        surnames: include_str!("../gazetteers/lexicon/surnames.txt"),
        common_words: include_str!("../gazetteers/lexicon/common-words.txt"),
        name_particles: include_str!("../gazetteers/lexicon/name-particles.txt"),
    }
}

static LEXICON: Lazy<Lexicon> =
    Lazy::new(|| Lexicon::from_lists(&bundled_lexicon_lists()).unwrap_or_else(|_| Lexicon::empty()));

/// The bundled word lists of the rules, parsed once and shared.
pub fn bundled_lexicon() -> Lexicon {
    LEXICON.clone()
}

static DEFAULT: Lazy<Tagger> = Lazy::new(|| {
    // The bundled files are checked by the test suite (tests/bundled.rs), so a parse error
    // here would be a bug of the crate's build: keep what did parse rather than panic.
    let gs = bundled_gazetteers().into_iter().filter_map(|g| g.ok());
    Tagger::builder()
        .gazetteers(gs)
        .rules(Rules::all())
        .transliterate(true)
        .build()
        .unwrap_or_else(|_| Tagger::empty())
});

/// Parses the bundled gazetteers, one result per file (on two threads: parsing is a
/// fifth of the default tagger's start-up).
pub fn bundled_gazetteers() -> Vec<crate::Result<Gazetteer>> {
    let parse = |files: &[(&str, &str)]| -> Vec<crate::Result<Gazetteer>> {
        files.iter().map(|(name, text)| Gazetteer::from_tsv_str(name, text)).collect()
    };
    let (a, b) = FILES.split_at(FILES.len() / 2);
    std::thread::scope(|s| {
        let h = s.spawn(|| parse(b));
        let mut out = parse(a);
        match h.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(parse(b)),
        }
        out
    })
}

/// The tagger over the bundled gazetteers with every rule on, built once and shared
/// (cloning a [`Tagger`] is cheap).
pub fn default_tagger() -> Tagger {
    DEFAULT.clone()
}

impl Default for Tagger {
    /// The tagger over the bundled gazetteers; see [`default_tagger`].
    fn default() -> Tagger {
        default_tagger()
    }
}
