//! Matching: patterns started at the tokens the index names, each run as a small NFA for
//! its longest match, and the greedy choice of spaCy's EntityRuler made lazily.
//!
//! spaCy collects every match, sorts them longest first (then earliest) and keeps each one
//! that overlaps none kept before. Collecting every match can cost quadratic time and
//! memory (`[{"OP": "+"}]` matches every span), so this module makes the same choice from
//! one candidate per pattern and start: the longest end. A candidate that overlaps a kept
//! span is replaced by the longest end of its pattern and start that stops before the first
//! token taken. Since taken tokens only grow, every end skipped this way would have been
//! rejected in its turn, and the result equals spaCy's sort-and-filter (the property test
//! in this module compares the two).

use super::attrs::{class_of, TokenAttrs};
use super::compile::{DocView, Quant, Starts, Step};
use super::{EntityTokens, Pattern, PatternMatch, PatternSet};
use crate::tokenize::Token;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// The most tokens a match may span. spaCy has no such bound; it keeps a pattern such as
/// `[{"OP": "+"}]` from costing time quadratic in the document's length.
pub const MAX_MATCH_TOKENS: usize = 256;

/// Reusable buffers for [`PatternSet::find_with`]; one per thread.
#[derive(Default)]
pub struct PatternScratch {
    attrs: TokenAttrs,
    cur: Vec<bool>,
    next: Vec<bool>,
    taken: Vec<bool>,
    /// For each token, the first token at or after it that no match may cover.
    stop: Vec<u32>,
    heap: BinaryHeap<Cand>,
}

/// A candidate match: pattern `pattern` from token `start` to `end`, ranked as spaCy
/// ranks matches (longest, then earliest), with the pattern's priority before the start
/// and the pattern loaded first last.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Cand {
    start: u32,
    end: u32,
    pattern: u32,
    priority: i32,
}

impl Cand {
    fn key(&self) -> (u32, i32, Reverse<u32>, Reverse<u32>) {
        (self.end - self.start, self.priority, Reverse(self.start), Reverse(self.pattern))
    }
}

