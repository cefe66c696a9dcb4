//! Matching: an Aho-Corasick automaton over token ids.
//!
//! Each distinct token of the gazetteer names (after normalization) gets a number, an id;
//! a name becomes the sequence of its tokens' ids, and the automaton
//! ([`TokenAutomaton`]) is built over these. A document is tokenized the same way, and its
//! tokens are looked up in the vocabulary ([`Vocab`]) and fed to the automaton one id at a
//! time: a known token moves it on, an unknown one sends it back to its start state (no
//! name holds that token).
//!
//! Why token ids and not characters:
//! - every match is whole tokens by construction, so "Iran" never matches inside
//!   "Iranian", and a shorter name is never lost because a longer one failed mid-token
//!   (gazetteer "testing" and "testing 123" on "testing 12345" finds "testing");
//! - white space between tokens is not part of the names, so "Masrour  Barzani",
//!   "Masrour\u{a0}Barzani" and "Masrour\nBarzani" are the same sequence;
//! - the automaton is small (one state per token of a name, not per character), takes one
//!   step a token, and the scanned haystack is a fraction of the text.
//!
//! Most of a text cannot begin a name, and the tagger need not even tokenize it: a
//! [`StartFilter`] on the first tokens of the names rejects most stretches of text from
//! their first bytes (see [`find_all`]). Only the rest is tokenized and looked up. Three
//! more filters of the same kind keep lookups away from the vocabulary table, which for a
//! large gazetteer lies mostly outside the processor's caches:
//! - a word that is a stretch of its own begins a name only if the [`PairFilter`] holds
//!   it with the next token ("the" begins the GeoNames name "the ma", not "the
//!   government"), or with a mark for a name of one token;
//! - a token after one that began a name is looked up only if a filter on the whole
//!   vocabulary holds it (`Channel::known`);
//! - a per-thread cache keeps the last lookups of short tokens, and for a token that
//!   begins a name, the automaton's state after it.
//!
//! A *channel* is one way of keying tokens (exact, case-folded, accent-folded, both).
//! Names are put in the channel their case and accent options call for; a channel with
//! no names costs nothing at tagging time.

use crate::automaton::{TokenAutomaton, ROOT};
use crate::fxhash::FxMap;
use crate::normalize::KeyKind;
use crate::tokenize::{
    below, in_range, is_space_byte, is_word_byte, non_word_mask, run_end, skip_space, space_mask,
    tokenize_run, word_masks, Token, TokenKind, HIGH_BITS,
};
use crate::vocab::{head_at, Vocab, ALIAS};

// Token ids start at 1 (the vocabulary marks empty slots with 0).

/// Largest token id: the automaton's start state keeps a table of four bytes an id.
const MAX_ID: u32 = 4_694_047;

/// A match: tokens `start..end` of the document, and the pattern that matched; `upper`
/// when the text spelled some of it in capitals (through alias keys), which only the
/// entries that accept the capitalized spelling accept, and `lower` when it spelled some
/// of it in a way capitals would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub start: u32,
    pub end: u32,
    pub channel: u16,
    pub pattern: u32,
    pub upper: bool,
    pub lower: bool,
}

/// Set on an entry of a pattern when the pattern's own spelling is a name of the entry.
const EXACT_OK: u32 = 1 << 31;
/// Set on an entry of a pattern when the pattern spelled in capitals is a name of the
/// entry.
const CAPS_OK: u32 = 1 << 30;
const FLAGS: u32 = EXACT_OK | CAPS_OK;

/// Collects names for one channel while the tagger is built.
///
/// A name that also matches in capitals (case mode [`crate::CaseMode::Upper`]) does not
/// get a second pattern: the capitalized keys of its tokens become aliases of the tokens'
/// ids ("BARZANI" of "Barzani"), so text in capitals follows the same pattern. A match
/// knows whether the text spelled any token in capitals through an alias, and whether it
/// spelled any as a name token that capitals would change ("Barzani"); an entry takes
/// the match only in a spelling it allows, and no entry takes "Masrour BARZANI".
///
/// A capitalized key that is already a token of its own ("US" beside "Us"), or that
/// would alias two tokens, cannot be an alias; a name that needs one gets its
/// capitalized form as a second pattern, which its entry takes in capitals only.
pub(crate) struct ChannelBuilder {
    key: KeyKind,
    vocab: Vocab,
    /// The token ids of all names, one after another.
    seqs: Vec<u32>,
    /// A name: where its ids start in `seqs`, how many there are, and its entry (with
    /// `EXACT_OK` and `CAPS_OK` as its spellings allow).
    names: Vec<(u32, u32, u32)>,
    /// The capitalized forms wanted: a name (index into `names`), where its keys start in
    /// `upper_ends`, and how many there are; `PER_TOKEN` instead of the count for an
    /// ASCII name, whose capitalized keys are those of its tokens (`upper_tokens`).
    uppers: Vec<(u32, u32, u32)>,
    /// The keys of the capitalized forms of non-ASCII names, one after another, and where
    /// each ends.
    upper_keys: String,
    upper_ends: Vec<u32>,
    /// The tokens of ASCII names wanted in capitals, one bit an id: ASCII capitals change
    /// no token boundary, so the capitalized key of such a token is one per token, not
    /// one per name it is in (a million names share far fewer tokens).
    upper_tokens: Vec<u64>,
    buf: String,
}

/// The capitalized key of an ASCII token whose key is `key`: the key of the token in
/// capitals, as the key of the name in capitals would give it.
fn upper_key<'a>(kind: KeyKind, key: &[u8], word: &'a mut String, out: &'a mut String) -> &'a str {
    word.clear();
    word.push_str(std::str::from_utf8(key).unwrap_or(""));
    word.make_ascii_uppercase();
    kind.key(word, out)
}

/// In `ChannelBuilder::settle_uppers`, a capitalized key that two tokens would have.
const CONFLICT: u32 = u32::MAX;

/// Notes `k` as the capitalized key of token `orig`, or as a conflict when it is another
/// token's already.
fn note_alias<'k>(alias_of: &mut FxMap<&'k str, u32>, k: &'k str, orig: u32) {
    let a = alias_of.entry(k).or_insert(orig);
    if *a != orig {
        *a = CONFLICT;
    }
}

/// In place of a key count in `ChannelBuilder::uppers`: the name is ASCII, its capitalized
/// keys are its tokens' (see `upper_tokens`).
const PER_TOKEN: u32 = u32::MAX;

impl ChannelBuilder {
    pub(crate) fn new(key: KeyKind) -> ChannelBuilder {
        ChannelBuilder {
            key,
            vocab: Vocab::default(),
            seqs: Vec::new(),
            names: Vec::new(),
            uppers: Vec::new(),
            upper_keys: String::new(),
            upper_ends: Vec::new(),
            upper_tokens: Vec::new(),
            buf: String::new(),
        }
    }

    pub(crate) fn key(&self) -> KeyKind {
        self.key
    }

