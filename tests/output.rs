//! The output formats (`gazetteer::output`) against small files written for these tests
//! (tests/data/formats): exact output of every format, offsets checked by slicing the text
//! by chars, and the HTML checked for well-formedness and escaping.
//!
//! `GAZETTEER_BLESS=1 cargo test --test output` rewrites the expected files; review the
//! diff before keeping it.

use gazetteer::output::{self, Format, Writer};
use gazetteer::{Entity, Gazetteer, Label, Tagger};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tagger() -> Tagger {
    let g = Gazetteer::from_tsv_str("formats", &read("gazetteer.tsv")).unwrap();
    Tagger::builder().gazetteer(g).build().unwrap()
}

/// The two test documents: (source, id, text).
fn docs() -> Vec<(&'static str, Option<Value>, String)> {
    vec![
        ("article.txt", None, read("article.txt")),
        ("second.txt", Some(Value::from("doc-2")), read("second.txt")),
    ]
}

fn render(format: Format, docs: &[(&str, Option<Value>, String)]) -> String {
    let t = tagger();
    let mut w = Writer::new(format, Vec::new());
    for (source, id, text) in docs {
        w.write(source, id.as_ref(), text, &t.tag(text)).unwrap();
    }
    String::from_utf8(w.finish().unwrap()).unwrap()
}

/// Compares with the expected file (or writes it when GAZETTEER_BLESS is set).
fn golden(name: &str, actual: &str) {
    let path = data(&format!("expected/{name}"));
    if std::env::var_os("GAZETTEER_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if want != actual {
        for (i, (w, a)) in want.lines().zip(actual.lines()).enumerate() {
            assert_eq!(w, a, "{name}: first difference on line {}", i + 1);
        }
        assert_eq!(want, actual, "{name}");
    }
}

/// `text[start..end]` in chars (Unicode scalar values), as Python slices a `str`.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    assert!(start <= end, "{start} > {end}");
    assert!(end <= text.chars().count(), "{end} past the end");
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn the_test_text_tags_as_intended() {
    let text = read("article.txt");
    let es = tagger().tag(&text);
    let found: Vec<(&str, &str)> = es.iter().map(|e| (e.text(&text).unwrap(), e.label.as_str())).collect();
    let want = [
        ("ZÜRICH", "LOC"),
        ("Masrour Barzani", "PER"),
        ("Angela\u{a0}Merkel", "PER"),
        ("Zürich", "LOC"),
        ("Kurdistan Regional\nGovernment", "ORG"),
        ("KRG", "ORG"),
        ("Café René", "ORG"),
        ("Masrour Barzani", "PER"),
        ("KRG", "ORG"),
    ];
    assert_eq!(found, want);
    // Char, UTF-16 and byte offsets differ in this text.
    let last = tagger().tag(&text).pop().unwrap();
    let (c, u) = (last.char_span(&text), last.utf16_span(&text));
    assert!(c.0 < u.0 && u.0 < last.start, "{c:?} {u:?} {}", last.start);
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().unwrap(), f);
        assert_eq!(f.to_string(), f.name());
    }
    assert_eq!("HTML".parse::<Format>().unwrap(), Format::Html);
    assert_eq!(Format::default(), Format::Jsonl);
    let e = "xml".parse::<Format>().unwrap_err().to_string();
    assert_eq!(e, "unknown format \"xml\" (formats: jsonl, spacy, conll, brat, html)");
}

#[test]
fn jsonl_exact() {
    let out = render(Format::Jsonl, &docs());
    golden("two.jsonl", &out);
    // Byte offsets: the text field is the byte slice.
    for (line, (_, id, text)) in out.lines().zip(docs()) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v.get("id"), id.as_ref());
        for e in v["entities"].as_array().unwrap() {
            let (s, f) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..f], e["text"].as_str().unwrap());
        }
    }
}

