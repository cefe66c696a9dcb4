//! `common-word`: a one-word gazetteer match that is also a common English word ("May",
//! "Bell", "Reading") is dropped at the start of a sentence or in a line of capitals,
//! where capitals prove nothing, unless its entry is a major one (priority 20 and above)
//! or the document supports it elsewhere: uses it alone, capitalized, mid-sentence. An
//! organization that the next word shows acting as one ("Apple said", "Shell shares") is
//! kept.

use super::facts::gap;
use super::{Context, Phase, Stage};
use crate::fxhash::FxMap;
use crate::label::Label;
use crate::resolve::SpanCands;

/// The `common-word` rule: a filter of the dictionary's candidates.
pub(super) struct CommonWord;

impl Stage for CommonWord {
    fn name(&self) -> &str {
        "common-word"
    }

    fn phase(&self) -> Phase {
        Phase::Candidates
    }

    fn run(&self, cx: &mut Context<'_>) {
        let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
        let entries = cx.entries;
        let n_entries = entries.len();
        let acting_org = |sp: &SpanCands| {
            let b = sp.end_tok as usize;
            sp.cands.iter().any(|&c| *entries.label(c) == Label::Org)
                && tokens.get(b).is_some_and(|t| ORG_VERBS.contains(&t.text(text)))
                && gap(text, tokens, b) == 0
        };
        let spans = &mut *cx.spans;
        // A word the document also uses alone, capitalized, mid-sentence is supported: a
        // name there (not a part of a longer name, "May" in "Theresa May").
        let mut in_longer = vec![false; tokens.len()];
        for sp in spans.iter().filter(|sp| sp.end_tok > sp.start_tok + 1) {
            in_longer[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|x| *x = true);
        }
        let needs = |sp: &SpanCands| {
            let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
            let f = &s.feats[a];
            b == a + 1
                && sp.cands.iter().all(|&c| (c as usize) < n_entries)
                && f.common
                && (f.sent_start || f.caps_line)
                && sp.best_priority < 20
                && !(f.sent_start && !f.caps_line && acting_org(sp))
        };
        let mut support: FxMap<&str, bool> = spans
            .iter()
            .filter(|sp| needs(sp))
            .map(|sp| (tokens[sp.start_tok as usize].text(text), false))
            .collect();
        if support.is_empty() {
            return;
        }
        for (k, t) in tokens.iter().enumerate() {
            if !s.feats[k].sent_start && !s.feats[k].caps_line && !in_longer[k] {
                if let Some(v) = support.get_mut(t.text(text)) {
                    *v = true;
                }
            }
        }
        spans.retain(|sp| {
            !needs(sp) || support.get(tokens[sp.start_tok as usize].text(text)).copied().unwrap_or(true)
        });
    }
}

/// Words after a company's name that show it acting as one: it speaks, its shares move,
/// it reports, buys and sells. A sentence-initial name that is also a common word ("Apple",
/// "Shell") followed by one of them is kept as the organization.
const ORG_VERBS: &[&str] = &[
    "said",
    "says",
    "shares",
    "stock",
    "reported",
    "reports",
    "posted",
    "posts",
    "announced",
    "announces",
    "rose",
    "fell",
    "jumped",
    "slumped",
    "gained",
    "slid",
    "dropped",
    "climbed",
    "surged",
    "declined",
    "tumbled",
    "plunged",
    "agreed",
    "acquired",
    "bought",
    "sold",
    "launched",
    "unveiled",
    "raised",
    "cut",
    "hired",
    "plans",
    "expects",
    "warned",
    "Inc",
    "Corp",
    "Ltd",
    "plc",
    "PLC",
];
