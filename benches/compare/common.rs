//! Shared by the Rust engines of the comparison (`ours_lib.rs`, `../bare_ac.rs`): argument
//! parsing, the JSON Lines reader, timing, memory and the result line.
//!
//! Every engine program takes `--names FILE.tsv [--spans OUT] FILE.jsonl...`, builds its
//! matcher from the names, tags the `text` field of every JSON line (JSON parsing counted),
//! and prints one JSON object on standard output: `build_s`, `tag_s`, `bytes`, `docs`,
//! `build_cpu_s`, `tag_cpu_s`, `matches`, `rss_after_build_kb`, `peak_rss_kb` (read before the optional spans pass) and
//! engine-specific fields. With `--spans OUT` it then runs a second, untimed pass that
//! writes `doc<TAB>start<TAB>end` (UTF-8 byte offsets) for every match to OUT.

#![allow(dead_code)]

use serde::Deserialize;
use std::borrow::Cow;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

pub struct Args {
    pub names: String,
    pub spans: Option<String>,
    pub files: Vec<String>,
    pub flags: Vec<String>,
}

pub fn args() -> Args {
    let mut a = Args { names: String::new(), spans: None, files: Vec::new(), flags: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--names" => a.names = it.next().unwrap_or_default(),
            "--spans" => a.spans = it.next(),
            // `cargo bench` passes `--bench`; anything else starting with `--` is a flag.
            s if s.starts_with("--") => a.flags.push(s.to_string()),
            _ => a.files.push(x),
        }
    }
    if a.names.is_empty() || a.files.is_empty() {
        eprintln!("usage: {} --names NAMES.tsv [--spans OUT] FILE.jsonl...", program());
        std::process::exit(2);
    }
    a
}

fn program() -> String {
    std::env::args().next().unwrap_or_default()
}

/// The names of a TSV gazetteer file: first column, `#` lines and blank lines skipped.
pub fn read_names(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap_or("").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

pub fn fail(m: &str) -> ! {
    eprintln!("{}: {m}", program());
    std::process::exit(2)
}

#[derive(Deserialize)]
struct Doc<'a> {
    /// Borrowed from the line when it holds no escapes.
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// Calls `f(doc_index, text)` for the `text` of every JSON line of `files`; returns the
/// number of input bytes read. Lines are read as bytes and parsed once (`from_slice`
/// checks UTF-8 inside strings as it goes); texts without escapes are not copied.
pub fn each_doc(files: &[String], mut f: impl FnMut(usize, &str)) -> u64 {
    let mut bytes = 0u64;
    let mut doc = 0usize;
    let mut line = Vec::new();
    for path in files {
        let file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let mut r = BufReader::with_capacity(1 << 16, file);
        loop {
            line.clear();
            let n = r.read_until(b'\n', &mut line).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            if n == 0 {
                break;
            }
            bytes += n as u64;
            if line.trim_ascii().is_empty() {
                continue;
            }
            let d: Doc = serde_json::from_slice(&line).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            f(doc, &d.text);
            doc += 1;
        }
    }
    bytes
}

/// `VmHWM` (peak resident set) and `VmRSS` of this process in kB, 0 where unknown.
pub fn rss_kb() -> (u64, u64) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// CPU time of this process's main thread in seconds (`/proc/self/schedstat`), 0 where
/// unknown. Less disturbed than wall time by other jobs on a shared machine.
pub fn cpu_s() -> f64 {
    let s = std::fs::read_to_string("/proc/self/schedstat").unwrap_or_default();
    s.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()).map_or(0.0, |ns| ns / 1e9)
}

pub fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

/// Writes the spans of a second pass: `spans(text)` gives the byte spans of one document.
pub fn write_spans(path: &str, files: &[String], mut spans: impl FnMut(&str, &mut Vec<(usize, usize)>)) {
    let f = std::fs::File::create(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let mut w = BufWriter::new(f);
    let mut buf = Vec::new();
    each_doc(files, |doc, text| {
        buf.clear();
        spans(text, &mut buf);
        for &(s, e) in &buf {
            let _ = writeln!(w, "{doc}\t{s}\t{e}");
        }
    });
    w.flush().unwrap_or_else(|e| fail(&format!("{path}: {e}")));
}

/// A whole-word boundary: no letter, digit or `_` on either side of `text[start..end]`.
#[inline]
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !text[..start].chars().next_back().is_some_and(word) && !text[end..].chars().next().is_some_and(word)
}
