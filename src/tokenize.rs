//! Tokenization: text to word and punctuation tokens with byte offsets.
//!
//! Tokens are the segments of Unicode word segmentation (UAX #29, as implemented by
//! `unicode-segmentation`) that are not white space, with two refinements: a possessive
//! `'s` (`’s`, `'S`) at the end of a word becomes a token of its own, so that
//! "Government's" yields the tokens `Government` and `'s`; and white space is never part of
//! a token: a combining mark right after a space starts a token of its own (UAX #29 rule WB4
//! would join it to the space), and the narrow no-break space (U+202F, a word joiner in
//! UAX #29) separates tokens like any other space. Invisible formatting characters
//! (direction marks, zero-width joiners, a byte-order mark) are trimmed off the ends of
//! tokens, and left out of lookup keys inside them.
//!
//! The same function tokenizes gazetteer names and documents, which is what makes a name
//! match a text: both become the same token sequence.
//!
//! Speed: full UAX #29 segmentation costs about as much as everything else in the tagger
//! together, so runs of ASCII text between white space take a fast path that applies the
//! word-boundary rules restricted to ASCII (letters, digits, `_`, and the mid-word
//! characters `'`, `.`, `:`, `,`, `;`). A run holding any non-ASCII byte goes through
//! `unicode-segmentation`. Both paths give the same tokens; a property test compares them.

use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Holds at least one alphanumeric character (letters, digits, in any script).
    Word,
    /// Anything else that is not white space: punctuation, symbols, emoji.
    Punct,
}

/// A token: a half-open byte range of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Appends the tokens of `text` to `out` (which is not cleared).
///
/// One pass: the runs of text between ASCII white space are found while they are
/// tokenized. No token crosses a run's end, and a run's tokens depend on its bytes alone,
/// which is what lets the tagger tokenize only some runs of a text.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    'runs: while i < n {
        i = skip_space(bytes, i);
        let run_start = i;
        let mark = out.len();
        while i < n {
            let c = class(bytes[i]);
            if c == SPACE {
                continue 'runs;
            }
            if c == HIGH {
                out.truncate(mark);
                let e = run_end(bytes, i);
                unicode_run(text, run_start, e, out);
                i = e;
                continue 'runs;
            }
            i = ascii_token(bytes, i, c, out);
        }
    }
}

/// Appends the ASCII token starting at `i` (byte class `c`, neither space nor non-ASCII)
/// and returns its end.
#[inline]
fn ascii_token(bytes: &[u8], i: usize, c: u8, out: &mut Vec<Token>) -> usize {
    if c & WORD == 0 {
        out.push(Token { start: i, end: i + 1, kind: TokenKind::Punct });
        return i + 1;
    }
    let (e, kind) = ascii_word(bytes, i);
    push_word(bytes, i, e, kind, out);
    e
}

/// The end and kind of the ASCII word starting at `i` (a word byte): letters, digits and
/// `_`, joined across `'`, `.`, `:` (between letters) and `,`, `;`, `.`, `'` (between
/// digits).
#[inline]
fn ascii_word(bytes: &[u8], mut i: usize) -> (usize, TokenKind) {
    let n = bytes.len();
    let mut alnum = class(bytes[i]) & ALNUM != 0;
    i += 1;
    loop {
        // Eight bytes at a time while the text lasts (most words fit in one step), then
        // byte by byte. Word bytes are never white space, so this stops at a run's end.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let (word, an) = word_masks(chunk);
            let k = ((!word & HIGH_BITS).trailing_zeros() / 8) as usize;
            alnum |= an & below(k) != 0;
            i += k;
            if k < 8 {
                break;
            }
        }
        while i < n && class(bytes[i]) & WORD != 0 {
            alnum |= class(bytes[i]) & ALNUM != 0;
            i += 1;
        }
        if i + 1 < n && joins(bytes[i - 1], bytes[i], bytes[i + 1]) {
            i += 2;
            continue;
        }
        break;
    }
    // A run of underscores alone has no alphanumeric: it is punctuation.
    (i, if alnum { TokenKind::Word } else { TokenKind::Punct })
}