    /// Adds the token sequence `tokens` of `text` as a name of `entry`, also in capitals
    /// when `upper`. Empty sequences (names that normalize to nothing) are ignored.
    pub(crate) fn add(
        &mut self,
        text: &str,
        tokens: &[Token],
        entry: u32,
        upper: bool,
    ) -> Result<(), String> {
        if tokens.is_empty() {
            return Ok(());
        }
        if entry & FLAGS != 0 {
            return Err("too many entries".to_string());
        }
        let start = u32::try_from(self.seqs.len()).map_err(|_| "too many name tokens".to_string())?;
        for t in tokens {
            let k = self.key.key(t.text(text), &mut self.buf);
            let id = self.vocab.insert(k.as_bytes())?;
            if id > MAX_ID {
                return Err(format!("more than {MAX_ID} distinct name tokens"));
            }
            self.seqs.push(id);
        }
        let flag = if upper { EXACT_OK | CAPS_OK } else { EXACT_OK };
        let name = u32::try_from(self.names.len()).map_err(|_| "too many names".to_string())?;
        self.names.push((start, tokens.len() as u32, entry | flag));
        if upper {
            if text.is_ascii() {
                // ASCII capitals change no byte's length and no character's class for the
                // tokenizer (letters stay letters), so the name's tokens are those of its
                // capitalized form, and each token's capitalized key is its own
                // (`upper_key`): no second string and no second tokenization.
                for &id in &self.seqs[start as usize..] {
                    let (w, b) = (id as usize / 64, id % 64);
                    if w >= self.upper_tokens.len() {
                        self.upper_tokens.resize((w + 1).next_power_of_two(), 0);
                    }
                    self.upper_tokens[w] |= 1 << b;
                }
                self.uppers.push((name, 0, PER_TOKEN));
            } else {
                let first = self.upper_ends.len() as u32;
                let mut n = 0;
                let up = crate::normalize::upper(text);
                for t in crate::tokenize::tokenize(&up) {
                    let k = self.key.key(t.text(&up), &mut self.buf);
                    self.upper_keys.push_str(k);
                    self.upper_ends.push(
                        u32::try_from(self.upper_keys.len()).map_err(|_| "names too long".to_string())?,
                    );
                    n += 1;
                }
                self.uppers.push((name, first, n));
            }
        }
        Ok(())
    }

    /// Turns the capitalized forms into aliases where they can be, and into patterns of
    /// their own where they cannot (see the type's docs).
    fn settle_uppers(&mut self) -> Result<(), String> {
        let uppers = std::mem::take(&mut self.uppers);
        let upper_keys = std::mem::take(&mut self.upper_keys);
        let upper_ends = std::mem::take(&mut self.upper_ends);
        let upper_tokens = std::mem::take(&mut self.upper_tokens);
        let key = |k: u32| {
            let start = if k == 0 { 0 } else { upper_ends[k as usize - 1] as usize };
            &upper_keys[start..upper_ends[k as usize] as usize]
        };
        // The capitalized key of each token of an ASCII name wanted in capitals: token
        // `id`'s is `tok_keys[tok_at[tok_of[id]]..tok_at[tok_of[id] + 1]]`.
        let (mut tok_keys, mut tok_at, mut tok_ids) = (String::new(), vec![0u32], Vec::new());
        let mut tok_of = vec![NONE; if upper_tokens.is_empty() { 0 } else { self.vocab.len() + 1 }];
        {
            let (kind, mut word, mut out) = (self.key, String::new(), String::new());
            self.vocab.for_each(|k, id| {
                if upper_tokens.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0) {
                    tok_of[id as usize] = tok_ids.len() as u32;
                    tok_ids.push(id);
                    tok_keys.push_str(upper_key(kind, k, &mut word, &mut out));
                    tok_at.push(tok_keys.len() as u32);
                }
            });
        }
        let tok_key = |t: u32| &tok_keys[tok_at[t as usize] as usize..tok_at[t as usize + 1] as usize];
        // A capitalized form needs a pattern of its own when its tokens differ in number
        // from the name's, when one of its keys is another token of its own, or when one
        // of its keys would alias two tokens. For the tokens of ASCII names this is said
        // once a token (`bad`), for the others once a name (`own_pattern`).
        let mut own_pattern = vec![false; uppers.len()];
        let mut bad = vec![false; tok_ids.len()];
        let mut alias_of: FxMap<&str, u32> = FxMap::default();
        alias_of.reserve(tok_ids.len() + upper_ends.len());
        for (t, &orig) in tok_ids.iter().enumerate() {
            let k = tok_key(t as u32);
            match self.vocab.get(k.as_bytes()) {
                Some(id) if id == orig => {}
                Some(_) => bad[t] = true,
                None => note_alias(&mut alias_of, k, orig),
            }
        }
        for (u, &(name, first, n)) in uppers.iter().enumerate() {
            let (start, len, _) = self.names[name as usize];
            if n == PER_TOKEN {
                continue;
            }
            if n != len {
                own_pattern[u] = true;
                continue;
            }
            for i in 0..n {
                let k = key(first + i);
                let orig = self.seqs[(start + i) as usize];
                match self.vocab.get(k.as_bytes()) {
                    Some(id) if id == orig => {}
                    Some(_) => own_pattern[u] = true,
                    None => note_alias(&mut alias_of, k, orig),
                }
            }
        }
        for (t, b) in bad.iter_mut().enumerate() {
            *b |= alias_of.get(tok_key(t as u32)) == Some(&CONFLICT);
        }
        for (u, &(name, first, n)) in uppers.iter().enumerate() {
            own_pattern[u] |= if n == PER_TOKEN {
                let (start, len, _) = self.names[name as usize];
                self.seqs[start as usize..(start + len) as usize]
                    .iter()
                    .any(|&id| bad[tok_of[id as usize] as usize])
            } else {
                (0..n).any(|i| alias_of.get(key(first + i)) == Some(&CONFLICT))
            };
        }
        let aliases: Vec<(&[u8], u32)> =
            alias_of.into_iter().filter(|a| a.1 != CONFLICT).map(|(k, id)| (k.as_bytes(), id)).collect();
        self.vocab.insert_aliases(&aliases)?;
        // The patterns of their own: each key as the vocabulary knows it now (a token,
        // an alias, or a new token), taken in capitals only.
        for (u, &(name, first, n)) in uppers.iter().enumerate() {
            if !own_pattern[u] {
                continue;
            }
            let start = u32::try_from(self.seqs.len()).map_err(|_| "too many name tokens".to_string())?;
            let (name_start, name_len, entry) = self.names[name as usize];
            let per_token = n == PER_TOKEN;
            let n = if per_token { name_len } else { n };
            for i in 0..n {
                let k = if per_token {
                    let id = self.seqs[(name_start + i) as usize];
                    tok_key(tok_of[id as usize])
                } else {
                    key(first + i)
                };
                let k = k.as_bytes();
                let id = match self.vocab.get(k) {
                    Some(id) => id & !ALIAS,
                    None => self.vocab.insert(k)?,
                };
                if id > MAX_ID {
                    return Err(format!("more than {MAX_ID} distinct name tokens"));
                }
                self.seqs.push(id);
            }
            self.names.push((start, n, (entry & !FLAGS) | CAPS_OK));
        }
        Ok(())
    }

    pub(crate) fn build(mut self) -> Result<Channel, String> {
        self.settle_uppers()?;
        let ChannelBuilder { key, mut vocab, seqs, mut names, .. } = self;
        let seq = |&(s, n, _): &(u32, u32, u32)| &seqs[s as usize..(s + n) as usize];
        // Deterministic pattern order: by id sequence (ids in order of first appearance),
        // then entry; equal sequences become one pattern.
        // Sorted on a key of the first two ids first (0 past the end: the shorter sequence
        // first, as slices compare), which settles most comparisons without reading the
        // sequences (a cache miss each, for a large gazetteer).
        let head = |n: &(u32, u32, u32)| {
            let s = seq(n);
            u64::from(s.first().copied().unwrap_or(0)) << 32 | u64::from(s.get(1).copied().unwrap_or(0))
        };
        let mut keyed: Vec<(u64, (u32, u32, u32))> = names.iter().map(|n| (head(n), *n)).collect();
        keyed.sort_unstable_by(|(ka, a), (kb, b)| {
            ka.cmp(kb).then_with(|| seq(a).cmp(seq(b))).then((a.2 & !FLAGS).cmp(&(b.2 & !FLAGS)))
        });
        names.clear();
        names.extend(keyed.into_iter().map(|k| k.1));
        let mut patterns: Vec<(u32, u32)> = Vec::new();
        let mut entry_ranges = vec![0u32];
        let mut entries = Vec::with_capacity(names.len());
        for (i, n) in names.iter().enumerate() {
            let new = i == 0 || seq(&names[i - 1]) != seq(n);
            if new {
                if i > 0 {
                    entry_ranges.push(entries.len() as u32);
                }
                patterns.push((n.0, n.1));
            }
            // One entry once per pattern, in every spelling any of its names allows.
            match entries.last_mut() {
                Some(last) if !new && *last & !FLAGS == n.2 & !FLAGS => *last |= n.2 & FLAGS,
                _ => entries.push(n.2),
            }
        }
        if !patterns.is_empty() {
            entry_ranges.push(entries.len() as u32);
        }
        vocab.shrink();
        drop(names);
        // A large automaton is built on a thread of its own while this one makes the
        // filters below, which need the vocabulary but not the automaton (at 1M names,
        // 3.04 to 3.15 s against 3.16 to 3.44 s built in turn). A small one (a live
        // overlay's), or one where no thread can be started, is built here after them.
        let max_id = vocab.len() as u32;
        let pats = || patterns.iter().map(|&(s, n)| &seqs[s as usize..(s + n) as usize]);
        std::thread::scope(|scope| -> Result<Channel, String> {
            let nfa = (patterns.len() >= PARALLEL_BUILD_FROM)
                .then(|| {
                    std::thread::Builder::new()
                        .spawn_scoped(scope, || TokenAutomaton::new(pats(), max_id))
                        .ok()
                })
                .flatten();
            entries.shrink_to_fit();
            // What can begin a name: the first tokens of the patterns.
            let mut first = vec![0u64; (vocab.len() + 1).div_ceil(64)];
            for &(s, _) in &patterns {
                let id = seqs[s as usize] as usize;
                first[id / 64] |= 1 << (id % 64);
            }
            let n_first = first.iter().map(|w| w.count_ones() as usize).sum();
            let mut starts = StartFilter::new(n_first, 16, key.fold_case);
            let mut known = StartFilter::new(vocab.len(), 8, key.fold_case);
            // Whether any match could be accepted or refused for its capitals.
            let spellings = vocab.has_aliases() || entries.iter().any(|&e| e & EXACT_OK == 0);
            let mut caseless = vec![0u64; if spellings { first.len() } else { 0 }];
            let (mut buf, mut word) = (String::new(), String::new());
            // The pair keys of every spelling of every token: its key's by id (with
            // `LONGER` set when the key goes on after its word bytes: a run that is one word
            // is never such a token), and its aliases' by id.
            let mut keys = vec![0u64; vocab.len() + 1];
            let mut aliases: Vec<(u32, u64)> = Vec::new();
            vocab.for_each(|k, raw| {
                let id = raw & !ALIAS;
                let more = || k.get(8).is_some_and(|&c| is_word_byte(c));
                let chunk = chunk_at(k, 0);
                let mut p = pair_key(chunk, word_masks(&chunk).0, more, key.fold_case);
                if first[id as usize / 64] & (1 << (id % 64)) != 0 {
                    starts.add(p);
                }
                known.add(p);
                if k.first().is_some_and(|&b| is_word_byte(b)) && !k.iter().all(|&b| is_word_byte(b)) {
                    p |= LONGER;
                }
                if raw & ALIAS == 0 {
                    keys[raw as usize] = p;
                } else {
                    aliases.push((raw & !ALIAS, p));
                }
                // (An alias is capitals already; what counts is its token's own key.)
                if spellings && raw & ALIAS == 0 {
                    // ASCII capitals in a reused buffer (`upper_key`): no new string a token.
                    let up = if k.is_ascii() {
                        upper_key(key, k, &mut word, &mut buf)
                    } else {
                        word = crate::normalize::upper(std::str::from_utf8(k).unwrap_or(""));
                        key.key(&word, &mut buf)
                    };
                    if up.as_bytes() == k {
                        caseless[id as usize / 64] |= 1 << (id % 64);
                    }
                }
            });
            aliases.sort_unstable();
            let spellings_of = |id: u32| {
                let from = aliases.partition_point(|x| x.0 < id);
                let more = aliases[from..].iter().take_while(move |x| x.0 == id).map(|x| x.1);
                std::iter::once(keys[id as usize]).chain(more)
            };
            let mut pairs = PairFilter::new(patterns.len());
            for &(s, n) in &patterns {
                let a = seqs[s as usize];
                for ka in spellings_of(a) {
                    if n == 1 {
                        pairs.add(ka, ALONE);
                    } else {
                        for kb in spellings_of(seqs[s as usize + 1]) {
                            pairs.add(ka, kb & !LONGER);
                        }
                    }
                }
            }
            drop((keys, aliases));
            let nfa = match nfa {
                Some(h) => h.join().map_err(|_| "the automaton's builder failed".to_string())??,
                None => TokenAutomaton::new(pats(), max_id)?,
            };
            let uid = CHANNELS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(Channel {
                key,
                vocab,
                nfa,
                entry_ranges,
                entries,
                first,
                caseless,
                spellings,
                starts,
                known,
                pairs,
                uid,
                translit: None,
            })
        })
    }
}

