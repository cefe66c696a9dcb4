//! Live updates: names added to and removed from a built [`Tagger`], without rebuilding it.
//!
//! A tagger's compiled gazetteers (its *base*) never change. Changes sit in a small
//! *overlay* beside the base:
//! - [`Tagger::add`] puts an entry in the overlay. The overlay is compiled, like a tagger of
//!   its own, the first time a text is tagged after a change; its matches join the base's
//!   before the rules and the overlap resolution run, so an added name behaves like a name
//!   of a gazetteer. On a span that the base knows too, the added entry is the entity and
//!   the base's readings become its alternatives.
//! - [`Tagger::remove`] records the name: from then on, spans whose text is that name (any
//!   capitalization, any white space between its tokens) lose the base's readings, and
//!   added entries of that name are dropped.
//!
//! The cost of a change is the overlay's, not the base's: adding a thousand names to a
//! tagger of a million compiles a thousand names. While a tagger has changes, each text is
//! tokenized in full (as with the rules on), which tags text without rules more slowly;
//! [`Tagger::clear_changes`] returns to the base alone.
//!
//! # Threads
//!
//! The changes belong to one [`Tagger`] value. A clone shares the base and a snapshot of the
//! changes made so far; a change to one value is not seen by its clones (copy on write).
//! To change the names of a tagger shared across threads, make the change on a clone and
//! publish the clone (for example behind an `RwLock<Tagger>` or an `ArcSwap`); threads
//! tagging with the old value go on undisturbed, and nothing is rebuilt but the overlay.
//!
//! ```
//! use gazetteer::{Entry, Gazetteer, Label, Tagger};
//! let mut g = Gazetteer::new("places");
//! g.push(Entry::new("Paris", Label::Loc));
//! g.push(Entry::new("Lyon", Label::Loc));
//! let mut tagger = Tagger::new([g])?;
//!
//! tagger.add(Entry::new("Acme Robotics", Label::Org).id("acme"))?;
//! assert!(tagger.remove("Lyon"));
//! let text = "Acme Robotics opened offices in Paris and Lyon.";
//! let found: Vec<_> = tagger.tag(text).iter().map(|e| e.text(text).unwrap_or_default().to_string()).collect();
//! assert_eq!(found, ["Acme Robotics", "Paris"]);
//!
//! let plain = tagger.replace(text, |e| Some(format!("[{}]", e.label)));
//! assert_eq!(plain, "[ORG] opened offices in [LOC] and Lyon.");
//! # Ok::<(), gazetteer::Error>(())
//! ```

use crate::entity::Entity;
use crate::entries::{Entries, EntryData};
use crate::error::{Error, Result};
use crate::fxhash::FxMap;
use crate::gazetteer::{has_visible, Entry, Gazetteer};
use crate::matcher::{MatchScratch, RawMatch};
use crate::normalize::KeyKind;
use crate::resolve::SpanCands;
use crate::tagger::{BuildOptions, Tagger};
use crate::tokenize::{tokenize_into, Token};
use once_cell::sync::OnceCell;

/// The source of entities that names added live give.
pub const ADDED_SOURCE: &str = "added";

/// At most this many surface forms can be added live; past it, build a new tagger.
pub const MAX_ADDED_FORMS: usize = 1 << 20;

/// A tagger's live changes.
#[derive(Clone, Default)]
pub(crate) struct Live {
    added: Vec<Entry>,
    forms: usize,
    /// Keys (see [`removal_key`]) of the names removed from the base.
    removed: FxMap<String, ()>,
    /// The added entries compiled, made on first use after a change.
    compiled: OnceCell<Option<Tagger>>,
}

/// What the overlay needs of the base tagger while tagging.
pub(crate) struct Base<'a> {
    pub entries: &'a Entries,
    pub internal_from: usize,
    pub options: BuildOptions,
}

/// Buffers of the overlay's scan, one per thread.
#[derive(Default)]
pub(crate) struct LiveScratch {
    raw: Vec<RawMatch>,
    m: MatchScratch,
    spans: Vec<SpanCands>,
    key: String,
    buf: String,
}

