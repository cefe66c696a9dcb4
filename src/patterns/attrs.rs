//! Token attributes: what a token pattern can ask of a token, computed as spaCy computes
//! them (its English lexical attributes), once per token and only when a pattern asks.

use crate::tokenize::{Token, TokenKind};
use once_cell::sync::Lazy;
use regex::Regex;

/// An attribute a token pattern tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Attr {
    /// `ORTH` or `TEXT`: the token's text, exactly.
    Orth,
    /// `LOWER`: the text in lower case.
    Lower,
    /// `LENGTH`: the number of chars (Unicode scalar values, as Python's `len`).
    Length,
    /// `SHAPE`: `Xxxx`, `dd`, `X.X`, runs capped at four.
    Shape,
    IsAlpha,
    IsAscii,
    IsDigit,
    IsLower,
    IsUpper,
    IsTitle,
    IsPunct,
    IsSentStart,
    LikeNum,
    /// `ENT_TYPE`: the label of the entity covering the token, `""` outside entities.
    EntType,
}

/// What kind of value an attribute has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Str,
    Int,
    Bool,
}

/// spaCy's token attributes this tagger cannot compute: they need a trained pipeline or
/// a morphological lexicon.
const UNSUPPORTED: &[&str] = &[
    "POS",
    "TAG",
    "LEMMA",
    "DEP",
    "MORPH",
    "NORM",
    "PREFIX",
    "SUFFIX",
    "ENT_IOB",
    "ENT_ID",
    "ENT_KB_ID",
    "SENT_START",
    "IS_SPACE",
    "IS_STOP",
    "IS_OOV",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT",
    "IS_CURRENCY",
    "LIKE_URL",
    "LIKE_EMAIL",
    "SPACY",
    "LANG",
    "CLUSTER",
    "PROB",
    "SENTIMENT",
    "HEAD",
    "_",
];

impl Attr {
    /// The attribute named `key` (spaCy upper-cases attribute names, and so do we).
    pub(crate) fn from_key(key: &str) -> Result<Attr, String> {
        let up = key.to_ascii_uppercase();
        Ok(match up.as_str() {
            "ORTH" | "TEXT" => Attr::Orth,
            "LOWER" => Attr::Lower,
            "LENGTH" => Attr::Length,
            "SHAPE" => Attr::Shape,
            "IS_ALPHA" => Attr::IsAlpha,
            "IS_ASCII" => Attr::IsAscii,
            "IS_DIGIT" => Attr::IsDigit,
            "IS_LOWER" => Attr::IsLower,
            "IS_UPPER" => Attr::IsUpper,
            "IS_TITLE" => Attr::IsTitle,
            "IS_PUNCT" => Attr::IsPunct,
            "IS_SENT_START" => Attr::IsSentStart,
            "LIKE_NUM" => Attr::LikeNum,
            "ENT_TYPE" => Attr::EntType,
            "REGEX" => {
                return Err(format!(
                    "{key:?} is not an attribute: REGEX is a value form, as in {{\"TEXT\": {{\"REGEX\": \"...\"}}}}"
                ))
            }
            _ if UNSUPPORTED.contains(&up.as_str()) => {
                return Err(format!(
                    "attribute {key:?} is not supported: it needs a trained pipeline or lexicon this tagger does not have"
                ))
            }
            _ => return Err(format!("unknown attribute {key:?}")),
        })
    }

    pub(crate) fn value_kind(self) -> ValueKind {
        match self {
            Attr::Orth | Attr::Lower | Attr::Shape | Attr::EntType => ValueKind::Str,
            Attr::Length => ValueKind::Int,
            _ => ValueKind::Bool,
        }
    }

    /// The flag bit of a boolean attribute.
    pub(crate) fn flag(self) -> u16 {
        match self {
            Attr::IsAlpha => F_ALPHA,
            Attr::IsAscii => F_ASCII,
            Attr::IsDigit => F_DIGIT,
            Attr::IsLower => F_LOWER,
            Attr::IsUpper => F_UPPER,
            Attr::IsTitle => F_TITLE,
            Attr::IsPunct => F_PUNCT,
            Attr::LikeNum => F_LIKE_NUM,
            _ => 0,
        }
    }
}

