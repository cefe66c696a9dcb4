//! The Aho-Corasick automaton of a channel, over token ids rather than bytes.
//!
//! A channel's names are sequences of token ids (see [`crate::vocab`]), and the matcher
//! feeds the automaton one token at a time. An automaton whose alphabet is the token ids
//! takes one transition a token, where one over the tokens' byte codes took one to four;
//! and it is built in a few passes over the names, with no per-byte transition lists to
//! walk. Its states and transitions are plain vectors of `u32`.
//!
//! The semantics are those of a standard (overlapping) Aho-Corasick automaton: after the
//! tokens fed so far, the state stands for the longest suffix of them that begins some
//! pattern, and its matches are every pattern that is a suffix of them, longest first.
//!
//! ```text
//! patterns: [a b c] (0), [b c] (1), [c] (2)
//! feed a b c: the state of "a b c"; matches 0, 1, 2 (lengths 3, 2, 1)
//! ```

/// The start state. State 0 is never a state, so that a state can be stored where 0
/// means none.
pub(crate) const ROOT: u32 = 1;

/// A token-level Aho-Corasick automaton (see the module docs).
pub(crate) struct TokenAutomaton {
    /// The state after token `id` from the start (0: stay at the start).
    root: Vec<u32>,
    /// The transitions of state `s` (other than the start): `labels[at[s]..at[s + 1]]`,
    /// ascending, leading to `targets[..]` alike.
    at: Vec<u32>,
    labels: Vec<u32>,
    targets: Vec<u32>,
    /// The state of the longest proper suffix that begins a pattern.
    fail: Vec<u32>,
    /// The matches of state `s`: `out[out_at[s].0..][..out_at[s].1]`, longest first.
    out_at: Vec<(u32, u32)>,
    out: Vec<u32>,
    /// Each pattern's length in tokens.
    lens: Vec<u32>,
}

fn too_many() -> String {
    "too many name tokens for the automaton".to_string()
}

/// A trie of token sequences; states are numbered from `ROOT + 1` in order of creation.
struct Trie {
    /// The state after token `id` from the start (0: none).
    root: Vec<u32>,
    /// Each state's own pattern (`u32::MAX`: none; of equal sequences, the first).
    own: Vec<u32>,
    /// The other transitions, (state, token, next state), each state's in ascending order
    /// of token.
    edges: Vec<(u32, u32, u32)>,
}

/// The trie of `patterns`, given as (number, sequence) in ascending order of sequence.
/// Each pattern shares with the one before it exactly their common prefix, so a path of
/// states replaces any look-up.
fn trie<'a>(patterns: impl Iterator<Item = (u32, &'a [u32])>, max_id: u32) -> Result<Trie, String> {
    let mut root = vec![0u32; max_id as usize + 1];
    let mut own: Vec<u32> = vec![u32::MAX, u32::MAX];
    let mut edges = Vec::new();
    let mut path = vec![ROOT];
    let mut prev: &[u32] = &[];
    for (k, p) in patterns {
        let common = prev.iter().zip(p).take_while(|(a, b)| a == b).count();
        path.truncate(common + 1);
        for &id in &p[common..] {
            let parent = path[path.len() - 1];
            let slot = root.get_mut(id as usize).ok_or_else(|| format!("token id {id} out of range"))?;
            let n = u32::try_from(own.len()).ok().filter(|&n| n < 1 << 31).ok_or_else(too_many)?;
            own.push(u32::MAX);
            if parent == ROOT {
                *slot = n;
            } else {
                edges.push((parent, id, n));
            }
            path.push(n);
        }
        let s = path[path.len() - 1];
        if s != ROOT && own[s as usize] == u32::MAX {
            own[s as usize] = k;
        }
        prev = p;
    }
    Ok(Trie { root, own, edges })
}

