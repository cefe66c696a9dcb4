//! Resolution: from raw matches to one reading per span and, by default, no overlaps.
//!
//! 1. Matches of the same token range are merged into one span whose candidates are all
//!    the entries that claim it, best first: higher priority, then the entry loaded first.
//! 2. With [`Overlap::Resolve`] (the default), spans are taken greedily: the longest (in
//!    bytes of the original text) first, then the one with the higher priority, then the
//!    one that starts first, then the one whose entry was loaded first; a span that shares
//!    a token with one already taken is dropped. With [`Overlap::All`] every span is kept.
//! 3. The result is sorted by start, then end.

use crate::matcher::RawMatch;
use crate::tokenize::Token;
use serde::{Deserialize, Serialize};

/// What to do with spans that overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overlap {
    /// Keep a non-overlapping set: longest first, then priority, then leftmost, then the
    /// entry loaded first.
    #[default]
    Resolve,
    /// Keep every candidate span, overlapping or not, for callers who resolve themselves.
    All,
}

/// A span of tokens with its candidate entries (indices into the tagger's entries),
/// best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SpanCands {
    pub start_tok: u32,
    pub end_tok: u32,
    pub start: usize,
    pub end: usize,
    pub best_priority: i32,
    pub cands: Vec<u32>,
}

/// Groups raw matches by token range. `entries_of` appends a match's entries to a vector
/// and `priority` gives an entry's priority. Entries before `caller_until` (the caller's
/// own gazetteers) rank above the others (the bundled data) whatever their priority.
pub(crate) fn group(
    raw: &mut [RawMatch],
    tokens: &[Token],
    entries_of: impl Fn(&RawMatch, &mut Vec<u32>),
    priority: impl Fn(u32) -> i32,
    caller_until: u32,
    out: &mut Vec<SpanCands>,
) {
    raw.sort_unstable_by_key(|m| (m.start, m.end));
    let mut i = 0;
    while i < raw.len() {
        let (s, e) = (raw[i].start, raw[i].end);
        let mut cands: Vec<u32> = Vec::new();
        while i < raw.len() && raw[i].start == s && raw[i].end == e {
            entries_of(&raw[i], &mut cands);
            i += 1;
        }
        if cands.is_empty() {
            // Only entries that do not accept this spelling (capitals) claimed the span.
            continue;
        }
        cands.sort_unstable_by_key(|&c| (c >= caller_until, std::cmp::Reverse(priority(c)), c));
        cands.dedup();
        let best_priority = priority(cands[0]);
        out.push(SpanCands {
            start_tok: s,
            end_tok: e,
            start: tokens[s as usize].start,
            end: tokens[e as usize - 1].end,
            best_priority,
            cands,
        });
    }
}

/// Keeps a non-overlapping subset of `spans` (see the module docs), sorted by start.
pub(crate) fn resolve(spans: &mut Vec<SpanCands>, n_tokens: usize, taken: &mut Vec<bool>) {
    spans.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.best_priority.cmp(&a.best_priority))
            .then(a.start.cmp(&b.start))
            .then(a.cands[0].cmp(&b.cands[0]))
    });
    taken.clear();
    taken.resize(n_tokens, false);
    spans.retain(|s| {
        let r = s.start_tok as usize..s.end_tok as usize;
        if taken[r.clone()].iter().any(|&t| t) {
            return false;
        }
        taken[r].iter_mut().for_each(|t| *t = true);
        true
    });
    spans.sort_by_key(|s| (s.start, s.end));
}
