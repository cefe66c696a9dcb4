//! Pattern files through the public API and the command.

use gazetteer::patterns::PatternSet;
use gazetteer::{Entry, Gazetteer, Label, Tagger};
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/patterns.jsonl");

fn names() -> Gazetteer {
    let mut g = Gazetteer::new("names");
    g.push(Entry::new("Orland Freight", Label::Org));
    g.push(Entry::new("Mira Castell", Label::Per));
    g
}

#[test]
fn example_file_loads_and_builds_on_entities() {
    let set = PatternSet::load(EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(set.len(), 6);
    let text = "Orland Freight chief executive Mira Castell spoke. Orland Freight grew.";
    let with = |overwrite| {
        let t = Tagger::builder()
            .gazetteer(names())
            .patterns(set.clone())
            .overwrite_ents(overwrite)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        t.tag(text)
            .iter()
            .map(|e| {
                (e.label.to_string(), e.text(text).unwrap_or_default().to_string(), e.source.to_string())
            })
            .collect::<Vec<_>>()
    };
    // overwrite_ents on: the ROLE match replaces the two entities it spans.
    let role = (
        "ROLE".to_string(),
        "Orland Freight chief executive Mira Castell".to_string(),
        "patterns.jsonl".to_string(),
    );
    let org = ("ORG".to_string(), "Orland Freight".to_string(), "names".to_string());
    assert_eq!(with(true), [role, org.clone()]);
    // Off (spaCy's default): a match that touches an entity is dropped.
    let per = ("PER".to_string(), "Mira Castell".to_string(), "names".to_string());
    assert_eq!(with(false), [org.clone(), per, org]);
}

#[test]
fn command_takes_pattern_files_and_fails_with_file_and_line() {
    let bin = env!("CARGO_BIN_EXE_gazetteer");
    let dir = std::env::temp_dir().join(format!("gazetteer-patterns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let input = dir.join("in.txt");
    std::fs::write(&input, "Velcor Mining (NYSE: VLCM) rose.").unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(bin)
        .args(["tag", "--no-default", "--patterns", EXAMPLE])
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(r#""label":"TICKER""#) && stdout.contains(r#""source":"patterns.jsonl#velcor""#),
        "{stdout}"
    );

    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"label\": \"ORG\", \"pattern\": \"ok\"}\n{\"label\": \"ORG\", \"pattern\": [{\"LEMMA\": \"be\"}]}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(bin)
        .args(["tag", "--no-default", "--patterns"])
        .arg(&bad)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2: token 1: attribute \"LEMMA\" is not supported", bad.display())),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
