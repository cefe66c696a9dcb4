//! Part of `coref`: once "Korvath Mining Holdings" is read as an organization, a later (or
//! earlier) "Korvath Mining" or "Korvath" standing alone is the same organization, with
//! its id. The leading words of a name make its short forms when they are capitalized
//! words; a one-word short form must be no given name, surname or designator, so that
//! "Bank" of "Bank of Korvath" or "Morgan" of "Morgan Stanley" stay alone, and one that is
//! a common English word ("Harvest" of "Harvest Party") counts only inside a sentence.
//! The last word of a name of capitalized words is a short form too, inside a sentence,
//! when it is no designator, given name or surname: "Astros" of "Houston Astros", "Sachs"
//! of "Goldman Sachs", "Brenmoor" of "Korvath Brenmoor Ltd".

use super::facts::gap;
use super::lexicon::{K_LOC_SUFFIX, K_ORG_HEAD, K_ORG_PREFIX, K_ORG_SUFFIX};
use super::Context;
use crate::fxhash::FxMap;
use crate::label::Label;
use crate::resolve::SpanCands;
use crate::tokenize::TokenKind;

/// At most this many words in a short form.
const MAX_WORDS: usize = 4;

/// Gives the runs of capitalized words that repeat the leading words of an organization
/// found in the document that organization's reading (see the module docs).
pub(super) fn org_mentions(cx: &mut Context<'_>) {
    let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
    let feats = &s.feats;
    let n = tokens.len();
    let designator = K_ORG_SUFFIX | K_ORG_PREFIX | K_ORG_HEAD | K_LOC_SUFFIX;
    let capword = |k: usize| {
        let f = &feats[k];
        tokens[k].kind == TokenKind::Word && (f.cap || f.upper) && !f.caps_line && !f.not_name
    };
    // Whether token `k` goes on the run of token `k - 1`: the same line, white space
    // between (no hyphen or apostrophe joins them).
    let joined = |k: usize| gap(text, tokens, k) == 0 && tokens[k - 1].end < tokens[k].start;
    // The short forms: the words, one space apart -> the organization's candidate.
    // A one-word form that is a common word ("Labor" of "Labor Party") is weak: a mention
    // only where capitals say something, inside a sentence.
    let mut forms: FxMap<String, (u32, bool)> = FxMap::default();
    for sp in cx.spans.iter() {
        let c = sp.cands[0];
        if *cx.entry(c).label != Label::Org {
            continue;
        }
        let (a, b) = (sp.start_tok as usize, sp.end_tok as usize);
        let mut key = String::new();
        for k in a..b.min(a + MAX_WORDS) {
            if !capword(k) || (k > a && !joined(k)) || (k == a && s.ends[k] & designator != 0) {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(tokens[k].text(text));
            let f = &feats[k];
            let one_word_ok =
                !(f.given || f.given_ambiguous || f.surname) && tokens[k].text(text).chars().count() >= 3;
            if (k > a || one_word_ok) && s.ends[k] & designator == 0 {
                forms.entry(key.clone()).or_insert((c, k == a && f.common));
            }
        }
        // The last word of a name of two or more, when it is a name of its own: "Astros"
        // of "Houston Astros", "Sachs" of "Goldman Sachs"; weak like a common word.
        // (before the designators that end it: "Brenmoor" of "Korvath Brenmoor Ltd")
        let mut last = b - 1;
        while last > a && s.ends[last] & designator != 0 && capword(last) {
            last -= 1;
        }
        if last > a
            && (a..=last).all(|k| capword(k) && (k == a || joined(k)))
            && s.ends[last] & designator == 0
            && s.starts[last] & designator == 0
            && !(feats[last].given || feats[last].given_ambiguous || feats[last].surname)
            && tokens[last].text(text).chars().count() >= 4
        {
            forms.entry(tokens[last].text(text).to_string()).or_insert((c, true));
        }
    }
    if forms.is_empty() {
        return;
    }
    // The first words of the forms: most runs of capitals start with none of them and are
    // passed over without building their key.
    let firsts: FxMap<&str, ()> = forms.keys().map(|f| (f.split(' ').next().unwrap_or(f), ())).collect();
    let mut spans = std::mem::take(&mut *cx.spans);
    let mut covered = vec![false; n];
    for sp in spans.iter() {
        covered[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    let mut key = String::new();
    let mut k = 0;
    while k < n {
        if !capword(k) || (k > 0 && capword(k - 1) && joined(k)) {
            k += 1;
            continue;
        }
        // A run of capitalized words, whole: "Korvath" in "Korvath Drilling" is no mention.
        let mut e = k + 1;
        while e < n && capword(e) && joined(e) {
            e += 1;
        }
        if e - k > MAX_WORDS || !firsts.contains_key(tokens[k].text(text)) {
            k = e;
            continue;
        }
        key.clear();
        for (m, t) in tokens[k..e].iter().enumerate() {
            if m > 0 {
                key.push(' ');
            }
            key.push_str(t.text(text));
        }
        if let Some(&(c, _)) = forms.get(key.as_str()).filter(|f| !f.1 || !feats[k].sent_start) {
            if (k..e).all(|m| !covered[m]) {
                let d = cx.derive(c, None);
                let (start, end) = (tokens[k].start, tokens[e - 1].end);
                let p = cx.entry(d).priority;
                added.push(SpanCands {
                    start_tok: k as u32,
                    end_tok: e as u32,
                    start,
                    end,
                    best_priority: p,
                    cands: vec![d],
                });
                covered[k..e].iter_mut().for_each(|t| *t = true);
            } else {
                // A name the `name-shape` guess made a person ("Korvath Mining" of
                // "Korvath Mining Ltd") is the organization.
                let at = spans.partition_point(|sp| (sp.start_tok as usize, sp.end_tok as usize) < (k, e));
                if let Some(sp) = spans.get_mut(at).filter(|sp| {
                    sp.start_tok as usize == k && sp.end_tok as usize == e && sp.best_priority < 0
                }) {
                    if *cx.entry(sp.cands[0]).label == Label::Per {
                        let d = cx.derive(c, None);
                        sp.cands.insert(0, d);
                        sp.best_priority = cx.entry(d).priority;
                    }
                }
            }
        }
        k = e;
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| (s.start, s.end));
    }
    *cx.spans = spans;
}