#[test]
fn spacy_exact_and_char_offsets() {
    let out = render(Format::Spacy, &docs());
    golden("two.spacy.jsonl", &out);
    let t = tagger();
    for (line, (_, _, text)) in out.lines().zip(docs()) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["text"].as_str().unwrap(), text);
        let ents = v["ents"].as_array().unwrap();
        let es = t.tag(&text);
        assert_eq!(ents.len(), es.len());
        for (j, e) in ents.iter().zip(&es) {
            let (s, f) = (j["start"].as_u64().unwrap() as usize, j["end"].as_u64().unwrap() as usize);
            assert_eq!(char_slice(&text, s, f), e.text(&text).unwrap(), "{j}");
            assert_eq!(j["label"].as_str().unwrap(), e.label.as_str());
            assert_eq!(j.as_object().unwrap().len(), 3, "only start, end, label: {j}");
        }
    }
    assert_eq!(out.lines().count(), 2);
}

/// A `T` line of a brat `.ann` text.
struct TextBound {
    id: String,
    label: String,
    /// Char ranges.
    frags: Vec<(usize, usize)>,
    /// The text column.
    text: String,
}

fn brat_textbounds(ann: &str) -> Vec<TextBound> {
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        assert_eq!(cols.len(), 3, "{line:?}");
        let (label, spans) = cols[1].split_once(' ').unwrap();
        let frags = spans
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                (s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        out.push(TextBound {
            id: cols[0].to_string(),
            label: label.to_string(),
            frags,
            text: cols[2].to_string(),
        });
    }
    out
}

#[test]
fn brat_exact_and_char_offsets() {
    let out = render(Format::Brat, &docs());
    golden("two.ann", &out);
    // Documents are separated by one blank line.
    let blocks: Vec<&str> = out.split("\n\n").collect();
    assert_eq!(blocks.len(), 2);
    let t = tagger();
    for (block, (_, _, text)) in blocks.iter().zip(docs()) {
        let tbs = brat_textbounds(block);
        let es = t.tag(&text);
        assert_eq!(tbs.len(), es.len());
        for (k, (TextBound { id, label, frags, text: col }, e)) in tbs.iter().zip(&es).enumerate() {
            assert_eq!(id, &format!("T{}", k + 1));
            assert_eq!(label, e.label.as_str());
            // brat's check: the text column is the fragments' texts joined by a space.
            let joined: Vec<String> = frags.iter().map(|&(s, f)| char_slice(&text, s, f)).collect();
            assert_eq!(&joined.join(" "), col);
            // Fragments cover the mention, in order, apart from line breaks between them.
            let (cs, ce) = e.char_span(&text);
            assert_eq!((frags[0].0, frags[frags.len() - 1].1), (cs, ce));
            for w in frags.windows(2) {
                let gap = char_slice(&text, w[0].1, w[1].0);
                assert!(w[0].1 < w[1].0 && gap.contains('\n') && gap.trim().is_empty(), "{gap:?}");
            }
            assert!(!col.contains(['\n', '\r']));
        }
        // Every normalization refers to a text-bound annotation of its block.
        for line in block.lines().filter(|l| l.starts_with('N')) {
            let target = line.split('\t').nth(1).unwrap().split(' ').nth(1).unwrap();
            assert!(tbs.iter().any(|tb| tb.id == target), "{line}");
        }
    }
    // The name that crosses a line break becomes two fragments.
    assert!(out.contains("\tORG 71 89;90 100\tKurdistan Regional Government\n"), "{out}");
}

