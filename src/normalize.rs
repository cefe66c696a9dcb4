//! Normalization: the key under which a token is looked up.
//!
//! Gazetteer names and document text go through the same functions here, token by token.
//! Because normalization never crosses a token, spans need no offset map: a match is a
//! range of tokens, and tokens carry their original byte offsets.
//!
//! Every key starts from the *exact* key:
//! - Unicode NFC, so that a precomposed "é" and "e" + combining acute are equal;
//! - typographic apostrophes and quotes become `'` and `"`; the hyphen and dash family
//!   (hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign, ...) becomes `-`.
//!
//! On top of that, a gazetteer entry may ask for
//! - case folding: full Unicode case folding (so "STRASSE" equals "Straße", a final sigma
//!   equals a medial one, and a dotted capital "İ" equals "i");
//! - accent folding: canonical decomposition with the combining marks dropped, plus the
//!   Latin letters that have no decomposition ("ø", "ł", "đ", "æ", "œ", "ı").

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// How a token is turned into its lookup key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct KeyKind {
    /// Fold case (full Unicode case folding).
    pub fold_case: bool,
    /// Drop accents.
    pub fold_accents: bool,
}

impl KeyKind {
    #[cfg(test)]
    pub(crate) const EXACT: KeyKind = KeyKind { fold_case: false, fold_accents: false };

    /// Writes the key of `token` into `out` (cleared first) and returns it. ASCII tokens
    /// under the exact key are returned without copying.
    #[inline]
    pub(crate) fn key<'a>(self, token: &'a str, out: &'a mut String) -> &'a str {
        if !self.fold_case && !self.fold_accents && token.is_ascii() {
            return token;
        }
        out.clear();
        if token.is_ascii() {
            if self.fold_case {
                out.extend(token.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                out.push_str(token);
            }
            return out;
        }
        let mut exact = String::new();
        exact_into(token, &mut exact);
        let mut s: &str = &exact;
        let mut folded = String::new();
        if self.fold_case {
            fold_case_into(s, &mut folded);
            s = &folded;
        }
        if self.fold_accents {
            fold_accents_into(s, out);
        } else {
            out.push_str(s);
        }
        out
    }
}

/// NFC plus punctuation unification.
fn exact_into(token: &str, out: &mut String) {
    let keep = |c: &char| !is_invisible(*c);
    if is_nfc_quick(token.chars()) == IsNormalized::Yes {
        out.extend(token.chars().filter(keep).map(unify_punct));
    } else {
        out.extend(token.nfc().filter(keep).map(unify_punct));
    }
}

/// Invisible formatting characters: soft hyphen, zero-width space and joiners, direction
/// marks, embeddings and overrides, word joiner and invisible operators, byte-order mark.
/// They do not change a name ("Bar\u{200d}zani" is "Barzani"), so keys leave them out.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Maps apostrophe, quote and dash variants to their ASCII form.
#[inline]
pub(crate) fn unify_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}'
        | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}'
        | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
        | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}' => '-',
        _ => c,
    }
}

/// Full case folding, computed as lower(upper(c)), which agrees with Unicode's
/// CaseFolding.txt (status C and F) on the letters of living scripts; the combining dot
/// above that lower-casing "İ" leaves after "i" is dropped.
fn fold_case_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c == '\u{0307}' && out.ends_with('i') {
            continue;
        }
        for u in c.to_uppercase() {
            for l in u.to_lowercase() {
                if l == '\u{0307}' && out.ends_with('i') {
                    continue;
                }
                out.push(l);
            }
        }
    }
}

fn fold_accents_into(s: &str, out: &mut String) {
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ı' => out.push('i'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ß' => out.push_str("ss"),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("TH"),
            _ => out.push(c),
        }
    }
}

/// The all-capitals form of a name, as a headline or dateline writes it.
pub(crate) fn upper(s: &str) -> String {
    s.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(kind: KeyKind, s: &str) -> String {
        let mut buf = String::new();
        kind.key(s, &mut buf).to_string()
    }

    const FOLD: KeyKind = KeyKind { fold_case: true, fold_accents: false };
    const ACCENTS: KeyKind = KeyKind { fold_case: false, fold_accents: true };
    const BOTH: KeyKind = KeyKind { fold_case: true, fold_accents: true };

    #[test]
    fn exact_unifies_punctuation_and_nfc() {
        assert_eq!(key(KeyKind::EXACT, "O\u{2019}Brien"), "O'Brien");
        assert_eq!(key(KeyKind::EXACT, "\u{2013}"), "-");
        assert_eq!(key(KeyKind::EXACT, "Jose\u{301}"), "José");
        assert_eq!(key(KeyKind::EXACT, "Erbil"), "Erbil");
    }

    #[test]
    fn case_folding_is_full_unicode() {
        assert_eq!(key(FOLD, "STRASSE"), key(FOLD, "Straße"));
        assert_eq!(key(FOLD, "ΟΔΟΣ"), key(FOLD, "οδος"));
        assert_eq!(key(FOLD, "Οδός"), "οδόσ");
        assert_eq!(key(FOLD, "İstanbul"), "istanbul");
        assert_eq!(key(FOLD, "ISTANBUL"), "istanbul");
        assert_eq!(key(FOLD, "ﬁat"), "fiat");
    }

    #[test]
    fn accent_folding() {
        assert_eq!(key(ACCENTS, "São"), "Sao");
        assert_eq!(key(ACCENTS, "Łódź"), "Lodz");
        assert_eq!(key(BOTH, "ØSTERSUND"), "ostersund");
        assert_eq!(key(BOTH, "Straße"), "strasse");
    }
}
