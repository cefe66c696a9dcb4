//! `dateline`: capitals at the start of a line followed by "(Agency)", a date or a dash
//! ("ERBIL (Kurdistan 24) –", "LONDON 1996-08-30") are a place.

use super::facts::{gap, starting_at};
use super::{Context, Phase, Stage};
use crate::label::Label;
use crate::tokenize::TokenKind;

/// The `dateline` rule.
pub(super) struct Dateline;

impl Stage for Dateline {
    fn name(&self) -> &str {
        "dateline"
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        let gaz = &**cx.spans;
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            let line_start = i == 0 || text[tokens[i - 1].end..tokens[i].start].contains('\n');
            if !line_start {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n
                && j - i < 4
                && s.feats[j].upper
                && tokens[j].kind == TokenKind::Word
                && gap(text, tokens, j) == 0
                || (j > i
                    && j < n
                    && tokens[j].text(text) == ","
                    && s.feats.get(j + 1).is_some_and(|f| f.upper))
            {
                j += 1;
            }
            if j > i && j < n && (j - i) <= 4 {
                let next = tokens[j].text(text);
                let after_date = next.starts_with(|c: char| c.is_ascii_digit()) && next.len() >= 4;
                let ok = matches!(next, "(" | "-" | "\u{2013}" | "\u{2014}") || after_date;
                // Not when the capitals are already a known organization or person.
                let known_other = starting_at(gaz, i).iter().any(|g| g.end_tok as usize == j);
                // A topic slug ("SOCCER -", "MARKETS -") opens lines too: its words are
                // common English words, a dateline's place rarely is.
                let slug = (i..j).any(|k| s.feats[k].common || s.feats[k].not_name);
                if ok && !known_other && !slug {
                    // A comma inside: "WASHINGTON, D.C." or "SPRINGFIELD, Ill.": the place
                    // is the part before it.
                    let end = (i..j).find(|&k| tokens[k].text(text) == ",").unwrap_or(j);
                    cx.proposals.push(i, end, Label::Loc, 0);
                }
            }
            i = j.max(i + 1);
        }
    }
}
