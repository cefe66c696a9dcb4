//! The `gazetteer` command as a user runs it: exit status, standard output and standard
//! error for good runs, partial failures and every kind of bad input (README, "Exit
//! status and bad input"). The texts and gazetteers are written here; the bundled
//! gazetteers are left out (`--no-default`) so that the outputs depend on these files only.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A folder of input files for one test, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("gazetteer-command-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        // The gazetteer every run uses, and a few texts.
        std::fs::write(
            d.join("places.tsv"),
            "# places\nErbil\tLOC\tgz:erbil\nDuhok\tLOC\tgz:duhok\nAcme Bank\tORG\n",
        )
        .unwrap();
        std::fs::write(d.join("a.txt"), "Erbil and Duhok.\n").unwrap();
        std::fs::write(d.join("b.txt"), "Acme Bank opened in Duhok.\n").unwrap();
        Dir(d)
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Dir {
        std::fs::write(self.0.join(name), contents).unwrap();
        self
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run gave: status, standard output, standard error.
#[derive(Debug)]
struct Run {
    status: i32,
    out: String,
    err: String,
}

/// Runs the command in `dir` with `args` (and `stdin` on standard input).
fn run(dir: &Path, args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazetteer"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    Run {
        status: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `tag` with the test gazetteer only.
fn tag(dir: &Path, extra: &[&str], stdin: &str) -> Run {
    let mut args = vec!["tag", "--no-default", "-g", "places.tsv", "-q"];
    args.extend_from_slice(extra);
    run(dir, &args, stdin)
}

/// The `source` and mention texts of each JSON output line.
fn docs(out: &str) -> Vec<(String, Vec<String>)> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            let texts =
                v["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap().to_string());
            (v["source"].as_str().unwrap().to_string(), texts.collect())
        })
        .collect()
}

fn doc(source: &str, texts: &[&str]) -> (String, Vec<String>) {
    (source.to_string(), texts.iter().map(|t| t.to_string()).collect())
}

/// Asserts the status, and that standard error has one line for each of `err`, holding
/// its parts (separated by `…`) in order.
fn expect(r: &Run, status: i32, err: &[&str]) {
    assert_eq!(r.status, status, "{r:?}");
    let lines: Vec<&str> = r.err.lines().collect();
    assert_eq!(lines.len(), err.len(), "one line a message: {r:?}");
    for (line, want) in lines.iter().zip(err) {
        let mut rest = *line;
        for part in want.split('…') {
            let at = rest.find(part).unwrap_or_else(|| panic!("{line:?} lacks {part:?} of {want:?}: {r:?}"));
            rest = &rest[at + part.len()..];
        }
    }
}

#[test]
fn good_runs_exit_0_with_nothing_on_stderr() {
    let d = Dir::new("good");
    let r = tag(&d.0, &["a.txt", "b.txt"], "");
    expect(&r, 0, &[]);
    assert_eq!(docs(&r.out), [doc("a.txt", &["Erbil", "Duhok"]), doc("b.txt", &["Acme Bank", "Duhok"])]);
    let r = tag(&d.0, &[], "Duhok");
    expect(&r, 0, &[]);
    assert_eq!(docs(&r.out), [doc("-", &["Duhok"])]);
}

