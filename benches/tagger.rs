//! The criterion suite: build time and tagging throughput (benches/README.md).
//!
//! ```sh
//! python3 benches/data/make_names.py     # once: the benchmark gazetteers, in target/bench-data
//! cargo bench --bench tagger             # everything: minutes (see benches/README.md)
//! cargo bench --bench tagger -- tag/article   # a filter (a regular expression on the ids)
//! ```
//!
//! Ids:
//! - `build/{10k,100k,1m}`: parsed GeoNames gazetteer of that many names to a tagger,
//!   case-sensitive (`CaseMode::Exact`); `build/100k-default-case` (exact plus ALL-CAPS
//!   forms, the default), `build/nlp4j-284k-ci` (case-insensitive) and `build/default`
//!   (parsing and building the bundled gazetteers, feature `embedded`).
//! - `tag/{headline,article,10mb}/TAGGER` with `Throughput::Bytes`: one call of
//!   `tag_with` on a headline, a news article, and 10 MB of news text (the articles of
//!   `../shared/bench/*.jsonl` joined by blank lines). TAGGER is `default` (the bundled
//!   gazetteers), `10k`, `100k`, `1m` (GeoNames names, case-sensitive), `100k-default-case`,
//!   `100k-ci` and `nlp4j-284k-ci` (case-insensitive, the 284k lower-case NLP4J names).
//! - `batch/10mb/100k-{1-thread,tag_batch}`: the same 10 MB as 21k separate documents,
//!   tagged one after another on one thread, and with `tag_batch` on all cores.
//!
//! - `live/1m/{add,remove}-1000`: on a clone of the `1m` tagger, adding 1,000 new names
//!   (or removing 1,000 of its names) through the live overlay, then tagging the headline,
//!   which compiles the overlay: the time until the change shows in a result.
//!
//! Missing data never fails the run: the cases that need it are skipped with a note.
//! `GAZETTEER_BENCH_DIR` and `GAZETTEER_BENCH_SHARED` override the folders of the names
//! (`target/bench-data`) and of the corpus (`../shared/bench`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use gazetteer::{CaseMode, Entry, Gazetteer, Label, Scratch, Tagger};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const HEADLINE: &str = "Kurdish forces retake Sinjar from Islamic State as Iraqi army advances on Mosul";
const TEN_MB: usize = 10_000_000;

fn dir(var: &str, default: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default),
    }
}

fn names_dir() -> PathBuf {
    dir("GAZETTEER_BENCH_DIR", "target/bench-data")
}

fn shared_dir() -> PathBuf {
    dir("GAZETTEER_BENCH_SHARED", "../shared/bench")
}

/// The `text` fields of one corpus file, in order; empty (with a note) when it is absent.
fn corpus_docs(file: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Doc {
        text: String,
    }
    let p = shared_dir().join(file);
    let Ok(s) = std::fs::read_to_string(&p) else {
        eprintln!("note: {} is absent", p.display());
        return Vec::new();
    };
    s.lines().filter_map(|l| serde_json::from_str::<Doc>(l).ok()).map(|d| d.text).collect()
}

/// The benchmark texts, read once.
struct Texts {
    /// Separate documents making up `ten_mb`.
    docs: Vec<String>,
    article: Option<String>,
    ten_mb: Option<String>,
}

fn texts() -> Texts {
    let bbc = corpus_docs("bbc-news-2225.jsonl");
    // A typical news article: the first BBC one of 2 to 4 kB.
    let article = bbc.iter().find(|t| (2000..4000).contains(&t.len())).cloned().or_else(|| {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/article.txt");
        eprintln!("note: no corpus article; using {}", p.display());
        std::fs::read_to_string(p).ok()
    });
    let mut all = corpus_docs("reuters21578.jsonl");
    all.extend(bbc);
    let mut docs = Vec::new();
    let mut ten_mb = String::new();
    for d in all {
        if ten_mb.len() >= TEN_MB {
            break;
        }
        ten_mb.push_str(&d);
        ten_mb.push_str("\n\n");
        docs.push(d);
    }
    let ten_mb = if ten_mb.len() >= TEN_MB {
        let mut cut = TEN_MB;
        while !ten_mb.is_char_boundary(cut) {
            cut -= 1;
        }
        ten_mb.truncate(cut);
        Some(ten_mb)
    } else {
        eprintln!(
            "note: less than 10 MB of corpus text in {}: the 10mb cases are skipped",
            shared_dir().display()
        );
        docs.clear();
        None
    };
    Texts { docs, article, ten_mb }
}

/// Whether a benchmark gazetteer file is there; a note (once per file) when it is not.
fn available(file: &str) -> bool {
    static NOTED: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let p = names_dir().join(file);
    let ok = p.exists();
    if !ok {
        let mut noted = NOTED.lock().unwrap_or_else(|e| e.into_inner());
        if !noted.iter().any(|f| f == file) {
            noted.push(file.to_string());
            eprintln!(
                "note: {} is absent (python3 benches/data/make_names.py makes it): the cases using it are skipped",
                p.display()
            );
        }
    }
    ok
}

