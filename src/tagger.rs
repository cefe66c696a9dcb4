//! The tagger: gazetteers compiled into matchers, and the pipeline that runs them.

use crate::entity::{Candidate, Entity};
use crate::entries::{entry, Entries, EntryData, StringCache};
use crate::error::{Error, Result};
use crate::fxhash::FxMap;
use crate::gazetteer::{CaseMode, Gazetteer};
use crate::label::Label;
use crate::live::{Live, LiveScratch};
use crate::matcher::{find_all, Channel, ChannelBuilder, MatchScratch, RawMatch};
use crate::normalize::KeyKind;
use crate::patterns::{PatternSet, PatternStage};
use crate::resolve::{group, resolve, Overlap, SpanCands};
use crate::rules::{ExtraStages, Lexicon, RuleEngine, RuleScratch, Rules, Stage};
use crate::tokenize::{tokenize_into, Token};
use std::cell::RefCell;
use std::sync::Arc;

pub(crate) struct Inner {
    pub entries: Entries,
    pub channels: Vec<Channel>,
    pub overlap: Overlap,
    pub rules: Option<RuleEngine>,
    /// Entries as the gazetteers hold them (`entries` also holds copies of entries for
    /// surface forms with a priority of their own).
    pub distinct: usize,
    /// The options the tagger was built with, for the names added to it later.
    pub options: BuildOptions,
    /// Entries before this one come from the caller's gazetteers, the rest from the base
    /// ones (the bundled data): on one span, the caller's readings come first.
    pub caller_until: u32,
    /// Entries from here on are the rules' lexicon phrases (titles, designators).
    pub internal_from: usize,
}

/// The builder's options that apply to every entry, kept for names added later.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct BuildOptions {
    pub overlap: Overlap,
    pub case: Option<CaseMode>,
    pub fold_accents: Option<bool>,
    pub transliterate: bool,
}

/// Tags named entities in text. Cheap to clone and share across threads (`Send + Sync`;
/// the compiled data sits behind an `Arc`).
///
/// ```
/// use gazetteer::{Entry, Gazetteer, Label, Tagger};
/// let mut g = Gazetteer::new("demo");
/// g.push(Entry::new("Erbil", Label::Loc));
/// g.push(Entry::new("Kurdistan Regional Government", Label::Org).alias("KRG"));
/// let tagger = Tagger::builder().gazetteer(g).build().unwrap();
///
/// let text = "ERBIL: the Kurdistan Regional Government's offices in Erbil.";
/// let found: Vec<_> = tagger.tag(text).into_iter().map(|e| (e.text(text), e.label.to_string())).collect();
/// let want = [("ERBIL", "LOC"), ("Kurdistan Regional Government", "ORG"), ("Erbil", "LOC")];
/// assert_eq!(found, want.map(|(t, l)| (Some(t), l.to_string())));
/// ```
#[derive(Clone)]
pub struct Tagger {
    inner: Arc<Inner>,
    /// Names added and removed after the build (see [`Tagger::add`]), over the shared base.
    live: Option<Arc<Live>>,
}