/// Patterns from which a channel's automaton is built on a thread of its own.
const PARALLEL_BUILD_FROM: usize = 50_000;

/// One keyed vocabulary with its automaton.
pub(crate) struct Channel {
    key: KeyKind,
    vocab: Vocab,
    /// The automaton over token ids.
    nfa: Option<TokenAutomaton>,
    /// Pattern p stands for `entries[entry_ranges[p]..entry_ranges[p + 1]]`.
    entry_ranges: Vec<u32>,
    entries: Vec<u32>,
    /// Bit `id` set when token `id` begins a name.
    first: Vec<u64>,
    /// Bit `id` set when capitals leave token `id` unchanged (empty without `spellings`).
    caseless: Vec<u64>,
    /// Whether the channel has capitalized aliases or entries taken in capitals only;
    /// without either, every match is taken as spelled and capitals need no tracking.
    spellings: bool,
    starts: StartFilter,
    /// The same filter on every token of the vocabulary, asked before the vocabulary
    /// itself: most tokens after one that begins a name are in no name, and the filter
    /// (eight bits per token) is smaller than the vocabulary.
    known: StartFilter,
    pairs: PairFilter,
    /// Tells this channel from any other, for the lookup caches of [`MatchScratch`].
    uid: u64,
    /// The key under which a token with letters beyond ASCII that is not in the
    /// vocabulary as written is looked up again ([`KeyKind::translit`]); `None`: no second
    /// lookup. ASCII tokens never take it, so the fast path is untouched.
    translit: Option<KeyKind>,
}

/// Numbers the channels ever built.
static CHANNELS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The last lookups of short ASCII tokens, per thread and channel, direct-mapped: news
/// repeats its common words, and with a large vocabulary each lookup in it is a cache
/// miss, while this table (16 KiB) stays in the L1 cache.
///
/// A token that begins a name also keeps the automaton's state after it, when fed from
/// the start state: most tokens fed are fed from there ("the", "a"), and the automaton's
/// states are mostly outside the L1 cache.
#[derive(Default)]
struct LookupCache {
    /// The channel whose lookups these are.
    owner: u64,
    slots: Vec<CacheSlot>,
}

