//! The `gazetteer` command: tag articles, JSON Lines or CoNLL files.

use clap::{Args, Parser, Subcommand};
use gazetteer::{conll, eval, output, read_utf8, CaseMode, Entity, Gazetteer, Overlap, Rules, Tagger};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(name = "gazetteer", version, about = "Tag people, organizations and places in news text")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Tag plain-text files (or, with --jsonl, JSON Lines documents); one JSON object per
    /// document on standard output.
    Tag(TagArgs),
    /// Tag a CoNLL-2003-style file and append the predicted IOB2 tag to every token line.
    Conll(ConllArgs),
    /// The distinct entities of a corpus with label, id, mentions and documents, most
    /// mentioned first (TSV, or JSON with --json).
    Stats(StatsArgs),
    /// Tag a CoNLL file and print precision, recall and F1 per label (conlleval's rules);
    /// or, with --gold, score a text file's entities against gold spans.
    Eval(EvalArgs),
}

#[derive(Args)]
struct EvalArgs {
    /// A CoNLL file; with --gold, the plain text the gold spans refer to.
    file: String,
    /// Labels to score (others count as O).
    #[arg(long, default_value = "PER,ORG,LOC", value_delimiter = ',')]
    labels: Vec<String>,
    /// The file already holds predictions as its last column: score it without tagging.
    #[arg(long)]
    tagged: bool,
    /// Gold spans as JSON Lines ({"start", "end", "label", "optional"}) for FILE.
    #[arg(long, value_name = "GOLD")]
    gold: Option<String>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    tagger: TaggerOpts,
}

#[derive(Args)]
struct TaggerOpts {
    /// Add a gazetteer file (TSV, or JSON Lines if it ends in .jsonl); repeatable.
    #[arg(long = "gazetteer", short = 'g', value_name = "PATH")]
    gazetteers: Vec<String>,
    /// Leave out the bundled gazetteers.
    #[arg(long)]
    no_default: bool,
    /// Match every name in any capitalization (full Unicode case folding).
    #[arg(long)]
    ignore_case: bool,
    /// Ignore accents ("Sao Paulo" matches "São Paulo").
    #[arg(long)]
    fold_accents: bool,
    /// Return every candidate span, overlapping ones included.
    #[arg(long)]
    all_overlaps: bool,
    /// Run the context rules (the default with the bundled gazetteers).
    #[arg(long, conflicts_with = "no_rules")]
    rules: bool,
    /// Match the gazetteers only: no context rules.
    #[arg(long)]
    no_rules: bool,
    /// Switch one rule off (title, given-name, org-designator, loc-designator, dateline,
    /// common-word, acronym, coref, name-shape, sports-team); repeatable.
    #[arg(long = "disable-rule", value_name = "NAME")]
    disable_rules: Vec<String>,
}

/// What to read: files, or standard input; plain text or JSON Lines.
#[derive(Args)]
struct InputOpts {
    /// Input files; none or `-` reads standard input.
    files: Vec<String>,
    /// Each input line is a JSON object whose text field is tagged.
    #[arg(long)]
    jsonl: bool,
    /// The field holding the text in --jsonl mode.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// In --jsonl mode, fail on the first bad line instead of reporting and skipping it.
    #[arg(long)]
    strict: bool,
}

#[derive(Args)]
struct TagArgs {
    #[command(flatten)]
    input: InputOpts,
    /// Output format: jsonl (byte offsets), spacy (char offsets), conll (IOB2), brat
    /// (standoff, char offsets) or html (a page with the entities highlighted).
    #[arg(long, default_value = "jsonl", value_name = "FORMAT")]
    format: output::Format,
    #[command(flatten)]
    run: RunOpts,
    #[command(flatten)]
    tagger: TaggerOpts,
}

#[derive(Args)]
struct RunOpts {
    /// Worker threads (default: all cores). Output keeps the input order.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar and no closing counts on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Args)]
struct StatsArgs {
    #[command(flatten)]
    input: InputOpts,
    /// Print JSON instead of TSV.
    #[arg(long)]
    json: bool,
    /// Only the N most mentioned entities.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    #[command(flatten)]
    run: RunOpts,
    #[command(flatten)]
    tagger: TaggerOpts,
}

#[derive(Args)]
struct ConllArgs {
    /// The CoNLL file (`-` for standard input).
    file: String,
    #[command(flatten)]
    tagger: TaggerOpts,
}

/// A failure that ends the run: printed as one line, exit status 2.
struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Fail {
        Fail(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let r = match cli.cmd {
        Cmd::Tag(a) => run_tag(a),
        Cmd::Conll(a) => run_conll(a),
        Cmd::Stats(a) => run_stats(a),
        Cmd::Eval(a) => run_eval(a),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(m)) if m == BROKEN_PIPE => ExitCode::SUCCESS,
        Err(Fail(m)) => {
            warn(&m);
            ExitCode::from(2)
        }
    }
}

const BROKEN_PIPE: &str = "\0broken pipe";

/// Maps a write error: a closed pipe (`gazetteer tag ... | head`) ends the run quietly.
fn out_err(e: io::Error) -> Fail {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Fail(BROKEN_PIPE.into())
    } else {
        Fail(format!("writing output: {e}"))
    }
}