/// The key a removed name is recorded under: its tokens, case-folded, one space apart.
fn removal_key(text: &str, tokens: &[Token], key: &mut String, buf: &mut String) {
    key.clear();
    let kind = KeyKind { fold_case: true, fold_accents: false };
    for t in tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(kind.key(&text[t.start..t.end], buf));
    }
}

fn name_key(name: &str) -> String {
    let mut tokens = Vec::new();
    tokenize_into(name, &mut tokens);
    let (mut key, mut buf) = (String::new(), String::new());
    removal_key(name, &tokens, &mut key, &mut buf);
    key
}

impl Live {
    pub(crate) fn added_count(&self) -> usize {
        self.added.len()
    }

    pub(crate) fn memory_usage(&self) -> usize {
        let compiled = self.compiled.get().and_then(Option::as_ref).map_or(0, Tagger::base_memory_usage);
        compiled + self.removed.keys().map(|k| k.len() + 32).sum::<usize>()
    }

    /// The overlay, compiled with the base's options on first use after a change.
    fn overlay(&self, options: BuildOptions) -> Option<&Tagger> {
        self.compiled
            .get_or_init(|| {
                if self.added.is_empty() {
                    return None;
                }
                let mut g = Gazetteer::new(ADDED_SOURCE);
                for e in &self.added {
                    g.push(e.clone());
                }
                let mut b = Tagger::builder().gazetteer(g).overlap(options.overlap);
                if let Some(c) = options.case {
                    b = b.case(c);
                }
                if let Some(f) = options.fold_accents {
                    b = b.fold_accents(f);
                }
                b = b.transliterate(options.transliterate);
                // `add` keeps the overlay within the matcher's limits, so this holds.
                b.build().ok()
            })
            .as_ref()
    }

    /// Applies the changes to the base's spans of one text (`tokens` is every token of it,
    /// left as it is;
    /// `spans` sorted by token range): removed names lose the base's readings, and the
    /// overlay's matches join, as readings `entries.len() + k` of `dynamic`.
    pub(crate) fn apply(
        &self,
        base: &Base<'_>,
        text: &str,
        tokens: &mut Vec<Token>,
        dynamic: &mut Vec<EntryData>,
        spans: &mut Vec<SpanCands>,
        s: &mut LiveScratch,
    ) {
        let n = base.entries.len();
        if !self.removed.is_empty() {
            let gazetteer = base.internal_from as u32;
            spans.retain_mut(|sp| {
                removal_key(
                    text,
                    &tokens[sp.start_tok as usize..sp.end_tok as usize],
                    &mut s.key,
                    &mut s.buf,
                );
                if !self.removed.contains_key(&s.key) {
                    return true;
                }
                sp.cands.retain(|&c| c >= gazetteer);
                match sp.cands.first() {
                    Some(&c) => {
                        sp.best_priority = base.entries.priority(c);
                        true
                    }
                    None => false,
                }
            });
        }
        let Some(overlay) = self.overlay(base.options) else { return };
        s.spans.clear();
        overlay.find_spans(text, tokens, true, &mut s.raw, &mut s.m, &mut s.spans);
        let mut unsorted = false;
        for sp in s.spans.drain(..) {
            let cands: Vec<u32> = sp
                .cands
                .iter()
                .map(|&c| {
                    dynamic.push(overlay.entry_data(c));
                    (n + dynamic.len() - 1) as u32
                })
                .collect();
            let at = spans.partition_point(|x| (x.start_tok, x.end_tok) < (sp.start_tok, sp.end_tok));
            match spans.get_mut(at).filter(|x| (x.start_tok, x.end_tok) == (sp.start_tok, sp.end_tok)) {
                Some(x) => {
                    // Names added live come first, before every reading of the base.
                    x.cands.splice(0..0, cands);
                    x.best_priority = crate::entries::entry(base.entries, dynamic, x.cands[0]).priority;
                }
                None => {
                    unsorted = true;
                    spans.push(SpanCands { cands, ..sp });
                }
            }
        }
        if unsorted {
            spans.sort_by_key(|x| (x.start_tok, x.end_tok));
        }
    }
}

