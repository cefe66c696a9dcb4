//! Evaluation: entity-level precision, recall and F1.
//!
//! - [`conll_chunks`] and [`score_chunks`] follow the chunk rules of the CoNLL shared
//!   task's `conlleval` script (IOB1 or IOB2; an entity counts only when its type, first
//!   and last token all match), so `gazetteer eval` gives the same numbers as
//!   `conlleval.py` on the same output.
//! - [`score_spans`] scores byte spans against gold spans exactly, with optional gold
//!   spans that are neither missed nor wrong, as `score_spans.py` does.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A chunk: its type and its first and last token (inclusive).
pub type Chunk = (String, usize, usize);

/// Precision, recall and F1 of one type (or of all, under `ALL`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub pred: usize,
    /// Predicted entities that are right.
    pub tp: usize,
    /// `tp / pred`.
    pub precision: f64,
    /// `tp / gold`.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn new(gold: usize, pred: usize, tp: usize) -> Score {
        let precision = if pred > 0 { tp as f64 / pred as f64 } else { 0.0 };
        let recall = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Score { gold, pred, tp, precision, recall, f1 }
    }
}

fn split_tag(tag: &str) -> (&str, &str) {
    if tag == "O" || tag.is_empty() {
        return ("O", "");
    }
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None => ("I", tag),
    }
}

/// The chunks of a tag sequence under conlleval's start and end rules. `keep`, if not
/// empty, names the types scored; other types count as `O`.
pub fn conll_chunks<S: AsRef<str>>(tags: &[S], keep: &HashSet<String>) -> BTreeSet<Chunk> {
    let mut out = BTreeSet::new();
    let mut start: Option<usize> = None;
    let (mut prev_tag, mut prev_type) = ("O".to_string(), String::new());
    for (i, raw) in tags.iter().map(|t| Some(t.as_ref())).chain([None]).enumerate() {
        let (tag, typ) = if let Some(raw) = raw {
            let (p, t) = split_tag(raw);
            if !keep.is_empty() && !keep.contains(t) {
                ("O", "")
            } else {
                (p, t)
            }
        } else {
            ("O", "")
        };
        let end = (matches!(prev_tag.as_str(), "B" | "I") && matches!(tag, "B" | "O"))
            || (prev_tag != "O" && prev_type != typ);
        let begin = tag == "B" || (prev_tag == "O" && tag == "I") || (tag != "O" && prev_type != typ);
        if end {
            if let Some(s) = start.take() {
                out.insert((prev_type.clone(), s, i - 1));
            }
        }
        if begin && tag != "O" {
            start = Some(i);
        }
        prev_tag = tag.to_string();
        prev_type = typ.to_string();
    }
    out
}

/// Scores per type, plus `ALL`, from gold and predicted chunks.
pub fn score_chunks<T: Ord + Clone>(
    gold: &BTreeSet<(String, T, T)>,
    pred: &BTreeSet<(String, T, T)>,
) -> BTreeMap<String, Score> {
    let mut types: BTreeSet<&str> = gold.iter().chain(pred).map(|c| c.0.as_str()).collect();
    types.insert("ALL");
    let mut rows = BTreeMap::new();
    for t in types {
        let g: BTreeSet<_> = gold.iter().filter(|c| t == "ALL" || c.0 == t).collect();
        let p: BTreeSet<_> = pred.iter().filter(|c| t == "ALL" || c.0 == t).collect();
        let tp = g.intersection(&p).count();
        rows.insert(t.to_string(), Score::new(g.len(), p.len(), tp));
    }
    rows
}

/// A gold span for [`score_spans`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    /// Byte start.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// The type.
    pub label: String,
    /// Whether predicting it (or not) is neither right nor wrong.
    pub optional: bool,
}

/// How the offsets of gold spans count: UTF-8 bytes (as Rust slices and this crate's
/// entities) or chars (Unicode scalar values, as Python's `str` counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Offsets {
    /// UTF-8 byte offsets.
    #[default]
    Bytes,
    /// Char offsets.
    Chars,
}

