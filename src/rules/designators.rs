//! `org-designator` and `loc-designator`: a capitalized sequence ending in an
//! organizational word or legal form ("... Group", "... Party", "... Inc."), or starting
//! with a head word and a connector ("Ministry of ...", "Coalition to ..."), is an
//! organization; the same for places ("... River", "Gulf of ...", "Mount ..."). "of",
//! "for", "to", "and", "the" between capitalized words keep the name whole.
//!
//! The two rules read the same capitalized sequences, and on one sequence at most one of
//! them fires, in this order: an organizational suffix, a place suffix, an organizational
//! prefix, a place prefix. The first of the two stages to run scans the document for
//! both kinds (those switched on) and each keeps what falls to it, so switching one off
//! lets the other take the sequences it would have lost.
//!
//! `org-designator` also reads business context (`org_context`): "shares of X", "X
//! shares", "X's chief executive".

use super::facts::{gap, Facts};
use super::lexicon::{
    CONNECTORS, K_LOC_HEAD, K_LOC_PREFIX, K_LOC_SUFFIX, K_ORG_HEAD, K_ORG_PREFIX, K_ORG_SUFFIX, K_TITLE,
};
use super::{Context, Phase, Stage};
use crate::label::Label;
use crate::tokenize::{Token, TokenKind};

/// The `org-designator` rule (`org`) or the `loc-designator` rule.
pub(super) struct Designator {
    /// Organizations, or else places.
    pub org: bool,
    /// Whether the other designator rule is on too (it takes precedence on some
    /// sequences, see the module docs).
    pub other_on: bool,
}

impl Stage for Designator {
    fn name(&self) -> &str {
        if self.org {
            "org-designator"
        } else {
            "loc-designator"
        }
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let memo = &mut *cx.memo;
        if !memo.designators_done {
            let (org_on, loc_on) = if self.org { (true, self.other_on) } else { (self.other_on, true) };
            let found = &mut memo.designators;
            scan(cx.text, cx.tokens, cx.facts, org_on, loc_on, |a, b, org| {
                found.push((a as u32, b as u32, org))
            });
            memo.designators_done = true;
        }
        for &(a, b, org) in memo.designators.iter().filter(|d| d.2 == self.org) {
            let label = if org { Label::Org } else { Label::Loc };
            cx.proposals.push(a as usize, b as usize, label, 0);
        }
        if self.org {
            super::org_context::org_context(cx);
        }
    }
}

/// Legal forms that follow a company's name after a comma ("Korvath Systems, Inc.").
const LEGAL_FORMS: &[&str] = &[
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "LLC",
    "LLP",
    "LP",
    "PLC",
    "plc",
    "Co",
    "AG",
    "SA",
    "NV",
    "BV",
    "GmbH",
    "SE",
    "SpA",
    "Pty",
    "PLLC",
    "LLLP",
];

/// Where the legal form that starts at token `k` ends (one past its last token): the
/// longest organization designator there whose first word is a legal form.
fn legal_form_at(text: &str, tokens: &[Token], s: &Facts, k: usize) -> Option<usize> {
    if !LEGAL_FORMS.contains(&tokens[k].text(text)) {
        return None;
    }
    let from = s.phrases.partition_point(|p| (p.0 as usize) < k);
    let to = s.phrases.partition_point(|p| (p.0 as usize) <= k);
    // Without a full stop at the end, as the suffixes are read ("Korvath Inc" of "Korvath
    // Inc."): the stop may end the sentence too.
    s.phrases[from..to]
        .iter()
        .filter(|p| p.2 & K_ORG_SUFFIX != 0 && tokens[p.1 as usize - 1].text(text) != ".")
        .map(|p| p.1 as usize)
        .max()
}

