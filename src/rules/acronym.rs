//! `acronym`: "Kurdistan Regional Government (KRG)" defines KRG; later "KRG" gets the
//! same label and id (overriding only weak gazetteer readings, priority under 20). A full
//! stop may stand between ("Korvath Systems, Inc. (KSI)").

use super::{mentions, Context, Phase, Stage};
use crate::fxhash::FxMap;

/// The `acronym` rule.
pub(super) struct Acronym;

impl Stage for Acronym {
    fn name(&self) -> &str {
        "acronym"
    }

    fn phase(&self) -> Phase {
        Phase::Document
    }

    fn run(&self, cx: &mut Context<'_>) {
        // An acronym is a name of two tokens or more followed by capitals in brackets; the
        // acronym takes the name's best reading, and the first definition wins.
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        let n = tokens.len();
        let mut short: FxMap<&str, u32> = FxMap::default();
        for sp in cx.spans.iter() {
            let mut e = sp.end_tok as usize;
            // The full stop of a legal form: "Korvath Systems, Inc. (KSI)".
            if e < n && tokens[e].text(text) == "." && tokens[e - 1].end == tokens[e].start {
                e += 1;
            }
            if e + 2 < n
                && tokens[e].text(text) == "("
                && tokens[e + 2].text(text) == ")"
                && s.feats[e + 1].upper
                && (2..=8).contains(&tokens[e + 1].text(text).len())
                && sp.end_tok - sp.start_tok >= 2
            {
                let w = tokens[e + 1].text(text);
                if !short.contains_key(w) {
                    short.insert(w, sp.cands[0]);
                    // The `coref` stage leaves these words to this one.
                    cx.memo.acronyms.push(e as u32 + 1);
                }
            }
        }
        mentions::apply(cx, &short, &FxMap::default(), true);
    }
}