/// One lookup (see [`LookupCache`]).
#[derive(Clone, Copy, Default)]
struct CacheSlot {
    /// The token's head ([`head_at`]; 0: empty). Tokens of up to eight bytes without a
    /// zero byte are told apart by their heads alone, and only those are kept.
    head: u64,
    /// The token's id, `NONE` when it is not in the vocabulary.
    id: u32,
    /// The state after the token from the start state, with [`MATCHES`] set when that
    /// state has matches; 0 while not known.
    after: u32,
}

/// See [`CacheSlot::after`].
const MATCHES: u32 = 1 << 31;

const CACHE_BITS: u32 = 10;
const NONE: u32 = u32::MAX;

/// A filter on the tokens that begin a name: a token that fails it begins none, which is
/// known without tokenizing or hashing it in full.
///
/// It looks at an ASCII token's *head*: the ASCII word bytes (letters, digits, `_`) it
/// starts with, which the text shows before the token is cut out of it (a token such as
/// "U.S" has head "U"). A token that starts with another ASCII byte is a one-byte
/// punctuation token, or the possessive `'s`: those are kept in a byte table. Heads are
/// kept as bits of a hashed bitset (a Bloom filter with one hash function) of sixteen to
/// thirty-two bits per head: about one false positive in twenty. (Eight bits per head, or
/// a bitset small enough for the L1 cache, let through enough more runs to be slower.)
#[derive(Clone)]
struct StartFilter {
    heads: Bloom,
    punct: [u64; 4],
    fold: bool,
}

/// The head of the ASCII word bytes at `chunk` (see [`StartFilter`]), given the chunk's
/// word mask ([`word_masks`]): its first eight bytes, zero-padded, with the top bit set
/// when the head is longer than eight bytes, or `None` when the first byte is no word
/// byte. Word bytes are neither zero nor above 0x7F, so this tells every length apart.
/// `more` says whether the byte after the chunk is a word byte.
#[inline]
fn head(chunk: [u8; 8], word: u64, more: impl FnOnce() -> bool, fold: bool) -> Option<u64> {
    let k = (!word & HIGH_BITS).trailing_zeros() / 8;
    if k == 0 {
        return None;
    }
    let mut w = u64::from_le_bytes(chunk) & below(k as usize);
    if fold {
        // ASCII upper case to lower case: bit 5 set on the bytes in 'A'..='Z'.
        w |= in_range(w, b'A', b'Z') >> 2;
    }
    Some(w | u64::from(k == 8 && more()) << 63)
}

impl StartFilter {
    fn new(expected: usize, bits_each: usize, fold: bool) -> StartFilter {
        StartFilter { heads: Bloom::new(expected, bits_each), punct: [0; 4], fold }
    }

    /// Admits the tokens with pair key `p` ([`pair_key`], made with this filter's
    /// folding).
    fn add(&mut self, p: u64) {
        match p {
            // Only non-ASCII tokens have such keys, and those are always looked up.
            NON_ASCII => {}
            _ if is_word_byte(p as u8) => self.heads.insert(p),
            _ => self.punct[(p / 64) as usize] |= 1 << (p % 64),
        }
    }

    /// Whether an ASCII token starting at `p` of `bytes` may begin a name.
    #[inline]
    fn test(&self, bytes: &[u8], p: usize) -> bool {
        let chunk = chunk_at(bytes, p);
        let more = || bytes.get(p + 8).is_some_and(|&c| is_word_byte(c));
        self.test_chunk(chunk, word_masks(&chunk).0, more)
    }

    /// [`StartFilter::test`] given the eight bytes at the token's start, their word mask,
    /// and whether the byte after them is a word byte.
    #[inline]
    fn test_chunk(&self, chunk: [u8; 8], word: u64, more: impl FnOnce() -> bool) -> bool {
        match head(chunk, word, more, self.fold) {
            Some(h) => self.heads.contains(h),
            None => self.test_punct(chunk[0]),
        }
    }

    /// Whether the one-byte token `b` (ASCII, not a word byte) may begin a name.
    #[inline]
    fn test_punct(&self, b: u8) -> bool {
        self.punct[usize::from(b) / 64] & (1 << (b % 64)) != 0
    }

    fn memory_usage(&self) -> usize {
        self.heads.memory_usage()
    }
}

/// A Bloom filter with one hash function on 64-bit keys, sized by [`filter_bits`].
#[derive(Clone)]
struct Bloom {
    bits: Vec<u64>,
    shift: u32,
}

impl Bloom {
    fn new(expected: usize, bits_each: usize) -> Bloom {
        let bits = filter_bits(expected, bits_each);
        Bloom { bits: vec![0; bits / 64], shift: 64 - bits.trailing_zeros() }
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn insert(&mut self, key: u64) {
        let i = self.slot(key);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        self.bit(key) != 0
    }

    /// The key's bit, as 0 or 1.
    #[inline]
    fn bit(&self, key: u64) -> u64 {
        let i = self.slot(key);
        self.bits[i / 64] >> (i % 64) & 1
    }

    fn memory_usage(&self) -> usize {
        8 * self.bits.capacity()
    }
}

/// The size in bits of a one-hash Bloom filter for `expected` keys at about `bits_each`
/// bits each: a power of two, rounded down when rounding up would cost half as much again.
fn filter_bits(expected: usize, bits_each: usize) -> usize {
    let want = expected.saturating_mul(bits_each).max(1);
    let bits = want.next_power_of_two();
    let bits = if bits / 2 >= want / 3 * 2 && bits > 1 << 12 { bits / 2 } else { bits };
    bits.clamp(1 << 12, 1 << 27)
}

/// The key of a token for [`PairFilter`]: its head ([`head`]) when it starts with an
/// ASCII word byte, its first byte when that is other ASCII, [`NON_ASCII`] otherwise.
#[inline]
fn pair_key(chunk: [u8; 8], word: u64, more: impl FnOnce() -> bool, fold: bool) -> u64 {
    match head(chunk, word, more, fold) {
        Some(h) => h,
        None if chunk[0] < 0x80 => u64::from(chunk[0]),
        None => NON_ASCII,
    }
}

// Pair keys that no token has (a head's first byte is an ASCII word byte; a punctuation
// key is one ASCII byte).
/// The second key of a name of one token.
const ALONE: u64 = 0xFD;
/// No token follows: the end of the text.
const END: u64 = 0xFE;
/// The key of a token that starts with a non-ASCII byte.
const NON_ASCII: u64 = 0xFF;
/// A next token whose key is not known: every pair may begin a name.
const ANY: u64 = 0xFC;
/// Marks the key of a first token with more than its leading word bytes (no head has
/// bit 55 set: its bytes are ASCII).
const LONGER: u64 = 1 << 55;

/// A filter on the first two tokens of the names, for a word that is a run of its own: a
/// name begins there only when the filter holds the word with [`ALONE`] (a name of one
/// token) or the word with the first token of the next run. Most words that begin a name
/// only begin names of more than one token ("the" begins the GeoNames name "the ma"), and
/// what follows them tells most apart without a lookup.
///
/// It is a one-hash Bloom filter on [`pair_key`]s, about eight bits per pair.
#[derive(Clone)]
struct PairFilter(Bloom);

/// The key of the pair `a`, `b` in [`PairFilter`].
#[inline]
fn pair(a: u64, b: u64) -> u64 {
    a ^ b.rotate_left(29).wrapping_mul(0x2D35_8DCC_AA6C_78A5)
}

impl PairFilter {
    fn new(expected: usize) -> PairFilter {
        PairFilter(Bloom::new(expected, 8))
    }

    fn add(&mut self, a: u64, b: u64) {
        self.0.insert(pair(a, b));
    }

