//! The bundled gazetteers (cargo feature `embedded`, on by default), compiled into the
//! crate and parsed once, on first use.

use crate::gazetteer::Gazetteer;
use crate::tagger::Tagger;
use once_cell::sync::Lazy;

/// The bundled files: name and contents. Order matters only for ties of equal priority
/// (earlier wins).
pub(crate) const FILES: &[(&str, &str)] = &[];

static DEFAULT: Lazy<Tagger> = Lazy::new(|| {
    // The bundled files are checked by the test suite, so a parse error here is a bug of
    // the crate's build: fall back to what did parse rather than panic.
    let gs = bundled_gazetteers().into_iter().filter_map(|g| g.ok());
    Tagger::new(gs).unwrap_or_else(|_| Tagger::new([]).unwrap_or_else(|_| unreachable!()))
});

/// Parses the bundled gazetteers, one result per file.
pub fn bundled_gazetteers() -> Vec<crate::Result<Gazetteer>> {
    FILES.iter().map(|(name, text)| Gazetteer::from_tsv_str(name, text)).collect()
}

/// The tagger over the bundled gazetteers, built once and shared (cloning a [`Tagger`]
/// is cheap).
pub fn default_tagger() -> Tagger {
    DEFAULT.clone()
}

impl Default for Tagger {
    /// The tagger over the bundled gazetteers; see [`default_tagger`].
    fn default() -> Tagger {
        default_tagger()
    }
}
