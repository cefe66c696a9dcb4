//! The tagger: gazetteers compiled into matchers, and the pipeline that runs them.

use crate::entity::{Candidate, Entity};
use crate::entries::{entry, Entries, EntryData, StringCache};
use crate::error::{Error, Result};
use crate::gazetteer::{CaseMode, Gazetteer};
use crate::label::Label;
use crate::matcher::{find_all, Channel, ChannelBuilder, FxMap, MatchScratch, RawMatch};
use crate::normalize::KeyKind;
use crate::resolve::{group, resolve, Overlap, SpanCands};
use crate::rules::{DocCtx, Lexicon, Proposal, RuleEngine, RuleScratch, Rules};
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
    /// Entries from here on are the rules' lexicon phrases (titles, designators), matched
    /// in the same pass as the names.
    pub internal_from: usize,
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
/// assert_eq!(found, want.map(|(t, l)| (t, l.to_string())));
/// ```
#[derive(Clone)]
pub struct Tagger {
    inner: Arc<Inner>,
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
    phrases: Vec<SpanCands>,
    extra: Vec<SpanCands>,
    /// Where each token range of `extra` is.
    extra_at: FxMap<(u32, u32), usize>,
    proposals: Vec<Proposal>,
    /// Readings made for this document by rules: candidate `entries.len() + k`.
    dynamic: Vec<EntryData>,
    strings: StringCache,
}

