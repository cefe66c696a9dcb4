//! Matching: an Aho-Corasick automaton over token codes.
//!
//! Each distinct token of the gazetteer names (after normalization) gets a number, written
//! as a short fixed-width byte code; a name becomes the concatenation of its tokens' codes.
//! A document is tokenized the same way, and each of its tokens is looked up in the
//! vocabulary: a known token becomes its code, a run of unknown tokens one separator code
//! that no name contains. The automaton then runs over these codes.
//!
//! Why codes and not characters:
//! - every match is whole tokens by construction, so "Iran" never matches inside
//!   "Iranian", and a shorter name is never lost because a longer one failed mid-token
//!   (gazetteer "testing" and "testing 123" on "testing 12345" finds "testing");
//! - white space between tokens is not part of the codes, so "Masrour  Barzani",
//!   "Masrour\u{a0}Barzani" and "Masrour\nBarzani" are the same sequence;
//! - the automaton is small (one state per code byte of a name, not per character) and
//!   the scanned haystack is about half the size of the text.
//!
//! Codes are self-synchronizing: the first byte of a code has its high bit set and the
//! others do not, and all codes of a channel have one width, so a match can start and end
//! only at token boundaries.
//!
//! A *channel* is one way of keying tokens (exact, case-folded, accent-folded, both).
//! Names are put in the channel their case and accent options call for; a channel with
//! no names costs nothing at tagging time.

use crate::normalize::KeyKind;
use crate::tokenize::Token;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher for token keys (the "Fx" hash of rustc).
/// Keys come from gazetteers and texts, not from an adversary choosing collisions.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            let (w, rest) = bytes.split_at(8);
            self.add(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
            bytes = rest;
        }
        if bytes.len() >= 4 {
            let (w, rest) = bytes.split_at(4);
            self.add(u64::from(u32::from_le_bytes(w.try_into().unwrap_or([0; 4]))));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The low bits of a product depend only on the low bits of its factors, and the
        // hash table picks buckets by the low bits: rotate the well-mixed high bits down
        // (as rustc-hash 2 does), or short keys crowd into few buckets.
        self.0.rotate_left(26)
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Token id 0 is the separator; names use ids from 1.
const SEPARATOR: u32 = 0;
/// Largest id a 3-byte code can carry with a lead byte below 0x100.
const MAX_ID: u32 = (1 << 21) - 1;

/// A match: tokens `start..end` of the document, and the pattern that matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub start: u32,
    pub end: u32,
    pub channel: u16,
    pub pattern: u32,
}

/// Collects names for one channel while the tagger is built.
pub(crate) struct ChannelBuilder {
    key: KeyKind,
    vocab: FxMap<Box<str>, u32>,
    /// Token-id sequences of the patterns, and the entries each one stands for.
    patterns: FxMap<Vec<u32>, Vec<u32>>,
}

impl ChannelBuilder {
    pub(crate) fn new(key: KeyKind) -> ChannelBuilder {
        ChannelBuilder { key, vocab: FxMap::default(), patterns: FxMap::default() }
    }

    pub(crate) fn key(&self) -> KeyKind {
        self.key
    }

    /// Adds the token sequence `tokens` of `text` as a name of `entry`. Empty sequences
    /// (names that normalize to nothing) are ignored.
    pub(crate) fn add(&mut self, text: &str, tokens: &[Token], entry: u32) -> Result<(), String> {
        if tokens.is_empty() {
            return Ok(());
        }
        let mut buf = String::new();
        let mut ids = Vec::with_capacity(tokens.len());
        for t in tokens {
            let k = self.key.key(t.text(text), &mut buf);
            let next = self.vocab.len() as u32 + 1;
            if next > MAX_ID {
                return Err(format!("more than {MAX_ID} distinct name tokens"));
            }
            let id = *self.vocab.entry(k.into()).or_insert(next);
            ids.push(id);
        }
        let list = self.patterns.entry(ids).or_default();
        if !list.contains(&entry) {
            list.push(entry);
        }
        Ok(())
    }