    /// Whether `a` then `b` may begin a name, or `a` alone may be one.
    #[inline]
    fn test(&self, a: u64, b: u64) -> bool {
        // Both bits are read, without a branch between them.
        self.0.bit(pair(a, ALONE)) | self.0.bit(pair(a, b)) != 0
    }

    fn memory_usage(&self) -> usize {
        self.0.memory_usage()
    }
}

/// A channel's state within one document.
#[derive(Default)]
struct ChannelScratch {
    /// The automaton's state after the last token fed to it (`None`: the start state, no
    /// name in progress).
    state: Option<u32>,
    /// The tokens fed since the automaton last left its start state, with their
    /// spellings: a match of `n` tokens begins `n` from the end.
    tokens: Vec<(u32, Spelling)>,
    cache: LookupCache,
}

/// How a token fed to the automaton was spelled, as far as capitals go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// As a name token: "Barzani".
    Name,
    /// As a name token that capitals leave unchanged: "NATO", "2024", "-".
    Caseless,
    /// As the capitalized form of a name token: "BARZANI".
    Capitals,
}

/// Reusable buffers for one search.
#[derive(Default)]
pub(crate) struct MatchScratch {
    channels: Vec<ChannelScratch>,
    key: String,
    /// The tokens the scan made, when the caller has every token (see [`find_all`]).
    partial: Vec<Token>,
}

/// The eight bytes at `i`, zero-padded past the end of `bytes`.
#[inline]
fn chunk_at(bytes: &[u8], i: usize) -> [u8; 8] {
    let mut b = [0u8; 8];
    match bytes.get(i..i + 8) {
        Some(c) => b.copy_from_slice(c),
        None => {
            let rest = &bytes[i.min(bytes.len())..];
            b[..rest.len()].copy_from_slice(rest);
        }
    }
    b
}

/// Finds the matches of every channel in `text`, appending them to `out`.
///
/// With `tokens` already holding every token of `text` (`tokenized`), the text is
/// scanned as below all the same, into a list of its own, and the matches are moved onto
/// `tokens` by their tokens' offsets (the scan's tokens are tokens of the whole text: a
/// run's tokens depend on its bytes alone). Otherwise `tokens` receives only the tokens of the runs (stretches between
/// ASCII white space, see [`crate::tokenize::run_end`]) that can hold a match, and
/// matches refer to positions in that list: a run is tokenized only when a channel is in
/// the middle of a possible name, or when one of the run's possible token starts (its
/// first byte, its non-word bytes and the bytes after them) passes the channel's
/// [`StartFilter`], or when the run is not ASCII. Every token that begins a name is in
/// such a run, and so is every token that follows one within a name, so the matches are
/// the same as over the full token list (a property test checks it).
///
/// The commonest runs, one ASCII word or a word and one punctuation mark before white
/// space, are decided from the word mask of their first eight bytes alone, and a
/// one-word run that passes is its own token without being tokenized again.
pub(crate) fn find_all(
    channels: &[Channel],
    text: &str,
    tokens: &mut Vec<Token>,
    tokenized: bool,
    s: &mut MatchScratch,
    out: &mut Vec<RawMatch>,
) {
    find_all_with(channels, text, tokens, tokenized, true, s, out);
}

