//! `coref`: once "Masrour Barzani" is found, a later "Barzani" alone is the same person;
//! a one-word mention found as a person lends that reading to its other mentions. The
//! leading words of an organization found once ("Korvath" of "Korvath Mining Ltd") are
//! that organization where they stand alone (see `org_coref`).

use super::{mentions, Context, Phase, Stage};
use crate::fxhash::FxMap;
use crate::label::Label;
use crate::tokenize::TokenKind;

/// The `coref` rule.
pub(super) struct Coref;

impl Stage for Coref {
    fn name(&self) -> &str {
        "coref"
    }

    fn phase(&self) -> Phase {
        Phase::Document
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        // A word the document defines as an acronym is the acronym's (the `acronym`
        // stage ran before this one), not a surname.
        let acronyms: FxMap<&str, ()> =
            cx.memo.acronyms.iter().map(|&k| (tokens[k as usize].text(text), ())).collect();
        let mut short: FxMap<&str, u32> = FxMap::default();
        for sp in cx.spans.iter() {
            let c = sp.cands[0];
            if *cx.entry(c).label != Label::Per {
                continue;
            }
            let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
            let words: Vec<usize> = (a..b).filter(|&k| tokens[k].kind == TokenKind::Word).collect();
            let Some(&last) = words.last() else { continue };
            let f = &s.feats[last];
            let w = tokens[last].text(text);
            if f.not_name || !(f.cap || f.upper) || w.chars().count() < 2 || acronyms.contains_key(w) {
                continue;
            }
            short.entry(w).or_insert(c);
        }
        mentions::apply(cx, &short, &acronyms, false);
        super::org_coref::org_mentions(cx);
    }
}