/// A benchmark gazetteer, or a note and `None` when it cannot be loaded.
fn load(file: &str) -> Option<Gazetteer> {
    let p = names_dir().join(file);
    match Gazetteer::from_path(&p) {
        Ok(g) => Some(g),
        Err(e) => {
            eprintln!("note: {e}: cases skipped");
            None
        }
    }
}

/// The taggers of the `tag/*` cases: file and case mode (`None`: the default mode).
const TAGGERS: &[(&str, &str, Option<CaseMode>)] = &[
    ("10k", "geonames-10k.tsv", Some(CaseMode::Exact)),
    ("100k", "geonames-100k.tsv", Some(CaseMode::Exact)),
    ("1m", "geonames-1m.tsv", Some(CaseMode::Exact)),
    ("100k-default-case", "geonames-100k.tsv", None),
    ("100k-ci", "geonames-100k.tsv", Some(CaseMode::Ignore)),
    ("nlp4j-284k-ci", "nlp4j-284k.tsv", Some(CaseMode::Ignore)),
];

/// Parsed gazetteers and built taggers, made on first use (criterion calls a case's
/// closure only when the filter selects it, so unselected big taggers are never built).
#[derive(Default)]
struct Cache {
    gazetteers: HashMap<&'static str, OnceCell<Option<Gazetteer>>>,
    taggers: HashMap<&'static str, OnceCell<Option<Tagger>>>,
}

impl Cache {
    fn gazetteer(&self, file: &'static str) -> Option<&Gazetteer> {
        self.gazetteers.get(file)?.get_or_init(|| load(file)).as_ref()
    }

    fn tagger(&self, id: &'static str) -> Option<&Tagger> {
        let cell = self.taggers.get(id)?;
        cell.get_or_init(|| {
            if id == "default" {
                return default_tagger();
            }
            let &(_, file, case) = TAGGERS.iter().find(|t| t.0 == id)?;
            let g = self.gazetteer(file)?.clone();
            let t0 = Instant::now();
            let mut b = Tagger::builder().gazetteer(g);
            if let Some(c) = case {
                b = b.case(c);
            }
            let t = b.build().ok()?;
            report(id, &t, t0.elapsed());
            Some(t)
        })
        .as_ref()
    }
}

fn report(id: &str, t: &Tagger, took: Duration) {
    let n = t.entry_count().max(1);
    eprintln!(
        "note: tagger {id}: {} entries built in {:.2} s, memory_usage {:.1} MB = {} bytes/entry",
        t.entry_count(),
        took.as_secs_f64(),
        t.memory_usage() as f64 / 1e6,
        t.memory_usage() / n
    );
}

#[cfg(feature = "embedded")]
fn default_tagger() -> Option<Tagger> {
    let t0 = Instant::now();
    let t = gazetteer::default_tagger();
    report("default", &t, t0.elapsed());
    Some(t)
}

#[cfg(not(feature = "embedded"))]
fn default_tagger() -> Option<Tagger> {
    None
}

/// Whether the data of tagger `id` is there; a note when it is not.
fn tagger_available(id: &str) -> bool {
    if id == "default" {
        if !cfg!(feature = "embedded") {
            eprintln!("note: feature `embedded` is off: the `default` cases are skipped");
        }
        return cfg!(feature = "embedded");
    }
    TAGGERS.iter().find(|t| t.0 == id).is_some_and(|t| available(t.1))
}

fn new_cache() -> Cache {
    let mut c = Cache::default();
    for &(id, file, _) in TAGGERS {
        c.gazetteers.entry(file).or_default();
        c.taggers.entry(id).or_default();
    }
    c.taggers.entry("default").or_default();
    c
}

fn bench_build(c: &mut Criterion, cache: &Cache) {
    let mut g = c.benchmark_group("build");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(500));
    let cases: &[(&str, &'static str, Option<CaseMode>, u64)] = &[
        ("10k", "geonames-10k.tsv", Some(CaseMode::Exact), 3),
        ("100k", "geonames-100k.tsv", Some(CaseMode::Exact), 5),
        ("1m", "geonames-1m.tsv", Some(CaseMode::Exact), 20),
        ("100k-default-case", "geonames-100k.tsv", None, 5),
        ("nlp4j-284k-ci", "nlp4j-284k.tsv", Some(CaseMode::Ignore), 10),
    ];
    for &(id, file, case, secs) in cases {
        if !available(file) {
            continue;
        }
        g.measurement_time(Duration::from_secs(secs));
        g.bench_function(id, |b| {
            let Some(gz) = cache.gazetteer(file) else { return skip(b) };
            b.iter_batched(
                || gz.clone(),
                |gz| {
                    let mut tb = Tagger::builder().gazetteer(gz);
                    if let Some(c) = case {
                        tb = tb.case(c);
                    }
                    tb.build().ok()
                },
                BatchSize::PerIteration,
            )
        });
    }
    #[cfg(feature = "embedded")]
    {
        g.measurement_time(Duration::from_secs(3));
        g.bench_function("default", |b| {
            b.iter(|| Tagger::new(gazetteer::bundled_gazetteers().into_iter().filter_map(|g| g.ok())).ok())
        });
    }
    g.finish();
}

