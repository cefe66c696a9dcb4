//! The entries a tagger knows, stored compactly.
//!
//! A tagger over a million names holds a million entries, so an entry is 16 bytes: its
//! name and id are length-prefixed stretches of one shared string, its label and source
//! are indices into short tables. Entities get their own copies of the strings when they are made, so the
//! tagger shares nothing mutable between threads (no reference counts to contend on).
//!
//! Readings that the rules make while tagging one document are [`EntryData`]: owned, and
//! dropped with the document. [`entry`] looks up either kind as an [`EntryRef`].

use crate::label::Label;
use std::sync::Arc;

/// A reading made for one document (by a rule), with its own strings.
#[derive(Clone, Debug)]
pub(crate) struct EntryData {
    pub name: Arc<str>,
    pub label: Label,
    pub id: Option<Arc<str>>,
    pub priority: i32,
    pub source: Arc<str>,
}

/// An entry, wherever it is kept.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntryRef<'a> {
    pub name: &'a str,
    pub label: &'a Label,
    pub id: Option<&'a str>,
    pub priority: i32,
    pub source: &'a Arc<str>,
}

impl EntryRef<'_> {
    /// An owned copy, for a reading derived from this one.
    pub(crate) fn to_data(self) -> EntryData {
        EntryData {
            name: self.name.into(),
            label: self.label.clone(),
            id: self.id.map(Into::into),
            priority: self.priority,
            source: self.source.clone(),
        }
    }
}

/// One stored entry: 16 bytes.
#[derive(Clone, Copy, Debug)]
struct Meta {
    /// Where the name's length prefix starts in `strings`.
    name: u32,
    /// Where the id's length prefix starts, or `NO_ID` when the entry has no id.
    id: u32,
    priority: i32,
    label: u16,
    source: u16,
}

const NO_ID: u32 = u32::MAX;

/// The entries of a tagger.
pub(crate) struct Entries {
    meta: Vec<Meta>,
    strings: String,
    labels: Vec<Label>,
    sources: Vec<Arc<str>>,
    /// Tells these entries from any others, for [`StringCache`].
    uid: u64,
}

