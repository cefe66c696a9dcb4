//! The token vocabulary: a hash table from token keys to token ids, built for the one
//! operation on the hot path, "which id has this token, if any".
//!
//! Every token of every document is looked up here, and most are not names, so a miss
//! must be cheap. A slot holds the key's first eight bytes and its length inline, so a
//! lookup is one hash, one slot read and one compare for keys of up to eight bytes (most
//! words of news text): no pointer to follow, no `memcmp`. Longer keys keep their
//! remaining bytes in one shared buffer, compared only when the first eight bytes and the
//! length agree. Open addressing with linear probing; ids start at 1, 0 marks an empty
//! slot.
//!
//! A key can also be an *alias* of another key's id (the ALL-CAPS spelling of a name
//! token): looking it up gives that id with [`ALIAS`] set.

/// A slot: the key's first eight bytes (little-endian, zero-padded), its length, its id.
#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    len: u32,
    id: u32,
}

/// Set on the id an alias key gives ([`Vocab::insert_alias`]).
pub(crate) const ALIAS: u32 = 1 << 31;

/// Token keys to ids.
#[derive(Clone)]
pub(crate) struct Vocab {
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: slot index is the hash's top bits.
    shift: u32,
    /// Ids given (keys that are no alias).
    len: usize,
    /// Slots in use.
    used: usize,
    /// Alias `k` (slot id `ALIAS | k`): the id it stands for, and where its tail starts.
    aliases: Vec<(u32, u32)>,
    /// Bytes `8..` of the keys longer than eight bytes.
    tails: Vec<u8>,
    /// Where the tail of id `i` starts in `tails` (`tail_at[i]`; unused for short keys).
    tail_at: Vec<u32>,
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let m = u128::from(a) * u128::from(b);
    (m as u64) ^ ((m >> 64) as u64)
}

/// The first eight bytes of `key`, little-endian, zero-padded.
#[inline]
fn head_of(key: &[u8]) -> u64 {
    if key.len() >= 8 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&key[..8]);
        u64::from_le_bytes(b)
    } else {
        let mut b = [0u8; 8];
        b[..key.len()].copy_from_slice(key);
        u64::from_le_bytes(b)
    }
}

/// The first eight bytes of `bytes[start..end]`, as [`head_of`] gives them, read with one
/// load when the text goes on for eight bytes after `start`.
#[inline]
pub(crate) fn head_at(bytes: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    match bytes.get(start..start + 8) {
        Some(w) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            let w = u64::from_le_bytes(b);
            if n >= 8 {
                w
            } else {
                w & ((1u64 << (8 * n)) - 1)
            }
        }
        None => head_of(&bytes[start..end]),
    }
}

#[inline(always)]
fn hash(head: u64, key: &[u8]) -> u64 {
    hash_parts(head, key.len(), key.get(8..).unwrap_or(&[]))
}

/// The hash of a key given as its head, its length and its bytes after the eighth.
#[inline(always)]
fn hash_parts(head: u64, len: usize, tail: &[u8]) -> u64 {
    let mut h = fold_mul(head ^ K, (len as u64) ^ 0x2D35_8DCC_AA6C_78A5);
    for c in tail.chunks(8) {
        h = fold_mul(h ^ head_of(c), K);
    }
    h
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab::with_capacity(0)
    }
}

impl Vocab {
    /// An empty table with room for `n` keys.
    pub(crate) fn with_capacity(n: usize) -> Vocab {
        let cap = (2 * n + 1).next_power_of_two().max(16);
        Vocab {
            slots: vec![Slot::default(); cap],
            shift: 64 - cap.trailing_zeros(),
            len: 0,
            used: 0,
            aliases: Vec::new(),
            tails: Vec::new(),
            tail_at: vec![0],
        }
    }

    /// Whether any key is an alias.
    pub(crate) fn has_aliases(&self) -> bool {
        !self.aliases.is_empty()
    }