const F_ALPHA: u16 = 1;
const F_ASCII: u16 = 2;
const F_DIGIT: u16 = 4;
const F_LOWER: u16 = 8;
const F_UPPER: u16 = 16;
const F_TITLE: u16 = 32;
const F_PUNCT: u16 = 64;
const F_LIKE_NUM: u16 = 128;

/// One boolean attribute (its bit) of a text.
fn flag_of(s: &str, bit: u16) -> u16 {
    let on = match bit {
        F_ALPHA => is_alpha(s),
        F_ASCII => s.is_ascii(),
        F_DIGIT => is_digit(s),
        F_LOWER => case_tests(s).0,
        F_UPPER => case_tests(s).1,
        F_TITLE => case_tests(s).2,
        F_PUNCT => is_punct(s),
        F_LIKE_NUM => like_num(s),
        _ => false,
    };
    if on {
        bit
    } else {
        0
    }
}

/// The boolean attributes of a text, as bits.
#[cfg(test)]
fn flags(s: &str) -> u16 {
    let mut f = 0;
    if is_alpha(s) {
        f |= F_ALPHA;
    }
    if s.is_ascii() {
        f |= F_ASCII;
    }
    if is_digit(s) {
        f |= F_DIGIT;
    }
    let (lower, upper, title) = case_tests(s);
    if lower {
        f |= F_LOWER;
    }
    if upper {
        f |= F_UPPER;
    }
    if title {
        f |= F_TITLE;
    }
    if is_punct(s) {
        f |= F_PUNCT;
    }
    if like_num(s) {
        f |= F_LIKE_NUM;
    }
    f
}

// General categories through the regex crate's Unicode tables (Rust's `char` has no
// general category): Python's `isalpha` is "every char is a letter (L*)", spaCy's
// `is_punct` is "every char is punctuation (P*)", `isdigit` is about decimal digits.
static ALPHA: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\p{L}+$").expect("valid regex"));
static PUNCT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\p{P}+$").expect("valid regex"));
static DIGIT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[\p{Nd}¹²³⁰⁴-⁹₀-₉]+$").expect("valid regex"));

/// Python's `str.isalpha`: not empty, every char a letter.
pub(crate) fn is_alpha(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic());
    }
    ALPHA.is_match(s)
}

/// Python's `str.isdigit`: not empty, every char a decimal digit (or a superscript or
/// subscript digit).
pub(crate) fn is_digit(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    }
    DIGIT.is_match(s)
}

/// spaCy's `is_punct`: not empty, every char of a punctuation category. (`$`, `+`, `<`,
/// `=`, `>`, `^`, `` ` ``, `|`, `~` are symbols, not punctuation.)
pub(crate) fn is_punct(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_punctuation() && !b"$+<=>^`|~".contains(&b));
    }
    PUNCT.is_match(s)
}

/// Python's `islower`, `isupper` and `istitle`: some cased char; all cased chars lower
/// (upper) case; upper case only after uncased chars and lower case only after cased ones.
fn case_tests(s: &str) -> (bool, bool, bool) {
    let (mut any_lower, mut any_upper) = (false, false);
    let (mut title, mut prev_cased) = (true, false);
    for c in s.chars() {
        let (lo, up) = (c.is_lowercase(), c.is_uppercase());
        any_lower |= lo;
        any_upper |= up;
        if (up && prev_cased) || (lo && !prev_cased) {
            title = false;
        }
        prev_cased = lo || up;
    }
    let cased = any_lower || any_upper;
    (any_lower && !any_upper, any_upper && !any_lower, cased && title)
}

const NUM_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "gajillion",
    "bazillion",
];

const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "quadrillionth",
    "gajillionth",
    "bazillionth",
];

/// spaCy's English `like_num`: digits (after an optional sign, with `,` and `.` left
/// out), a fraction of digits, a number word or ordinal word, or digits with an ordinal
/// suffix ("21st").
pub(crate) fn like_num(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-', '±', '~']).unwrap_or(s);
    // Most tokens are words with neither a digit nor a number word's length: no copy.
    if s.len() > 15 && !s.bytes().any(|b| b.is_ascii_digit()) && s.is_ascii() {
        return false;
    }
    let digits: std::borrow::Cow<'_, str> = if s.contains([',', '.']) {
        s.chars().filter(|c| *c != ',' && *c != '.').collect::<String>().into()
    } else {
        s.into()
    };
    if is_digit(&digits) {
        return true;
    }
    if let Some((num, den)) = digits.split_once('/') {
        if is_digit(num) && is_digit(den) {
            return true;
        }
    }
    let lower: std::borrow::Cow<'_, str> =
        if digits.bytes().any(|b| b.is_ascii_uppercase()) || !digits.is_ascii() {
            digits.to_lowercase().into()
        } else {
            digits
        };
    let lower: &str = &lower;
    if NUM_WORDS.contains(&lower) || ORDINAL_WORDS.contains(&lower) {
        return true;
    }
    ["st", "nd", "rd", "th"].iter().any(|suf| lower.strip_suffix(suf).is_some_and(is_digit))
}