/// Reads gold spans from JSON Lines for `text`, as `gazetteer eval --gold` does.
///
/// Each line is an entity `{"start", "end", "label", "optional"?}` or a document
/// `{"entities": [...]}`. Offsets count as `offsets` says, half-open; spans are returned
/// in UTF-8 bytes. `name` names the file in errors.
///
/// ```
/// use gazetteer::eval::{read_gold, Offsets};
/// use gazetteer::LabelSet;
/// let text = "Zürich and Bern";
/// let gold = "{\"start\": 11, \"end\": 15, \"label\": \"LOC\"}\n";
/// let by_chars = read_gold("g.jsonl", gold, text, Offsets::Chars, &LabelSet::new()).unwrap();
/// assert_eq!((by_chars[0].start, by_chars[0].end), (12, 16));
/// let e = read_gold("g.jsonl", "{\"start\": 2, \"end\": 6, \"label\": \"LOC\"}", text, Offsets::Bytes, &LabelSet::new());
/// assert!(e.unwrap_err().to_string().starts_with("g.jsonl:1: span 2..6: byte 2 is inside the character 'ü'"));
/// ```
///
/// # Errors
/// On the first bad line, naming it: invalid JSON, an entity without `start`, `end` or
/// `label`, an unknown label (not in `labels`), a span that ends before it starts, ends
/// past the end of `text`, or (in bytes) starts or ends inside a character.
pub fn read_gold(
    name: &str,
    gold: &str,
    text: &str,
    offsets: Offsets,
    labels: &crate::LabelSet,
) -> crate::Result<Vec<GoldSpan>> {
    use serde_json::Value;
    // The byte offset of each char offset, and the end.
    let char_starts: Vec<usize> = match offsets {
        Offsets::Chars => text.char_indices().map(|(i, _)| i).chain([text.len()]).collect(),
        Offsets::Bytes => Vec::new(),
    };
    let mut spans = Vec::new();
    for (i, line) in gold.lines().enumerate() {
        let err = |m: String| crate::Error::parse(name, i + 1, m);
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let items = match v.get("entities") {
            Some(Value::Array(es)) => es.clone(),
            _ => vec![v],
        };
        for e in items {
            let num = |k: &str| e.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
            let (Some(start), Some(end), Some(label)) =
                (num("start"), num("end"), e.get("label").and_then(Value::as_str))
            else {
                return Err(err("an entity needs start, end (whole numbers) and label".into()));
            };
            let label = labels.parse(label).map_err(|e| err(e.to_string()))?;
            let at = format!("span {start}..{end}");
            if end < start {
                return Err(err(format!("{at} ends before it starts")));
            }
            let (start, end) = match offsets {
                Offsets::Chars => {
                    let chars = char_starts.len() - 1;
                    match (char_starts.get(start), char_starts.get(end)) {
                        (Some(&s), Some(&e)) => (s, e),
                        _ => {
                            return Err(err(format!("{at} ends past the end of the text ({chars} chars)")));
                        }
                    }
                }
                Offsets::Bytes => {
                    if end > text.len() {
                        return Err(err(format!(
                            "{at} ends past the end of the text ({} bytes)",
                            text.len()
                        )));
                    }
                    for o in [start, end] {
                        if !text.is_char_boundary(o) {
                            let from = (0..o).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0);
                            let c = text[from..].chars().next().unwrap_or_default();
                            return Err(err(format!(
                                "{at}: byte {o} is inside the character {c:?}; offsets are UTF-8 bytes \
                                 unless read as chars (--char-offsets)"
                            )));
                        }
                    }
                    (start, end)
                }
            };
            let optional = e.get("optional").and_then(Value::as_bool).unwrap_or(false);
            spans.push(GoldSpan { start, end, label: label.to_string(), optional });
        }
    }
    Ok(spans)
}

/// Exact-span scores of `pred` (start, end, label) against `gold`, restricted to `keep`
/// when it is not empty.
pub fn score_spans(
    gold: &[GoldSpan],
    pred: &[(usize, usize, String)],
    keep: &HashSet<String>,
) -> BTreeMap<String, Score> {
    let kept = |l: &str| keep.is_empty() || keep.contains(l);
    let optional: HashSet<(usize, usize)> =
        gold.iter().filter(|g| g.optional && kept(&g.label)).map(|g| (g.start, g.end)).collect();
    let required: BTreeSet<(String, usize, usize)> = gold
        .iter()
        .filter(|g| !g.optional && kept(&g.label))
        .map(|g| (g.label.clone(), g.start, g.end))
        .collect();
    let pred: BTreeSet<(String, usize, usize)> = pred
        .iter()
        .filter(|p| kept(&p.2))
        .map(|p| (p.2.clone(), p.0, p.1))
        .filter(|p| required.contains(p) || !optional.contains(&(p.1, p.2)))
        .collect();
    let mut rows = score_chunks(&required, &pred);
    for k in keep {
        rows.entry(k.clone()).or_insert_with(|| Score::new(0, 0, 0));
    }
    rows
}