/// The first byte at or after `i` that is not ASCII white space (or the text's length).
#[inline]
pub(crate) fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && class(bytes[i]) == SPACE {
        i += 1;
    }
    i
}

/// The end of the run starting at `i`: the next ASCII white space, or the text's end.
///
/// Runs are the unit of tokenization: no token crosses ASCII white space, and the tokens
/// of a run depend on the run's bytes alone ([`tokenize_run`]).
#[inline]
pub(crate) fn run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let k = (space_mask(chunk).trailing_zeros() / 8) as usize;
        i += k;
        if k < 8 {
            return i;
        }
    }
    while i < bytes.len() && class(bytes[i]) != SPACE {
        i += 1;
    }
    i
}

/// Appends the tokens of the run `text[start..end]` (see [`run_end`]) to `out`; returns
/// whether the run is ASCII.
///
/// The run is tokenized as ASCII in one pass; at its first non-ASCII byte, its tokens are
/// taken back and the whole run goes to the Unicode segmenter. Run ends sit next to ASCII
/// bytes or the text's ends, so they are char boundaries.
pub(crate) fn tokenize_run(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> bool {
    let bytes = text.as_bytes();
    let mark = out.len();
    let mut i = start;
    while i < end {
        let c = class(bytes[i]);
        if c == HIGH {
            out.truncate(mark);
            unicode_run(text, start, end, out);
            return false;
        }
        i = ascii_token(bytes, i, c, out);
    }
    true
}

/// Tokenizes `text` into a new vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

// Byte classes of the ASCII fast path.
const SPACE: u8 = 1;
const HIGH: u8 = 2;
const ALNUM: u8 = 4;
/// Letters, digits and `_` (ExtendNumLet) continue a word.
const WORD: u8 = 8;

const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            SPACE
        } else if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphanumeric() {
            ALNUM | WORD
        } else if c == b'_' {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether `b` is ASCII white space (it separates runs).
#[inline]
pub(crate) fn is_space_byte(b: u8) -> bool {
    class(b) == SPACE
}

/// Whether `b` continues an ASCII word: a letter, digit or `_`.
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    class(b) & WORD != 0
}

#[inline]
fn class(b: u8) -> u8 {
    CLASSES[b as usize]
}

pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// Bit 7 of each byte of `x` (whose bytes are all below 0x80) that lies in `lo..=hi`.
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    (x + splat(0x80 - lo)) & !(x + splat(0x7F - hi)) & HIGH_BITS
}

/// For eight bytes: bit 7 set in each byte that is ASCII white space.
#[inline]
pub(crate) fn space_mask(chunk: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(chunk);
    let w = u64::from_le_bytes(b);
    let x = w & !HIGH_BITS;
    // Space, or \t \n \x0B \x0C \r.
    (in_range(x, b' ', b' ') | in_range(x, b'\t', b'\r')) & !w & HIGH_BITS
}

/// For eight bytes: bit 7 set in each byte that is not a word byte (see [`word_masks`]),
/// white space and non-ASCII bytes included.
#[inline]
pub(crate) fn non_word_mask(chunk: &[u8]) -> u64 {
    !word_masks(chunk).0 & HIGH_BITS
}

/// For eight bytes: bit 7 set in each byte that continues a word (ASCII letter, digit,
/// `_`), and in each that is alphanumeric.
#[inline]
pub(crate) fn word_masks(chunk: &[u8]) -> (u64, u64) {
    let mut b = [0u8; 8];
    b.copy_from_slice(chunk);
    let w = u64::from_le_bytes(b);
    let ascii = !w & HIGH_BITS;
    let x = w & !HIGH_BITS;
    let alnum = (in_range(x | splat(0x20), b'a', b'z') | in_range(x, b'0', b'9')) & ascii;
    (alnum | (in_range(x, b'_', b'_') & ascii), alnum)
}