/// Reusable buffers for tagging; one per thread. [`Tagger::tag`] keeps one per thread
/// itself; pass your own to [`Tagger::tag_with`] to control where they live.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    raw: Vec<RawMatch>,
    spans: Vec<SpanCands>,
    taken: Vec<bool>,
    m: MatchScratch,
    rules: RuleScratch,
    /// Readings made for this document by rules: candidate `entries.len() + k`.
    dynamic: Vec<EntryData>,
    strings: StringCache,
    live: LiveScratch,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Tagger {
    /// A builder.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// A tagger over `gazetteers` with default options.
    ///
    /// # Errors
    /// When the matcher cannot be built (more than two million distinct name tokens).
    pub fn new(gazetteers: impl IntoIterator<Item = Gazetteer>) -> Result<Tagger> {
        Tagger::builder().gazetteers(gazetteers).build()
    }

    /// A tagger that finds nothing.
    pub fn empty() -> Tagger {
        Tagger {
            inner: Arc::new(Inner {
                entries: Entries::default(),
                distinct: 0,
                channels: Vec::new(),
                overlap: Overlap::Resolve,
                rules: None,
                options: BuildOptions::default(),
                caller_until: 0,
                internal_from: 0,
            }),
            live: None,
        }
    }

    /// The entities of `text`, in text order.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.tag_with(text, &mut s),
            // Re-entrant use from the same thread (not possible through this API, but
            // cheap to be safe about): use fresh buffers.
            Err(_) => self.tag_with(text, &mut Scratch::default()),
        })
    }

    /// The entities of `text`, using `scratch` for the working buffers.
    pub fn tag_with(&self, text: &str, scratch: &mut Scratch) -> Vec<Entity> {
        let mut out = Vec::new();
        self.tag_into(text, scratch, &mut out);
        out
    }

    /// Appends the entities of `text` to `out`.
    pub fn tag_into(&self, text: &str, s: &mut Scratch, out: &mut Vec<Entity>) {
        let inner = &*self.inner;
        s.tokens.clear();
        s.dynamic.clear();
        let rules = inner.rules.as_ref();
        // The rules and live changes read every token; without them, only the runs of
        // text that can hold a name are tokenized (see `matcher::find_all`).
        let full = rules.is_some() || self.live.is_some();
        if full {
            tokenize_into(text, &mut s.tokens);
        }
        let mut spans = std::mem::take(&mut s.spans);
        spans.clear();
        self.find_spans(text, &mut s.tokens, full, &mut s.raw, &mut s.m, &mut spans);
        let entries = &inner.entries;
        if let Some(live) = &self.live {
            let base =
                crate::live::Base { entries, internal_from: inner.internal_from, options: inner.options };
            live.apply(&base, text, &mut s.tokens, &mut s.dynamic, &mut spans, &mut s.live);
        }
        if let Some(rules) = rules {
            rules.run(text, &s.tokens, entries, &mut spans, &mut s.dynamic, &mut s.taken, &mut s.rules);
        } else if inner.overlap == Overlap::Resolve {
            resolve(&mut spans, s.tokens.len(), &mut s.taken);
        }
        out.reserve(spans.len());
        let (strings, dynamic) = (&mut s.strings, &s.dynamic);
        let mut candidate = |c: u32| {
            let (name, id, source) = strings.get(entries, dynamic, c);
            Candidate { label: entry(entries, dynamic, c).label.clone(), name, id, source }
        };
        for sp in &spans {
            let best = candidate(sp.cands[0]);
            let alternatives = sp.cands[1..].iter().map(|&c| candidate(c)).collect();
            out.push(Entity {
                start: sp.start,
                end: sp.end,
                label: best.label,
                name: best.name,
                id: best.id,
                source: best.source,
                alternatives,
            });
        }
        s.spans = spans;
    }

    /// Every gazetteer match in `tokens`, grouped by span (no overlap resolution).
    pub(crate) fn find_spans(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        tokenized: bool,
        raw: &mut Vec<RawMatch>,
        m: &mut MatchScratch,
        out: &mut Vec<SpanCands>,
    ) {
        let inner = &*self.inner;
        raw.clear();
        find_all(&inner.channels, text, tokens, tokenized, m, raw);
        let channels = &inner.channels;
        let entries = &inner.entries;
        group(
            raw,
            tokens,
            |r, out| channels[r.channel as usize].entries_into(r, out),
            |e| entries.priority(e),
            inner.caller_until,
            out,
        );
    }

    /// Tags many texts, in order, on all available cores.
    pub fn tag_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<Entity>> {
        self.tag_batch_threads(texts, std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    /// Tags many texts, in order, on at most `threads` threads (each with its own
    /// [`Scratch`]). Threads take the texts a few at a time as they finish, so a batch of
    /// uneven texts still keeps every thread busy to the end.
    pub fn tag_batch_threads<S: AsRef<str> + Sync>(&self, texts: &[S], threads: usize) -> Vec<Vec<Entity>> {
        self.map_batch(texts, threads, |_, found| found)
    }

    /// Tags many texts on at most `threads` threads as [`Tagger::tag_batch_threads`] does,
    /// and turns each text's entities into what `f` makes of them on the same thread, so
    /// that work on the results (converting offsets, a binding's own types) runs in
    /// parallel too. The results are in the texts' order.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut g = Gazetteer::new("g");
    /// g.push(Entry::new("Lima", Label::Loc));
    /// let t = Tagger::new([g])?;
    /// let texts = ["Lima and Lima", "no name", "Lima"];
    /// assert_eq!(t.map_batch(&texts, 2, |_, found| found.len()), [2, 0, 1]);
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    pub fn map_batch<S, T, F>(&self, texts: &[S], threads: usize, f: F) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(&str, Vec<Entity>) -> T + Sync,
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = threads.min(texts.len()).max(1);
        if threads <= 1 {
            return texts.iter().map(|t| f(t.as_ref(), self.tag(t.as_ref()))).collect();
        }
        // Blocks small enough to balance, large enough that taking one costs nothing.
        let block = (texts.len() / (threads * 16)).clamp(1, 64);
        let next = AtomicUsize::new(0);
        let work = |s: &mut Scratch| {
            let mut done = Vec::new();
            loop {
                let from = next.fetch_add(block, Ordering::Relaxed);
                if from >= texts.len() {
                    return done;
                }
                for (i, t) in texts[from..(from + block).min(texts.len())].iter().enumerate() {
                    let t = t.as_ref();
                    done.push((from + i, f(t, self.tag_with(t, s))));
                }
            }
        };
        let parts = std::thread::scope(|sc| {
            let others: Vec<_> = (1..threads).map(|_| sc.spawn(|| work(&mut Scratch::default()))).collect();
            // The calling thread keeps its own buffers and caches from earlier calls.
            let mine = SCRATCH.with(|s| match s.try_borrow_mut() {
                Ok(mut s) => work(&mut s),
                Err(_) => work(&mut Scratch::default()),
            });
            let mut parts = vec![mine];
            parts.extend(
                others.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            );
            parts
        });
        let mut out: Vec<Option<T>> = (0..texts.len()).map(|_| None).collect();
        for (i, found) in parts.into_iter().flatten() {
            out[i] = Some(found);
        }
        // Every index was taken by exactly one thread.
        out.into_iter().flatten().collect()
    }

    /// The number of entries: those built in, plus those added live (see [`Tagger::add`]).
    pub fn entry_count(&self) -> usize {
        self.inner.distinct + self.live.as_ref().map_or(0, |l| l.added_count())
    }

    /// Approximate heap bytes held by the compiled tagger (its live changes included).
    pub fn memory_usage(&self) -> usize {
        self.base_memory_usage() + self.live.as_ref().map_or(0, |l| l.memory_usage())
    }

    pub(crate) fn base_memory_usage(&self) -> usize {
        self.inner.entries.memory_usage()
            + self.inner.channels.iter().map(Channel::memory_usage).sum::<usize>()
    }

    /// Entry `c` of this tagger, as an owned reading.
    pub(crate) fn entry_data(&self, c: u32) -> EntryData {
        self.inner.entries.get(c).to_data()
    }

    /// The options the tagger was built with.
    pub(crate) fn options(&self) -> BuildOptions {
        self.inner.options
    }

    /// The tagger without its live changes.
    pub(crate) fn base(&self) -> Tagger {
        Tagger { inner: self.inner.clone(), live: None }
    }

    /// The live changes, made this tagger's own (copy on write: clones made before keep
    /// theirs).
    pub(crate) fn live_mut(&mut self) -> &mut Live {
        Arc::make_mut(self.live.get_or_insert_with(Default::default))
    }

    pub(crate) fn live(&self) -> Option<&Live> {
        self.live.as_deref()
    }

    pub(crate) fn drop_live(&mut self) {
        self.live = None;
    }
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("entries", &self.inner.entries.len())
            .field("channels", &self.inner.channels.len())
            .field("overlap", &self.inner.overlap)
            .finish()
    }
}

