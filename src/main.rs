//! The `gazetteer` command: tag articles, JSON Lines or CoNLL files.

use clap::{Args, Parser, Subcommand};
use gazetteer::{conll, eval, read_utf8, CaseMode, Entity, Gazetteer, Overlap, Rules, Tagger};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

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
    /// common-word, acronym, coref); repeatable.
    #[arg(long = "disable-rule", value_name = "NAME")]
    disable_rules: Vec<String>,
}

#[derive(Args)]
struct TagArgs {
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
        Cmd::Eval(a) => run_eval(a),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(m)) if m == BROKEN_PIPE => ExitCode::SUCCESS,
        Err(Fail(m)) => {
            eprintln!("gazetteer: {m}");
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
            if !rules.set(r, false) {
                return Err(Fail(format!("unknown rule {r:?} (rules: {})", Rules::NAMES.join(", "))));
            }
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

/// An entity as the command writes it: the span, its text, then the entity's fields.
#[derive(Serialize)]
struct OutEntity<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    source: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    alternatives: &'a [gazetteer::Candidate],
}

fn out_entities<'a>(text: &'a str, es: &'a [Entity]) -> Vec<OutEntity<'a>> {
    es.iter()
        .map(|e| OutEntity {
            start: e.start,
            end: e.end,
            text: e.text(text),
            label: e.label.as_str(),
            name: &e.name,
            id: e.id.as_deref(),
            source: &e.source,
            alternatives: &e.alternatives,
        })
        .collect()
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

fn run_tag(a: TagArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let files = if a.files.is_empty() { vec!["-".to_string()] } else { a.files.clone() };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if a.jsonl {
        let (mut read, mut tagged, mut skipped) = (0usize, 0usize, 0usize);
        for f in &files {
            let input: Box<dyn BufRead> = if f == "-" {
                Box::new(io::BufReader::new(io::stdin()))
            } else {
                Box::new(io::BufReader::new(std::fs::File::open(f).map_err(|e| Fail(format!("{f}: {e}")))?))
            };
            for (i, line) in input.split(b'\n').enumerate() {
                let line = line.map_err(|e| Fail(format!("{f}: {e}")))?;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                read += 1;
                match tag_json_line(&tagger, &line, &a.text_field) {
                    Ok(v) => {
                        serde_json::to_writer(&mut out, &v).map_err(|e| Fail(e.to_string()))?;
                        out.write_all(b"\n").map_err(out_err)?;
                        tagged += 1;
                    }
                    Err(m) => {
                        let msg = format!("{f}:{}: {m}", i + 1);
                        if a.strict {
                            return Err(Fail(msg));
                        }
                        eprintln!("gazetteer: {msg}; line skipped");
                        skipped += 1;
                    }
                }
            }
        }
        out.flush().map_err(out_err)?;
        if skipped > 0 {
            eprintln!("gazetteer: {read} documents read, {tagged} tagged, {skipped} skipped");
        }
        return Ok(());
    }
    for f in &files {
        let text = read_input(f)?;
        let es = tagger.tag(&text);
        #[derive(Serialize)]
        struct Doc<'a> {
            source: &'a str,
            entities: Vec<OutEntity<'a>>,
        }
        serde_json::to_writer(&mut out, &Doc { source: f, entities: out_entities(&text, &es) })
            .map_err(|e| Fail(e.to_string()))?;
        out.write_all(b"\n").map_err(out_err)?;
    }
    out.flush().map_err(out_err)
}

fn tag_json_line(tagger: &Tagger, line: &[u8], field: &str) -> Result<Value, String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(obj) = v else { return Err("not a JSON object".into()) };
    let Some(Value::String(text)) = obj.get(field) else {
        return Err(format!("no string field {field:?}"));
    };
    let es = tagger.tag(text);
    let mut o = serde_json::Map::new();
    if let Some(id) = obj.get("id") {
        o.insert("id".into(), id.clone());
    }
    let ents = serde_json::to_value(out_entities(text, &es)).map_err(|e| e.to_string())?;
    o.insert("entities".into(), ents);
    Ok(Value::Object(o))
}

/// Every line of a CoNLL text with the predicted tag appended to its token lines.
fn conll_tagged(tagger: &Tagger, input: &str) -> Vec<String> {
    let lines: Vec<&str> = input.lines().collect();
    let docs = conll::read(&lines);
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    for d in &docs {
        let es = tagger.tag(&d.text);
        for (t, tag) in d.tokens.iter().zip(conll::iob2(d, &es)) {
            tags[t.line] = Some(tag);
        }
    }
    lines
        .iter()
        .zip(tags)
        .map(|(line, tag)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            match tag {
                Some(t) => format!("{} {t}", line.trim_end()),
                None => line.to_string(),
            }
        })
        .collect()
}

fn run_conll(a: ConllArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let input = read_input(&a.file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in conll_tagged(&tagger, &input) {
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
            conll_tagged(&tagger, &input)
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
