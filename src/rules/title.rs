//! `title`: a title or role ("Prime Minister", "Brigadier", "Mr.", "coach") followed by a
//! capitalized name makes that name a person; the title is not part of the span.

use super::facts::gap;
use super::lexicon::{K_ROLE, K_TITLE};
use super::person::{person_like, person_seq};
use super::{Context, Phase, Stage};
use crate::label::Label;

/// The `title` rule.
pub(super) struct Title;

impl Stage for Title {
    fn name(&self) -> &str {
        "title"
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        let feats = &s.feats;
        let n = tokens.len();
        // How far the gazetteer names starting at or before each token reach.
        let mut reach = vec![0u32; n];
        let mut g_it = cx.spans.iter().peekable();
        let mut far = 0u32;
        for (k, r) in reach.iter_mut().enumerate() {
            while let Some(g) = g_it.next_if(|g| g.start_tok as usize <= k) {
                far = far.max(g.end_tok);
            }
            *r = far;
        }
        for j in 0..n {
            let kinds = s.ends[j];
            if kinds & (K_TITLE | K_ROLE) == 0 || j + 1 >= n {
                continue;
            }
            if feats[j].caps_line {
                continue;
            }
            let i = j + 1;
            if gap(text, tokens, i) > 0 {
                continue;
            }
            // "Sri" in "Sri Lanka" is no title: the gazetteer name goes on past it.
            if reach[j] as usize > i {
                continue;
            }
            let e = person_seq(cx, i, 4);
            if e > i && person_like(feats, tokens, i, e) && s.starts[i] & (K_TITLE | K_ROLE) == 0 {
                cx.proposals.push(i, e, Label::Per, 5);
            }
        }
    }
}