/// Capitalized sequences (with connectors between capitalized words) that end in a
/// designator suffix or start with a designator prefix or head: `emit(first, end, org)`
/// for each, of the kinds switched on (`org`: an organization, else a place).
fn scan(
    text: &str,
    tokens: &[Token],
    s: &Facts,
    org_on: bool,
    loc_on: bool,
    mut emit: impl FnMut(usize, usize, bool),
) {
    let feats = &s.feats;
    let n = tokens.len();
    let capword = |k: usize| {
        let f = &feats[k];
        tokens[k].kind == TokenKind::Word && (f.cap || f.upper) && !f.caps_line
    };
    let mut i = 0;
    while i < n {
        if !capword(i) || (feats[i].not_name && !feats[i].sent_start) {
            i += 1;
            continue;
        }
        // Skip a sentence-initial stop word ("The Ministry of ...").
        let a = if feats[i].not_name { i + 1 } else { i };
        if a >= n || !capword(a) || feats[a].not_name {
            i += 1;
            continue;
        }
        // "Shares of Korvath Industries Inc": a common word opening the sentence, joined
        // by a connector, is not part of the name.
        let a = if feats[a].sent_start
            && feats[a].common
            && !feats[a].given
            && a + 2 < n
            && CONNECTORS.contains(&tokens[a + 1].text(text))
            && capword(a + 2)
        {
            a + 2
        } else {
            a
        };
        // A name does not start inside a hyphenated word ("anti-ISIS Coalition").
        if a >= 2
            && tokens[a - 1].text(text) == "-"
            && tokens[a - 1].end == tokens[a].start
            && tokens[a - 2].end == tokens[a - 1].start
        {
            i = a + 1;
            continue;
        }
        // Extend: capitalized words, connectors between capitalized words, "&", "-".
        let mut b = a + 1;
        loop {
            if b < n
                && gap(text, tokens, b) == 0
                && capword(b)
                && !feats[b].not_name
                && s.starts[b] & (K_TITLE) == 0
            {
                b += 1;
                continue;
            }
            if b + 1 < n && gap(text, tokens, b) == 0 && gap(text, tokens, b + 1) == 0 {
                let w = tokens[b].text(text);
                if CONNECTORS.contains(&w) && capword(b + 1) && !feats[b + 1].not_name {
                    b += 2;
                    continue;
                }
                if w == "the" && b + 2 < n && CONNECTORS.contains(&tokens[b + 1].text(text)) {
                    break;
                }
            }
            break;
        }
        // A legal form after a comma closes the name: "Korvath Systems, Inc.", and partners'
        // names joined by commas and "&" come with it: "Brenwick, Talley & Osgood, LLP".
        let mut done = false;
        if org_on && b + 1 < n && tokens[b].text(text) == "," && gap(text, tokens, b + 1) == 0 {
            if let Some(end) = legal_form_at(text, tokens, s, b + 1) {
                let mut a2 = a;
                let joined = (a..b).any(|m| matches!(tokens[m].text(text), "&" | "and"));
                while joined && a2 >= 2 && tokens[a2 - 1].text(text) == "," && capword(a2 - 2) {
                    let mut m = a2 - 2;
                    while m > 0 && capword(m - 1) && gap(text, tokens, m) == 0 && m + 3 > a2 - 2 {
                        m -= 1;
                    }
                    if feats[m].not_name || gap(text, tokens, a2 - 1) > 0 {
                        break;
                    }
                    a2 = m;
                }
                emit(a2, end, true);
                done = true;
            }
        }
        // Suffix: the last designator inside a..b closes the name.
        for (k_suf, org, on) in [(K_ORG_SUFFIX, true, org_on), (K_LOC_SUFFIX, false, loc_on)] {
            if !on || done {
                continue;
            }
            if let Some(k) = (a + 1..b).rev().find(|&k| s.ends[k] & k_suf != 0) {
                // "and" joins two names more often than it sits inside one before a
                // designator ("the Kurdistan Region and Coalition forces"): start after it.
                let a2 = (a..k).rev().find(|&m| tokens[m].text(text) == "and").map_or(a, |m| m + 1);
                // The name part before the designator must hold a capitalized word
                // that is not itself a designator.
                let has_name = (a2..k).any(|m| capword(m) && s.ends[m] & k_suf == 0);
                if has_name {
                    emit(a2, k + 1, org);
                    done = true;
                }
            }
        }
        // Prefix / head: "Ministry of Defence", "Mount Everest", "Coalition to Defeat ISIS".
        for (k_pre, k_head, org, on) in
            [(K_ORG_PREFIX, K_ORG_HEAD, true, org_on), (K_LOC_PREFIX, K_LOC_HEAD, false, loc_on)]
        {
            if !on || done {
                continue;
            }
            let from = s.phrases.partition_point(|p| (p.0 as usize) < a);
            let to = s.phrases.partition_point(|p| (p.0 as usize) <= a);
            for &(_, pe, kinds) in &s.phrases[from..to] {
                let pe = pe as usize;
                let after = if kinds & k_pre != 0 {
                    pe
                } else if kinds & k_head != 0 && pe < n && CONNECTORS.contains(&tokens[pe].text(text)) {
                    pe + 1
                } else {
                    continue;
                };
                if after < b && capword(after) {
                    emit(a, b, org);
                    done = true;
                    break;
                }
            }
        }
        i = b.max(i + 1);
    }
}