/// spaCy's `word_shape`: letters become `X` or `x`, digits `d`, other chars stay; a run
/// of one shape char is cut after four; a text of 100 chars or more is `LONG`.
pub(crate) fn shape_into(s: &str, out: &mut String) {
    if s.chars().count() >= 100 {
        out.push_str("LONG");
        return;
    }
    let (mut last, mut run) = ('\0', 0);
    for c in s.chars() {
        let sc = if is_alpha_char(c) {
            if c.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else if is_digit_char(c) {
            'd'
        } else {
            c
        };
        if sc == last {
            run += 1;
        } else {
            (last, run) = (sc, 0);
        }
        if run < 4 {
            out.push(sc);
        }
    }
}

fn is_alpha_char(c: char) -> bool {
    let mut b = [0; 4];
    is_alpha(c.encode_utf8(&mut b))
}

fn is_digit_char(c: char) -> bool {
    let mut b = [0; 4];
    is_digit(c.encode_utf8(&mut b))
}

/// Common abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "St", "Jr", "Sr", "Lt", "Col", "Capt",
    "Sgt", "Maj", "Rev", "Inc", "Co", "Corp", "Ltd", "vs", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec", "Mt", "Ft", "Fig", "approx", "etc", "eg", "ie",
];

/// Marks in `out` (one bool per token) the tokens that start a sentence.
///
/// The rule, for `IS_SENT_START`: the first token starts a sentence, and so does the first
/// token after a line break (headlines, paragraphs and CoNLL sentences are lines). A
/// sentence ends at `!`, `?`, `…` and at a `.` that follows no abbreviation (a single
/// letter, a word with a full stop inside such as "U.S", or a common abbreviation such as
/// "Mr", "Gen", "Inc"); closing quotes and brackets right after the end belong to the
/// sentence that ends. A word in lower case after a full stop starts no sentence.
pub(crate) fn sentence_starts(text: &str, tokens: &[Token], out: &mut Vec<bool>) {
    out.clear();
    out.resize(tokens.len(), false);
    let bytes = text.as_bytes();
    let mut ended = true;
    for (i, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        let line_break = i > 0 && bytes[tokens[i - 1].end..t.start].contains(&b'\n');
        if ended && !line_break && is_closing(w, i > 0 && tokens[i - 1].end == t.start) {
            // A closing quote or bracket after the end of a sentence belongs to it.
            continue;
        }
        let lower_word = w.chars().next().is_some_and(char::is_lowercase);
        out[i] = line_break || i == 0 || (ended && !(lower_word && after_full_stop(text, tokens, i)));
        ended = match w {
            "!" | "?" | "\u{2026}" => true,
            "." => !(i > 0 && tokens[i - 1].end == t.start && is_abbreviation(tokens[i - 1].text(text))),
            _ => false,
        };
    }
}

/// Whether the sentence end before token `i` is a full stop.
fn after_full_stop(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[..i].iter().rev().map(|t| t.text(text)).find(|w| !is_closing(w, true)) == Some(".")
}

/// Whether `w` closes a quote or bracket; a straight quote closes when it touches the token
/// before it.
fn is_closing(w: &str, touches_previous: bool) -> bool {
    match w {
        ")" | "]" | "\u{201d}" | "\u{2019}" => true,
        "\"" | "'" => touches_previous,
        _ => false,
    }
}

fn is_abbreviation(w: &str) -> bool {
    let mut chars = w.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single_letter || w.contains('.') || ABBREVIATIONS.contains(&w)
}