impl Tagger {
    /// Adds an entry to this tagger: it is found from the next call to [`Tagger::tag`] on,
    /// with the source `"added"`. On a span that the gazetteers the tagger was built with
    /// know too, the added entry comes first, and theirs are its alternatives. The built gazetteers are not rebuilt (see [`crate::live`]).
    ///
    /// # Errors
    /// When no surface form of the entry has a visible character, or when more than
    /// [`MAX_ADDED_FORMS`] forms would have been added.
    pub fn add(&mut self, entry: Entry) -> Result<()> {
        let forms = entry.surface_forms().filter(|f| has_visible(f)).count();
        if forms == 0 {
            return Err(Error::build(format!("entry {:?}: no visible characters to match", entry.name)));
        }
        let live = self.live_mut();
        if live.forms + forms > MAX_ADDED_FORMS {
            return Err(Error::build(format!(
                "more than {MAX_ADDED_FORMS} names added to a built tagger: build a new one"
            )));
        }
        live.forms += forms;
        live.added.push(entry);
        live.compiled = OnceCell::new();
        Ok(())
    }

    /// Adds entries (see [`Tagger::add`]); on an error, the entries before the bad one are
    /// added.
    pub fn add_all(&mut self, entries: impl IntoIterator<Item = Entry>) -> Result<()> {
        entries.into_iter().try_for_each(|e| self.add(e))
    }

    /// Stops `name` from matching: from the next call to [`Tagger::tag`] on, a span whose
    /// text is `name` (in any capitalization) gets no reading from the gazetteers the
    /// tagger was built with, and entries added with that name are dropped (their other
    /// surface forms too). Returns whether the tagger found `name` (as written) before the
    /// call, or an added entry was dropped.
    ///
    /// Context rules still run: a name removed from the gazetteers can still be found by a
    /// rule (switch that rule off to prevent it).
    pub fn remove(&mut self, name: &str) -> bool {
        let key = name_key(name);
        if key.is_empty() {
            return false;
        }
        let whole = |t: &Tagger| t.tag(name).iter().any(|e| e.start == 0 && e.end == name.len());
        let known =
            whole(&self.base()) || self.live().is_some_and(|l| l.overlay(self.options()).is_some_and(whole));
        let live = self.live_mut();
        let before = live.added.len();
        live.added.retain(|e| !e.surface_forms().any(|f| name_key(f) == key));
        let dropped = live.added.len() != before;
        if dropped {
            live.forms = live.added.iter().map(|e| e.surface_forms().count()).sum();
            live.compiled = OnceCell::new();
        }
        live.removed.insert(key, ());
        known || dropped
    }

    /// Drops every change made with [`Tagger::add`] and [`Tagger::remove`].
    pub fn clear_changes(&mut self) {
        self.drop_live();
    }