#[test]
fn brat_files_on_disk() {
    let dir = std::env::temp_dir().join(format!("gazetteer-brat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = read("article.txt");
    output::write_brat_files(&dir, "article", &text, &tagger().tag(&text)).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("article.txt")).unwrap(), text);
    let ann = std::fs::read_to_string(dir.join("article.ann")).unwrap();
    assert_eq!(
        format!("{ann}\n{}", read("expected/two.ann").split_once("\n\n").unwrap().1),
        read("expected/two.ann")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn conll_exact_and_consistent() {
    let out = render(Format::Conll, &docs());
    golden("two.conll", &out);
    let t = tagger();
    let docs = docs();
    let parts: Vec<&str> = out.split("-DOCSTART- -X- -X- O\n").collect();
    assert_eq!(parts[0], "");
    assert_eq!(parts.len(), 3);
    for (part, (_, _, text)) in parts[1..].iter().zip(&docs) {
        // The tokens are the tokenizer's, in order, four columns each.
        let lines: Vec<&str> = part.lines().filter(|l| !l.is_empty()).collect();
        let toks = gazetteer::tokenize::tokenize(text);
        assert_eq!(lines.len(), toks.len());
        let mut tags = Vec::new();
        for (l, tok) in lines.iter().zip(&toks) {
            let cols: Vec<&str> = l.split(' ').collect();
            assert_eq!(cols.len(), 4, "{l:?}");
            assert_eq!(cols[0], tok.text(text));
            tags.push(cols[3]);
        }
        // The chunks of the IOB2 tags are exactly the entities, and none crosses a
        // sentence boundary (blank line).
        let mut chunks = Vec::new();
        for (i, tag) in tags.iter().enumerate() {
            if let Some(l) = tag.strip_prefix("B-") {
                chunks.push((toks[i].start, toks[i].end, l.to_string()));
            } else if let Some(l) = tag.strip_prefix("I-") {
                let last = chunks.last_mut().expect("I- without B-");
                assert!(tags[i - 1] != "O" && tags[i - 1][2..] == *l, "I- after {}", tags[i - 1]);
                last.1 = toks[i].end;
            } else {
                assert_eq!(*tag, "O");
            }
        }
        let want: Vec<(usize, usize, String)> =
            t.tag(text).iter().map(|e| (e.start, e.end, e.label.to_string())).collect();
        assert_eq!(chunks, want);
        let sentences: Vec<&str> = part.trim_matches('\n').split("\n\n").collect();
        for s in &sentences {
            assert!(!s.lines().next().unwrap().contains(" I-"), "a sentence starts inside an entity: {s}");
        }
    }
}

#[test]
fn conll_sentences() {
    // Line breaks and . ! ? end sentences; closing quotes stay with their sentence; a
    // lower-case word after a period does not start one; an entity is never cut.
    let mut g = Gazetteer::new("g");
    g.push(gazetteer::Entry::new("St. Louis", Label::Loc));
    let t = Tagger::builder().gazetteer(g).build().unwrap();
    let text = "He said \"no.\" Then the U.S. envoy left St. Louis!\nNew line";
    let mut out = Vec::new();
    output::write_document(Format::Conll, &mut out, "x", None, text, &t.tag(text)).unwrap();
    let out = String::from_utf8(out).unwrap();
    let sentences: Vec<Vec<&str>> = out
        .trim_end()
        .split("\n\n")
        .skip(1)
        .map(|s| s.lines().map(|l| l.split(' ').next().unwrap()).collect())
        .collect();
    assert_eq!(
        sentences,
        [
            vec!["He", "said", "\"", "no", ".", "\""],
            vec!["Then", "the", "U.S", ".", "envoy", "left", "St", ".", "Louis", "!"],
            vec!["New", "line"],
        ]
    );
    assert!(out.contains("St -X- -X- B-LOC\n. -X- -X- I-LOC\nLouis -X- -X- I-LOC\n"));
    // An empty document is its -DOCSTART- line alone.
    let mut out = Vec::new();
    output::write_document(Format::Conll, &mut out, "x", None, " \n", &[]).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "-DOCSTART- -X- -X- O\n\n");
}

/// A small well-formedness checker for the HTML we write: every tag is closed in order
/// (void elements written `<x .../>`), attribute values are double-quoted and free of
/// `<`, text holds no `<` or `>`, and every `&` starts a known reference.
fn check_well_formed(html: &str) -> Result<(), String> {
    const VOID: [&str; 2] = ["meta", "br"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html.strip_prefix("<!DOCTYPE html>\n").ok_or("no doctype")?;
    let mut in_style = false;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            check_text(rest)?;
            break;
        };
        let text = &rest[..lt];
        if in_style {
            if text.contains(['<', '>']) && !text.contains("{") {
                return Err("odd style".into());
            }
        } else {
            check_text(text)?;
        }
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if open != name {
                return Err(format!("</{name}> closes <{open}>"));
            }
            in_style = false;
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!("bad tag name {name:?}"));
        }
        check_attrs(attrs)?;
        if VOID.contains(&name) {
            if !self_closing {
                return Err(format!("<{name}> not written as <{name} .../>"));
            }
            continue;
        }
        if self_closing {
            return Err(format!("<{name}/> is not a void element"));
        }
        in_style = name == "style";
        stack.push(name.to_string());
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