impl TokenAutomaton {
    /// The automaton of `patterns` (pattern `k` is the `k`-th sequence); `None` when there
    /// are none, or only empty ones. Token ids are at most `max_id`. Equal sequences
    /// should come once: a later copy is left out.
    pub(crate) fn new<'a>(
        patterns: impl Iterator<Item = &'a [u32]> + Clone,
        max_id: u32,
    ) -> Result<Option<TokenAutomaton>, String> {
        let lens: Vec<u32> = patterns.clone().map(|p| p.len() as u32).collect();
        u32::try_from(lens.len()).map_err(|_| too_many())?;
        // The trie is built from the patterns in ascending order: a channel gives them so;
        // others are put in order first (a stable sort, so that of equal ones the first
        // keeps its number).
        let ascending = {
            let mut prev: Option<&[u32]> = None;
            patterns.clone().all(|p| prev.replace(p).map_or(true, |q| q < p))
        };
        let Trie { root, own, edges } = if ascending {
            trie(patterns.enumerate().map(|(k, p)| (k as u32, p)), max_id)?
        } else {
            let list: Vec<&[u32]> = patterns.collect();
            let mut order: Vec<u32> = (0..list.len() as u32).collect();
            order.sort_by(|&a, &b| list[a as usize].cmp(list[b as usize]));
            trie(order.iter().map(|&k| (k, list[k as usize])), max_id)?
        };
        let states = own.len();
        if states <= 2 {
            return Ok(None);
        }
        // The transitions by state (a counting sort); the trie made each state's in
        // ascending order of token.
        let mut at = vec![0u32; states + 1];
        for &(parent, _, _) in &edges {
            at[parent as usize + 1] += 1;
        }
        for s in 1..=states {
            at[s] += at[s - 1];
        }
        let mut fill = at.clone();
        let mut pairs = vec![(0u32, 0u32); edges.len()];
        for &(parent, id, next) in &edges {
            pairs[fill[parent as usize] as usize] = (id, next);
            fill[parent as usize] += 1;
        }
        drop((edges, fill));
        let labels: Vec<u32> = pairs.iter().map(|&(id, _)| id).collect();
        let targets: Vec<u32> = pairs.iter().map(|&(_, t)| t).collect();
        drop(pairs);
        let mut a = TokenAutomaton {
            root,
            at,
            labels,
            targets,
            fail: vec![ROOT; states],
            out_at: vec![(0, 0); states],
            out: Vec::new(),
            lens,
        };
        // Failure links and matches, breadth first: a state's failure state is shallower,
        // so its matches are settled first.
        let mut queue: Vec<u32> = Vec::with_capacity(states);
        let firsts: Vec<u32> = a.root.iter().copied().filter(|&t| t != 0).collect();
        for t in firsts {
            queue.push(t);
            a.settle(t, ROOT, own[t as usize]);
        }
        let mut head = 0;
        while head < queue.len() {
            let s = queue[head];
            head += 1;
            let (from, to) = (a.at[s as usize] as usize, a.at[s as usize + 1] as usize);
            for e in from..to {
                let (id, t) = (a.labels[e], a.targets[e]);
                queue.push(t);
                let f = a.next(a.fail[s as usize], id);
                a.settle(t, f, own[t as usize]);
            }
        }
        a.out.shrink_to_fit();
        Ok(Some(a))
    }

    /// Sets state `t`'s failure state `f` and its matches: its own pattern (if any), then
    /// those of `f`.
    fn settle(&mut self, t: u32, f: u32, own: u32) {
        self.fail[t as usize] = f;
        let inherited = self.out_at[f as usize];
        self.out_at[t as usize] = if own == u32::MAX {
            inherited
        } else {
            let start = self.out.len() as u32;
            self.out.push(own);
            self.out.extend_from_within(inherited.0 as usize..(inherited.0 + inherited.1) as usize);
            (start, inherited.1 + 1)
        };
    }

    /// The state after feeding token `id` in state `s`.
    #[inline]
    pub(crate) fn next(&self, mut s: u32, id: u32) -> u32 {
        loop {
            if s == ROOT {
                return match self.root.get(id as usize) {
                    Some(&t) if t != 0 => t,
                    _ => ROOT,
                };
            }
            let (from, to) = (self.at[s as usize] as usize, self.at[s as usize + 1] as usize);
            let labels = &self.labels[from..to];
            let found = if labels.len() <= 8 {
                labels.iter().position(|&l| l == id)
            } else {
                labels.binary_search(&id).ok()
            };
            if let Some(k) = found {
                return self.targets[from + k];
            }
            s = self.fail[s as usize];
        }
    }

    /// The patterns that end in state `s`, longest first.
    #[inline]
    pub(crate) fn matches(&self, s: u32) -> &[u32] {
        let (start, len) = self.out_at[s as usize];
        &self.out[start as usize..(start + len) as usize]
    }

    /// Pattern `p`'s length in tokens.
    #[inline]
    pub(crate) fn pattern_len(&self, p: u32) -> u32 {
        self.lens[p as usize]
    }

    /// Approximate heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        4 * (self.root.capacity()
            + self.at.capacity()
            + self.labels.capacity()
            + self.targets.capacity()
            + self.fail.capacity()
            + self.out.capacity()
            + self.lens.capacity())
            + 8 * self.out_at.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every (end, pattern) of `patterns` in `text`, found by brute force, by end and then
    /// longest first.
    fn brute(patterns: &[Vec<u32>], text: &[u32]) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for end in 1..=text.len() {
            let mut here: Vec<(usize, u32)> = Vec::new();
            for (k, p) in patterns.iter().enumerate() {
                if p.is_empty() || p.len() > end || patterns[..k].contains(p) {
                    continue;
                }
                if text[end - p.len()..end] == p[..] {
                    here.push((p.len(), k as u32));
                }
            }
            here.sort_by_key(|h| std::cmp::Reverse(h.0));
            out.extend(here.into_iter().map(|(_, k)| (end, k)));
        }
        out
    }

    fn run(a: &TokenAutomaton, text: &[u32]) -> Vec<(usize, u32)> {
        let mut s = ROOT;
        let mut out = Vec::new();
        for (i, &id) in text.iter().enumerate() {
            s = a.next(s, id);
            for &p in a.matches(s) {
                assert!(a.pattern_len(p) as usize <= i + 1);
                out.push((i + 1, p));
            }
        }
        out
    }

    #[test]
    fn suffixes_are_matched_longest_first() {
        let pats: Vec<Vec<u32>> = vec![vec![1, 2, 3], vec![2, 3], vec![3], vec![2, 4]];
        let a = TokenAutomaton::new(pats.iter().map(Vec::as_slice), 10).unwrap().unwrap();
        assert_eq!(run(&a, &[1, 2, 3]), vec![(3, 0), (3, 1), (3, 2)]);
        assert_eq!(run(&a, &[1, 2, 4, 3]), vec![(3, 3), (4, 2)]);
        assert_eq!(run(&a, &[9, 9]), vec![]);
    }

    #[test]
    fn no_patterns_no_automaton() {
        assert!(TokenAutomaton::new(std::iter::empty(), 5).unwrap().is_none());
        let empty: Vec<u32> = Vec::new();
        assert!(TokenAutomaton::new(std::iter::once(empty.as_slice()), 5).unwrap().is_none());
        assert!(TokenAutomaton::new(std::iter::once([7u32].as_slice()), 5).is_err());
    }

    #[test]
    fn wide_states_are_searched() {
        // More than eight transitions out of one state: the binary search.
        let pats: Vec<Vec<u32>> = (1..40).map(|b| vec![50, b]).collect();
        let a = TokenAutomaton::new(pats.iter().map(Vec::as_slice), 60).unwrap().unwrap();
        assert_eq!(run(&a, &[50, 17, 50, 39]), vec![(2, 16), (4, 38)]);
    }

    proptest! {
        #[test]
        fn equals_brute_force_in_ascending_order(
            mut patterns in prop::collection::vec(prop::collection::vec(1u32..5, 0..5), 0..14),
            text in prop::collection::vec(1u32..6, 0..40),
        ) {
            // As a channel gives them: ascending, no two alike (the trie without look-ups).
            patterns.sort();
            patterns.dedup();
            match TokenAutomaton::new(patterns.iter().map(Vec::as_slice), 6).unwrap() {
                Some(a) => prop_assert_eq!(run(&a, &text), brute(&patterns, &text)),
                None => prop_assert!(brute(&patterns, &text).is_empty()),
            }
        }

        #[test]
        fn equals_brute_force(
            patterns in prop::collection::vec(prop::collection::vec(1u32..6, 0..5), 0..12),
            text in prop::collection::vec(1u32..7, 0..40),
        ) {
            match TokenAutomaton::new(patterns.iter().map(Vec::as_slice), 6).unwrap() {
                Some(a) => prop_assert_eq!(run(&a, &text), brute(&patterns, &text)),
                None => prop_assert!(brute(&patterns, &text).is_empty()),
            }
        }
    }
}