/// A case whose data could not be loaded (the note says why): measures nothing
/// (criterion needs one call of `iter`).
fn skip(b: &mut criterion::Bencher<'_>) {
    b.iter(|| ());
}

fn bench_tag(c: &mut Criterion, cache: &Cache, texts: &Texts) {
    let ids: Vec<&'static str> = std::iter::once("default").chain(TAGGERS.iter().map(|t| t.0)).collect();
    let cases: [(&str, Option<&str>); 3] = [
        ("headline", Some(HEADLINE)),
        ("article", texts.article.as_deref()),
        ("10mb", texts.ten_mb.as_deref()),
    ];
    for (name, text) in cases {
        let Some(text) = text else {
            eprintln!("note: no {name} text: tag/{name} skipped");
            continue;
        };
        let mut g = c.benchmark_group(format!("tag/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() >= TEN_MB {
            g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(3));
        } else {
            g.sample_size(30).measurement_time(Duration::from_secs(1));
        }
        g.warm_up_time(Duration::from_millis(500));
        for &id in &ids {
            if !tagger_available(id) {
                continue;
            }
            g.bench_function(id, |b| {
                let Some(t) = cache.tagger(id) else { return skip(b) };
                let mut s = Scratch::default();
                b.iter(|| t.tag_with(text, &mut s))
            });
        }
        g.finish();
    }
}

fn bench_batch(c: &mut Criterion, cache: &Cache, texts: &Texts) {
    if texts.docs.is_empty() {
        eprintln!("note: no corpus documents: batch/* skipped");
        return;
    }
    if !tagger_available("100k") {
        return;
    }
    let bytes: usize = texts.docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("batch/10mb");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_millis(500));
    g.bench_function("100k-1-thread", |b| {
        let Some(t) = cache.tagger("100k") else { return skip(b) };
        let mut s = Scratch::default();
        b.iter(|| texts.docs.iter().map(|d| t.tag_with(d, &mut s)).collect::<Vec<_>>())
    });
    g.bench_function("100k-tag_batch", |b| {
        let Some(t) = cache.tagger("100k") else { return skip(b) };
        b.iter(|| t.tag_batch(&texts.docs))
    });
    g.finish();
}

fn bench_live(c: &mut Criterion, cache: &Cache) {
    if !tagger_available("1m") {
        return;
    }
    let mut g = c.benchmark_group("live/1m");
    g.sample_size(20).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    let added: Vec<Entry> = (0..1000)
        .map(|i| Entry::new(format!("Qelmar Tovisk {i}"), Label::Org).id(format!("bench:{i}")))
        .collect();
    g.bench_function("add-1000", |b| {
        let Some(t) = cache.tagger("1m") else { return skip(b) };
        let text = format!("{HEADLINE}; Qelmar Tovisk 999 said.");
        b.iter_batched(
            || (t.clone(), added.clone()),
            |(mut t, added)| {
                t.add_all(added).expect("the names are valid");
                let found = t.tag(&text);
                assert!(found.iter().any(|e| e.id.as_deref() == Some("bench:999")), "the change shows");
                (t, found)
            },
            BatchSize::PerIteration,
        )
    });
    let removed: Vec<String> = match cache.gazetteer("geonames-1m.tsv") {
        Some(gz) => gz.entries().iter().take(1000).map(|e| e.name.clone()).collect(),
        None => Vec::new(),
    };
    g.bench_function("remove-1000", |b| {
        let Some(t) = cache.tagger("1m") else { return skip(b) };
        let text = format!("{HEADLINE}; {} said.", removed[999]);
        b.iter_batched(
            || t.clone(),
            |mut t| {
                let n = removed.iter().filter(|name| t.remove(name)).count();
                let found = t.tag(&text);
                assert!(n > 0 && found.iter().all(|e| *e.name != *removed[999]), "the change shows");
                (t, found)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let cache = new_cache();
    bench_live(c, &cache);
    bench_build(c, &cache);
    let texts = texts();
    bench_tag(c, &cache, &texts);
    bench_batch(c, &cache, &texts);
}

criterion_group! {
    name = suite;
    config = Criterion::default().nresamples(20_000).noise_threshold(0.03);
    targets = benches
}
criterion_main!(suite);