/// Configures and builds a [`Tagger`].
///
/// # Precedence
///
/// When entries claim overlapping text, the tagger keeps (with [`Overlap::Resolve`]):
/// 1. the longest span (in bytes); then the span whose best reading has the higher
///    priority; then the one that starts first;
///
/// and, of the readings of one span, the entity is the first of:
/// 2. names added live ([`Tagger::add`]);
/// 3. entries of the caller's gazetteers ([`TaggerBuilder::gazetteer`]), higher priority
///    first, then the gazetteer added first, then the entry first in its gazetteer;
/// 4. entries of base gazetteers (the bundled data, [`TaggerBuilder::bundled`], or
///    [`TaggerBuilder::base_gazetteers`]), in the same order;
/// 5. readings of the context rules, which add a reading only when no reading of the span
///    has their label, ranked by their priority among the others.
///
/// The other readings are the entity's [`crate::Entity::alternatives`].
///
/// ```
/// use gazetteer::{CaseMode, Entry, Gazetteer, Label, Overlap, Tagger};
/// let mut g = Gazetteer::new("demo");
/// g.push(Entry::new("New York", Label::Loc));
/// g.push(Entry::new("New York Times", Label::Org));
/// let all = Tagger::builder().gazetteer(g.clone()).overlap(Overlap::All).build().unwrap();
/// assert_eq!(all.tag("the New York Times").len(), 2);
/// let ci = Tagger::builder().gazetteer(g).case(CaseMode::Ignore).build().unwrap();
/// assert_eq!(ci.tag("new york times")[0].label, Label::Org);
/// ```
#[derive(Clone, Debug, Default)]
pub struct TaggerBuilder {
    gazetteers: Vec<Gazetteer>,
    /// Gazetteers that the caller's own win ties against (the bundled data).
    base: Vec<Gazetteer>,
    overlap: Overlap,
    case: Option<CaseMode>,
    fold_accents: Option<bool>,
    rules: Option<Rules>,
    lexicon: Option<Lexicon>,
    stages: ExtraStages,
    patterns: PatternSet,
    overwrite_ents: bool,
    /// Stages switched off by name ([`TaggerBuilder::disable_stage`]).
    disabled: Vec<String>,
    pub(crate) transliterate: Option<bool>,
}

