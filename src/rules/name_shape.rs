//! `name-shape`: two or three capitalized words in a row that are neither common English
//! words nor known to a gazetteer nor designators are taken for a person's name, at the
//! lowest priority ("Falk Balzer"): in news, most unknown name pairs are people.

use super::facts::{adjacent, gap};
use super::{Context, Phase, Stage};
use crate::label::Label;
use crate::tokenize::TokenKind;

/// The `name-shape` rule.
pub(super) struct NameShape;

impl Stage for NameShape {
    fn name(&self) -> &str {
        "name-shape"
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        let feats = &s.feats;
        let n = tokens.len();
        let mut covered = vec![false; n];
        for g in cx.spans.iter() {
            covered[g.start_tok as usize..g.end_tok as usize].iter_mut().for_each(|c| *c = true);
        }
        let ok = |k: usize| {
            let f = &feats[k];
            tokens[k].kind == TokenKind::Word
                && f.cap
                && !f.caps_line
                && !f.not_name
                && (!f.common || f.surname || f.given)
                && !covered[k]
                && s.starts[k] == 0
                && s.ends[k] == 0
                && tokens[k].text(text).chars().count() >= 2
        };
        let mut i = 0;
        while i < n {
            if !ok(i) || (i > 0 && ok(i - 1)) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < n && e < i + 3 && ok(e) && gap(text, tokens, e) == 0 && !adjacent(tokens, e) {
                e += 1;
            }
            // Exactly two or three such words, not followed by a fourth, and at least one
            // of them not a common word at all.
            let strong = (i..e).any(|k| !feats[k].common);
            // The Arabic article opens names of clubs, places and media as often as of
            // people ("Al Hilal"): a person only with a known surname (as in `given-name`).
            let article = matches!(tokens[i].text(text), "Al" | "El") && !feats[e - 1].surname;
            if e - i >= 2 && !(e < n && ok(e)) && strong && !article {
                cx.proposals.push(i, e, Label::Per, -10);
            }
            i = e;
        }
    }
}