/// The mask of the low `k` bytes (all bytes when `k` is 8 or more).
#[inline]
pub(crate) fn below(k: usize) -> u64 {
    // Without a branch: a shift of 64 or more gives `None`, that is no byte.
    u64::MAX.checked_shr(64 - 8 * k.min(8) as u32).unwrap_or(0)
}

/// UAX #29 rules WB6/WB7 (letters around `:` `.` `'`) and WB11/WB12 (digits around
/// `,` `;` `.` `'`), for ASCII.
#[inline]
fn joins(prev: u8, mid: u8, next: u8) -> bool {
    (prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() && matches!(mid, b':' | b'.' | b'\''))
        || (prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b',' | b';' | b'.' | b'\''))
}

fn unicode_run(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let run = &text[start..end];
    for (off, seg) in run.split_word_bound_indices() {
        // White space never belongs to a token: a segment of white space is dropped, and a
        // segment holding some (a combining mark attached to a space by rule WB4, or the
        // narrow no-break space that UAX #29 counts as a word joiner) is split around it.
        let mut piece_start = None;
        for (i, c) in seg.char_indices().chain(std::iter::once((seg.len(), ' '))) {
            // A byte-order mark inside a text (files joined together) separates like a space.
            match (c.is_whitespace() || c == '\u{feff}', piece_start) {
                (true, Some(ps)) => {
                    push_piece(text, start + off + ps, start + off + i, out);
                    piece_start = None;
                }
                (false, None) => piece_start = Some(i),
                _ => {}
            }
        }
    }
}