fn build_tagger(o: &TaggerOpts) -> Result<Tagger, Fail> {
    let mut gs: Vec<Gazetteer> = Vec::new();
    for p in &o.gazetteers {
        gs.push(Gazetteer::from_path(p)?);
    }
    let mut b = Tagger::builder();
    if !o.no_default {
        b = b.gazetteers(default_gazetteers()?);
    }
    b = b.gazetteers(gs);
    if o.ignore_case {
        b = b.case(CaseMode::Ignore);
    }
    if o.fold_accents {
        b = b.fold_accents(true);
    }
    if o.all_overlaps {
        b = b.overlap(Overlap::All);
    }
    let on = if o.no_default { o.rules } else { !o.no_rules };
    if on {
        let mut rules = Rules::all();
        for r in &o.disable_rules {
            rules.set(r, false).map_err(|e| Fail(e.to_string()))?;
        }
        b = b.rules(rules);
    }
    Ok(b.build()?)
}

#[cfg(feature = "embedded")]
fn default_gazetteers() -> Result<Vec<Gazetteer>, Fail> {
    gazetteer::bundled_gazetteers().into_iter().map(|g| g.map_err(Fail::from)).collect()
}

#[cfg(not(feature = "embedded"))]
fn default_gazetteers() -> Result<Vec<Gazetteer>, Fail> {
    Ok(Vec::new())
}

/// Writes one line to standard error in a single write, so that reports of processes
/// sharing a stream (Spark executors) do not interleave.
fn warn(msg: &str) {
    let _ = io::stderr().write_all(format!("gazetteer: {msg}\n").as_bytes());
}

fn read_input(path: &str) -> Result<String, Fail> {
    if path == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).map_err(|e| Fail(format!("-: {e}")))?;
        return String::from_utf8(b)
            .map_err(|e| Fail(format!("-: invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to())));
    }
    Ok(read_utf8(path)?)
}

/// One input document: where it came from and its text, or why it could not be read.
struct Doc {
    source: Arc<str>,
    line: usize,
    id: Option<Value>,
    text: Result<String, String>,
}

/// Reads the documents of `files` in batches, tags each batch on `threads` threads, and
/// hands the documents with their entities to `sink` in input order. Memory holds one
/// batch: the input size does not matter.
struct Pipeline<'a> {
    files: Vec<String>,
    jsonl: bool,
    text_field: &'a str,
    strict: bool,
    quiet: bool,
    threads: usize,
}

#[derive(Default)]
struct Counts {
    read: usize,
    tagged: usize,
    skipped: usize,
}

const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;

