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
//!   Latin letters that have no decomposition ("ø", "ł", "đ", "æ", "œ", "ı", "ə", "ħ", "ŋ",
//!   "ð", "þ", "ß"): a transliteration of Latin-script names into the basic Latin letters
//!   English news writes them with ("İlham Əliyev" is "Ilham Aliyev").
//!
//! A tagger may also *transliterate* (the default tagger does): a token with letters beyond
//! ASCII that is not in a channel's vocabulary as written is looked up once more in its
//! accent-folded form (see [`KeyKind::translit`]), and people's names get the common
//! romanization variants of [`romanization_variants`] as extra forms.

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

impl KeyKind {
    /// The key under which a token this channel does not know as written is looked up
    /// again when the tagger transliterates: this key with accents folded; `None` when the
    /// channel folds accents already.
    pub(crate) fn translit(self) -> Option<KeyKind> {
        (!self.fold_accents).then_some(KeyKind { fold_case: self.fold_case, fold_accents: true })
    }
}

/// Spellings of a person's name in other common romanizations of the same name, for the
/// tagger to add as forms of its entry: Russian and Central Asian "-yev"/"-yeva" written
/// with or without the "y" ("Tokayev" and "Tokaev", "Aliev" and "Aliyev"), and a word-initial
/// "Q" not followed by "u" written "K" ("Qasym" and "Kasym"). Each kind of variant is applied
/// to all tokens at once; the name itself is not returned.
pub fn romanization_variants(name: &str) -> Vec<String> {
    fn words(name: &str, f: impl Fn(&str) -> Option<String>) -> Option<String> {
        let mut changed = false;
        let mut out = String::with_capacity(name.len() + 2);
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
            if let Some(w) = f(word) {
                out.push_str(&w);
                *changed = true;
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in name.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                flush(&mut word, &mut out, &mut changed);
                out.push(c);
            }
        }
        flush(&mut word, &mut out, &mut changed);
        changed.then_some(out)
    }
    const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];
    // "-Vyev", "-Vyeva" <-> "-Vev", "-Veva" after a vowel V.
    let yev = |w: &str| {
        for (long, short) in [("yeva", "eva"), ("yev", "ev")] {
            if let Some(stem) = w.strip_suffix(long) {
                if stem.len() >= 2 && stem.ends_with(VOWELS) {
                    return Some(format!("{stem}{short}"));
                }
            }
        }
        for (short, long) in [("eva", "yeva"), ("ev", "yev")] {
            if let Some(stem) = w.strip_suffix(short) {
                if stem.len() >= 2 && stem.ends_with(VOWELS) {
                    return Some(format!("{stem}{long}"));
                }
            }
        }
        None
    };
    let qk = |w: &str| {
        let rest = w.strip_prefix('Q')?;
        (rest.len() >= 2 && !rest.starts_with('u')).then(|| format!("K{rest}"))
    };
    let mut out: Vec<String> = Vec::new();
    for v in [words(name, yev), words(name, qk)].into_iter().flatten() {
        if v != name && !out.contains(&v) {
            out.push(v);
        }
    }
    out
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
            'ə' => out.push('a'),
            'Ə' => out.push('A'),
            'ħ' => out.push('h'),
            'Ħ' => out.push('H'),
            'ŋ' => out.push_str("ng"),
            'Ŋ' => out.push_str("NG"),
            'ð' => out.push('d'),
            'Ð' => out.push('D'),
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

    #[test]
    fn transliteration_fold() {
        for (from, to) in [
            ("İlham", "Ilham"),
            ("Əliyev", "Aliyev"),
            ("ƏLİYEV", "ALIYEV"),
            ("Erdoğan", "Erdogan"),
            ("Kılıçdaroğlu", "Kilicdaroglu"),
            ("Şahin", "Sahin"),
            ("Wałęsa", "Walesa"),
            ("Støre", "Store"),
            ("Đoković", "Dokovic"),
            ("Þórðarson", "THordarson"),
            ("Weiß", "Weiss"),
            ("Borġ", "Borg"),
            ("Ħal", "Hal"),
        ] {
            assert_eq!(key(ACCENTS, from), to, "{from}");
        }
        assert_eq!(KeyKind::EXACT.translit(), Some(ACCENTS));
        assert_eq!(ACCENTS.translit(), None);
    }

    #[test]
    fn romanization_variants_of_names() {
        assert_eq!(romanization_variants("Kassym-Jomart Tokayev"), ["Kassym-Jomart Tokaev"]);
        assert_eq!(romanization_variants("Tokaev"), ["Tokayev"]);
        assert_eq!(romanization_variants("Mehriban Aliyeva"), ["Mehriban Alieva"]);
        assert_eq!(romanization_variants("Qasym Qadyrov"), ["Kasym Kadyrov"]);
        // No vowel before "-ev", a "Qu", nothing to change: no variant.
        assert!(romanization_variants("Sergei Lavrov").is_empty());
        assert!(romanization_variants("Quentin Blake").is_empty());
        assert_eq!(romanization_variants("Andreev"), ["Andreyev"]);
        assert!(romanization_variants("Angela Merkel").is_empty());
    }
}
