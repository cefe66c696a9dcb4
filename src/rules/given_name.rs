//! `given-name`: a known given name followed by capitalized words ("Richard Bell") is a
//! person; initials ("John J. Catherine", "C. Hooper") and particles ("Ludwig van
//! Beethoven", "Abu Bakr al-Baghdadi") stay inside.

use super::facts::starting_at;
use super::lexicon::{K_LOC_SUFFIX, K_ORG_SUFFIX, K_ROLE, K_TITLE};
use super::person::{name_word, person_seq};
use super::{Context, Phase, Stage};
use crate::entries::{entry, EntryData};
use crate::label::Label;
use crate::tokenize::TokenKind;

/// The `given-name` rule.
pub(super) struct GivenName;

impl Stage for GivenName {
    fn name(&self) -> &str {
        "given-name"
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s, entries) = (cx.text, cx.tokens, cx.facts, cx.entries);
        let gaz = &**cx.spans;
        // Candidates from `entries.len()` on are names added live: read through `entry`.
        let dynamic: &[EntryData] = cx.dynamic;
        let label = |c: u32| entry(entries, dynamic, c).label;
        let feats = &s.feats;
        let n = tokens.len();
        // Strong gazetteer places and organizations by start token.
        let strong_at = |k: usize| {
            starting_at(gaz, k)
                .iter()
                .any(|g| g.best_priority >= 20 && matches!(label(g.cands[0]), Label::Loc | Label::Org))
        };
        // Any gazetteer name other than a person's starting at a token: "German" the
        // nationality is no given name in "German Chancellor".
        let other_at = |k: usize| starting_at(gaz, k).iter().any(|g| *label(g.cands[0]) != Label::Per);
        let mut i = 0;
        while i < n {
            let f = &feats[i];
            // An initial and a surname: "C. Hooper", "J. R. Smith".
            let initial = f.upper
                && tokens[i].text(text).chars().count() == 1
                && tokens.get(i + 1).is_some_and(|t| t.text(text) == ".")
                && !f.caps_line
                && i + 2 < n
                && (feats[i + 2].cap || feats[i + 2].upper)
                && !feats[i + 2].not_name;
            if initial && !starting_at(gaz, i + 2).iter().any(|g| g.best_priority >= 20) {
                let e = person_seq(cx, i, 4);
                if e > i + 2 {
                    cx.proposals.push(i, e, Label::Per, 0);
                    i = e;
                    continue;
                }
            }
            if !(f.given || f.given_ambiguous) || !name_word(f) || s.starts[i] & (K_TITLE | K_ROLE) != 0 {
                i += 1;
                continue;
            }
            let e = person_seq(cx, i, 4);
            let words = (i..e).filter(|&k| tokens[k].kind == TokenKind::Word).count();
            let last = &feats[e.saturating_sub(1).max(i)];
            // "Al" and "El" are given names ("Al Gore") and the Arabic article ("Al
            // Hilal", "El Salvador"): a person only with a known surname.
            let article = matches!(tokens[i].text(text), "Al" | "El" | "AL" | "EL");
            let ok = e > i + 1
                && words >= 2
                && (!article || last.surname)
                && (!f.given_ambiguous || (!f.sent_start && (last.surname || !last.common)))
                && (!strong_at(i) || last.surname)
                && (!other_at(i) || last.surname && e > i + 1 && !other_at(i + 1))
                && s.ends[e - 1] & (K_ORG_SUFFIX | K_LOC_SUFFIX) == 0;
            if ok {
                cx.proposals.push(i, e, Label::Per, 0);
                i = e;
            } else {
                i += 1;
            }
        }
    }
}