    pub(crate) fn build(self) -> Result<Channel, String> {
        let n = self.vocab.len() as u32 + 1;
        let width = if n <= 0x7F {
            1
        } else if n <= 0x7F << 7 {
            2
        } else {
            3
        };
        // Deterministic pattern order: sort by the id sequence.
        let mut pats: Vec<(Vec<u32>, Vec<u32>)> = self.patterns.into_iter().collect();
        pats.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut bytes = Vec::with_capacity(pats.len());
        let mut entry_ranges = Vec::with_capacity(pats.len() + 1);
        let mut entries = Vec::new();
        entry_ranges.push(0u32);
        for (ids, es) in pats {
            let mut b = Vec::with_capacity(ids.len() * width);
            for id in ids {
                push_code(&mut b, id, width);
            }
            bytes.push(b);
            entries.extend(es);
            entry_ranges.push(entries.len() as u32);
        }
        let ac = if bytes.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    // Code bytes are dense and uniform: a prefilter finds nothing to skip
                    // and costs a third of the build time.
                    .prefilter(false)
                    .build(&bytes)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(Channel { key: self.key, vocab: self.vocab, width, ac, entry_ranges, entries })
    }
}

#[inline]
fn push_code(out: &mut Vec<u8>, id: u32, width: usize) {
    match width {
        1 => out.push(0x80 | id as u8),
        2 => out.extend_from_slice(&[0x80 | (id >> 7) as u8, (id & 0x7F) as u8]),
        _ => out.extend_from_slice(&[0x80 | (id >> 14) as u8, ((id >> 7) & 0x7F) as u8, (id & 0x7F) as u8]),
    }
}

/// One keyed vocabulary with its automaton.
pub(crate) struct Channel {
    key: KeyKind,
    vocab: FxMap<Box<str>, u32>,
    width: usize,
    ac: Option<AhoCorasick>,
    /// Pattern p stands for `entries[entry_ranges[p]..entry_ranges[p + 1]]`.
    entry_ranges: Vec<u32>,
    entries: Vec<u32>,
}

/// Reusable buffers for one search.
#[derive(Default)]
pub(crate) struct MatchScratch {
    codes: Vec<u8>,
    code_token: Vec<u32>,
    key: String,
}

impl Channel {
    /// The entries pattern `p` stands for.
    #[inline]
    pub(crate) fn entries_of(&self, p: u32) -> &[u32] {
        let p = p as usize;
        &self.entries[self.entry_ranges[p] as usize..self.entry_ranges[p + 1] as usize]
    }

    /// Appends every match of this channel in `tokens` of `text` to `out`.
    pub(crate) fn find(
        &self,
        index: u16,
        text: &str,
        tokens: &[Token],
        s: &mut MatchScratch,
        out: &mut Vec<RawMatch>,
    ) {
        let Some(ac) = &self.ac else { return };
        s.codes.clear();
        s.code_token.clear();
        let mut last_sep = false;
        let mut any = false;
        for (i, t) in tokens.iter().enumerate() {
            let k = self.key.key(t.text(text), &mut s.key);
            match self.vocab.get(k) {
                Some(&id) => {
                    push_code(&mut s.codes, id, self.width);
                    s.code_token.push(i as u32);
                    last_sep = false;
                    any = true;
                }
                None if !last_sep => {
                    push_code(&mut s.codes, SEPARATOR, self.width);
                    s.code_token.push(i as u32);
                    last_sep = true;
                }
                None => {}
            }
        }
        if !any {
            return;
        }
        let w = self.width;
        for m in ac.find_overlapping_iter(&s.codes) {
            let first = s.code_token[m.start() / w];
            let last = s.code_token[m.end() / w - 1];
            out.push(RawMatch { start: first, end: last + 1, channel: index, pattern: m.pattern().as_u32() });
        }
    }

    /// Approximate heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        let vocab: usize = self.vocab.keys().map(|k| k.len() + 16 + 4 + 8).sum();
        vocab
            + self.ac.as_ref().map_or(0, |a| a.memory_usage())
            + 4 * (self.entry_ranges.len() + self.entries.len())
    }
}
