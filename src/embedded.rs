//! The bundled gazetteers and word lists (cargo feature `embedded`, on by default),
//! compiled into the crate and parsed once, on first use.

use crate::gazetteer::Gazetteer;
use crate::rules::{Lexicon, LexiconLists, Rules};
use crate::tagger::{Tagger, TaggerBuilder};
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
    crate::rules::bundled_lists()
}

/// The bundled word lists of the rules, parsed once and shared.
pub fn bundled_lexicon() -> Lexicon {
    Lexicon::default_for_rules()
}

static DEFAULT: Lazy<Tagger> = Lazy::new(|| {
    // The bundled files are checked by the test suite (tests/bundled.rs), so a parse error
    // here would be a bug of the crate's build: keep what did parse rather than panic.
    Tagger::builder().bundled().build().unwrap_or_else(|_| Tagger::empty())
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

impl TaggerBuilder {
    /// Adds the bundled gazetteers, and the default rules ([`Rules::all`]) unless
    /// [`TaggerBuilder::rules`] sets others; names are transliterated
    /// ([`TaggerBuilder::transliterate`]) unless that is set off. On a span that both know, the caller's
    /// gazetteers win over the bundled ones, whatever the order of the calls and the
    /// priorities: the bundled readings become the entity's alternatives.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut mine = Gazetteer::new("mine");
    /// mine.push(Entry::new("Paris", Label::Loc).id("me:paris"));
    /// let tagger = Tagger::builder().bundled().gazetteer(mine).build()?;
    /// assert_eq!(tagger.tag("Paris")[0].id.as_deref(), Some("me:paris"));
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    pub fn bundled(self) -> TaggerBuilder {
        // The bundled files are checked by the test suite (tests/bundled.rs), so a parse
        // error here would be a bug of the crate's build: keep what did parse rather than
        // fail.
        let mut b = self.base_gazetteers(bundled_gazetteers().into_iter().filter_map(|g| g.ok()));
        if b.transliterate.is_none() {
            b = b.transliterate(true);
        }
        if b.has_rules() {
            b
        } else {
            b.rules(Rules::all())
        }
    }
}

impl Tagger {
    /// The bundled gazetteers plus `gazetteers`, with the default rules: the usual way to
    /// add names of your own. See [`TaggerBuilder`] for the precedence: on a span both
    /// know, your entries win over the bundled ones.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut mine = Gazetteer::new("mine.tsv");
    /// mine.push(Entry::new("Zyxco Holdings", Label::Org).id("me:zyxco"));
    /// let tagger = Tagger::with_bundled([mine])?;
    /// let text = "Zyxco Holdings opened an office in Nairobi.";
    /// let es = tagger.tag(text);
    /// assert_eq!((es[0].id.as_deref(), &*es[0].source), (Some("me:zyxco"), "mine.tsv"));
    /// assert_eq!(es[1].text(text).unwrap_or_default(), "Nairobi");
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the matcher cannot be built (see [`TaggerBuilder::build`]).
    pub fn with_bundled(gazetteers: impl IntoIterator<Item = Gazetteer>) -> crate::Result<Tagger> {
        Tagger::builder().bundled().gazetteers(gazetteers).build()
    }
}

impl Default for Tagger {
    /// The tagger over the bundled gazetteers; see [`default_tagger`].
    fn default() -> Tagger {
        default_tagger()
    }
}
