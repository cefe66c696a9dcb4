//! The `gazetteer` command: tag articles, JSON Lines or CoNLL files.
//!
//! Exit status: 0 when every input was read and tagged (JSON Lines: some lines may have
//! been skipped, and counted); 1 when some inputs failed (a file could not be read,
//! every line of a JSON Lines file was skipped, `--strict` or `--fail-fast` stopped the
//! run) while the rest was tagged and written; 2 for a usage or configuration error (bad
//! options, a bad gazetteer or label, a file that is not CoNLL, a bad gold file), after
//! which nothing is written.

use clap::{Args, Parser, Subcommand};
use gazetteer::patterns::{PatternSet, STAGE_NAME};
use gazetteer::stream::{self, DocError, DocErrorKind, Document, JsonLines, OnError, Origin, StreamOptions};
use gazetteer::{conll, eval, output, CaseMode, Entity, Gazetteer, LabelSet, Overlap, Rules, Tagger};
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const AFTER_HELP: &str = "Exit status: 0 success; 1 some inputs failed (reported on standard error), \
the rest was tagged and written; 2 usage or configuration error, nothing written.";

#[derive(Parser)]
#[command(
    name = "gazetteer",
    version,
    about = "Tag people, organizations and places in news text",
    after_help = AFTER_HELP
)]
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
    /// Labels to score (others count as O); built in or declared with --label.
    #[arg(long, default_value = "PER,ORG,LOC", value_delimiter = ',')]
    labels: Vec<String>,
    /// The file already holds predictions as its last column (the gold tags in the one
    /// before): score it without tagging.
    #[arg(long)]
    tagged: bool,
    /// Gold spans as JSON Lines ({"start", "end", "label", "optional"}) for FILE, offsets
    /// in UTF-8 bytes (half-open) unless --char-offsets.
    #[arg(long, value_name = "GOLD")]
    gold: Option<String>,
    /// The offsets of --gold count chars (Unicode scalar values, as Python's str), not
    /// UTF-8 bytes.
    #[arg(long, requires = "gold")]
    char_offsets: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    tagger: TaggerOpts,
}

#[derive(Args)]
struct TaggerOpts {
    /// Add a gazetteer file (TSV, or JSON Lines if it ends in .jsonl or .json); repeatable.
    #[arg(long = "gazetteer", short = 'g', value_name = "PATH")]
    gazetteers: Vec<String>,
    /// Declare a label of your own besides PER, ORG, LOC and MISC (repeatable, or
    /// comma-separated); a gazetteer file may declare its own with a "#labels: NAME" line.
    #[arg(long = "label", value_name = "NAME")]
    labels: Vec<String>,
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
    /// common-word, acronym, coref, name-shape, sports-team); repeatable. `patterns`
    /// switches off the stage of the --patterns files.
    #[arg(long = "disable-rule", value_name = "NAME")]
    disable_rules: Vec<String>,
    /// Add a spaCy EntityRuler pattern file (JSON Lines); repeatable. Its labels count as
    /// declared. All pattern files run as one stage, `patterns`, after the rules.
    #[arg(long = "patterns", value_name = "FILE")]
    patterns: Vec<String>,
    /// Let pattern matches replace the entities they overlap (spaCy's overwrite_ents).
    #[arg(long)]
    overwrite_ents: bool,
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
    /// In --jsonl mode, stop at the first bad line (status 1) instead of reporting and
    /// skipping it.
    #[arg(long)]
    strict: bool,
    /// Stop at the first input that cannot be read (status 1), after writing the documents
    /// before it; without it every readable input is tagged.
    #[arg(long)]
    fail_fast: bool,
}

#[derive(Args)]
struct TagArgs {
    #[command(flatten)]
    input: InputOpts,
    /// Output format: jsonl (byte offsets), spacy (char offsets), conll (IOB2), brat
    /// (standoff, char offsets) or html (a page with the entities highlighted).
    #[arg(long, default_value = "jsonl", value_name = "FORMAT")]
    format: output::Format,
    /// The fields of each entity in jsonl output, comma-separated, from start, end, text,
    /// label, name, id, source and alternatives (written in that order): a compact output
    /// for pipelines that need less, e.g. `start,end,label,id`. Default: all of them.
    #[arg(long, value_name = "LIST")]
    fields: Option<output::Fields>,
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

/// How a run that was not stopped by a [`Fail`] ended.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Every input was read and tagged.
    Done,
    /// Some inputs failed (each reported); the rest was tagged and written: status 1.
    InputsFailed,
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
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::InputsFailed) => ExitCode::from(1),
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

/// The declared labels and the patterns: a pattern file's labels count as declared (so
/// that `eval --labels` and the gazetteer files may use them).
fn labels_and_patterns(o: &TaggerOpts) -> Result<(LabelSet, PatternSet), Fail> {
    let mut set = LabelSet::new();
    for l in &o.labels {
        set.declare_list(l).map_err(|e| Fail(format!("--label {l}: {e}")))?;
    }
    let mut patterns = PatternSet::new();
    for p in &o.patterns {
        patterns.extend(PatternSet::load(p)?);
    }
    for p in patterns.patterns() {
        set.declare(p.label().as_str()).map_err(|e| Fail(e.to_string()))?;
    }
    Ok((set, patterns))
}