impl TaggerBuilder {
    /// Transliterates names (off unless set; on with the bundled data, see
    /// [`TaggerBuilder::bundled`]): a word written with letters beyond ASCII that no name
    /// holds as written is looked up again with its accents and special letters folded
    /// ("İlham Əliyev" finds "Ilham Aliyev", "Wałęsa" finds "Walesa"), and every person's
    /// name also matches in its common romanization variants ("Tokaev" for "Tokayev",
    /// "Kasym" for "Qasym"; see [`crate::romanization_variants`]). Words in plain ASCII are
    /// looked up as before.
    ///
    /// ```
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut g = Gazetteer::new("demo");
    /// g.push(Entry::new("Ilham Aliyev", Label::Per));
    /// let t = Tagger::builder().gazetteer(g).transliterate(true).build().unwrap();
    /// assert_eq!(t.tag("İlham Əliyev said").len(), 1);
    /// assert_eq!(t.tag("Ilham Aliev said").len(), 1);
    /// ```
    pub fn transliterate(mut self, yes: bool) -> TaggerBuilder {
        self.transliterate = Some(yes);
        self
    }

    /// Adds a gazetteer. On a span that several entries claim, the caller's entries win
    /// over the bundled data ([`TaggerBuilder::bundled`]) and other base gazetteers, and
    /// among the caller's gazetteers the one added first wins ties (see
    /// [`TaggerBuilder`] for the whole order).
    pub fn gazetteer(mut self, g: Gazetteer) -> TaggerBuilder {
        self.gazetteers.push(g);
        self
    }

    /// Adds gazetteers.
    pub fn gazetteers(mut self, gs: impl IntoIterator<Item = Gazetteer>) -> TaggerBuilder {
        self.gazetteers.extend(gs);
        self
    }

    /// Sets the overlap policy (default [`Overlap::Resolve`]).
    pub fn overlap(mut self, overlap: Overlap) -> TaggerBuilder {
        self.overlap = overlap;
        self
    }

