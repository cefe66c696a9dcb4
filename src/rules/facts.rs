//! What the built-in rules know about each token of a document before they run: case,
//! sentence starts, lines in capitals, word-list memberships, and the lexicon phrases
//! (titles, designators) that start and end at each token.

use super::lexicon::{
    kind_bit, particle_bit, Lexicon, K_ROLE, K_TITLE, W_COMMON, W_GIVEN, W_GIVEN_AMBIGUOUS, W_NOT_NAME,
    W_PARTICLE, W_SURNAME,
};
use crate::entries::Entries;
use crate::resolve::SpanCands;
use crate::tokenize::{Token, TokenKind};

/// Per-token facts the rules use.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Feat {
    /// First letter upper case, some lower case: "Barzani", "McDonald".
    pub(super) cap: bool,
    /// All letters upper case, at least one letter: "ERBIL", "KRG", "J".
    pub(super) upper: bool,
    /// First word of a sentence (or after an opening quote or bracket there).
    pub(super) sent_start: bool,
    /// On a line written (almost) all in capitals.
    pub(super) caps_line: bool,
    /// Its lower-case form is a common English word (looked up for capitalized words only).
    pub(super) common: bool,
    /// Starts with a lower-case ASCII letter.
    pub(super) lower_word: bool,
    /// A stop word that never starts or continues a name.
    pub(super) not_name: bool,
    pub(super) given: bool,
    pub(super) given_ambiguous: bool,
    pub(super) surname: bool,
    pub(super) particle: bool,
}

/// Per-document facts, computed once before the stages run; reused buffers.
#[derive(Default)]
pub(crate) struct Facts {
    pub(super) feats: Vec<Feat>,
    /// Lexicon phrases: first token, end token, kinds.
    pub(super) phrases: Vec<(u32, u32, u16)>,
    /// For each token, the lexicon phrase kinds that start / end there.
    pub(super) starts: Vec<u16>,
    pub(super) ends: Vec<u16>,
    lower: String,
}

impl Facts {
    /// Computes token features and records the lexicon phrases.
    pub(super) fn prepare(
        &mut self,
        text: &str,
        tokens: &[Token],
        phrases: &[SpanCands],
        entries: &Entries,
        lex: &Lexicon,
    ) {
        let s = self;
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
                let (k, bit) = particle_bit(w.as_bytes());
                if w.len() <= sets.max_lower_particle && sets.lower_particle_bits[k] & bit != 0 {
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
                        s.lower.push_str(w);
                        s.lower.make_ascii_lowercase();
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
            // Punctuation and numbers start with a byte no listed word starts with: no look-up.
            let ex = if sets.exact_first[usize::from(w.as_bytes()[0])] {
                sets.exact.get(w).copied().unwrap_or(0)
            } else {
                0
            };
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
            if tokens[i].kind == TokenKind::Word {
                // Only punctuation ends or carries a sentence start.
                start = false;
                continue;
            }
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
}

/// The spans of `spans` (sorted by first token) that start at token `k`.
pub(super) fn starting_at(spans: &[SpanCands], k: usize) -> &[SpanCands] {
    let from = spans.partition_point(|g| (g.start_tok as usize) < k);
    let to = spans.partition_point(|g| (g.start_tok as usize) <= k);
    &spans[from..to]
}

/// How far the candidate spans (sorted by first token) that start at or before each of
/// the `n` tokens reach: one past the last token of the farthest.
pub(super) fn reach(spans: &[SpanCands], n: usize) -> Vec<u32> {
    let mut reach = vec![0u32; n];
    let mut g_it = spans.iter().peekable();
    let mut far = 0u32;
    for (k, r) in reach.iter_mut().enumerate() {
        while let Some(g) = g_it.next_if(|g| g.start_tok as usize <= k) {
            far = far.max(g.end_tok);
        }
        *r = far;
    }
    reach
}

/// Whether token `k` touches the one before it (no white space between).
pub(super) fn adjacent(tokens: &[Token], k: usize) -> bool {
    k > 0 && tokens[k - 1].end == tokens[k].start
}

/// How many line breaks separate token `k` from the one before it: the rules never make
/// a name across a line break (headlines, table rows and CoNLL sentences are lines).
#[inline]
pub(super) fn gap(text: &str, tokens: &[Token], k: usize) -> usize {
    if k == 0 {
        return 0;
    }
    // The space between two tokens is mostly a byte or none: a plain loop beats `memchr`.
    let between = &text.as_bytes()[tokens[k - 1].end..tokens[k].start];
    usize::from(between.iter().position(|&b| b == b'\n').is_some())
}