fn build_tagger(o: &TaggerOpts) -> Result<Tagger, Fail> {
    let (labels, patterns) = labels_and_patterns(o)?;
    build_tagger_from(o, &labels, patterns)
}

/// The tagger of the options, with the labels and patterns [`labels_and_patterns`] read
/// (so that a command that needs the labels too reads the pattern files once).
fn build_tagger_from(o: &TaggerOpts, labels: &LabelSet, patterns: PatternSet) -> Result<Tagger, Fail> {
    let mut gs: Vec<Gazetteer> = Vec::new();
    for p in &o.gazetteers {
        gs.push(Gazetteer::from_path_with(p, labels)?);
    }
    Gazetteer::check_ids(&gs)?;
    let on = if o.no_default { o.rules } else { !o.no_rules };
    if o.no_default && !on && patterns.is_empty() && gs.iter().all(Gazetteer::is_empty) {
        return Err(Fail(if gs.is_empty() {
            "nothing to match: --no-default leaves out the bundled gazetteers; add --gazetteer PATH (or --rules)"
                .into()
        } else {
            format!("nothing to match: the gazetteers ({}) have no entries", o.gazetteers.join(", "))
        }));
    }
    let mut b = Tagger::builder();
    if !o.no_default {
        // As the library's `TaggerBuilder::bundled`: names are transliterated with the bundled data.
        b = b.base_gazetteers(default_gazetteers()?).transliterate(true);
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
    let mut rules = Rules::all();
    for r in &o.disable_rules {
        if r == STAGE_NAME {
            // Switched off like a rule, through the same seam.
            if !patterns.is_empty() {
                b = b.disable_stage(r);
            }
        } else if on {
            rules.set(r, false).map_err(|e| Fail(e.to_string()))?;
        }
    }
    if on {
        b = b.rules(rules);
    }
    Ok(b.patterns(patterns).overwrite_ents(o.overwrite_ents).build()?)
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
    stream::read_text(path).map_err(|e| Fail(e.to_string()))
}

/// Reads the documents of `files`, tags them through the library's stream
/// ([`Tagger::stream`]: batches on `threads` threads, in input order, one batch in memory)
/// and hands each document with its entities to a sink; problems are reported on standard
/// error where they stand.
struct Pipeline<'a> {
    files: Vec<String>,
    jsonl: bool,
    text_field: &'a str,
    strict: bool,
    fail_fast: bool,
    quiet: bool,
    threads: usize,
}

#[derive(Default)]
struct Counts {
    read: usize,
    tagged: usize,
    skipped: usize,
    /// Inputs that failed (reported one by one).
    failed: usize,
}

type Docs<'f> = Box<dyn Iterator<Item = Result<Document<Origin>, DocError>> + 'f>;

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
            fail_fast: input.fail_fast,
            quiet: run.quiet,
            threads,
        }
    }

    /// The documents of every input, read as the stream reaches them: JSON Lines
    /// (`-` is standard input) or one document a file.
    fn documents(&self) -> Docs<'_> {
        if !self.jsonl {
            return Box::new(stream::text_files(&self.files));
        }
        Box::new(self.files.iter().flat_map(move |f| -> Docs<'_> {
            if f == "-" {
                return Box::new(JsonLines::new(io::BufReader::new(io::stdin()), "-", self.text_field));
            }
            match std::fs::File::open(f) {
                Ok(file) => Box::new(JsonLines::new(io::BufReader::new(file), f.as_str(), self.text_field)),
                Err(e) => Box::new(std::iter::once(Err(DocError::input(f.as_str(), e.to_string())))),
            }
        }))
    }

    /// Runs every input through `sink`. A failed input is reported and counted, and the
    /// run goes on (or stops, with --fail-fast; a bad line stops it with --strict); only a
    /// write error (from `sink`) ends it with a [`Fail`].
    fn run(
        &self,
        tagger: &Tagger,
        mut sink: impl FnMut(&Origin, &str, &[Entity]) -> Result<(), Fail>,
    ) -> Result<Counts, Fail> {
        let mut counts = Counts::default();
        let total: Option<u64> = self
            .files
            .iter()
            .map(|f| if f == "-" { None } else { std::fs::metadata(f).ok().map(|m| m.len()) })
            .sum();
        let bar = progress_bar(self.quiet, total);
        let report = |msg: &str| match &bar {
            Some(b) => b.suspend(|| warn(msg)),
            None => warn(msg),
        };
        let policy = |stop: bool| if stop { OnError::Stop } else { OnError::Skip };
        let options = StreamOptions::default()
            .threads(self.threads)
            .on_document_error(policy(self.strict))
            .on_input_error(policy(self.fail_fast));
        for item in tagger.stream(self.documents(), options) {
            match item {
                Ok(doc) => {
                    counts.read += 1;
                    sink(&doc.meta, &doc.text, &doc.entities)?;
                    counts.tagged += 1;
                    if let Some(b) = &bar {
                        b.inc(doc.text.len() as u64);
                    }
                }
                Err(e) if e.kind == DocErrorKind::Document => {
                    counts.read += 1;
                    if self.strict {
                        report(&format!("{e}; stopped (--strict)"));
                        counts.failed += 1;
                    } else {
                        report(&format!("{e}; line skipped"));
                        counts.skipped += 1;
                    }
                }
                Err(e) => {
                    counts.failed += 1;
                    if self.fail_fast {
                        report(&format!("{e}; stopped (--fail-fast)"));
                    } else {
                        report(&e.to_string());
                    }
                }
            }
        }
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        Ok(counts)
    }
}