    /// Forces one case mode on every entry of every gazetteer.
    pub fn case(mut self, case: CaseMode) -> TaggerBuilder {
        self.case = Some(case);
        self
    }

    /// Forces accent folding on or off for every entry.
    pub fn fold_accents(mut self, yes: bool) -> TaggerBuilder {
        self.fold_accents = Some(yes);
        self
    }

    /// Sets the context rules (see [`crate::rules`]); off unless set. Rules need a
    /// [`Lexicon`]: the bundled one (feature `embedded`) unless [`TaggerBuilder::lexicon`]
    /// gives another.
    pub fn rules(mut self, rules: Rules) -> TaggerBuilder {
        self.rules = Some(rules);
        self
    }

    /// Adds a stage of your own (see [`Stage`]): it runs on every document, after the
    /// built-in rules of its phase and the stages added before it, whether or not
    /// [`TaggerBuilder::rules`] is set.
    pub fn stage(mut self, stage: impl Stage + 'static) -> TaggerBuilder {
        self.stages.0.push(Arc::new(stage));
        self
    }

    /// Adds patterns (spaCy EntityRuler patterns, see [`crate::patterns`]). All the
    /// patterns a builder is given run as one stage named `patterns`
    /// ([`crate::patterns::STAGE_NAME`]) in the document phase, after the built-in rules
    /// and the stages added with [`TaggerBuilder::stage`], over the tokens the tagger made;
    /// they can test the entities found before them with `ENT_TYPE`, and their entities
    /// name the pattern file (and `#id`) as their `source`. The stage is switched off like
    /// any other, with [`TaggerBuilder::disable_stage`].
    ///
    /// ```
    /// use gazetteer::patterns::PatternSet;
    /// use gazetteer::{Entry, Gazetteer, Label, Tagger};
    /// let mut g = Gazetteer::new("names");
    /// g.push(Entry::new("Velcor", Label::Org));
    /// let p = PatternSet::from_jsonl("roles.jsonl",
    ///     r#"{"label": "ROLE", "pattern": [{"ENT_TYPE": "ORG"}, {"LOWER": "chief"}], "id": "chief"}"#)?;
    /// let tagger = Tagger::builder().gazetteer(g.clone()).patterns(p.clone()).build()?;
    /// let e = &tagger.tag("Velcor chief Anna Berg")[0];
    /// // spaCy's default: a pattern match touching an entity is dropped.
    /// assert_eq!((e.label.as_str(), &*e.source), ("ORG", "names"));
    /// let tagger = Tagger::builder().gazetteer(g.clone()).patterns(p.clone()).overwrite_ents(true).build()?;
    /// let e = &tagger.tag("Velcor chief Anna Berg")[0];
    /// assert_eq!((e.label.as_str(), &*e.name, &*e.source), ("ROLE", "Velcor chief", "roles.jsonl#chief"));
    /// // Switched off, the patterns do not run.
    /// let off = Tagger::builder().gazetteer(g).patterns(p).overwrite_ents(true).disable_stage("patterns").build()?;
    /// assert_eq!(&*off.tag("Velcor chief Anna Berg")[0].source, "names");
    /// # Ok::<(), gazetteer::Error>(())
    /// ```
    pub fn patterns(mut self, patterns: PatternSet) -> TaggerBuilder {
        self.patterns.extend(patterns);
        self
    }

    /// Adds the patterns of a file (JSON Lines); see [`TaggerBuilder::patterns`].
    ///
    /// # Errors
    /// When the file cannot be read, or at its first bad line (`FILE:LINE: reason`).
    pub fn pattern_file(self, path: &str) -> Result<TaggerBuilder> {
        Ok(self.patterns(PatternSet::load(path)?))
    }

    /// spaCy's `overwrite_ents` (default off): whether a pattern match replaces the
    /// entities it overlaps, or is dropped when it touches one.
    pub fn overwrite_ents(mut self, yes: bool) -> TaggerBuilder {
        self.overwrite_ents = yes;
        self
    }

