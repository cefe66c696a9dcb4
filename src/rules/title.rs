//! `title`: a title or role ("Prime Minister", "Brigadier", "Mr.", "coach") followed by a
//! capitalized name makes that name a person; the title is not part of the span.

use super::facts::{gap, reach, starting_at};
use super::lexicon::{K_ORG_SUFFIX, K_ROLE, K_TITLE};
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
        let reach = reach(cx.spans, n);
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
            // Roles such as "rival" and "partner" come before companies too: no person
            // when the words end in an organization's designator ("partner Hyundai Motor
            // Group") or a gazetteer organization starts there ("rival Advanced Micro
            // Devices").
            let org_shaped = e > i
                && (s.ends[e - 1] & K_ORG_SUFFIX != 0
                    || starting_at(cx.spans, i).iter().any(|g| *cx.entry(g.cands[0]).label == Label::Org));
            // One word in capitals is an abbreviation, not a name: "the official CPI release".
            let abbreviation = e == i + 1 && feats[i].upper && tokens[i].end - tokens[i].start >= 2;
            if e > i
                && !org_shaped
                && !abbreviation
                && person_like(feats, tokens, i, e)
                && s.starts[i] & (K_TITLE | K_ROLE) == 0
            {
                cx.proposals.push(i, e, Label::Per, 5);
            }
        }
    }
}