/// A mention's text with every run of white space made one space: the name of an entity
/// a rule found.
pub(crate) fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
                internal_from: 0,
                channels: Vec::new(),
                overlap: Overlap::Resolve,
                rules: None,
            }),
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
        let rules = inner.rules.as_ref().filter(|r| r.rules.any());
        // The rules read every token; without them, only the runs of text that can hold a
        // name are tokenized (see `matcher::find_all`).
        if rules.is_some() {
            tokenize_into(text, &mut s.tokens);
        }
        let mut spans = std::mem::take(&mut s.spans);
        spans.clear();
        self.find_spans(text, &mut s.tokens, rules.is_some(), &mut s.raw, &mut s.m, &mut spans);
        let entries = &inner.entries;
        let n = entries.len();
        if let Some(rules) = rules {
            // Lexicon phrases came with the gazetteer matches: take them apart.
            let boundary = inner.internal_from as u32;
            s.phrases.clear();
            let dynamic = &s.dynamic;
            spans.retain_mut(|sp| {
                if sp.cands.iter().all(|&c| c < boundary) {
                    return true;
                }
                let (int, gz): (Vec<u32>, Vec<u32>) = sp.cands.iter().partition(|&&c| c >= boundary);
                s.phrases.push(SpanCands { cands: int, ..sp.clone() });
                if gz.is_empty() {
                    return false;
                }
                sp.best_priority = entry(entries, dynamic, gz[0]).priority;
                sp.cands = gz;
                true
            });
            rules.prepare(text, &s.tokens, &s.phrases, entries, &mut s.rules);
            rules.filter_common(text, &s.tokens, &s.rules, &mut spans, entries);
            s.proposals.clear();
            s.extra.clear();
            s.extra_at.clear();
            rules.propose(text, &s.tokens, &s.rules, &spans, entries, &mut s.proposals);
            for p in s.proposals.drain(..) {
                let (a, b) = (p.start_tok as usize, p.end_tok as usize);
                let surface = &text[s.tokens[a].start..s.tokens[b - 1].end];
                s.dynamic.push(EntryData {
                    name: collapse_space(surface).into(),
                    label: p.label,
                    id: None,
                    priority: p.priority,
                    source: rules.source(p.rule),
                });
                let c = (n + s.dynamic.len() - 1) as u32;
                // The gazetteer spans are sorted by token range: find a match by bisection;
                // spans made by earlier proposals sit in `extra`, indexed by range.
                let at = spans.partition_point(|sp| (sp.start_tok, sp.end_tok) < (p.start_tok, p.end_tok));
                let found = match spans
                    .get_mut(at)
                    .filter(|sp| sp.start_tok == p.start_tok && sp.end_tok == p.end_tok)
                {
                    Some(sp) => Some(sp),
                    None => s.extra_at.get(&(p.start_tok, p.end_tok)).map(|&x| &mut s.extra[x]),
                };
                match found {
                    Some(sp) => {
                        // The gazetteer already knows this span: the rule adds a reading.
                        if sp.cands.iter().all(|&x| {
                            entry(entries, &s.dynamic, x).label != entry(entries, &s.dynamic, c).label
                        }) {
                            let pos = sp
                                .cands
                                .iter()
                                .position(|&x| entry(entries, &s.dynamic, x).priority < p.priority)
                                .unwrap_or(sp.cands.len());
                            sp.cands.insert(pos, c);
                            sp.best_priority = entry(entries, &s.dynamic, sp.cands[0]).priority;
                        }
                    }
                    None => {
                        s.extra_at.insert((p.start_tok, p.end_tok), s.extra.len());
                        s.extra.push(SpanCands {
                            start_tok: p.start_tok,
                            end_tok: p.end_tok,
                            start: s.tokens[a].start,
                            end: s.tokens[b - 1].end,
                            best_priority: p.priority,
                            cands: vec![c],
                        });
                    }
                }
            }
            spans.append(&mut s.extra);
            if inner.overlap == Overlap::Resolve {
                resolve(&mut spans, s.tokens.len(), &mut s.taken);
            } else {
                spans.sort_by_key(|sp| (sp.start, sp.end));
            }
            let mut cx = DocCtx { text, tokens: &s.tokens, entries, dynamic: &mut s.dynamic };
            rules.document(&mut cx, &s.rules, &mut spans, &mut s.taken);
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
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = threads.min(texts.len()).max(1);
        if threads <= 1 {
            return texts.iter().map(|t| self.tag(t.as_ref())).collect();
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
                    done.push((from + i, self.tag_with(t.as_ref(), s)));
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
        let mut out = vec![Vec::new(); texts.len()];
        for (i, found) in parts.into_iter().flatten() {
            out[i] = found;
        }
        out
    }

    /// The number of entries.
    pub fn entry_count(&self) -> usize {
        self.inner.distinct
    }

    /// Approximate heap bytes held by the compiled tagger.
    pub fn memory_usage(&self) -> usize {
        self.inner.entries.memory_usage()
            + self.inner.channels.iter().map(Channel::memory_usage).sum::<usize>()
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
    overlap: Overlap,
    case: Option<CaseMode>,
    fold_accents: Option<bool>,
    rules: Option<Rules>,
    lexicon: Option<Lexicon>,
    transliterate: bool,
}

impl TaggerBuilder {
    /// Transliterates names (off unless set; on in the default tagger): a word written
    /// with letters beyond ASCII that no name holds as written is looked up again with its
    /// accents and special letters folded ("İlham Əliyev" finds "Ilham Aliyev", "Wałęsa"
    /// finds "Walesa"), and every person's name also matches in its common romanization
    /// variants ("Tokaev" for "Tokayev", "Kasym" for "Qasym"; see
    /// [`crate::romanization_variants`]). Words in plain ASCII are looked up as before.
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
        self.transliterate = yes;
        self
    }

    /// Adds a gazetteer. Entries of earlier gazetteers win ties.
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

    /// Sets the word lists the rules use.
    pub fn lexicon(mut self, lexicon: Lexicon) -> TaggerBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Compiles the gazetteers.
    ///
    /// # Errors
    /// When the matcher cannot be built (more than two million distinct name tokens in
    /// one channel, or the automaton's own limits).
    pub fn build(self) -> Result<Tagger> {
        let mut entries = Entries::default();
        let mut channels: Vec<ChannelBuilder> = Vec::new();
        let mut tokens = Vec::new();
        let mut distinct = 0usize;
        // An id names one entry across all gazetteers: a later entry with the same id and
        // label adds its surface forms to the first.
        let mut by_id: FxMap<(&str, &Label), u32> = FxMap::default();
        let mut by_name: FxMap<(usize, &Label, &str), u32> = FxMap::default();
        // Sized once: growing a map of a million names rehashes it many times.
        let without_id = self.gazetteers.iter().flat_map(|g| g.entries()).filter(|e| e.id.is_none()).count();
        by_name.reserve(without_id);
        for (gi, g) in self.gazetteers.iter().enumerate() {
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
                    if self.transliterate && e.label == Label::Per {
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
        let internal_from = entries.len();
        let rules = match self.rules.filter(Rules::any) {
            None => None,
            Some(r) => {
                let lex = match self.lexicon {
                    Some(l) => l,
                    None => default_lexicon()?,
                };
                Some(RuleEngine::new(r, lex))
            }
        };
        if let Some(r) = &rules {
            let g = r.lex.phrase_gazetteer();
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
            c.set_transliterate(self.transliterate);
        }
        Ok(Tagger {
            inner: Arc::new(Inner {
                entries,
                distinct,
                internal_from,
                channels,
                overlap: self.overlap,
                rules,
            }),
        })
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

#[cfg(feature = "embedded")]
fn default_lexicon() -> Result<Lexicon> {
    Ok(crate::embedded::bundled_lexicon())
}

#[cfg(not(feature = "embedded"))]
fn default_lexicon() -> Result<Lexicon> {
    Ok(Lexicon::empty())
}
