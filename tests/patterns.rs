//! Pattern files through the public API (the command's tests are in `cli/tests/patterns.rs`).

use gazetteer::patterns::PatternSet;
use gazetteer::{Entry, Gazetteer, Label, Tagger};

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
fn any_stage_switches_off_by_name_and_an_unknown_name_fails_the_build() {
    let set = PatternSet::load(EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
    let text = "Orland Freight chief executive Mira Castell spoke.";
    let sources = |t: &Tagger| t.tag(text).iter().map(|e| e.source.to_string()).collect::<Vec<_>>();
    let b = || Tagger::builder().gazetteer(names()).patterns(set.clone()).overwrite_ents(true);
    let on = b().build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sources(&on), ["patterns.jsonl"]);
    let off = b().disable_stage(gazetteer::patterns::STAGE_NAME).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sources(&off), ["names", "names"]);
    // A built-in rule by its name, as Rules::set does.
    let no_title = b().rules(gazetteer::Rules::all()).disable_stage("title").build();
    assert!(no_title.is_ok());
    let err = b().disable_stage("patern").build().map(|_| ()).unwrap_err().to_string();
    assert!(err.contains("\"patern\"") && err.contains("patterns") && err.contains("title"), "{err}");
}