fn check_text(t: &str) -> Result<(), String> {
    if t.contains('>') {
        return Err(format!("raw > in text {t:?}"));
    }
    check_refs(t)
}

fn check_refs(t: &str) -> Result<(), String> {
    for (i, _) in t.match_indices('&') {
        let r = &t[i..];
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#10;"].iter().any(|k| r.starts_with(k)) {
            return Err(format!("bad reference at {:?}", &r[..r.len().min(12)]));
        }
    }
    Ok(())
}

fn check_attrs(mut a: &str) -> Result<(), String> {
    loop {
        a = a.trim_start();
        if a.is_empty() {
            return Ok(());
        }
        let eq = a.find("=\"").ok_or_else(|| format!("attribute without a quoted value: {a:?}"))?;
        let name = &a[..eq];
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("bad attribute name {name:?}"));
        }
        let v = &a[eq + 2..];
        let end = v.find('"').ok_or("unterminated attribute")?;
        let value = &v[..end];
        if value.contains(['<', '>']) {
            return Err(format!("< or > in attribute {value:?}"));
        }
        check_refs(value)?;
        a = &v[end + 1..];
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn html_well_formed_complete_and_escaped() {
    let out = render(Format::Html, &docs());
    golden("two.html", &out);
    check_well_formed(&out).unwrap();
    assert_eq!(out.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(out.matches("<article").count(), 2);
    // Self-contained: nothing is loaded from elsewhere, no script.
    for bad in ["src=", "href=", "url(", "@import", "http:", "https:", "<script", "<link"] {
        assert!(!out.contains(bad), "{bad}");
    }
    // The article's <script> stays text.
    assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    // Every entity is marked, coloured by its label, with its name and id on hover.
    let t = tagger();
    for (source, _, text) in docs() {
        assert!(out.contains(&format!("<h2>{}</h2>", esc(source))));
        for e in t.tag(&text) {
            let mark = format!(
                "<mark class=\"ent\" style=\"background:{}\" data-label=\"{}\" title=\"{}",
                output::label_color(&e.label),
                e.label,
                esc(&e.name)
            );
            let found = out.match_indices(&mark).any(|(i, _)| {
                let rest = &out[i..];
                let close = rest.find('>').unwrap();
                let title = &rest[..close];
                e.id.as_deref().map_or(true, |id| title.contains(&esc(id)))
                    && rest[close + 1..].starts_with(&format!("{}</mark>", esc(e.text(&text).unwrap())))
            });
            assert!(found, "no mark for {:?}", e.text(&text).unwrap());
        }
    }
    assert!(out.contains("<span class=\"docid\">id doc-2</span>"));
    // The side list counts mentions per distinct entity, most mentioned first.
    let list = &out[out.find("<ol>").unwrap()..out.find("</ol>").unwrap()];
    let names: Vec<(&str, &str)> = list
        .split("<span class=\"name\">")
        .skip(1)
        .map(|s| {
            let name = &s[..s.find('<').unwrap()];
            let c = &s[s.find("<span class=\"count\" title=\"mentions\">").unwrap() + 37..];
            (name, &c[..c.find('<').unwrap()])
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Kurdistan Regional Government", "3"),
            ("Zürich", "2"),
            ("Masrour Barzani", "2"),
            ("Angela Merkel", "1"),
            ("Café René", "1")
        ]
    );
    assert!(list.contains("<span class=\"forms\">as “ZÜRICH”</span>"));
}

#[test]
fn html_escapes_names_ids_and_labels() {
    // Fields built in code may hold anything: all of it is escaped.
    let text = "<b>Tom & \"Jerry\"</b>\u{0}\u{7}";
    let start = text.find("Tom").unwrap();
    let e = Entity {
        start,
        end: start + "Tom & \"Jerry\"".len(),
        label: Label::custom("a-b").unwrap(),
        name: Arc::from("Tom <&> 'Jerry'"),
        id: Some(Arc::from("x:\"><script>")),
        source: Arc::from("</title>"),
        alternatives: Vec::new(),
    };
    let mut w = Writer::new(Format::Html, Vec::new());
    w.write("<script>.txt", Some(&Value::from(7)), text, std::slice::from_ref(&e)).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    check_well_formed(&out).unwrap();
    assert!(!out.contains("<script") && !out.contains("<b>"));
    assert_eq!(out.matches("</title>").count(), 1);
    assert!(out.contains("source: &lt;/title&gt;"));
    assert!(out.contains("&lt;b&gt;<mark"));
    assert!(out.contains(">Tom &amp; &quot;Jerry&quot;</mark>&lt;/b&gt;\u{2400}\u{2407}"));
    assert!(out.contains("<span class=\"docid\">id 7</span>"));
    // The same entity in brat and CoNLL keeps each line's fields intact.
    let mut ann = Vec::new();
    output::write_document(Format::Brat, &mut ann, "x", None, text, std::slice::from_ref(&e)).unwrap();
    let ann = String::from_utf8(ann).unwrap();
    assert_eq!(ann.lines().next().unwrap(), "T1\tA-B 3 16\tTom & \"Jerry\"");
}

#[test]
fn empty_streams_and_pages() {
    // An HTML stream without documents is still a complete page.
    let out = String::from_utf8(Writer::new(Format::Html, Vec::new()).finish().unwrap()).unwrap();
    check_well_formed(&out).unwrap();
    assert!(!out.contains("<article"));
    for f in [Format::Jsonl, Format::Spacy, Format::Conll, Format::Brat] {
        assert!(Writer::new(f, Vec::new()).finish().unwrap().is_empty());
    }
    // A document without entities.
    let out = render(Format::Html, &[("empty.txt", None, "nothing here".to_string())]);
    check_well_formed(&out).unwrap();
    assert!(out.contains("No entities found."));
    assert_eq!(render(Format::Spacy, &[("e", None, "é".into())]), "{\"text\":\"é\",\"ents\":[]}\n");
    assert_eq!(render(Format::Brat, &[("e", None, "é".into())]), "");
}

#[test]
fn spans_that_do_not_fit_are_left_out() {
    let text = "Zürich";
    let good = tagger().tag(text).remove(0);
    let mut bad = good.clone();
    bad.start = 2; // inside "ü"
    let both = [bad, good];
    for (f, mark) in [
        (Format::Jsonl, "\"label\":\"LOC\""),
        (Format::Spacy, "\"label\":\"LOC\""),
        (Format::Brat, "\tLOC "),
        (Format::Conll, "B-LOC"),
        (Format::Html, "<mark"),
    ] {
        let mut out = Vec::new();
        output::write_document(f, &mut out, "x", None, text, &both).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.matches(mark).count(), 1, "{f}: {out}");
    }
}