impl Ord for Cand {
    fn cmp(&self, other: &Cand) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Cand {
    fn partial_cmp(&self, other: &Cand) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PatternSet {
    /// Finds the matches of the patterns in `tokens` (the tokens of `text`), chosen as
    /// spaCy's EntityRuler chooses them: longest first, then the higher priority, then the
    /// earliest, none overlapping another. `ents` are the entities found before (by the
    /// gazetteers or rules), for `ENT_TYPE`; when `avoid_ents` is set, a match that
    /// touches a token of one of them is dropped (spaCy's `overwrite_ents = false`).
    ///
    /// The matches are appended to `out` in text order.
    pub fn find_with(
        &self,
        text: &str,
        tokens: &[Token],
        ents: &[EntityTokens<'_>],
        avoid_ents: bool,
        s: &mut PatternScratch,
        out: &mut Vec<PatternMatch>,
    ) {
        let n = tokens.len();
        if self.patterns.is_empty() || n == 0 {
            return;
        }
        let doc = DocView { text, tokens, ents };
        s.attrs.reset(n);
        for (k, e) in ents.iter().enumerate().rev() {
            // The first entity in `ents` that covers a token gives its ENT_TYPE.
            for t in e.start.min(n)..e.end.min(n) {
                s.attrs.ent[t] = k as u32;
            }
        }
        s.taken.clear();
        s.taken.resize(n, false);
        if avoid_ents {
            for (t, e) in s.attrs.ent.iter().enumerate() {
                s.taken[t] = *e != u32::MAX;
            }
        }
        s.stop.clear();
        s.stop.resize(n + 1, n as u32);
        for t in (0..n).rev() {
            s.stop[t] = if s.taken[t] { t as u32 } else { s.stop[t + 1] };
        }
        s.heap.clear();
        let index = &self.index;
        // Most news is ASCII: then no token needs testing for it.
        let (bytes, ascii) = (text.as_bytes(), text.is_ascii());
        for (i, t) in tokens.iter().enumerate() {
            if s.taken[i] {
                continue;
            }
            // Patterns that start with a literal, or whose second token is one, by this
            // token's text: one look-up each for `ORTH` and `LOWER`.
            if index.filter.may_hold(&bytes[t.start..t.end], ascii) {
                let w = t.text(text);
                if let Some(st) = index.orth.get(w) {
                    self.start_literal(&doc, s, st, i);
                }
                if !index.lower.is_empty() {
                    if let Some(st) = index.lower.get(s.attrs.lower(w, i)) {
                        self.start_literal(&doc, s, st, i);
                    }
                }
            }
            if !index.by_class_any {
                continue;
            }
            let class = class_of(t, t.text(text), s.attrs.ent[i] != u32::MAX);
            let limit = s.stop[i] as usize;
            for &p in &index.by_class[class] {
                self.push_longest(&doc, s, p, i, limit);
            }
            for &g in &index.groups_by_class[class] {
                let group = &index.groups[g as usize];
                if self.group_holds(&doc, s, g, i) {
                    for &p in &group.patterns {
                        self.push_longest(&doc, s, p, i, limit);
                    }
                }
            }
        }
        let mark = out.len();
        while let Some(c) = s.heap.pop() {
            let (a, b) = (c.start as usize, c.end as usize);
            match s.taken[a..b].iter().position(|&x| x) {
                None => {
                    s.taken[a..b].iter_mut().for_each(|x| *x = true);
                    out.push(self.found(c));
                }
                Some(0) => {}
                Some(k) => self.push_longest(&doc, s, c.pattern, a, a + k),
            }
        }
        out[mark..].sort_unstable_by_key(|m| (m.start, m.end));
    }

    /// Finds the matches of the patterns in `tokens` (the tokens of `text`); see
    /// [`PatternSet::find_with`], here with `avoid_ents` off and buffers of its own.
    pub fn find(&self, text: &str, tokens: &[Token], ents: &[EntityTokens<'_>]) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        self.find_with(text, tokens, ents, false, &mut PatternScratch::default(), &mut out);
        out
    }

    fn found(&self, c: Cand) -> PatternMatch {
        let p = &self.patterns[c.pattern as usize];
        PatternMatch {
            start: c.start as usize,
            end: c.end as usize,
            pattern: c.pattern as usize,
            label: p.label.clone(),
            id: p.id.clone(),
            priority: p.priority,
        }
    }

    /// Starts the patterns that token `i`'s text starts: those whose first token it is,
    /// at `i`, and those whose second token it is, at `i - 1` where their group's spec
    /// holds.
    fn start_literal(&self, doc: &DocView<'_>, s: &mut PatternScratch, st: &Starts, i: usize) {
        for &p in &st.first {
            self.push_longest(doc, s, p, i, s.stop[i] as usize);
        }
        if st.second.is_empty() || i == 0 {
            return;
        }
        let a = i - 1;
        // Both tokens free for a match from `a` (the stop of `a` is past `i`).
        if s.stop[a] as usize <= i {
            return;
        }
        let (w, in_ent) = (doc.tokens[a].text(doc.text), s.attrs.ent[a] != u32::MAX);
        let class = class_of(&doc.tokens[a], w, in_ent);
        let mut last: Option<(u32, bool)> = None;
        for &(g, p) in &st.second {
            let holds = match last {
                Some((lg, h)) if lg == g => h,
                _ => {
                    let h = self.index.groups[g as usize].classes & (1 << class) != 0
                        && self.group_holds(doc, s, g, a);
                    last = Some((g, h));
                    h
                }
            };
            if holds {
                self.push_longest(doc, s, p, a, s.stop[a] as usize);
            }
        }
    }

    /// Whether the spec of group `g` holds at token `i`.
    fn group_holds(&self, doc: &DocView<'_>, s: &mut PatternScratch, g: u32, i: usize) -> bool {
        let (p0, spec) = self.index.groups[g as usize].spec;
        self.patterns[p0 as usize].specs[spec as usize].matches(doc, &mut s.attrs, i)
    }

    /// Queues the longest match of pattern `p` from token `start` that ends at `limit` at
    /// the latest.
    fn push_longest(&self, doc: &DocView<'_>, s: &mut PatternScratch, p: u32, start: usize, limit: usize) {
        let pat = &self.patterns[p as usize];
        let limit = limit.min(start + MAX_MATCH_TOKENS);
        if let Some(end) = longest(pat, doc, s, start, limit) {
            s.heap.push(Cand { start: start as u32, end: end as u32, pattern: p, priority: pat.priority });
        }
    }
}

/// The end of the longest non-empty match of `pat` from token `start` that ends at `limit`
/// at the latest: the pattern's steps run as an NFA, one set of live steps per token, so
/// the cost is (tokens × steps), never exponential.
fn longest(
    pat: &Pattern,
    doc: &DocView<'_>,
    s: &mut PatternScratch,
    start: usize,
    limit: usize,
) -> Option<usize> {
    let k = pat.steps.len();
    let PatternScratch { attrs, cur, next, .. } = s;
    cur.clear();
    cur.resize(k + 1, false);
    cur[0] = true;
    close(&pat.steps, cur);
    let mut best = None;
    let mut pos = start;
    while pos < limit {
        next.clear();
        next.resize(k + 1, false);
        let mut live = false;
        // A spec tested once per token even when several steps share it (`+`, `{n,m}`).
        let mut memo: [Option<(u32, bool)>; 2] = [None; 2];
        for (j, step) in pat.steps.iter().enumerate() {
            if !cur[j] {
                continue;
            }
            let hit = match memo.iter().flatten().find(|(sp, _)| *sp == step.spec) {
                Some(&(_, h)) => h,
                None => {
                    let h = pat.specs[step.spec as usize].matches(doc, attrs, pos);
                    memo = [Some((step.spec, h)), memo[0]];
                    h
                }
            };
            let go = match step.quant {
                Quant::Not => !hit,
                _ => hit,
            };
            if go {
                live = true;
                match step.quant {
                    Quant::Star => next[j] = true,
                    _ => next[j + 1] = true,
                }
            }
        }
        if !live {
            break;
        }
        close(&pat.steps, next);
        pos += 1;
        if next[k] {
            best = Some(pos);
        }
        std::mem::swap(cur, next);
    }
    best
}

/// Adds to `set` the steps reached by skipping optional steps.
fn close(steps: &[Step], set: &mut [bool]) {
    for (j, st) in steps.iter().enumerate() {
        if set[j] && matches!(st.quant, Quant::Opt | Quant::Star) {
            set[j + 1] = true;
        }
    }
}

#[cfg(test)]
pub(crate) mod brute {
    //! The reference: every match of every pattern by trying every start and every way to
    //! expand the operators, then spaCy's sort and filter.

    use super::*;

    /// Every `(start, end)` of a non-empty match of `pat` (at most `MAX_MATCH_TOKENS`
    /// long).
    pub(crate) fn all_matches(
        pat: &Pattern,
        doc: &DocView<'_>,
        attrs: &mut TokenAttrs,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for start in 0..doc.tokens.len() {
            expand(pat, doc, attrs, 0, start, start, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn expand(
        pat: &Pattern,
        doc: &DocView<'_>,
        attrs: &mut TokenAttrs,
        step: usize,
        start: usize,
        pos: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        if pos - start > MAX_MATCH_TOKENS {
            return;
        }
        let Some(st) = pat.steps.get(step) else {
            if pos > start {
                out.push((start, pos));
            }
            return;
        };
        let hit = pos < doc.tokens.len() && pat.specs[st.spec as usize].matches(doc, attrs, pos);
        match st.quant {
            Quant::One if hit => expand(pat, doc, attrs, step + 1, start, pos + 1, out),
            Quant::Not if pos < doc.tokens.len() && !hit => {
                expand(pat, doc, attrs, step + 1, start, pos + 1, out)
            }
            Quant::Opt => {
                expand(pat, doc, attrs, step + 1, start, pos, out);
                if hit {
                    expand(pat, doc, attrs, step + 1, start, pos + 1, out);
                }
            }
            Quant::Star => {
                expand(pat, doc, attrs, step + 1, start, pos, out);
                if hit {
                    expand(pat, doc, attrs, step, start, pos + 1, out);
                }
            }
            _ => {}
        }
    }

    /// spaCy's choice over all matches: sorted longest first (then higher priority, then
    /// earliest, then the pattern loaded first), each kept unless it touches a token taken.
    pub(crate) fn select(
        set: &PatternSet,
        text: &str,
        tokens: &[Token],
        ents: &[EntityTokens<'_>],
        avoid_ents: bool,
    ) -> Vec<(usize, usize, usize)> {
        let doc = DocView { text, tokens, ents };
        let mut attrs = TokenAttrs::default();
        attrs.reset(tokens.len());
        for (k, e) in ents.iter().enumerate().rev() {
            for t in e.start.min(tokens.len())..e.end.min(tokens.len()) {
                attrs.ent[t] = k as u32;
            }
        }
        let mut all = Vec::new();
        for (p, pat) in set.patterns.iter().enumerate() {
            for (a, b) in all_matches(pat, &doc, &mut attrs) {
                all.push(Cand { start: a as u32, end: b as u32, pattern: p as u32, priority: pat.priority });
            }
        }
        all.sort_unstable_by(|x, y| y.cmp(x));
        let mut taken: Vec<bool> = attrs.ent.iter().map(|e| avoid_ents && *e != u32::MAX).collect();
        let mut out = Vec::new();
        for c in all {
            let (a, b) = (c.start as usize, c.end as usize);
            if taken[a..b].iter().all(|x| !x) {
                taken[a..b].iter_mut().for_each(|x| *x = true);
                out.push((a, b, c.pattern as usize));
            }
        }
        out.sort_unstable();
        out
    }
}