/// The table `conlleval.py` prints.
pub fn format_table(rows: &BTreeMap<String, Score>) -> String {
    let mut s = format!(
        "{:6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
        "type", "gold", "pred", "tp", "prec", "rec", "f1"
    );
    let mut order: Vec<&String> = rows.keys().filter(|k| *k != "ALL").collect();
    order.sort();
    let all = "ALL".to_string();
    if rows.contains_key("ALL") {
        order.push(&all);
    }
    for t in order {
        let r = &rows[t];
        s.push_str(&format!(
            "{:6} {:6} {:6} {:6} {:7.4} {:7.4} {:7.4}\n",
            t, r.gold, r.pred, r.tp, r.precision, r.recall, r.f1
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[&str]) -> HashSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chunk_rules() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"];
        let c = conll_chunks(&tags, &set(&[]));
        let want: BTreeSet<Chunk> = [("PER", 0, 1), ("LOC", 3, 4), ("LOC", 5, 5), ("ORG", 6, 6)]
            .iter()
            .map(|(t, a, b)| (t.to_string(), *a, *b))
            .collect();
        assert_eq!(c, want);
        let only_per = conll_chunks(&tags, &set(&["PER"]));
        assert_eq!(only_per.len(), 1);
    }

    #[test]
    fn gold_offsets_are_checked() {
        let text = "Zürich, Genève and Bern"; // 23 chars, 25 bytes
        let line = |s: usize, e: usize| format!("{{\"start\": {s}, \"end\": {e}, \"label\": \"LOC\"}}");
        let mut set = crate::LabelSet::new();
        set.declare("CITY").unwrap();
        let read = |gold: &str, o: Offsets| {
            read_gold("g", gold, text, o, &set)
                .map(|v| v.iter().map(|g| (g.start, g.end, g.label.clone())).collect::<Vec<_>>())
                .map_err(|e| e.to_string())
        };
        let loc = |s: usize, e: usize| (s, e, "LOC".to_string());
        // Bern is at chars 19..23, bytes 21..25; Genève at chars 8..14, bytes 9..16.
        assert_eq!(read(&line(21, 25), Offsets::Bytes), Ok(vec![loc(21, 25)]));
        assert_eq!(read(&line(19, 23), Offsets::Chars), Ok(vec![loc(21, 25)]));
        assert_eq!(read(&format!("\n{}\n", line(8, 14)), Offsets::Chars), Ok(vec![loc(9, 16)]));
        assert_eq!(read(&line(25, 25), Offsets::Bytes), Ok(vec![loc(25, 25)]));
        let doc = "{\"entities\": [{\"start\": 0, \"end\": 7, \"label\": \"city\", \"optional\": true}]}";
        assert_eq!(read(doc, Offsets::Bytes), Ok(vec![(0, 7, "CITY".to_string())]));
        for (gold, o, want) in [
            (
                line(5000, 5010),
                Offsets::Bytes,
                "g:1: span 5000..5010 ends past the end of the text (25 bytes)",
            ),
            (line(19, 26), Offsets::Bytes, "g:1: span 19..26 ends past the end of the text (25 bytes)"),
            (line(19, 24), Offsets::Chars, "g:1: span 19..24 ends past the end of the text (23 chars)"),
            (
                line(8, 13),
                Offsets::Bytes,
                "g:1: span 8..13: byte 13 is inside the character 'è'; offsets are UTF-8 bytes",
            ),
            (line(2, 6), Offsets::Bytes, "g:1: span 2..6: byte 2 is inside the character 'ü'"),
            (line(7, 3), Offsets::Chars, "g:1: span 7..3 ends before it starts"),
            (
                format!("{}\n{{\"start\": 0, \"end\": 7, \"label\": \"LCO\"}}", line(0, 7)),
                Offsets::Bytes,
                "g:2: unknown label LCO; did you mean LOC?",
            ),
            (
                "{\"start\": 0, \"end\": -7, \"label\": \"LOC\"}".to_string(),
                Offsets::Bytes,
                "g:1: an entity needs start, end (whole numbers) and label",
            ),
            ("{\"start\": 0,".to_string(), Offsets::Bytes, "g:1: invalid JSON"),
        ] {
            let got = read(&gold, o).unwrap_err();
            assert!(got.starts_with(want), "{gold}: {got}");
        }
    }

    #[test]
    fn scores() {
        let g = conll_chunks(&["B-PER", "I-PER", "O", "B-LOC"], &set(&[]));
        let p = conll_chunks(&["B-PER", "I-PER", "O", "B-ORG"], &set(&[]));
        let rows = score_chunks(&g, &p);
        assert_eq!(rows["PER"].f1, 1.0);
        assert_eq!(rows["ALL"].tp, 1);
        assert_eq!(rows["ALL"].precision, 0.5);
    }
}