impl Pipeline<'_> {
    fn new<'a>(input: &'a InputOpts, run: &RunOpts) -> Pipeline<'a> {
        let files = if input.files.is_empty() { vec!["-".to_string()] } else { input.files.clone() };
        let threads =
            run.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
        Pipeline {
            files,
            jsonl: input.jsonl,
            text_field: &input.text_field,
            strict: input.strict,
            quiet: run.quiet,
            threads,
        }
    }

    fn run(
        &self,
        tagger: &Tagger,
        mut sink: impl FnMut(&Doc, &str, &[Entity]) -> Result<(), Fail>,
    ) -> Result<Counts, Fail> {
        let mut counts = Counts::default();
        let total: Option<u64> = self
            .files
            .iter()
            .map(|f| if f == "-" { None } else { std::fs::metadata(f).ok().map(|m| m.len()) })
            .sum();
        let bar = progress_bar(self.quiet, total);
        let mut batch: Vec<Doc> = Vec::new();
        let mut batch_bytes = 0;
        let mut flush = |batch: &mut Vec<Doc>, counts: &mut Counts| -> Result<(), Fail> {
            let results = tag_parallel(tagger, batch, self.threads);
            for (doc, es) in batch.iter().zip(results) {
                match &doc.text {
                    Ok(text) => {
                        sink(doc, text, &es)?;
                        counts.tagged += 1;
                    }
                    Err(m) => {
                        let msg = format!("{}:{}: {m}", doc.source, doc.line);
                        if self.strict {
                            return Err(Fail(msg));
                        }
                        if let Some(b) = &bar {
                            b.suspend(|| warn(&format!("{msg}; line skipped")));
                        } else {
                            warn(&format!("{msg}; line skipped"));
                        }
                        counts.skipped += 1;
                    }
                }
                if let Some(b) = &bar {
                    b.inc(doc.text.as_ref().map_or(0, |t| t.len() as u64));
                }
            }
            batch.clear();
            Ok(())
        };
        for f in &self.files {
            let source: Arc<str> = f.as_str().into();
            if !self.jsonl {
                let text = read_input(f)?;
                counts.read += 1;
                batch_bytes += text.len();
                batch.push(Doc { source, line: 0, id: None, text: Ok(text) });
            } else {
                let input: Box<dyn BufRead> = if f == "-" {
                    Box::new(io::BufReader::new(io::stdin()))
                } else {
                    Box::new(io::BufReader::new(
                        std::fs::File::open(f).map_err(|e| Fail(format!("{f}: {e}")))?,
                    ))
                };
                for (i, line) in input.split(b'\n').enumerate() {
                    let line = line.map_err(|e| Fail(format!("{f}: {e}")))?;
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    counts.read += 1;
                    batch_bytes += line.len();
                    let (id, text) = match parse_json_line(&line, self.text_field) {
                        Ok((id, text)) => (id, Ok(text)),
                        Err(m) => (None, Err(m)),
                    };
                    batch.push(Doc { source: source.clone(), line: i + 1, id, text });
                    if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                        flush(&mut batch, &mut counts)?;
                        batch_bytes = 0;
                    }
                }
            }
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                flush(&mut batch, &mut counts)?;
                batch_bytes = 0;
            }
        }
        flush(&mut batch, &mut counts)?;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        Ok(counts)
    }
}

fn progress_bar(quiet: bool, total: Option<u64>) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let (bar, style) = match total {
        Some(n) => (
            indicatif::ProgressBar::new(n),
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {elapsed_precise} left {eta}",
        ),
        None => (indicatif::ProgressBar::no_length(), "{bytes} {bytes_per_sec} {elapsed_precise}"),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(st) = indicatif::ProgressStyle::with_template(style) {
        bar.set_style(st);
    }
    Some(bar)
}

/// Tags a batch on up to `threads` threads, in order; documents that could not be read
/// are tagged as empty texts (and skipped by the caller).
fn tag_parallel(tagger: &Tagger, docs: &[Doc], threads: usize) -> Vec<Vec<Entity>> {
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_deref().unwrap_or("")).collect();
    tagger.tag_batch_threads(&texts, threads)
}

fn run_tag(a: TagArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let stdout = io::stdout();
    let mut w = output::Writer::new(a.format, BufWriter::new(stdout.lock()));
    let p = Pipeline::new(&a.input, &a.run);
    let counts =
        p.run(&tagger, |doc, text, es| w.write(&doc.source, doc.id.as_ref(), text, es).map_err(out_err))?;
    w.finish().map_err(out_err)?;
    // Freeing a large tagger at exit costs a noticeable share of a run; the process ends
    // right after, and the operating system takes the memory back at once.
    std::mem::forget(tagger);
    if a.input.jsonl && (!a.run.quiet || counts.skipped > 0) {
        eprintln!(
            "gazetteer: {} documents read, {} tagged, {} skipped",
            counts.read, counts.tagged, counts.skipped
        );
    }
    Ok(())
}

/// The id and the text field of a JSON line.
///
/// Only those two fields are built; the others are skipped as they are parsed (a
/// document's other fields can outweigh its text, and a full `Value` tree of each line
/// cost as much as tagging short documents).
fn parse_json_line(line: &[u8], field: &str) -> Result<(Option<Value>, String), String> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
    use std::borrow::Cow;
    struct Fields<'f>(&'f str);
    impl<'de> Visitor<'de> for Fields<'_> {
        type Value = (Option<Value>, Option<Value>);
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Self::Value, M::Error> {
            let (mut id, mut text) = (None, None);
            while let Some(k) = m.next_key::<Cow<'de, str>>()? {
                if k == self.0 {
                    text = Some(m.next_value::<Value>()?);
                } else if k == "id" {
                    id = Some(m.next_value::<Value>()?);
                } else {
                    m.next_value::<IgnoredAny>()?;
                }
            }
            Ok((id, text))
        }
    }
    impl<'de> DeserializeSeed<'de> for Fields<'_> {
        type Value = (Option<Value>, Option<Value>);
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = Fields(field).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let (id, text) = match parsed {
        Ok(v) => v,
        Err(e) if e.is_data() => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    match text {
        Some(Value::String(text)) => Ok((id, text)),
        _ => Err(format!("no string field {field:?}")),
    }
}