    /// `text` with each entity replaced by what `f` returns for it (`None` keeps the text),
    /// like FlashText's `replace_keywords`.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut g = Gazetteer::new("g");
    /// g.push(Entry::new("New Delhi", Label::Loc).alias("Delhi"));
    /// let t = Tagger::new([g])?;
    /// let out = t.replace("From Delhi to New Delhi.", |e| Some(e.name.to_string()));
    /// assert_eq!(out, "From New Delhi to New Delhi.");
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    pub fn replace(&self, text: &str, mut f: impl FnMut(&Entity) -> Option<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for e in self.tag(text) {
            // Overlapping entities (`Overlap::All`): only the first of a group is replaced.
            if e.start < at {
                continue;
            }
            if let Some(r) = f(&e) {
                out.push_str(&text[at..e.start]);
                out.push_str(&r);
                at = e.end;
            }
        }
        out.push_str(&text[at..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;

    fn base() -> Tagger {
        let mut g = Gazetteer::new("base");
        g.push(Entry::new("Paris", Label::Loc).id("p"));
        g.push(Entry::new("Jordan", Label::Loc).priority(5));
        g.push(Entry::new("New York", Label::Loc));
        Tagger::new([g]).unwrap()
    }

    fn found(t: &Tagger, text: &str) -> Vec<(String, String, Option<String>)> {
        t.tag(text)
            .iter()
            .map(|e| {
                (
                    e.text(text).unwrap_or_default().to_string(),
                    e.label.to_string(),
                    e.id.as_deref().map(str::to_string),
                )
            })
            .collect()
    }

    #[test]
    fn added_names_win_ties_and_join_spans() {
        let mut t = base();
        t.add(Entry::new("Paris", Label::Per).id("me:paris")).unwrap();
        t.add(Entry::new("New York Times", Label::Org)).unwrap();
        let text = "Paris read the New York Times in New York.";
        let es = t.tag(text);
        assert_eq!(
            (es[0].label.as_str(), es[0].id.as_deref(), &*es[0].source),
            ("PER", Some("me:paris"), "added")
        );
        assert_eq!(es[0].alternatives[0].id.as_deref(), Some("p"));
        assert_eq!(es[1].text(text).unwrap_or_default(), "New York Times");
        assert_eq!(es[2].text(text).unwrap_or_default(), "New York");
        // Whatever the base's priority.
        t.add(Entry::new("Jordan", Label::Per)).unwrap();
        let es = t.tag("Jordan");
        assert_eq!((es[0].label.as_str(), es[0].alternatives[0].label.as_str()), ("PER", "LOC"));
    }

    #[test]
    fn removal_hides_base_and_added_names() {
        let mut t = base();
        let before = t.clone();
        assert!(t.remove("PARIS"));
        assert!(!t.remove("Lyon"));
        assert_eq!(found(&t, "Paris and PARIS, New York."), [("New York".into(), "LOC".into(), None)]);
        // The clone made before is untouched.
        assert_eq!(before.tag("Paris").len(), 1);
        t.add(Entry::new("Acme", Label::Org).alias("Acme Corp")).unwrap();
        assert_eq!(t.tag("Acme Corp").len(), 1);
        assert!(t.remove("acme"));
        assert!(t.tag("Acme Corp and Acme").is_empty());
        assert_eq!(t.entry_count(), 3);
        t.clear_changes();
        assert_eq!(t.tag("Paris").len(), 1);
    }

    #[test]
    fn names_removed_then_added_come_back_as_added() {
        let mut t = base();
        t.remove("Paris");
        t.add(Entry::new("Paris", Label::Org)).unwrap();
        let es = t.tag("in Paris");
        assert_eq!((es.len(), es[0].label.as_str(), es[0].alternatives.len()), (1, "ORG", 0));
    }

    #[test]
    fn invisible_names_are_refused() {
        let mut t = base();
        assert!(t.add(Entry::new(" \u{200b} ", Label::Org)).is_err());
        assert_eq!(t.entry_count(), 3);
    }

    #[test]
    fn replace_keeps_the_rest_of_the_text() {
        let t = base();
        let text = "Å Paris – New York!";
        assert_eq!(t.replace(text, |e| Some(e.label.to_string())), "Å LOC – LOC!");
        assert_eq!(t.replace(text, |e| (e.label == Label::Per).then(String::new)), text);
        assert_eq!(t.replace("", |_| Some("x".into())), "");
    }

    #[test]
    fn live_changes_work_with_rules() {
        let mut g = Gazetteer::new("base");
        g.push(Entry::new("Paris", Label::Loc));
        let mut t = Tagger::builder().gazetteer(g).rules(crate::Rules::all()).build().unwrap();
        t.add(Entry::new("Zyxco", Label::Org)).unwrap();
        let text = "Zyxco opened an office in Paris on Monday.";
        let es = t.tag(text);
        assert!(
            es.iter().any(|e| e.text(text).unwrap_or_default() == "Zyxco" && e.label == Label::Org),
            "{es:?}"
        );
        assert!(es.iter().any(|e| e.text(text).unwrap_or_default() == "Paris"));
    }
}