    /// Switches a stage off by name: a built-in rule (one of [`Rules::NAMES`], as
    /// [`Rules::set`] does when rules are set), the patterns' stage (`patterns`), or a
    /// stage added with [`TaggerBuilder::stage`]. This is what the command's
    /// `--disable-rule NAME` does.
    ///
    /// [`TaggerBuilder::build`] fails when no stage has that name.
    pub fn disable_stage(mut self, name: &str) -> TaggerBuilder {
        self.disabled.push(name.to_string());
        self
    }

    /// Sets the word lists the rules use.
    pub fn lexicon(mut self, lexicon: Lexicon) -> TaggerBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Adds gazetteers that lose ties of equal priority to those of
    /// [`TaggerBuilder::gazetteer`]: the bundled data ([`TaggerBuilder::bundled`] adds it
    /// this way), or a base of your own.
    pub fn base_gazetteers(mut self, gs: impl IntoIterator<Item = Gazetteer>) -> TaggerBuilder {
        self.base.extend(gs);
        self
    }

    /// Whether rules were set.
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))]
    pub(crate) fn has_rules(&self) -> bool {
        self.rules.is_some()
    }

    /// Compiles the gazetteers.
    ///
    /// # Errors
    /// When the matcher cannot be built (more than two million distinct name tokens in
    /// one channel, or the automaton's own limits).
    pub fn build(self) -> Result<Tagger> {
        let transliterate = self.transliterate.unwrap_or(false);
        let mut entries = Entries::default();
        let mut channels: Vec<ChannelBuilder> = Vec::new();
        let mut tokens = Vec::new();
        let mut distinct = 0usize;
        // An id names one entry across all gazetteers: a later entry with the same id and
        // label adds its surface forms to the first.
        let mut by_id: FxMap<(&str, &Label), u32> = FxMap::default();
        let mut by_name: FxMap<(usize, &Label, &str), u32> = FxMap::default();
        // Sized once: growing a map of a million names rehashes it many times.
        // The caller's gazetteers come first, so that they win ties (and give the canonical
        // name of an id they share with the bundled data).
        let all = || self.gazetteers.iter().chain(&self.base);
        let without_id = all().flat_map(|g| g.entries()).filter(|e| e.id.is_none()).count();
        by_name.reserve(without_id);
        let mut caller_until = 0;
        for (gi, g) in all().enumerate() {
            if gi == self.gazetteers.len() {
                caller_until = entries.len() as u32;
            }
            let source: Arc<str> = g.name().into();
            for e in g.entries() {
                // Without an id, the same name and label twice in one gazetteer is one entry
                // too (a duplicated line), not two identical readings.
                let known = match e.id.as_deref() {
                    Some(id) => by_id.get(&(id, &e.label)).copied(),
                    None => by_name.get(&(gi, &e.label, e.name.as_str())).copied(),
                };
                let ix = match known {
                    Some(ix) => ix,
                    None => {
                        let ix = entries
                            .push(&e.name, &e.label, e.id.as_deref(), e.priority, &source)
                            .map_err(Error::build)?;
                        distinct += 1;
                        match e.id.as_deref() {
                            Some(id) => by_id.insert((id, &e.label), ix),
                            None => by_name.insert((gi, &e.label, e.name.as_str()), ix),
                        };
                        ix
                    }
                };
                let base_priority = entries.priority(ix);
                // Surface forms with a priority of their own point at a copy of the entry
                // that carries that priority.
                let mut variants: Vec<(i32, u32)> = Vec::new();
                let fold_accents = self.fold_accents.or(e.fold_accents).unwrap_or(g.fold_accents());
                for (form, priority, form_case) in e.forms() {
                    // A name of white space, invisible characters or lone marks would tag
                    // those in any text: it is no name (the file loaders reject it).
                    if !crate::gazetteer::has_visible(form) {
                        continue;
                    }
                    let priority = priority.or((e.priority != base_priority).then_some(e.priority));
                    let target = match priority {
                        Some(p) if p != base_priority => match variants.iter().find(|v| v.0 == p) {
                            Some(v) => v.1,
                            None => {
                                let vix = entries.push_variant(ix, p).map_err(Error::build)?;
                                variants.push((p, vix));
                                vix
                            }
                        },
                        _ => ix,
                    };
                    let case = self.case.or(form_case).or(e.case).unwrap_or(g.case());
                    let key = KeyKind { fold_case: case == CaseMode::Ignore, fold_accents };
                    let ch = channel_for(&mut channels, key);
                    tokens.clear();
                    tokenize_into(form, &mut tokens);
                    // Names in the default case mode match in capitals too (see
                    // `ChannelBuilder`).
                    channels[ch].add(form, &tokens, target, case == CaseMode::Upper).map_err(Error::build)?;
                    if transliterate && e.label == Label::Per {
                        for v in crate::normalize::romanization_variants(form) {
                            tokens.clear();
                            tokenize_into(&v, &mut tokens);
                            channels[ch]
                                .add(&v, &tokens, target, case == CaseMode::Upper)
                                .map_err(Error::build)?;
                        }
                    }
                }
            }
        }
        if self.base.is_empty() {
            caller_until = entries.len() as u32;
        }
        let internal_from = entries.len();
        let resolve = self.overlap == Overlap::Resolve;
        let (rules, stages) = self.stages_on()?;
        let mut rules = RuleEngine::new(rules, &stages, self.lexicon, resolve);
        if let Some(r) = &mut rules {
            r.set_internal_from(internal_from);
        }
        // The lexicon's phrases are read by the built-in rules alone.
        if let Some(r) = rules.as_ref().filter(|r| r.has_builtin()) {
            let g = r.lexicon().phrase_gazetteer();
            let source: Arc<str> = "lexicon".into();
            let key = KeyKind { fold_case: false, fold_accents: false };
            let ch = channel_for(&mut channels, key);
            for e in g.entries() {
                let ix = entries.push(&e.name, &e.label, None, 0, &source).map_err(Error::build)?;
                tokens.clear();
                tokenize_into(&e.name, &mut tokens);
                channels[ch].add(&e.name, &tokens, ix, true).map_err(Error::build)?;
            }
        }
        entries.shrink();
        channels.sort_by_key(ChannelBuilder::key);
        let channels =
            channels.into_iter().map(ChannelBuilder::build).collect::<std::result::Result<Vec<_>, _>>();
        let mut channels = channels.map_err(Error::build)?;
        for c in &mut channels {
            c.set_transliterate(transliterate);
        }
        Ok(Tagger {
            inner: Arc::new(Inner {
                entries,
                distinct,
                internal_from,
                channels,
                overlap: self.overlap,
                rules,
                options: BuildOptions {
                    overlap: self.overlap,
                    case: self.case,
                    fold_accents: self.fold_accents,
                    transliterate,
                },
                caller_until,
            }),
            live: None,
        })
    }
}

