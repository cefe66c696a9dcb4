//! The shape of a person's name, shared by the `title` and `given-name` rules.

use super::facts::{adjacent, gap, Feat};
use super::lexicon::{K_ROLE, K_TITLE};
use super::Context;
use crate::tokenize::{Token, TokenKind};

/// Whether token `i` can be part of a person's name.
pub(super) fn name_word(f: &Feat) -> bool {
    (f.cap || f.upper) && !f.not_name && !f.caps_line
}

/// The person-name sequence starting at token `i`: one past its last token. Initials ("J.") and particles stay inside; a name ends on a word.
pub(super) fn person_seq(cx: &Context<'_>, i: usize, max_words: usize) -> usize {
    let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
    let feats = &s.feats;
    let mut j = i;
    let mut end = i;
    let mut words = 0;
    while j < tokens.len() && words < max_words {
        // A name ends at a line break or at a title ("German Chancellor Olaf Scholz").
        if j > i && (gap(text, tokens, j) > 0 || s.starts[j] & (K_TITLE | K_ROLE) != 0) {
            break;
        }
        let f = &feats[j];
        let w = tokens[j].text(text);
        if tokens[j].kind == TokenKind::Word && name_word(f) && !(j > i && f.given && f.sent_start) {
            // A single capital followed by "." is an initial.
            if w.chars().count() == 1 && tokens.get(j + 1).is_some_and(|t| t.text(text) == ".") {
                j += 2;
                continue;
            }
            words += 1;
            j += 1;
            end = j;
            // Hyphenated names: "Jean-Pierre", "al-Baghdadi"; a lower-case part that is
            // no English word stays in too ("Chun-yeh", "Ata-ur-Rehman").
            while j + 1 < tokens.len()
                && tokens[j].text(text) == "-"
                && adjacent(tokens, j)
                && adjacent(tokens, j + 1)
            {
                let g = &feats[j + 1];
                if tokens[j + 1].kind == TokenKind::Word && g.lower_word && !g.particle {
                    // A lower-case word: keep it only if it is no English word.
                    let w = tokens[j + 1].text(text);
                    if cx.lex.sets.lower.contains_key(w) || w.len() > 4 {
                        break;
                    }
                    j += 2;
                    end = j;
                    continue;
                }
                j += 1;
                break;
            }
            continue;
        }
        if f.particle && j > i && j + 1 < tokens.len() {
            // "van Beethoven", "van der Westhuizen", "al-Baghdadi", "bin Laden".
            let mut k = j + 1;
            while k + 1 < tokens.len() && (feats[k].particle || tokens[k].text(text) == "-") && k < j + 4 {
                if feats[k].particle && name_word(&feats[k]) {
                    break;
                }
                k += 1;
            }
            if k < tokens.len() && name_word(&feats[k]) && gap(text, tokens, k) == 0 {
                j = k;
                continue;
            }
        }
        if f.particle && j == i && j + 1 < tokens.len() && w.chars().next().is_some_and(char::is_uppercase) {
            // "Abu Bakr": a capitalized particle may start a name.
            j += 1;
            continue;
        }
        break;
    }
    end
}

/// Whether tokens `a..b` look like a person's name rather than common words.
pub(super) fn person_like(feats: &[Feat], tokens: &[Token], a: usize, b: usize) -> bool {
    let words: Vec<&Feat> =
        (a..b).filter(|&k| tokens[k].kind == TokenKind::Word).map(|k| &feats[k]).collect();
    !words.is_empty() && words.iter().any(|f| (f.cap || f.upper) && (!f.common || f.given || f.surname))
}
