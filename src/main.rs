//! The `gazetteer` command: tag articles, JSON Lines or CoNLL files.

use clap::{Args, Parser, Subcommand};
use gazetteer::{conll, read_utf8, CaseMode, Entity, Gazetteer, Overlap, Rules, Tagger};
use serde::Serialize;
use serde_json::Value;
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

fn run_conll(a: ConllArgs) -> Result<(), Fail> {
    let tagger = build_tagger(&a.tagger)?;
    let input = read_input(&a.file)?;
    let lines: Vec<&str> = input.lines().collect();
    let docs = conll::read(&lines);
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    for d in &docs {
        let es = tagger.tag(&d.text);
        for (t, tag) in d.tokens.iter().zip(conll::iob2(d, &es)) {
            tags[t.line] = Some(tag);
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (line, tag) in lines.iter().zip(&tags) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match tag {
            Some(t) => writeln!(out, "{} {t}", line.trim_end()),
            None => writeln!(out, "{line}"),
        }
        .map_err(out_err)?;
    }
    out.flush().map_err(out_err)
}