fn run_stats(a: StatsArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let p = Pipeline::new(&a.input, &a.run);
    #[derive(Serialize)]
    struct Row {
        name: String,
        label: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        mentions: usize,
        documents: usize,
    }
    // Entities are the same when label and id agree (or, without an id, label and name).
    let mut rows: std::collections::HashMap<(String, String), Row> = std::collections::HashMap::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    p.run(&tagger, |_, _, es| {
        seen.clear();
        for e in es {
            let key = (
                e.label.to_string(),
                e.id.as_deref().map_or_else(|| format!("name:{}", e.name), str::to_string),
            );
            let row = rows.entry(key.clone()).or_insert_with(|| Row {
                name: e.name.to_string(),
                label: e.label.to_string(),
                id: e.id.as_deref().map(str::to_string),
                mentions: 0,
                documents: 0,
            });
            row.mentions += 1;
            if seen.insert(key) {
                row.documents += 1;
            }
        }
        Ok(())
    })?;
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|x, y| {
        y.mentions.cmp(&x.mentions).then(y.documents.cmp(&x.documents)).then(x.name.cmp(&y.name))
    });
    rows.truncate(a.top.unwrap_or(usize::MAX));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if a.json {
        serde_json::to_writer_pretty(&mut out, &rows).map_err(|e| Fail(e.to_string()))?;
        writeln!(out).map_err(out_err)?;
    } else {
        writeln!(out, "name\tlabel\tid\tmentions\tdocuments").map_err(out_err)?;
        for r in &rows {
            let name = r.name.replace(['\t', '\n'], " ");
            writeln!(
                out,
                "{name}\t{}\t{}\t{}\t{}",
                r.label,
                r.id.as_deref().unwrap_or(""),
                r.mentions,
                r.documents
            )
            .map_err(out_err)?;
        }
    }
    out.flush().map_err(out_err)
}

fn run_conll(a: ConllArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let input = read_input(&a.file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in conll::tag_lines(&tagger, &input) {
        writeln!(out, "{line}").map_err(out_err)?;
    }
    out.flush().map_err(out_err)
}

fn run_eval(a: EvalArgs) -> Result<(), Fail> {
    let keep: HashSet<String> = a.labels.iter().filter(|l| !l.is_empty()).cloned().collect();
    let rows = if let Some(gold_path) = &a.gold {
        let gold_text = read_input(gold_path)?;
        let mut gold = Vec::new();
        for (i, line) in gold_text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line)
                .map_err(|e| Fail(format!("{gold_path}:{}: invalid JSON: {e}", i + 1)))?;
            let items = match v.get("entities") {
                Some(Value::Array(es)) => es.clone(),
                _ => vec![v],
            };
            for e in items {
                let num = |k: &str| e.get(k).and_then(Value::as_u64).map(|n| n as usize);
                let (Some(start), Some(end), Some(label)) =
                    (num("start"), num("end"), e.get("label").and_then(Value::as_str))
                else {
                    return Err(Fail(format!("{gold_path}:{}: an entity needs start, end and label", i + 1)));
                };
                let optional = e.get("optional").and_then(Value::as_bool).unwrap_or(false);
                gold.push(eval::GoldSpan { start, end, label: label.to_string(), optional });
            }
        }
        let tagger = build_tagger(&a.tagger)?;
        let text = read_input(&a.file)?;
        let pred: Vec<(usize, usize, String)> =
            tagger.tag(&text).into_iter().map(|e| (e.start, e.end, e.label.to_string())).collect();
        eval::score_spans(&gold, &pred, &keep)
    } else {
        let input = read_input(&a.file)?;
        let lines = if a.tagged {
            input.lines().map(str::to_string).collect()
        } else {
            let tagger = build_tagger(&a.tagger)?;
            conll::tag_lines(&tagger, &input)
        };
        let (mut gold, mut pred) = (Vec::new(), Vec::new());
        for (i, line) in lines.iter().enumerate() {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.is_empty() || cols[0] == "-DOCSTART-" {
                gold.push("O");
                pred.push("O");
                continue;
            }
            if cols.len() < 3 {
                return Err(Fail(format!(
                    "{}:{}: expected at least 3 columns (token ... gold pred)",
                    a.file,
                    i + 1
                )));
            }
            gold.push(cols[cols.len() - 2]);
            pred.push(cols[cols.len() - 1]);
        }
        eval::score_chunks(&eval::conll_chunks(&gold, &keep), &eval::conll_chunks(&pred, &keep))
    };
    if a.json {
        println!("{}", serde_json::to_string(&rows).map_err(|e| Fail(e.to_string()))?);
    } else {
        print!("{}", eval::format_table(&rows));
    }
    Ok(())
}
