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
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    'runs: while i < n {
        // Skip ASCII white space between runs.
        while i < n && class(bytes[i]) == SPACE {
            i += 1;
        }
        if i >= n {
            break;
        }
        // A run is what lies between ASCII white space. Tokenize it as ASCII in one pass;
        // at the first non-ASCII byte, take back its tokens and give the whole run to the
        // Unicode segmenter. Run ends sit next to ASCII bytes or the text's ends, so they
        // are char boundaries.
        let run_start = i;
        let mark = out.len();
        while i < n {
            let c = class(bytes[i]);
            if c == SPACE {
                continue 'runs;
            }
            if c == HIGH {
                out.truncate(mark);
                let mut e = i;
                while e < n && class(bytes[e]) != SPACE {
                    e += 1;
                }
                unicode_run(text, run_start, e, out);
                i = e;
                continue 'runs;
            }
            if c & WORD == 0 {
                out.push(Token { start: i, end: i + 1, kind: TokenKind::Punct });
                i += 1;
                continue;
            }
            let s = i;
            let mut alnum = c & ALNUM != 0;
            i += 1;
            loop {
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
            let kind = if alnum { TokenKind::Word } else { TokenKind::Punct };
            push_word(bytes, s, i, kind, out);
        }
    }
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

#[inline]
fn class(b: u8) -> u8 {
    CLASSES[b as usize]
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