/// [`find_all`]; with `scan` off, every token of a tokenized text is looked up (the
/// reference the scan is tested against).
fn find_all_with(
    channels: &[Channel],
    text: &str,
    tokens: &mut Vec<Token>,
    tokenized: bool,
    scan: bool,
    s: &mut MatchScratch,
    out: &mut Vec<RawMatch>,
) {
    if s.channels.len() < channels.len() {
        s.channels.resize_with(channels.len(), ChannelScratch::default);
    }
    for (ch, cs) in channels.iter().zip(&mut s.channels) {
        cs.state = None;
        if cs.cache.owner != ch.uid {
            cs.cache.owner = ch.uid;
            cs.cache.slots.clear();
            cs.cache.slots.resize(1 << CACHE_BITS, CacheSlot::default());
        }
    }
    let live = wanting(channels, &s.channels, |_, _| true);
    if live == 0 {
        return;
    }
    if tokenized && !scan {
        for_channels(channels, &mut s.channels, live, |ch, cs, ci| {
            for (i, t) in tokens.iter().enumerate() {
                let ascii = text[t.start..t.end].is_ascii();
                ch.step(text, t, i as u32, ascii, false, None, cs, &mut s.key, ci, out);
            }
        });
        return;
    }
    if tokenized {
        let mut partial = std::mem::take(&mut s.partial);
        partial.clear();
        let from = out.len();
        find_all_with(channels, text, &mut partial, false, true, s, out);
        let moved = move_matches(&partial, tokens, &mut out[from..]);
        s.partial = partial;
        if !moved {
            // Not reached (the scan's tokens are the text's); looking at every token is
            // right in any case.
            out.truncate(from);
            find_all_with(channels, text, tokens, true, false, s, out);
        }
        return;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = skip_space(bytes, 0);
    if let [ch] = channels {
        i = scan_one(ch, text, i, tokens, s, out);
    }
    while i < n {
        i = run_at(channels, text, i, Look::at(bytes, i), tokens, s, out);
    }
}

/// Moves matches made on `partial` (some of the tokens of a text) onto `all` (every token
/// of it), by the tokens' start offsets; `false` when a token of `partial` is not in `all`.
fn move_matches(partial: &[Token], all: &[Token], matches: &mut [RawMatch]) -> bool {
    let index_of = |t: &Token| {
        let i = all.partition_point(|a| a.start < t.start);
        all.get(i).filter(|a| a.start == t.start && a.end == t.end).map(|_| i as u32)
    };
    for m in matches {
        let (Some(a), Some(b)) =
            (index_of(&partial[m.start as usize]), index_of(&partial[m.end as usize - 1]))
        else {
            return false;
        };
        (m.start, m.end) = (a, b + 1);
    }
    true
}

/// The scan of a tagger with one channel (most taggers), up to the last eight bytes of
/// `text`: returns where it stopped. The commonest runs, one ASCII word or a word and one
/// punctuation mark, are handled here; every other run is left to [`run_at`], kept out of
/// line so that this loop stays small.
#[inline(never)]
fn scan_one(
    ch: &Channel,
    text: &str,
    mut i: usize,
    tokens: &mut Vec<Token>,
    s: &mut MatchScratch,
    out: &mut Vec<RawMatch>,
) -> usize {
    if ch.nfa.is_none() {
        return text.len();
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let fold = ch.key.fold_case;
    let mut at = Look::at(bytes, i);
    while i + 8 <= n {
        let cs = &mut s.channels[0];
        let Look { chunk, word, k, word_end, long, .. } = at;
        match bytes.get(word_end) {
            Some(&b) if k > 0 && is_space_byte(b) => {
                // One ASCII word: its only token is the word, and the next token is the
                // first of the next run, which is looked at here once for both.
                let j = skip_space(bytes, word_end + 1);
                let next = Look::at(bytes, j);
                let wanted = cs.state.is_some() || {
                    // The next token's key is read off the text only where the token is
                    // ASCII as far as its key's head goes: elsewhere normalization may
                    // make the key differ from the text (NFC, joiners left out of keys,
                    // folding), and any next token is let through.
                    let after = match bytes.get(j) {
                        None => END,
                        Some(&c) if c >= 0x80 || bytes.get(next.word_end).is_some_and(|&d| d >= 0x80) => ANY,
                        Some(_) => pair_key(next.chunk, next.word, || next.long, fold),
                    };
                    let this = pair_key(chunk, word, || long, fold);
                    ch.starts.test_chunk(chunk, word, || long) & (after == ANY || ch.pairs.test(this, after))
                };
                if wanted {
                    let t = at.word_token(bytes, i);
                    // Pushed only when fed: the one channel is all that could refer to it.
                    let head = u64::from_le_bytes(chunk) & below(k);
                    if ch.step(text, &t, tokens.len() as u32, true, true, Some(head), cs, &mut s.key, 0, out)
                    {
                        tokens.push(t);
                    }
                }
                (i, at) = (j, next);
                continue;
            }
            Some(&b)
                if k > 0
                    && b < 0x80
                    && cs.state.is_none()
                    && bytes.get(word_end + 1).is_some_and(|&c| is_space_byte(c))
                    && !ch.starts.test_chunk(chunk, word, || long)
                    && !ch.starts.test_punct(b) =>
            {
                // A word and a punctuation mark, neither of which begins a name.
                i = skip_space(bytes, word_end + 2);
            }
            _ => i = run_at_cold(std::slice::from_ref(ch), text, i, at, tokens, s, out),
        }
        at = Look::at(bytes, i);
    }
    i
}

/// What [`scan_one`] reads of a run's first eight bytes (zero-padded past the text).
#[derive(Clone, Copy)]
struct Look {
    chunk: [u8; 8],
    /// The chunk's [`word_masks`].
    word: u64,
    alnum: u64,
    /// How many of its bytes are word bytes (8: all).
    k: usize,
    /// The end of the run's leading word bytes, and whether they go on past the chunk.
    word_end: usize,
    long: bool,
}

impl Look {
    #[inline(always)]
    fn at(bytes: &[u8], i: usize) -> Look {
        let chunk = chunk_at(bytes, i);
        let (word, alnum) = word_masks(&chunk);
        let k = ((!word & HIGH_BITS).trailing_zeros() / 8) as usize;
        let word_end = if k < 8 { i + k } else { ascii_word_end(bytes, i + 8) };
        Look { chunk, word, alnum, k, word_end, long: word_end > i + 8 }
    }

    /// The token of a run at `i` of `bytes` that is this one word.
    #[inline]
    fn word_token(&self, bytes: &[u8], i: usize) -> Token {
        let e = self.word_end;
        let alnum = self.alnum & below(self.k) != 0 || bytes[i..e].iter().any(u8::is_ascii_alphanumeric);
        Token { start: i, end: e, kind: if alnum { TokenKind::Word } else { TokenKind::Punct } }
    }
}

/// [`run_at`], kept out of line.
#[inline(never)]
fn run_at_cold(
    channels: &[Channel],
    text: &str,
    i: usize,
    at: Look,
    tokens: &mut Vec<Token>,
    s: &mut MatchScratch,
    out: &mut Vec<RawMatch>,
) -> usize {
    run_at(channels, text, i, at, tokens, s, out)
}

/// Scans the run of `text` that starts at `i`, whose first bytes `at` has read (see
/// [`find_all`]); returns where the next run starts.
#[inline(always)]
fn run_at(
    channels: &[Channel],
    text: &str,
    i: usize,
    at: Look,
    tokens: &mut Vec<Token>,
    s: &mut MatchScratch,
    out: &mut Vec<RawMatch>,
) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // One load serves a run of up to seven bytes (most runs): its end, the classes of
    // its bytes and its head.
    let Look { chunk, word, word_end, long, .. } = at;
    if bytes.get(word_end).is_some_and(|&b| is_space_byte(b)) {
        // The commonest run: one ASCII word, then white space. Its only token is the
        // word, whose head is the chunk's first bytes: what the channels need of it is
        // known here, and so is the token (no apostrophe, no joint).
        let e = word_end;
        let passes = wanting(channels, &s.channels, |ch, cs| {
            cs.state.is_some() || ch.starts.test_chunk(chunk, word, || long)
        });
        if passes != 0 {
            let t = at.word_token(bytes, i);
            let ti = tokens.len() as u32;
            tokens.push(t);
            let key = &mut s.key;
            for_channels(
                channels,
                &mut s.channels,
                passes,
                // Once per word of text that may begin a name: kept inline.
                #[inline(always)]
                |ch, cs, ci| {
                    ch.step(text, &t, ti, true, true, None, cs, key, ci, out);
                },
            );
        }
        return skip_space(bytes, e);
    }
    let punct = bytes.get(word_end).copied().filter(|&b| b < 0x80);
    let (e, passes) = match punct {
        Some(p) if bytes.get(word_end + 1).is_some_and(|&b| is_space_byte(b)) => {
            // The next commonest: a word (or none), one ASCII punctuation mark
            // ("said,"), then white space.
            let passes = wanting(channels, &s.channels, |ch, cs| {
                cs.state.is_some() || ch.starts.test_chunk(chunk, word, || long) || ch.starts.test_punct(p)
            });
            (word_end + 1, passes)
        }
        _ => {
            let stop = (space_mask(&chunk) | !below(n - i)) & HIGH_BITS;
            let short = stop != 0;
            let e = if short { i + (stop.trailing_zeros() / 8) as usize } else { run_end(bytes, i + 8) };
            let passes = wanting(channels, &s.channels, |ch, cs| {
                cs.state.is_some()
                    || if short { ch.short_run_may_start(i, e, chunk) } else { ch.run_may_start(bytes, i, e) }
            });
            (e, passes)
        }
    };
    if passes != 0 {
        // A channel that does not want the run would only find that none of its
        // tokens begins a name: it is not fed.
        let from = tokens.len();
        let ascii = tokenize_run(text, i, e, tokens);
        for_channels(channels, &mut s.channels, passes, |ch, cs, ci| {
            for (k, t) in tokens[from..].iter().enumerate() {
                let ascii = ascii || text[t.start..t.end].is_ascii();
                ch.step(text, t, (from + k) as u32, ascii, false, None, cs, &mut s.key, ci, out);
            }
        });
    }
    skip_space(bytes, e)
}

/// A bit for each channel (of at most four: one per way of keying tokens) that has an
/// automaton and for which `wants(channel, its scratch)` holds. Most taggers have one
/// channel, which is asked without a loop: the scan asks for every run of text.
#[inline(always)]
fn wanting(
    channels: &[Channel],
    scratch: &[ChannelScratch],
    wants: impl Fn(&Channel, &ChannelScratch) -> bool,
) -> u64 {
    let asks = |ch: &Channel, cs| ch.nfa.is_some() && wants(ch, cs);
    match channels {
        [ch] => u64::from(asks(ch, &scratch[0])),
        _ => channels
            .iter()
            .zip(scratch)
            .enumerate()
            .fold(0, |bits, (ci, (ch, cs))| bits | u64::from(asks(ch, cs)) << ci),
    }
}

/// Calls `f(channel, its scratch, its index)` for the channels whose bits are set in
/// `bits` (see [`wanting`]).
#[inline(always)]
fn for_channels(
    channels: &[Channel],
    scratch: &mut [ChannelScratch],
    bits: u64,
    mut f: impl FnMut(&Channel, &mut ChannelScratch, u16),
) {
    match channels {
        [ch] if bits & 1 != 0 => f(ch, &mut scratch[0], 0),
        [_] => {}
        _ => {
            for (ci, (ch, cs)) in channels.iter().zip(scratch).enumerate() {
                if bits & (1 << ci) != 0 {
                    f(ch, cs, ci as u16);
                }
            }
        }
    }
}

/// The end of the ASCII word bytes (letters, digits, `_`) from `i` on.
#[inline]
fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(c) = bytes.get(i..i + 8) {
        let k = ((!word_masks(c).0 & HIGH_BITS).trailing_zeros() / 8) as usize;
        i += k;
        if k < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(|&b| is_word_byte(b)) {
        i += 1;
    }
    i
}

impl Channel {
    /// Appends the entries match `m` stands for to `out`: those whose names include the
    /// pattern as the text spelled it (see [`ChannelBuilder`]).
    #[inline]
    pub(crate) fn entries_into(&self, m: &RawMatch, out: &mut Vec<u32>) {
        let p = m.pattern as usize;
        for &e in &self.entries[self.entry_ranges[p] as usize..self.entry_ranges[p + 1] as usize] {
            if (e & EXACT_OK != 0 && !m.upper) || (e & CAPS_OK != 0 && !m.lower) {
                out.push(e & !FLAGS);
            }
        }
    }

    /// The id of token `t` of `text` (`ascii` when the token is ASCII), if it is in the
    /// vocabulary, and the token's slot in `cache` (`usize::MAX`: none).
    #[inline(always)]
    fn lookup(
        &self,
        text: &str,
        t: &Token,
        ascii: bool,
        head: Option<u64>,
        buf: &mut String,
        cache: &mut LookupCache,
    ) -> (Option<u32>, usize) {
        if ascii && !self.key.fold_case && !self.key.fold_accents {
            // The exact key of an ASCII token is the token: read its head from the text.
            let bytes = text.as_bytes();
            let word = &bytes[t.start..t.end];
            let head = head.unwrap_or_else(|| head_at(bytes, t.start, t.end));
            if word.len() > 8 || head == 0 {
                let found =
                    if self.known.test(bytes, t.start) { self.vocab.get_with_head(head, word) } else { None };
                return (found, usize::MAX);
            }
            let i = (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize;
            let slot = cache.slots[i];
            if slot.head == head {
                return ((slot.id != NONE).then_some(slot.id), i);
            }
            // A token the filter turns away is not kept: it would only push out a known one.
            if !self.known.test(bytes, t.start) {
                return (None, usize::MAX);
            }
            let found = self.vocab.get_with_head(head, word);
            cache.slots[i] = CacheSlot { head, id: found.unwrap_or(NONE), after: 0 };
            return (found, i);
        }
        let found = self.vocab.get(self.key.key(t.text(text), buf).as_bytes());
        match self.translit {
            Some(k) if found.is_none() && !ascii => {
                (self.vocab.get(k.key(t.text(text), buf).as_bytes()), usize::MAX)
            }
            _ => (found, usize::MAX),
        }
    }

    /// Looks tokens with letters beyond ASCII that are unknown as written up again in
    /// their accent-folded form ("Əliyev" as "Aliyev"); see [`KeyKind::translit`].
    pub(crate) fn set_transliterate(&mut self, yes: bool) {
        self.translit = if yes { self.key.translit() } else { None };
    }

    #[inline]
    fn begins_name(&self, id: u32) -> bool {
        self.first[id as usize / 64] & (1 << (id % 64)) != 0
    }

    /// [`Channel::run_may_start`] for a run of at most seven bytes, given the eight bytes
    /// at its start.
    #[inline]
    fn short_run_may_start(&self, s: usize, e: usize, chunk: [u8; 8]) -> bool {
        let inside = below(e - s);
        let w = u64::from_le_bytes(chunk);
        if w & HIGH_BITS & inside != 0 {
            return true;
        }
        // The run ends inside the chunk, so do the heads of its tokens: every test is
        // made on the chunk, shifted to the token's start.
        let word = word_masks(&chunk).0;
        if self.starts.test_chunk(chunk, word, || false) {
            return true;
        }
        let mut m = !word & HIGH_BITS & inside;
        while m != 0 {
            let k = (m.trailing_zeros() / 8) as usize;
            m &= m - 1;
            if self.starts.test_punct(chunk[k]) {
                return true;
            }
            if s + k + 1 < e {
                let shift = 8 * (k + 1);
                if self.starts.test_chunk((w >> shift).to_le_bytes(), word >> shift, || false) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the run `bytes[s..e]` may hold a token that begins a name: a non-ASCII run
    /// always may; an ASCII run may when one of its possible token starts passes the
    /// start filter. ASCII tokens start at the run's start, at a non-word byte (which is
    /// a token of its own, or the apostrophe of a possessive) or right after one.
    fn run_may_start(&self, bytes: &[u8], s: usize, e: usize) -> bool {
        if self.starts.test(bytes, s) {
            return true;
        }
        let mut c = s;
        while c < e {
            let chunk = chunk_at(bytes, c);
            let inside = below(e - c);
            if u64::from_le_bytes(chunk) & HIGH_BITS & inside != 0 {
                return true;
            }
            let mut m = non_word_mask(&chunk) & inside;
            while m != 0 {
                let p = c + (m.trailing_zeros() / 8) as usize;
                m &= m - 1;
                if self.starts.test(bytes, p) || (p + 1 < e && self.starts.test(bytes, p + 1)) {
                    return true;
                }
            }
            c += 8;
        }
        false
    }

    /// Feeds token `i` (`t`, ASCII or not; known to pass the start filter or not; its
    /// head when known) of `text` to the automaton when it can begin or continue a name,
    /// and appends the matches that end with it to `out` (as matches of channel `index`).
    /// Returns whether the token was fed: only then may a match refer to it.
    ///
    /// While the automaton sits in its start state, only tokens that begin a name matter
    /// (feeding any other would leave it there), and most are told apart by the start
    /// filter without a lookup. Otherwise every token is looked up: a known one is fed, an
    /// unknown one ends every name in progress.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn step(
        &self,
        text: &str,
        t: &Token,
        i: u32,
        ascii: bool,
        passes: bool,
        head: Option<u64>,
        cs: &mut ChannelScratch,
        buf: &mut String,
        index: u16,
        out: &mut Vec<RawMatch>,
    ) -> bool {
        let Some(nfa) = &self.nfa else { return false };
        if cs.state.is_none() && ascii && !passes && !self.starts.test(text.as_bytes(), t.start) {
            return false;
        }
        let (found, slot) = self.lookup(text, t, ascii, head, buf, &mut cs.cache);
        let raw = match found {
            Some(raw) if cs.state.is_some() || self.begins_name(raw & !ALIAS) => raw,
            _ => {
                cs.state = None;
                return false;
            }
        };
        let id = raw & !ALIAS;
        let spelling = if !self.spellings {
            // Nothing here depends on capitals (see the field).
            Spelling::Name
        } else if raw & ALIAS != 0 {
            Spelling::Capitals
        } else if self.caseless[id as usize / 64] & (1 << (id % 64)) != 0 {
            Spelling::Caseless
        } else {
            Spelling::Name
        };
        let sid = match cs.state {
            Some(sid) => {
                cs.tokens.push((i, spelling));
                nfa.next(sid, id)
            }
            None => {
                cs.tokens.clear();
                cs.tokens.push((i, spelling));
                let cached = cs.cache.slots.get(slot).map_or(0, |s| s.after);
                if cached & !MATCHES != 0 {
                    // A token that begins a name never leaves the automaton in its
                    // start state.
                    let sid = cached & !MATCHES;
                    if cached & MATCHES == 0 {
                        cs.state = Some(sid);
                        return true;
                    }
                    sid
                } else {
                    let sid = nfa.next(ROOT, id);
                    if let Some(s) = cs.cache.slots.get_mut(slot) {
                        if sid & MATCHES == 0 {
                            s.after = sid | if nfa.matches(sid).is_empty() { 0 } else { MATCHES };
                        }
                    }
                    sid
                }
            }
        };
        for &pid in nfa.matches(sid) {
            // Every pattern starts at a token the automaton was fed since it left its
            // start state.
            let Some(j) = cs.tokens.len().checked_sub(nfa.pattern_len(pid) as usize) else { continue };
            let fed = &cs.tokens[j..];
            let upper = fed.iter().any(|x| x.1 == Spelling::Capitals);
            let lower = fed.iter().any(|x| x.1 == Spelling::Name);
            if upper && lower {
                // "Masrour BARZANI": neither the name nor its capitalized form.
                continue;
            }
            out.push(RawMatch { start: fed[0].0, end: i + 1, channel: index, pattern: pid, upper, lower });
        }
        cs.state = (sid != ROOT).then_some(sid);
        true
    }

    /// Approximate heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.vocab.memory_usage()
            + 8 * (self.first.capacity() + self.caseless.capacity())
            + self.starts.memory_usage()
            + self.known.memory_usage()
            + self.pairs.memory_usage()
            + self.nfa.as_ref().map_or(0, TokenAutomaton::memory_usage)
            + 4 * (self.entry_ranges.capacity() + self.entries.capacity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;
    use proptest::prelude::*;

    /// Matches as byte spans with their patterns' entries, sorted.
    fn spans(channels: &[Channel], text: &str, tokenized: bool) -> Vec<(usize, usize, u16, Vec<u32>)> {
        spans_with(channels, text, tokenized, true)
    }

    /// The matches; with `scan` off, of every token looked up.
    fn spans_with(
        channels: &[Channel],
        text: &str,
        tokenized: bool,
        scan: bool,
    ) -> Vec<(usize, usize, u16, Vec<u32>)> {
        let mut tokens = if tokenized { tokenize(text) } else { Vec::new() };
        let (mut s, mut raw) = (MatchScratch::default(), Vec::new());
        find_all_with(channels, text, &mut tokens, tokenized, scan, &mut s, &mut raw);
        let mut out: Vec<_> = raw
            .iter()
            .map(|m| {
                let ch = &channels[m.channel as usize];
                let (a, b) = (tokens[m.start as usize].start, tokens[m.end as usize - 1].end);
                let mut es = Vec::new();
                ch.entries_into(m, &mut es);
                (a, b, m.channel, es)
            })
            .collect();
        out.sort();
        out
    }

    fn channels(names: &[String]) -> Vec<Channel> {
        let keys = [
            KeyKind { fold_case: false, fold_accents: false },
            KeyKind { fold_case: true, fold_accents: false },
            KeyKind { fold_case: true, fold_accents: true },
        ];
        keys.iter()
            .map(|&k| {
                let mut b = ChannelBuilder::new(k);
                for (e, n) in names.iter().enumerate() {
                    b.add(n, &tokenize(n), e as u32, e % 2 == 0).unwrap();
                }
                b.build().unwrap()
            })
            .collect()
    }

    const WORDS: &[&str] = &[
        "the",
        "New",
        "York",
        "NEW",
        "york",
        "U.S",
        "U.S.",
        "a",
        "an",
        "Al-Qaeda",
        "O'Brien",
        "O’Brien",
        "Zürich",
        "Zu\u{308}rich",
        "3,000",
        "_x",
        "Erbil's",
        "'s",
        "(",
        ")",
        ",",
        ".",
        "-",
        "São",
        "Paulo",
        "Kurdistan",
        "Region",
        "Barzani",
        "Bar\u{200d}zani",
        "longwordlongword",
        "ISIS",
        "x",
        "İstanbul",
    ];

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(WORDS).prop_map(str::to_string),
            1 => "[A-Za-z0-9'.,_-]{1,10}",
            1 => "\\PC{1,3}",
        ]
    }

    fn gap() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(&[" ", " ", "", "\n", "  ", "\u{a0}", "\t", ", "][..])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        /// Looking only at the runs that can hold a name finds what looking at every token
        /// finds.
        #[test]
        fn partial_scan_equals_full_scan(
            names in proptest::collection::vec(proptest::collection::vec((word(), gap()), 1..4), 1..12),
            text in proptest::collection::vec((word(), gap()), 0..40),
        ) {
            let join = |v: &[(String, &str)]| v.iter().map(|(w, g)| format!("{w}{g}")).collect::<String>();
            let names: Vec<String> = names.iter().map(|n| join(n).trim().to_string()).collect();
            let text = join(&text);
            let chs = channels(&names);
            let every = spans_with(&chs, &text, true, false);
            prop_assert_eq!(&spans(&chs, &text, true), &every, "the scan, its matches moved onto every token");
            prop_assert_eq!(spans(&chs, &text, false), every);
            // One channel alone takes its own paths through the scan.
            for k in 0..chs.len() {
                let one = &chs[k..=k];
                prop_assert_eq!(spans(one, &text, false), spans(one, &text, true));
            }
        }
    }

    /// The pair filter reads the next token's key off the text: where normalization
    /// makes the key differ from the text, the name is still found.
    #[test]
    fn ascii_names_tokenize_alike_in_capitals() {
        // `ChannelBuilder::add` takes the tokens of an ASCII name for those of its
        // capitalized form.
        let names = [
            "new york",
            "o'neil",
            "u.s.",
            "at&t",
            "3m co.",
            "l'oreal",
            "jean-luc",
            "mr. smith",
            "a.b.c",
            "x_y z",
            "it's",
            "don't stop",
            "1,750",
            "2.5 km",
            "e-mail",
            "#tag",
            "k9",
            "rock'n'roll",
            "co:op",
            "a . b",
        ];
        for name in names {
            let up = name.to_ascii_uppercase();
            let ranges =
                |s: &str| crate::tokenize::tokenize(s).iter().map(|t| (t.start, t.end)).collect::<Vec<_>>();
            assert_eq!(ranges(name), ranges(&up), "{name}");
        }
    }

    #[test]
    fn pair_filter_lets_through_next_tokens_it_cannot_read() {
        let names: Vec<String> = ["x Zürich", "Masrour Barzani", "San José", "to'amasina", "the ma", "y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let chs = channels(&names);
        for text in [
            "X Zürich and x Zu\u{308}rich",
            "Masrour Bar\u{200d}zani said",
            "San Jose\u{301} said",
            "to amasina, to'amasina and the ma; the Hague",
            "y",
            "said y",
            "the \u{200e}ma",
        ] {
            for k in 0..chs.len() {
                let one = &chs[k..=k];
                assert_eq!(spans(one, text, false), spans(one, text, true), "{text:?}, channel {k}");
            }
            assert_eq!(spans(&chs, text, false), spans(&chs, text, true), "{text:?}");
        }
        // The exact channel alone: what it finds, so that the cases are not empty.
        let found = |text: &str| {
            spans(&chs[..1], text, false).iter().map(|m| text[m.0..m.1].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(found("Masrour Bar\u{200d}zani said"), ["Masrour Bar\u{200d}zani"]);
        assert_eq!(found("to amasina, to'amasina and the ma; the Hague"), ["to'amasina", "the ma"]);
        assert_eq!(found("said y"), ["y"]);
    }

    #[test]
    fn partial_scan_finds_names_after_skipped_runs() {
        let names: Vec<String> =
            ["New York", "the Hague", "U.S", "(", "x"].iter().map(|s| s.to_string()).collect();
        let chs = channels(&names);
        let text = "said the New York office, near the U.S. border (and the Hague). x";
        let full = spans(&chs, text, true);
        assert_eq!(spans(&chs, text, false), full);
        let exact: Vec<&str> = full.iter().filter(|m| m.2 == 0).map(|m| &text[m.0..m.1]).collect();
        assert_eq!(exact, ["New York", "U.S", "(", "the Hague", "x"]);
    }
}