impl Counts {
    /// Writes the closing counts to standard error (JSON Lines: unless --quiet and nothing
    /// was skipped; plain text: when an input failed) and gives the outcome.
    fn finish(&self, jsonl: bool, quiet: bool) -> Outcome {
        let failed = match self.failed {
            0 => String::new(),
            n => format!(", {n} input(s) failed"),
        };
        if jsonl && (!quiet || self.skipped > 0 || self.failed > 0) {
            warn(&format!(
                "{} documents read, {} tagged, {} skipped{failed}",
                self.read, self.tagged, self.skipped
            ));
        } else if !jsonl && self.failed > 0 {
            warn(&format!("{} documents read and tagged{failed}", self.tagged));
        }
        if self.failed > 0 {
            Outcome::InputsFailed
        } else {
            Outcome::Done
        }
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

fn run_tag(a: TagArgs) -> Result<Outcome, Fail> {
    if a.fields.is_some() && a.format != output::Format::Jsonl {
        return Err(Fail(format!("--fields applies to --format jsonl only, not {}", a.format)));
    }
    let tagger = build_tagger(&a.tagger)?;
    let stdout = io::stdout();
    let w = output::Writer::new(a.format, BufWriter::new(stdout.lock()));
    let mut w = w.fields(a.fields.unwrap_or_default());
    let p = Pipeline::new(&a.input, &a.run);
    let counts =
        p.run(&tagger, |doc, text, es| w.write(&doc.source, doc.id.as_ref(), text, es).map_err(out_err))?;
    w.finish().map_err(out_err)?;
    // Freeing a large tagger at exit costs a noticeable share of a run; the process ends
    // right after, and the operating system takes the memory back at once.
    std::mem::forget(tagger);
    Ok(counts.finish(a.input.jsonl, a.run.quiet))
}

fn run_stats(a: StatsArgs) -> Result<Outcome, Fail> {
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
    let counts = p.run(&tagger, |_, _, es| {
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
    out.flush().map_err(out_err)?;
    Ok(counts.finish(a.input.jsonl, a.run.quiet))
}

fn run_conll(a: ConllArgs) -> Result<Outcome, Fail> {
    let (labels, patterns) = labels_and_patterns(&a.tagger)?;
    let tagger = build_tagger_from(&a.tagger, &labels, patterns)?;
    let input = read_input(&a.file)?;
    let lines: Vec<&str> = input.lines().collect();
    conll::check(&a.file, &lines, conll::Columns::Tokens, &labels)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in conll::tag_lines(&tagger, &input) {
        writeln!(out, "{line}").map_err(out_err)?;
    }
    out.flush().map_err(out_err)?;
    Ok(Outcome::Done)
}

fn run_eval(a: EvalArgs) -> Result<Outcome, Fail> {
    let (labels, patterns) = labels_and_patterns(&a.tagger)?;
    let mut keep: HashSet<String> = HashSet::new();
    for l in a.labels.iter().filter(|l| !l.is_empty()) {
        keep.insert(labels.parse(l).map_err(|e| Fail(format!("--labels: {e}")))?.to_string());
    }
    let rows = if let Some(gold_path) = &a.gold {
        let gold_text = read_input(gold_path)?;
        let text = read_input(&a.file)?;
        let offsets = if a.char_offsets { eval::Offsets::Chars } else { eval::Offsets::Bytes };
        let gold = eval::read_gold(gold_path, &gold_text, &text, offsets, &labels)?;
        let tagger = build_tagger_from(&a.tagger, &labels, patterns)?;
        let pred: Vec<(usize, usize, String)> =
            tagger.tag(&text).into_iter().map(|e| (e.start, e.end, e.label.to_string())).collect();
        eval::score_spans(&gold, &pred, &keep)
    } else {
        let input = read_input(&a.file)?;
        let input_lines: Vec<&str> = input.lines().collect();
        let need = if a.tagged { conll::Columns::GoldAndPredicted } else { conll::Columns::Gold };
        conll::check(&a.file, &input_lines, need, &labels)?;
        let lines = if a.tagged {
            input.lines().map(str::to_string).collect()
        } else {
            let tagger = build_tagger_from(&a.tagger, &labels, patterns)?;
            conll::tag_lines(&tagger, &input)
        };
        let (mut gold, mut pred) = (Vec::new(), Vec::new());
        for line in &lines {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() < 3 || cols[0] == "-DOCSTART-" {
                // Blank and -DOCSTART- lines: conll::check saw to the others.
                gold.push("O");
                pred.push("O");
                continue;
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
    Ok(Outcome::Done)
}
