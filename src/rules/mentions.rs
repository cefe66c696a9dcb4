//! Later mentions of a short form the document defines: shared by `acronym` ("KRG" after
//! "Kurdistan Regional Government (KRG)") and `coref` ("Barzani" after "Masrour
//! Barzani").

use super::Context;
use crate::fxhash::FxMap;
use crate::resolve::SpanCands;

/// Gives every mention of a short form in `short` (token text -> candidate) the reading
/// of its candidate, under the running stage's name. A free token becomes a span; a
/// one-token span read otherwise gets the reading first, its old one staying as an
/// alternative, when `weak_only` is false or the span's best priority is under 20.
/// Tokens whose text is in `skip` are left alone (another stage owns them).
pub(super) fn apply(cx: &mut Context<'_>, short: &FxMap<&str, u32>, skip: &FxMap<&str, ()>, weak_only: bool) {
    if short.is_empty() {
        return;
    }
    let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
    let mut spans = std::mem::take(&mut *cx.spans);
    let mut taken = std::mem::take(&mut *cx.taken);
    taken.clear();
    taken.resize(tokens.len(), false);
    for sp in spans.iter() {
        taken[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|t| *t = true);
    }
    let short_upper: FxMap<String, u32> = short.iter().map(|(sf, v)| (sf.to_uppercase(), *v)).collect();
    // The first bytes of the short forms: most tokens start with none, and need no look-up.
    let mut first = [false; 256];
    for w in short.keys().copied().chain(short_upper.keys().map(String::as_str)) {
        if let Some(&b) = w.as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    let mut added = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        if !first[usize::from(w.as_bytes()[0])] {
            continue;
        }
        let hit = short.get(w).copied().or_else(|| {
            // A name in a line of capitals: "BARZANI" for "Barzani".
            if s.feats[k].upper && s.feats[k].caps_line && !skip.contains_key(w) {
                short_upper.get(w).copied()
            } else {
                None
            }
        });
        let Some(c) = hit else { continue };
        if !taken[k] {
            let d = cx.derive(c, None);
            let p = cx.entry(d).priority;
            added.push(SpanCands {
                start_tok: k as u32,
                end_tok: k as u32 + 1,
                start: t.start,
                end: t.end,
                best_priority: p,
                cands: vec![d],
            });
            taken[k] = true;
            continue;
        }
        // A one-word mention read otherwise by a gazetteer entry ("Bell" the company,
        // "Jordan" the country after "Michael Jordan") takes the document's reading when
        // the document named the person in full; an acronym only overrides weak entries.
        // The old reading stays as an alternative.
        let at = spans.partition_point(|sp| (sp.start_tok as usize, sp.end_tok as usize) < (k, k + 1));
        if let Some(sp) =
            spans.get_mut(at).filter(|sp| sp.start_tok as usize == k && sp.end_tok as usize == k + 1)
        {
            let differ = cx.entry(sp.cands[0]).label != cx.entry(c).label;
            if differ && (!weak_only || sp.best_priority < 20) {
                let d = cx.derive(c, None);
                sp.cands.insert(0, d);
                sp.best_priority = cx.entry(d).priority;
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| (s.start, s.end));
    }
    *cx.spans = spans;
    *cx.taken = taken;
}