/// Token attributes of one document, each computed on first use.
#[derive(Default)]
pub(crate) struct TokenAttrs {
    flags: Vec<u16>,
    /// Byte range of each token's lower-case form in `buf`; `(u32::MAX, 0)` not yet
    /// computed, `(u32::MAX, 1)` the same as the text.
    lower: Vec<(u32, u32)>,
    shape: Vec<(u32, u32)>,
    buf: String,
    sent: Vec<bool>,
    sent_done: bool,
    /// Index of the entity covering each token (`u32::MAX`: none).
    pub(crate) ent: Vec<u32>,
}

const NOT_YET: (u32, u32) = (u32::MAX, 0);
const SAME: (u32, u32) = (u32::MAX, 1);

impl TokenAttrs {
    /// Starts a document of `n` tokens.
    pub(crate) fn reset(&mut self, n: usize) {
        self.flags.clear();
        self.flags.resize(n, 0);
        self.lower.clear();
        self.lower.resize(n, NOT_YET);
        self.shape.clear();
        self.shape.resize(n, NOT_YET);
        self.buf.clear();
        self.sent_done = false;
        self.ent.clear();
        self.ent.resize(n, u32::MAX);
    }

    /// A boolean attribute (its bit) of token `i`, whose text is `w`. Each flag is
    /// computed on first use only (bit `b << 8` records that it has been).
    pub(crate) fn flag(&mut self, w: &str, i: usize, bit: u16) -> bool {
        if self.flags[i] & (bit << 8) == 0 {
            self.flags[i] |= (bit << 8) | (flag_of(w, bit) & bit);
        }
        self.flags[i] & bit != 0
    }

    pub(crate) fn lower<'s>(&'s mut self, w: &'s str, i: usize) -> &'s str {
        if self.lower[i] == NOT_YET {
            self.lower[i] = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                SAME
            } else {
                // Python's `str.lower`: full Unicode lower-casing.
                let start = self.buf.len();
                if w.is_ascii() {
                    self.buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                } else {
                    self.buf.push_str(&w.to_lowercase());
                }
                (start as u32, self.buf.len() as u32)
            };
        }
        match self.lower[i] {
            SAME => w,
            (s, e) => &self.buf[s as usize..e as usize],
        }
    }

    pub(crate) fn shape(&mut self, w: &str, i: usize) -> &str {
        if self.shape[i] == NOT_YET {
            let start = self.buf.len();
            shape_into(w, &mut self.buf);
            self.shape[i] = (start as u32, self.buf.len() as u32);
        }
        let (s, e) = self.shape[i];
        &self.buf[s as usize..e as usize]
    }

    pub(crate) fn sent_start(&mut self, text: &str, tokens: &[Token], i: usize) -> bool {
        if !self.sent_done {
            sentence_starts(text, tokens, &mut self.sent);
            self.sent_done = true;
        }
        self.sent[i]
    }
}

/// Classes of tokens for starting patterns: a pattern whose first token is no literal is
/// tried only at tokens of the classes its first token can have.
pub(crate) const CLASSES: usize = 10;

/// The class of a token: punctuation, or a word starting with an upper-case letter, a
/// lower-case letter, a digit or anything else; times two for inside an entity or not.
pub(crate) fn class_of(t: &Token, w: &str, in_ent: bool) -> usize {
    let base = match t.kind {
        TokenKind::Punct => C_PUNCT,
        TokenKind::Word => first_class(w),
    };
    base + if in_ent { 5 } else { 0 }
}

fn first_class(w: &str) -> usize {
    match w.chars().next() {
        Some(c) if c.is_uppercase() => C_UPPER,
        Some(c) if c.is_lowercase() => C_LOWER,
        Some(c) if c.is_numeric() => C_DIGIT,
        _ => C_OTHER,
    }
}

pub(crate) const C_PUNCT: usize = 0;
pub(crate) const C_UPPER: usize = 1;
pub(crate) const C_LOWER: usize = 2;
pub(crate) const C_DIGIT: usize = 3;
pub(crate) const C_OTHER: usize = 4;

/// A set of token classes, as bits (bit `c` for class `c`, entity classes 5..10).
pub(crate) type ClassSet = u16;
pub(crate) const ALL_CLASSES: ClassSet = (1 << CLASSES) - 1;

/// The set of the given base classes, inside entities and out.
pub(crate) fn base_classes(cs: &[usize]) -> ClassSet {
    cs.iter().fold(0, |acc, &c| acc | (1 << c) | (1 << (c + 5)))
}