fn push_piece(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    // Invisible formatting characters at either end (a direction mark or byte-order mark
    // that UAX #29 rule WB4 attached to the word before it) are not part of the token.
    let invisible = crate::normalize::is_invisible;
    let piece = &text[s..e];
    let trimmed = piece.trim_start_matches(invisible);
    let s = s + (piece.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(invisible);
    if trimmed.is_empty() {
        return;
    }
    let e = s + trimmed.len();
    let kind = if trimmed.chars().any(char::is_alphanumeric) { TokenKind::Word } else { TokenKind::Punct };
    if kind == TokenKind::Word {
        if let Some(apo) = possessive_start(trimmed.as_bytes()) {
            // "Erbil\u{200d}'s": the word before the possessive loses its invisible end too.
            let word = trimmed[..apo].trim_end_matches(invisible);
            if !word.is_empty() {
                // What is left of the word may hold no letter or digit ("¸'s").
                let kind = if word.chars().any(char::is_alphanumeric) { kind } else { TokenKind::Punct };
                out.push(Token { start: s, end: s + word.len(), kind });
                out.push(Token { start: s + apo, end: e, kind: TokenKind::Punct });
                return;
            }
        }
    }
    out.push(Token { start: s, end: e, kind });
}

/// Pushes a token, splitting a possessive `'s` / `’s` off the end of a word.
#[inline]
fn push_word(bytes: &[u8], s: usize, e: usize, kind: TokenKind, out: &mut Vec<Token>) {
    if kind == TokenKind::Word {
        if let Some(apo) = possessive_start(&bytes[s..e]) {
            let cut = s + apo;
            out.push(Token { start: s, end: cut, kind });
            out.push(Token { start: cut, end: e, kind: TokenKind::Punct });
            return;
        }
    }
    out.push(Token { start: s, end: e, kind });
}

/// Where the possessive suffix of a word starts, if the word ends in `'s`, `'S`, `’s`
/// or `’S` after at least one character.
#[inline]
fn possessive_start(w: &[u8]) -> Option<usize> {
    let n = w.len();
    if n < 3 || !matches!(w[n - 1], b's' | b'S') {
        return None;
    }
    if w[n - 2] == b'\'' {
        return Some(n - 2);
    }
    // U+2019 RIGHT SINGLE QUOTATION MARK is E2 80 99.
    if n >= 5 && w[n - 4..n - 1] == [0xE2, 0x80, 0x99] {
        return Some(n - 4);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn by_runs(text: &str) -> Vec<Token> {
        let (bytes, mut out) = (text.as_bytes(), Vec::new());
        let mut i = skip_space(bytes, 0);
        while i < bytes.len() {
            let e = run_end(bytes, i);
            tokenize_run(text, i, e, &mut out);
            i = skip_space(bytes, e);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn one_pass_equals_run_by_run(text in "(?s)([A-Za-z0-9_.,;:'’ \t\n\r\u{a0}\u{2019}é!-]{0,12}){0,12}") {
            proptest::prop_assert_eq!(tokenize(&text), by_runs(&text));
        }
    }

    #[test]
    fn masks_agree_with_the_byte_classes() {
        for b in 0..=255u8 {
            for fill in [b'a', b'!', 0xC3] {
                for p in 0..8 {
                    let mut chunk = [fill; 8];
                    chunk[p] = b;
                    let (word, alnum) = word_masks(&chunk);
                    let space = space_mask(&chunk);
                    for (q, &c) in chunk.iter().enumerate() {
                        let bit = 0x80u64 << (8 * q);
                        assert_eq!(word & bit != 0, class(c) & WORD != 0, "{c:#x} word");
                        assert_eq!(alnum & bit != 0, class(c) & ALNUM != 0, "{c:#x} alnum");
                        assert_eq!(space & bit != 0, class(c) == SPACE, "{c:#x} space");
                    }
                }
            }
        }
    }

    #[test]
    fn below_masks_the_low_bytes() {
        let want =
            [0, 0xFF, 0xFFFF, 0xFF_FFFF, 0xFFFF_FFFF, 0xFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF, 0xFF_FFFF_FFFF_FFFF];
        for (k, &w) in want.iter().enumerate() {
            assert_eq!(below(k), w, "{k}");
        }
        assert_eq!((below(8), below(9), below(usize::MAX)), (u64::MAX, u64::MAX, u64::MAX));
    }

    #[test]
    fn basic_words_and_punct() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
        assert_eq!(toks("U.S.-led forces"), ["U.S", ".", "-", "led", "forces"]);
        assert_eq!(toks("anti-ISIS"), ["anti", "-", "ISIS"]);
        assert_eq!(toks("3,000.5 km"), ["3,000.5", "km"]);
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks(" \t\n"), Vec::<&str>::new());
    }

    #[test]
    fn possessives_are_split() {
        assert_eq!(toks("Government's plan"), ["Government", "'s", "plan"]);
        assert_eq!(toks("Government\u{2019}s plan"), ["Government", "\u{2019}s", "plan"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("'s"), ["'", "s"]);
        // The word left in front of a possessive is punctuation when it holds no letter
        // or digit.
        let t = tokenize("\u{b8}'s");
        let kinds: Vec<TokenKind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(toks("\u{b8}'s"), ["\u{b8}", "'s"]);
        assert_eq!(kinds, [TokenKind::Punct, TokenKind::Punct]);
    }

    #[test]
    fn unicode_spaces_are_not_tokens() {
        assert_eq!(toks("Masrour\u{a0}Barzani"), ["Masrour", "Barzani"]);
        assert_eq!(toks("a\u{2003}b\u{202f}c"), ["a", "b", "c"]);
    }

    #[test]
    fn non_ascii_words() {
        assert_eq!(toks("São Paulo"), ["São", "Paulo"]);
        assert_eq!(toks("İstanbul'da"), ["İstanbul'da"]);
        assert_eq!(toks("Москва и Киев"), ["Москва", "и", "Киев"]);
    }
}