/// Item 1: one unreadable file among many does not lose the others' output.
#[test]
fn a_missing_file_is_reported_and_the_rest_is_tagged() {
    let d = Dir::new("missing");
    let r = tag(&d.0, &["a.txt", "missing.txt", "b.txt"], "");
    expect(&r, 1, &["gazetteer: missing.txt: ", "gazetteer: 2 documents read and tagged, 1 input(s) failed"]);
    assert_eq!(docs(&r.out), [doc("a.txt", &["Erbil", "Duhok"]), doc("b.txt", &["Acme Bank", "Duhok"])]);
    // More files than a batch holds (512): all are written, in order.
    let mut args: Vec<String> = Vec::new();
    for i in 0..700 {
        d.write(&format!("f{i}.txt"), format!("Doc {i} in Erbil."));
        args.push(format!("f{i}.txt"));
        if i == 300 {
            args.push("gone.txt".into());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = tag(&d.0, &args, "");
    expect(&r, 1, &["gazetteer: gone.txt: ", "700 documents read and tagged, 1 input(s) failed"]);
    let got = docs(&r.out);
    assert_eq!(got.len(), 700);
    assert!(got.iter().enumerate().all(|(i, (s, t))| *s == format!("f{i}.txt") && t == &["Erbil"]));
    // A directory and a file that is not UTF-8 fail the same way.
    d.write("latin1.txt", b"Caf\xe9 in Erbil");
    let r = tag(&d.0, &["latin1.txt", ".", "a.txt"], "");
    expect(
        &r,
        1,
        &[
            "latin1.txt: invalid UTF-8 at byte offset 3",
            "gazetteer: .: ",
            "1 documents read and tagged, 2 input(s) failed",
        ],
    );
    assert_eq!(docs(&r.out), [doc("a.txt", &["Erbil", "Duhok"])]);
}

#[test]
fn fail_fast_stops_at_the_first_failure_after_writing_what_came_before() {
    let d = Dir::new("failfast");
    let r = tag(&d.0, &["--fail-fast", "a.txt", "missing.txt", "b.txt"], "");
    expect(
        &r,
        1,
        &[
            "gazetteer: missing.txt: …; stopped (--fail-fast)",
            "1 documents read and tagged, 1 input(s) failed",
        ],
    );
    assert_eq!(docs(&r.out), [doc("a.txt", &["Erbil", "Duhok"])]);
    d.write("one.jsonl", "{\"text\": \"Erbil\"}\n");
    let r = tag(&d.0, &["--jsonl", "--fail-fast", "one.jsonl", "missing.jsonl", "one.jsonl"], "");
    expect(
        &r,
        1,
        &[
            "missing.jsonl: …; stopped (--fail-fast)",
            "1 documents read, 1 tagged, 0 skipped, 1 input(s) failed",
        ],
    );
    assert_eq!(docs(&r.out), [doc("one.jsonl", &["Erbil"])]);
}

/// Item 5: skipped lines are counted; a file none of whose lines could be tagged fails.
#[test]
fn jsonl_skips_count_and_all_skipped_fails() {
    let d = Dir::new("jsonl");
    d.write("some.jsonl", "{\"id\": 1, \"text\": \"Erbil\"}\nnot json\n\n{\"id\": 3, \"body\": \"Duhok\"}\n{\"text\": \"Duhok\"}\n");
    d.write("none.jsonl", "{\"body\": \"Erbil\"}\n[1, 2]\n");
    d.write("empty.jsonl", "\n\n");
    let r = tag(&d.0, &["--jsonl", "some.jsonl"], "");
    expect(
        &r,
        0,
        &[
            "gazetteer: some.jsonl:2: invalid JSON: expected ident at line 1 column 2; line skipped",
            "gazetteer: some.jsonl:4: no string field \"text\"; line skipped",
            "gazetteer: 4 documents read, 2 tagged, 2 skipped",
        ],
    );
    assert_eq!(docs(&r.out), [doc("some.jsonl", &["Erbil"]), doc("some.jsonl", &["Duhok"])]);
    let r = tag(&d.0, &["--jsonl", "none.jsonl", "empty.jsonl"], "");
    expect(
        &r,
        1,
        &[
            "none.jsonl:1: no string field \"text\"; line skipped",
            "none.jsonl:2: not a JSON object; line skipped",
            "gazetteer: none.jsonl: none of its 2 line(s) is a document with a string field \"text\"",
            "gazetteer: 2 documents read, 0 tagged, 2 skipped, 1 input(s) failed",
        ],
    );
    assert_eq!(r.out, "");
    // The wrong --text-field skips every line of every file.
    let r = tag(&d.0, &["--jsonl", "--text-field", "body", "some.jsonl"], "");
    assert_eq!((r.status, docs(&r.out)), (0, vec![doc("some.jsonl", &["Duhok"])]), "{r:?}");
    let r = tag(&d.0, &["--jsonl", "--text-field", "headline"], "{\"text\": \"Erbil\"}\n");
    expect(
        &r,
        1,
        &[
            "-:1: no string field \"headline\"",
            "-: none of its 1 line(s)",
            "1 documents read, 0 tagged, 1 skipped, 1 input(s) failed",
        ],
    );
    // --strict stops at the first bad line, after the lines before it.
    let r = tag(&d.0, &["--jsonl", "--strict", "some.jsonl", "none.jsonl"], "");
    expect(
        &r,
        1,
        &[
            "some.jsonl:2: invalid JSON…; stopped (--strict)",
            "2 documents read, 1 tagged, 0 skipped, 1 input(s) failed",
        ],
    );
    assert_eq!(docs(&r.out), [doc("some.jsonl", &["Erbil"])]);
}

/// `stats` reads inputs as `tag` does, and fails the same way.
#[test]
fn stats_reports_failed_inputs() {
    let d = Dir::new("stats");
    let r =
        run(&d.0, &["stats", "--no-default", "-g", "places.tsv", "-q", "a.txt", "missing.txt", "b.txt"], "");
    expect(&r, 1, &["missing.txt: ", "2 documents read and tagged, 1 input(s) failed"]);
    assert_eq!(
        r.out,
        "name\tlabel\tid\tmentions\tdocuments\nDuhok\tLOC\tgz:duhok\t2\t2\nAcme Bank\tORG\t\t1\t1\nErbil\tLOC\tgz:erbil\t1\t1\n"
    );
}

/// Item 4 and usage errors: status 2, one line naming the file and line, nothing written.
#[test]
fn configuration_errors_exit_2_and_write_nothing() {
    let d = Dir::new("config");
    d.write("header.tsv", "name\tlabel\tid\nErbil\tLOC\tgz:erbil\n");
    d.write("typo.tsv", "# places\nErbil\tLCO\n");
    d.write("place.jsonl", "{\"name\": \"Erbil\", \"label\": \"PLACE\"}\n");
    d.write("clash.tsv", "Erbil SC\tORG\tgz:erbil\n");
    d.write("product.tsv", "Acme Phone\tPRODUCT\n");
    d.write("declared.tsv", "#labels: PRODUCT\nAcme Phone\tPRODUCT\n");
    d.write("empty.tsv", "# nothing yet\n");
    let cases: &[(&[&str], &str)] = &[
        (&["tag", "--no-default", "-g", "header.tsv", "a.txt"], "gazetteer: header.tsv:1: \"name\\tlabel\\tid\" looks like a header row, which would be an entry for the word \"name\"; start the line with '#' to make it a comment"),
        (&["tag", "-g", "typo.tsv", "a.txt"], "gazetteer: typo.tsv:2: unknown label LCO; did you mean LOC?"),
        (&["tag", "-g", "place.jsonl", "a.txt"], "gazetteer: place.jsonl:1: unknown label PLACE (labels: PER, ORG, LOC, MISC; declare another with a \"#labels: NAME\" line in the gazetteer file or --label NAME)"),
        (&["tag", "-g", "product.tsv", "a.txt"], "gazetteer: product.tsv:1: unknown label PRODUCT ("),
        (&["tag", "-g", "declared.tsv", "--label", "B-PER", "a.txt"], "gazetteer: --label B-PER: invalid label B-PER: an IOB tag, not a label (the label is PER)"),
        (&["tag", "--no-default", "-g", "places.tsv", "-g", "clash.tsv", "a.txt"], "gazetteer: clash.tsv:1: id \"gz:erbil\" has label ORG here but LOC at places.tsv:2"),
        (&["tag", "--no-default", "a.txt"], "gazetteer: nothing to match: --no-default leaves out the bundled gazetteers; add --gazetteer PATH (or --rules)"),
        (&["tag", "--no-default", "-g", "empty.tsv", "a.txt"], "gazetteer: nothing to match: the gazetteers (empty.tsv) have no entries"),
        (&["tag", "-g", "missing.tsv", "a.txt"], "gazetteer: missing.tsv: "),
        (&["tag", "--disable-rule", "titel", "a.txt"], "gazetteer: unknown rule \"titel\""),
        (&["tag", "--frobnicate", "a.txt"], "error: unexpected argument '--frobnicate'"),
        (&["tag", "--no-default", "-g", "places.tsv", "--fields", "start,offset", "a.txt"], "error: invalid value 'start,offset' for '--fields <LIST>': unknown field \"offset\""),
        (&["tag", "--no-default", "-g", "places.tsv", "--format", "spacy", "--fields", "start", "a.txt"], "gazetteer: --fields applies to --format jsonl only, not spacy"),
    ];
    for (args, err) in cases {
        let r = run(&d.0, args, "");
        assert_eq!((r.status, r.out.as_str()), (2, ""), "{args:?}: {r:?}");
        assert!(r.err.starts_with(err), "{args:?}: {}", r.err);
    }
    // Declared, the labels load: by --label or in the file.
    for args in [&["-g", "product.tsv", "--label", "product"][..], &["-g", "declared.tsv"]] {
        let r = run(&d.0, &[&["tag", "--no-default", "-q"], args].concat(), "An Acme Phone.");
        assert_eq!((r.status, docs(&r.out)), (0, vec![doc("-", &["Acme Phone"])]), "{args:?}: {r:?}");
    }
    // Rules alone have something to match.
    assert_eq!(run(&d.0, &["tag", "--no-default", "--rules", "a.txt"], "").status, 0);
}

/// Item 2: plain text given to eval and conll, and a tagged file without predictions.
#[test]
fn files_that_are_not_conll_exit_2() {
    let d = Dir::new("conll");
    let gold = "-DOCSTART- -X- -X- O\n\nErbil NNP B-NP B-LOC\nwelcomed VBD B-VP O\nAcme NNP B-NP B-ORG\nBank NNP I-NP I-ORG\n. . O O\n";
    d.write("gold.conll", gold);
    d.write("prose.txt", "Erbil welcomed Acme Bank.\nDuhok did too.\n");
    d.write("ragged.conll", "Erbil B-LOC\nwelcomed VBD O\n");
    let tagged: String =
        gold.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{l} O\n") }).collect();
    d.write("tagged.conll", tagged);
    let cases: &[(&[&str], &str)] = &[
        (&["eval", "prose.txt"], "gazetteer: prose.txt:1: column 4 (the gold tags) should be an IOB tag (O, B-TYPE or I-TYPE) but is \"Bank.\": is this a CoNLL file, one token a line?"),
        (&["conll", "prose.txt"], "gazetteer: prose.txt:1: column 4 should be an IOB tag"),
        (&["eval", "--tagged", "gold.conll"], "gazetteer: gold.conll:3: column 3 (the gold tags) holds B-NP: unknown label NP (labels: PER, ORG, LOC, MISC;"),
        (&["eval", "--tagged", "gold.conll"], "; is the column of predictions missing?"),
        (&["eval", "ragged.conll"], "gazetteer: ragged.conll:2: 3 columns, but line 1 has 2"),
        (&["eval", "--labels", "PER,LCO", "gold.conll"], "gazetteer: --labels: unknown label LCO; did you mean LOC?"),
        (&["eval", "missing.conll"], "gazetteer: missing.conll: "),
    ];
    for (args, err) in cases {
        let r = run(&d.0, &[&args[..], &["--no-default", "-g", "places.tsv"]].concat(), "");
        assert_eq!((r.status, r.out.as_str()), (2, ""), "{args:?}: {r:?}");
        assert!(r.err.contains(err) && r.err.lines().count() == 1, "{args:?}: {}", r.err);
    }
    // The CoNLL files themselves score and tag.
    let r = run(&d.0, &["eval", "--no-default", "-g", "places.tsv", "gold.conll"], "");
    expect(&r, 0, &[]);
    assert!(
        r.out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
            == ["ALL", "2", "2", "2", "1.0000", "1.0000", "1.0000"]),
        "{}",
        r.out
    );
    let r = run(&d.0, &["eval", "--tagged", "tagged.conll"], "");
    expect(&r, 0, &[]);
    assert!(
        r.out.lines().any(|l| l.starts_with("ALL") && l.split_whitespace().nth(2) == Some("0")),
        "{}",
        r.out
    );
    let r = run(&d.0, &["conll", "--no-default", "-g", "places.tsv", "gold.conll"], "");
    expect(&r, 0, &[]);
    assert!(
        r.out.contains("\nErbil NNP B-NP B-LOC B-LOC\n") && r.out.contains("\nBank NNP I-NP I-ORG I-ORG\n"),
        "{}",
        r.out
    );
}

/// Item 3: gold spans in bytes (the default) or chars, checked against the text.
#[test]
fn gold_spans_are_checked_against_the_text() {
    let d = Dir::new("gold");
    // Duhok and Erbil are at chars 10..15 and 17..22, bytes 12..17 and 19..24 (two
    // accented letters before them).
    d.write("text.txt", "Réunion à Duhok; Erbil.\n");
    d.write("bytes.jsonl", "{\"start\": 12, \"end\": 17, \"label\": \"LOC\"}\n{\"start\": 19, \"end\": 24, \"label\": \"LOC\"}\n");
    d.write("chars.jsonl", "{\"start\": 10, \"end\": 15, \"label\": \"LOC\"}\n{\"start\": 17, \"end\": 22, \"label\": \"LOC\"}\n");
    d.write("far.jsonl", "{\"start\": 13, \"end\": 18, \"label\": \"LOC\"}\n{\"start\": 5000, \"end\": 5010, \"label\": \"LOC\"}\n");
    d.write("inside.jsonl", "{\"start\": 2, \"end\": 9, \"label\": \"LOC\"}\n");
    let eval = |extra: &[&str]| {
        run(&d.0, &[&["eval", "--no-default", "-g", "places.tsv", "--json"], extra].concat(), "")
    };
    let all_f1 = |r: &Run| {
        let v: serde_json::Value = serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{e}: {r:?}"));
        v["ALL"]["f1"].as_f64().unwrap()
    };
    let r = eval(&["--gold", "bytes.jsonl", "text.txt"]);
    expect(&r, 0, &[]);
    assert_eq!(all_f1(&r), 1.0);
    let r = eval(&["--gold", "chars.jsonl", "--char-offsets", "text.txt"]);
    expect(&r, 0, &[]);
    assert_eq!(all_f1(&r), 1.0);
    // Char offsets read as bytes: here one falls inside "à", and the message says why.
    let r = eval(&["--gold", "chars.jsonl", "text.txt"]);
    expect(&r, 2, &["gazetteer: chars.jsonl:1: span 10..15: byte 10 is inside the character 'à'; offsets are UTF-8 bytes unless read as chars (--char-offsets)"]);
    for (gold, err) in [
        ("far.jsonl", "gazetteer: far.jsonl:2: span 5000..5010 ends past the end of the text (26 bytes)"),
        ("inside.jsonl", "gazetteer: inside.jsonl:1: span 2..9: byte 2 is inside the character 'é'; offsets are UTF-8 bytes unless read as chars (--char-offsets)"),
    ] {
        let r = eval(&["--gold", gold, "text.txt"]);
        expect(&r, 2, &[err]);
        assert_eq!(r.out, "");
    }
    let r = eval(&["--gold", "far.jsonl", "--char-offsets", "text.txt"]);
    expect(&r, 2, &["far.jsonl:2: span 5000..5010 ends past the end of the text (24 chars)"]);
    // The help says what the offsets count.
    let help = run(&d.0, &["eval", "--help"], "").out;
    assert!(help.contains("offsets in UTF-8 bytes") && help.contains("--char-offsets"), "{help}");
}

/// Item 8: the help names both extensions of JSON Lines gazetteers and the exit statuses.
#[test]
fn help_names_json_gazetteers_and_exit_statuses() {
    let d = Dir::new("help");
    let r = run(&d.0, &["tag", "--help"], "");
    expect(&r, 0, &[]);
    assert!(r.out.contains("JSON Lines if it ends in .jsonl or .json"), "{}", r.out);
    let r = run(&d.0, &["--help"], "");
    assert!(r.out.contains("Exit status: 0 success; 1 some inputs failed"), "{}", r.out);
    // A gazetteer named .json loads as JSON Lines.
    d.write("g.json", "{\"name\": \"Duhok\", \"label\": \"LOC\"}\n");
    let r = run(&d.0, &["tag", "--no-default", "-g", "g.json", "a.txt"], "");
    assert_eq!((r.status, docs(&r.out)), (0, vec![doc("a.txt", &["Duhok"])]), "{r:?}");
}

/// `tag --jsonl` is a thin shell over the library's stream: the bundled tagger's output
/// through `Tagger::stream` and `output::Writer` is the command's, byte for byte.
#[cfg(feature = "embedded")]
#[test]
fn jsonl_output_is_the_librarys_stream() {
    use gazetteer::output::{Format, Writer};
    use gazetteer::stream::{JsonLines, StreamOptions};
    let mut input = String::new();
    for i in 0..300 {
        let text = match i % 4 {
            0 => "GENEVA - The foreign minister of Kenya met officials from Peru and Japan on Monday.",
            1 => "Shares of Toyota rose in Tokyo; the Bank of England held rates in London.",
            2 => "Ana Lima, a teacher from Porto Alegre, said the \u{a0}river had risen.",
            _ => "no places here, only lower-case words.",
        };
        input.push_str(&format!("{{\"id\": {i}, \"text\": {}}}\n", serde_json::json!(text)));
        if i == 7 {
            input.push_str("{\"body\": \"not a document\"}\n");
        }
    }
    let d = Dir::new("stream");
    d.write("news.jsonl", &input);
    let cmd = run(&d.0, &["tag", "--jsonl", "-q", "--threads", "2", "news.jsonl"], "");
    assert_eq!(cmd.status, 0, "{}", cmd.err);

    let tagger = gazetteer::Tagger::with_bundled(Vec::new()).unwrap();
    let mut w = Writer::new(Format::Jsonl, Vec::new());
    let docs = JsonLines::new(input.as_bytes(), "news.jsonl", "text");
    for doc in tagger.stream(docs, StreamOptions::default().threads(2)).flatten() {
        w.write(&doc.meta.source, doc.meta.id.as_ref(), &doc.text, &doc.entities).unwrap();
    }
    let lib = String::from_utf8(w.finish().unwrap()).unwrap();
    assert_eq!(cmd.out.lines().count(), 300);
    assert!(cmd.out.contains("\"label\":\"LOC\""), "the bundled data found places: {}", &cmd.out[..300]);
    assert_eq!(cmd.out, lib);
}

/// `--fields`: the compact output keeps the document's source and id, and each entity's
/// chosen fields in their fixed order; `id` only where the entry has one.
#[test]
fn fields_make_a_compact_jsonl_output() {
    let d = Dir::new("fields");
    let input = "{\"id\": 3, \"text\": \"Acme Bank opened in Duhok.\"}\n";
    let r = tag(&d.0, &["--jsonl", "--fields", "label,id,start,end"], input);
    assert_eq!((r.status, r.err.as_str()), (0, ""), "{r:?}");
    assert_eq!(
        r.out,
        "{\"source\":\"-\",\"id\":3,\"entities\":[{\"start\":0,\"end\":9,\"label\":\"ORG\"},\
         {\"start\":20,\"end\":25,\"label\":\"LOC\",\"id\":\"gz:duhok\"}]}\n"
    );
    // All the fields named: the default output.
    let all = tag(&d.0, &["--jsonl", "--fields", "start,end,text,label,name,id,source,alternatives"], input);
    assert_eq!(all.out, tag(&d.0, &["--jsonl"], input).out);
}
