//! The hash map of the crate's internal tables: the "Fx" hash of rustc, for keys that are
//! tokens, token ids and entry indices (shared by the matcher, the entry table, the
//! tagger and the rules, so that none of them reaches into another for it).

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

pub(crate) type FxSet<T> = std::collections::HashSet<T, BuildHasherDefault<FxHasher>>;