/// Classes of tokens inside (or outside) entities.
pub(crate) const IN_ENT: ClassSet = ALL_CLASSES & !0b11111;
pub(crate) const OUT_ENT: ClassSet = 0b11111;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn shapes_follow_spacy() {
        let cases = [
            ("Apple", "Xxxxx"),
            ("apples", "xxxx"),
            ("NASDAQ", "XXXX"),
            ("1996", "dddd"),
            ("3,000.5", "d,ddd.d"),
            ("U.S", "X.X"),
            ("C3PO", "XdXX"),
            ("São", "Xxx"),
            ("'s", "'x"),
            ("", ""),
        ];
        for (w, want) in cases {
            let mut s = String::new();
            shape_into(w, &mut s);
            assert_eq!(s, want, "{w}");
        }
        let mut s = String::new();
        shape_into(&"a".repeat(100), &mut s);
        assert_eq!(s, "LONG");
    }

    #[test]
    fn flags_follow_python_string_tests() {
        // (text, alpha, ascii, digit, lower, upper, title, punct, like_num)
        let cases = [
            ("Apple", [true, true, false, false, false, true, false, false]),
            ("apple", [true, true, false, true, false, false, false, false]),
            ("NATO", [true, true, false, false, true, false, false, false]),
            ("3M", [false, true, false, false, true, true, false, false]),
            ("1996", [false, true, true, false, false, false, false, true]),
            ("3,000.5", [false, true, false, false, false, false, false, true]),
            ("3/4", [false, true, false, false, false, false, false, true]),
            ("21st", [false, true, false, true, false, false, false, true]),
            ("twenty", [true, true, false, true, false, false, false, true]),
            ("Tenth", [true, true, false, false, false, true, false, true]),
            ("São", [true, false, false, false, false, true, false, false]),
            ("McDonald", [true, true, false, false, false, false, false, false]),
            (",", [false, true, false, false, false, false, true, false]),
            ("$", [false, true, false, false, false, false, false, false]),
            ("\u{2014}", [false, false, false, false, false, false, true, false]),
            ("\u{b2}", [false, false, true, false, false, false, false, true]),
            ("\u{0663}", [false, false, true, false, false, false, false, true]),
            ("", [false, true, false, false, false, false, false, false]),
        ];
        let bits = [F_ALPHA, F_ASCII, F_DIGIT, F_LOWER, F_UPPER, F_TITLE, F_PUNCT, F_LIKE_NUM];
        for (w, want) in cases {
            let f = flags(w);
            let got: Vec<bool> = bits.iter().map(|b| f & b != 0).collect();
            assert_eq!(got, want, "{w:?}");
        }
    }

    #[test]
    fn sentence_starts_are_marked() {
        let text = "Mr. Smith met Gen. Lee in the U.S. on Friday. \"It went well.\" Then they left!\nHEADLINE here e.g. this";
        let tokens = tokenize(text);
        let mut out = Vec::new();
        sentence_starts(text, &tokens, &mut out);
        let starts: Vec<&str> =
            tokens.iter().zip(&out).filter(|(_, s)| **s).map(|(t, _)| t.text(text)).collect();
        assert_eq!(starts, ["Mr", "\"", "Then", "HEADLINE"]);
        sentence_starts("", &[], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn classes_of_tokens() {
        let text = "Apple apple 42 , _x éclair";
        let tokens = tokenize(text);
        let got: Vec<usize> = tokens.iter().map(|t| class_of(t, t.text(text), false)).collect();
        assert_eq!(got, [C_UPPER, C_LOWER, C_DIGIT, C_PUNCT, C_OTHER, C_LOWER]);
        assert_eq!(class_of(&tokens[0], "Apple", true), C_UPPER + 5);
    }

    #[test]
    fn attribute_names() {
        assert_eq!(Attr::from_key("text"), Ok(Attr::Orth));
        assert_eq!(Attr::from_key("ENT_TYPE"), Ok(Attr::EntType));
        for bad in ["POS", "lemma", "DEP", "TAG", "MORPH"] {
            assert!(Attr::from_key(bad).unwrap_err().contains("not supported"), "{bad}");
        }
        assert!(Attr::from_key("COLOUR").unwrap_err().contains("unknown attribute"));
        assert!(Attr::from_key("REGEX").unwrap_err().contains("value form"));
    }
}