impl Default for Entries {
    fn default() -> Entries {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Entries {
            meta: Vec::new(),
            strings: String::new(),
            labels: Vec::new(),
            sources: Vec::new(),
            uid: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

/// The strings of the entities one thread makes, shared between its entities: an
/// entity's name, id and source are reference-counted copies made once per entry and
/// thread (not once per mention, and not shared with other threads, so no two threads
/// count references on one string). Bounded: it starts over past 65,536 entries.
#[derive(Default)]
pub(crate) struct StringCache {
    owner: u64,
    strings: crate::fxhash::FxMap<u32, (Arc<str>, Option<Arc<str>>)>,
    sources: Vec<Option<Arc<str>>>,
}

impl StringCache {
    /// The name, id and source of candidate `c` (see [`entry`]).
    pub(crate) fn get(
        &mut self,
        entries: &Entries,
        dynamic: &[EntryData],
        c: u32,
    ) -> (Arc<str>, Option<Arc<str>>, Arc<str>) {
        let n = entries.len();
        if c as usize >= n {
            let d = &dynamic[c as usize - n];
            return (d.name.clone(), d.id.clone(), d.source.clone());
        }
        if self.owner != entries.uid || self.strings.len() >= 1 << 16 {
            if self.owner != entries.uid {
                self.sources.clear();
            }
            self.owner = entries.uid;
            self.strings.clear();
        }
        let m = &entries.meta[c as usize];
        let (name, id) = self
            .strings
            .entry(c)
            .or_insert_with(|| {
                let id = (m.id != NO_ID).then(|| entries.string(m.id).into());
                (entries.string(m.name).into(), id)
            })
            .clone();
        let k = m.source as usize;
        if self.sources.len() <= k {
            self.sources.resize(k + 1, None);
        }
        let source = self.sources[k].get_or_insert_with(|| (*entries.sources[k]).into()).clone();
        (name, id, source)
    }
}

impl Entries {
    pub(crate) fn len(&self) -> usize {
        self.meta.len()
    }

    /// Adds an entry; returns its index.
    pub(crate) fn push(
        &mut self,
        name: &str,
        label: &Label,
        id: Option<&str>,
        priority: i32,
        source: &Arc<str>,
    ) -> Result<u32, String> {
        let label = match self.labels.iter().position(|l| l == label) {
            Some(i) => i,
            None => {
                self.labels.push(label.clone());
                self.labels.len() - 1
            }
        };
        let source = match self.sources.iter().position(|s| Arc::ptr_eq(s, source) || s == source) {
            Some(i) => i,
            None => {
                self.sources.push(source.clone());
                self.sources.len() - 1
            }
        };
        let name = self.intern(name)?;
        let id = match id {
            Some(id) => self.intern(id)?,
            None => NO_ID,
        };
        let too_many = || "too many entries, labels or sources".to_string();
        let m = Meta {
            name,
            id,
            priority,
            label: u16::try_from(label).map_err(|_| too_many())?,
            source: u16::try_from(source).map_err(|_| too_many())?,
        };
        let ix = u32::try_from(self.meta.len()).map_err(|_| too_many())?;
        self.meta.push(m);
        Ok(ix)
    }

    /// A copy of entry `ix` with another priority (a surface form with a priority of its
    /// own); the strings are shared.
    pub(crate) fn push_variant(&mut self, ix: u32, priority: i32) -> Result<u32, String> {
        let m = Meta { priority, ..self.meta[ix as usize] };
        let v = u32::try_from(self.meta.len()).map_err(|_| "too many entries".to_string())?;
        self.meta.push(m);
        Ok(v)
    }

    /// Appends `s` with its length in front: six bits per byte, low bits first, every
    /// byte but the last with bit 6 set (ASCII, so the arena stays a `String`).
    fn intern(&mut self, s: &str) -> Result<u32, String> {
        let at =
            u32::try_from(self.strings.len()).map_err(|_| "entry names and ids exceed 4 GiB".to_string())?;
        let mut n = s.len();
        loop {
            let digit = (n & 0x3F) as u8;
            n >>= 6;
            self.strings.push(char::from(if n > 0 { digit | 0x40 } else { digit }));
            if n == 0 {
                break;
            }
        }
        self.strings.push_str(s);
        Ok(at)
    }

    /// The string stored at `at` by [`Entries::intern`].
    #[inline]
    fn string(&self, at: u32) -> &str {
        let b = self.strings.as_bytes();
        let (mut i, mut n, mut shift) = (at as usize, 0usize, 0);
        loop {
            let d = b[i];
            n |= usize::from(d & 0x3F) << shift;
            i += 1;
            shift += 6;
            if d & 0x40 == 0 {
                break;
            }
        }
        &self.strings[i..i + n]
    }

    #[inline]
    pub(crate) fn get(&self, ix: u32) -> EntryRef<'_> {
        let m = &self.meta[ix as usize];
        EntryRef {
            name: self.string(m.name),
            label: &self.labels[m.label as usize],
            id: (m.id != NO_ID).then(|| self.string(m.id)),
            priority: m.priority,
            source: &self.sources[m.source as usize],
        }
    }

    #[inline]
    pub(crate) fn priority(&self, ix: u32) -> i32 {
        self.meta[ix as usize].priority
    }

    #[inline]
    pub(crate) fn label(&self, ix: u32) -> &Label {
        &self.labels[self.meta[ix as usize].label as usize]
    }

    pub(crate) fn shrink(&mut self) {
        self.meta.shrink_to_fit();
        self.strings.shrink_to_fit();
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        self.meta.capacity() * std::mem::size_of::<Meta>()
            + self.strings.capacity()
            + self.labels.capacity() * std::mem::size_of::<Label>()
            + self.sources.iter().map(|s| s.len() + 32).sum::<usize>()
    }
}

/// Candidate `c`: an entry of the tagger, or a reading a rule made for this document
/// (`dynamic[c - entries.len()]`).
#[inline]
pub(crate) fn entry<'a>(entries: &'a Entries, dynamic: &'a [EntryData], c: u32) -> EntryRef<'a> {
    let n = entries.len();
    if (c as usize) < n {
        entries.get(c)
    } else {
        let d = &dynamic[c as usize - n];
        EntryRef {
            name: &d.name,
            label: &d.label,
            id: d.id.as_deref(),
            priority: d.priority,
            source: &d.source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_share_tables() {
        let (a, b): (Arc<str>, Arc<str>) = ("a.tsv".into(), "b.tsv".into());
        let mut e = Entries::default();
        let x = e.push("Erbil", &Label::Loc, Some("Q1"), 10, &a).unwrap();
        let y = e.push("KRG", &Label::Org, None, 0, &b).unwrap();
        let z = e.push_variant(x, 50).unwrap();
        let w = e.push("Duhok", &Label::Loc, None, 0, &a).unwrap();
        assert_eq!((x, y, z, w), (0, 1, 2, 3));
        let g = e.get(x);
        assert_eq!(
            (g.name, g.label, g.id, g.priority, &**g.source),
            ("Erbil", &Label::Loc, Some("Q1"), 10, "a.tsv")
        );
        let g = e.get(z);
        assert_eq!((g.name, g.id, g.priority), ("Erbil", Some("Q1"), 50));
        assert_eq!(e.get(y).id, None);
        assert_eq!((e.labels.len(), e.sources.len()), (2, 2));
        assert_eq!(std::mem::size_of::<Meta>(), 16);
        let dynamic =
            [EntryData { name: "Bell".into(), label: Label::Per, id: None, priority: 5, source: b }];
        assert_eq!(entry(&e, &dynamic, 4).name, "Bell");
        assert_eq!(entry(&e, &dynamic, 1).name, "KRG");
        // Length prefixes of several bytes.
        let long = "x".repeat(70_000);
        let v = e.push(&long, &Label::Misc, Some(""), 0, &a).unwrap();
        assert!(e.get(v).name == long && e.get(v).id == Some(""));
        assert_eq!(e.get(w).name, "Duhok");
    }
}