    /// Number of ids (keys that are no alias).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The id of `key`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<u32> {
        self.get_with_head(head_of(key), key)
    }

    /// [`Vocab::get`] with the key's head computed by the caller ([`head_at`]).
    #[inline(always)]
    pub(crate) fn get_with_head(&self, head: u64, key: &[u8]) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (hash(head, key) >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s.id == 0 {
                return None;
            }
            if s.head == head && s.len as usize == key.len() && self.tail_eq(s.id, key) {
                if s.id & ALIAS != 0 {
                    return Some(ALIAS | self.aliases[(s.id & !ALIAS) as usize].0);
                }
                return Some(s.id);
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn tail_eq(&self, id: u32, key: &[u8]) -> bool {
        if key.len() <= 8 {
            return true;
        }
        let at = self.tail_start(id);
        self.tails.get(at..at + key.len() - 8) == Some(&key[8..])
    }

    /// Where the tail of the key with slot id `id` starts.
    #[inline]
    fn tail_start(&self, id: u32) -> usize {
        if id & ALIAS != 0 {
            self.aliases[(id & !ALIAS) as usize].1 as usize
        } else {
            self.tail_at[id as usize] as usize
        }
    }

    /// The id of `key`, inserting it with id `len() + 1` if it is new. Keys longer than
    /// `u32::MAX` bytes are refused, and so is a key that is an alias.
    pub(crate) fn insert(&mut self, key: &[u8]) -> Result<u32, String> {
        match self.get(key) {
            Some(id) if id & ALIAS == 0 => return Ok(id),
            Some(_) => return Err("a name token is already an alias".to_string()),
            None => {}
        }
        let id = u32::try_from(self.len + 1).map_err(|_| "too many distinct name tokens".to_string())?;
        if id >= ALIAS {
            return Err("too many distinct name tokens".to_string());
        }
        let at = self.put_new(key, id)?;
        self.tail_at.push(at);
        self.len += 1;
        Ok(id)
    }

    /// Makes each `(key, target)` an alias, as [`Vocab::insert_alias`] does one. They go in
    /// by their places in the table (then by key), so that the table is written from one
    /// end to the other rather than at random: for half a million aliases, most of the
    /// time went in cache misses.
    pub(crate) fn insert_aliases(&mut self, aliases: &[(&[u8], u32)]) -> Result<(), String> {
        let want = (self.used + aliases.len()).saturating_mul(2);
        if want > self.slots.len() {
            self.rehash(want.next_power_of_two());
        }
        let mut order: Vec<(u64, u32)> = aliases
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (hash(head_of(k), k) >> self.shift, i as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| aliases[a.1 as usize].0.cmp(aliases[b.1 as usize].0))
        });
        self.aliases.reserve(aliases.len());
        for (_, i) in order {
            let (k, target) = aliases[i as usize];
            self.insert_alias(k, target)?;
        }
        Ok(())
    }

    /// Makes `key` an alias of id `target`. Refused when `key` is a key of its own or an
    /// alias of another id.
    pub(crate) fn insert_alias(&mut self, key: &[u8], target: u32) -> Result<(), String> {
        match self.get(key) {
            Some(id) if id == ALIAS | target => return Ok(()),
            Some(_) => return Err("an alias key is taken".to_string()),
            None => {}
        }
        let k = u32::try_from(self.aliases.len()).ok().filter(|&k| k < ALIAS);
        let k = k.ok_or_else(|| "too many aliases".to_string())?;
        let at = self.put_new(key, ALIAS | k)?;
        self.aliases.push((target, at));
        Ok(())
    }

    /// Puts a new key with slot id `id`; returns where its tail went.
    fn put_new(&mut self, key: &[u8], id: u32) -> Result<u32, String> {
        let head = head_of(key);
        let len = u32::try_from(key.len()).map_err(|_| "a name token longer than 4 GiB".to_string())?;
        // At most half full: with linear probing a miss (the common case) then looks at
        // about two slots on average; at three quarters full it would be eight.
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = if key.len() > 8 {
            let at = u32::try_from(self.tails.len()).map_err(|_| "name tokens too long".to_string())?;
            self.tails.extend_from_slice(&key[8..]);
            at
        } else {
            0
        };
        self.put(Slot { head, len, id }, hash(head, key));
        self.used += 1;
        Ok(at)
    }

    fn put(&mut self, slot: Slot, h: u64) {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        while self.slots[i].id != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    /// The bytes after the eighth of the key in slot `s`.
    fn tail(&self, s: &Slot) -> &[u8] {
        if s.len <= 8 {
            return &[];
        }
        let at = self.tail_start(s.id);
        &self.tails[at..at + s.len as usize - 8]
    }

    fn grow(&mut self) {
        self.rehash(self.slots.len() * 2);
    }

    fn rehash(&mut self, cap: usize) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![Slot::default(); cap];
        self.shift = 64 - cap.trailing_zeros();
        for s in old.iter().filter(|s| s.id != 0) {
            let h = hash_parts(s.head, s.len as usize, self.tail(s));
            self.put(*s, h);
        }
    }

    /// Calls `f(key, id)` for every key (aliases with the id they stand for, [`ALIAS`]
    /// set).
    pub(crate) fn for_each(&self, mut f: impl FnMut(&[u8], u32)) {
        let mut key = Vec::new();
        for s in self.slots.iter().filter(|s| s.id != 0) {
            key.clear();
            key.extend_from_slice(&s.head.to_le_bytes()[..(s.len as usize).min(8)]);
            key.extend_from_slice(self.tail(s));
            let id = if s.id & ALIAS != 0 { ALIAS | self.aliases[(s.id & !ALIAS) as usize].0 } else { s.id };
            f(&key, id);
        }
    }

    /// Releases spare capacity: the table is made as small as it can be while at most
    /// three quarters full (lookups after building are mostly of keys that are in it,
    /// and those stay short), and the side tables exact.
    pub(crate) fn shrink(&mut self) {
        let cap = (self.used + self.used / 3 + 1).next_power_of_two().max(16);
        if cap < self.slots.len() {
            self.rehash(cap);
        }
        self.tails.shrink_to_fit();
        self.tail_at.shrink_to_fit();
        self.aliases.shrink_to_fit();
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.tails.capacity()
            + 4 * self.tail_at.capacity()
            + 8 * self.aliases.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let keys: Vec<String> = (0..5000)
            .map(|i| if i % 3 == 0 { format!("k{i}") } else { format!("a-long-key-{i}-tail") })
            .collect();
        let mut v = Vocab::default();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(v.insert(k.as_bytes()), Ok(i as u32 + 1));
        }
        assert_eq!(v.insert(keys[10].as_bytes()), Ok(11));
        assert_eq!(v.len(), keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(v.get(k.as_bytes()), Some(i as u32 + 1));
        }
        for miss in ["", "k1", "a-long-key-1-tai", "a-long-key-1-tail!", "k0\0"] {
            assert_eq!(v.get(miss.as_bytes()), None, "{miss:?}");
        }
        v.shrink();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(v.get(k.as_bytes()), Some(i as u32 + 1));
        }
    }

    #[test]
    fn aliases_give_their_target_with_the_flag() {
        let mut v = Vocab::default();
        let a = v.insert(b"Barzani").unwrap();
        let b = v.insert(b"Kurdistan-Region").unwrap();
        v.insert_alias(b"BARZANI", a).unwrap();
        v.insert_alias(b"KURDISTAN-REGION", b).unwrap();
        assert_eq!(v.insert_alias(b"BARZANI", a), Ok(()));
        assert!(v.insert_alias(b"BARZANI", b).is_err());
        assert!(v.insert_alias(b"Barzani", b).is_err());
        assert!(v.insert(b"BARZANI").is_err());
        assert_eq!(v.len(), 2);
        for i in 0..200 {
            v.insert(format!("filler-token-{i}").as_bytes()).unwrap();
        }
        assert_eq!(v.get(b"BARZANI"), Some(ALIAS | a));
        assert_eq!(v.get(b"KURDISTAN-REGION"), Some(ALIAS | b));
        assert_eq!(v.get(b"KURDISTAN-REGIOn"), None);
        v.shrink();
        assert_eq!(v.get(b"BARZANI"), Some(ALIAS | a));
        assert_eq!(v.get(b"KURDISTAN-REGION"), Some(ALIAS | b));
        assert_eq!(v.get(b"Kurdistan-Region"), Some(b));
        let mut seen = 0;
        v.for_each(|k, id| {
            if k == b"KURDISTAN-REGION" {
                assert_eq!(id, ALIAS | b);
                seen += 1;
            }
        });
        assert_eq!(seen, 1);
    }

    #[test]
    fn aliases_in_bulk_as_one_by_one() {
        let mut v = Vocab::default();
        let ids: Vec<u32> =
            (0..300).map(|i| v.insert(format!("token-number-{i}").as_bytes()).unwrap()).collect();
        let keys: Vec<String> = (0..300).map(|i| format!("TOKEN-NUMBER-{i}")).collect();
        let list: Vec<(&[u8], u32)> = keys.iter().zip(&ids).map(|(k, &id)| (k.as_bytes(), id)).collect();
        v.insert_aliases(&list).unwrap();
        for (k, &id) in keys.iter().zip(&ids) {
            assert_eq!(v.get(k.as_bytes()), Some(ALIAS | id));
        }
        assert_eq!(v.len(), 300);
        // A key that is a token already is refused, as by `insert_alias`.
        assert!(v.insert_aliases(&[(b"token-number-7".as_slice(), ids[8])]).is_err());
    }

    #[test]
    fn head_at_matches_head_of() {
        let text = b"Erbil, Kurdistan Region; ab";
        for s in 0..text.len() {
            for e in s..=text.len() {
                assert_eq!(head_at(text, s, e), head_of(&text[s..e]), "{s}..{e}");
            }
        }
    }
}