impl TaggerBuilder {
    /// The built-in rules and the other stages that run: those registered, the patterns'
    /// stage, less those switched off by name.
    fn stages_on(&self) -> Result<(Rules, ExtraStages)> {
        let mut rules = self.rules.unwrap_or_else(Rules::none);
        let mut extra = self.stages.clone();
        if !self.patterns.is_empty() {
            extra.0.push(Arc::new(PatternStage::new(self.patterns.clone(), self.overwrite_ents)));
        }
        let known: Vec<String> = Rules::NAMES
            .iter()
            .map(|n| n.to_string())
            .chain(extra.0.iter().map(|s| s.name().to_string()))
            .collect();
        for name in &self.disabled {
            if !known.contains(name) {
                return Err(Error::build(format!(
                    "no stage named {name:?} to switch off (stages: {})",
                    known.join(", ")
                )));
            }
            if Rules::NAMES.contains(&name.as_str()) {
                // Known, so `set` succeeds.
                let _ = rules.set(name, false);
            }
            extra.0.retain(|s| s.name() != name);
        }
        Ok((rules, extra))
    }
}

/// The index of the channel keyed by `key`, made if there is none yet.
fn channel_for(channels: &mut Vec<ChannelBuilder>, key: KeyKind) -> usize {
    match channels.iter().position(|c| c.key() == key) {
        Some(i) => i,
        None => {
            channels.push(ChannelBuilder::new(key));
            channels.len() - 1
        }
    }
}
