//! Each context rule on sentences written for these tests: what it finds, with which
//! source, and that switching it off removes exactly that finding.

#![cfg(feature = "embedded")]

use gazetteer::{Entry, Gazetteer, Label, Rules, Tagger};

fn gaz() -> Gazetteer {
    let mut g = Gazetteer::new("test");
    g.push(Entry::new("Iraq", Label::Loc).id("loc:iraq").priority(30));
    g.push(Entry::new("Basra", Label::Loc).id("loc:basra").priority(20));
    g.push(Entry::new("Tarvik", Label::Loc).id("loc:tarvik"));
    g.push(Entry::new("Islamic State", Label::Org).id("org:is").alias("ISIS"));
    g.push(Entry::new("Theresa May", Label::Per).id("per:may"));
    g.push(Entry::new("May", Label::Per).id("per:may-alone"));
    g.push(Entry::new("Bell", Label::Org).id("org:bell"));
    g.push(Entry::new("Dorrington", Label::Loc).id("loc:dorrington"));
    g.push(Entry::new("Dorrington Rovers", Label::Org).id("org:dorrington-rovers").priority(-5));
    g
}

fn tagger(rules: Rules) -> Tagger {
    Tagger::builder().gazetteer(gaz()).rules(rules).build().unwrap()
}

/// (text of span, label, source) of each entity.
fn run(rules: Rules, text: &str) -> Vec<(String, String, String)> {
    tagger(rules)
        .tag(text)
        .into_iter()
        .map(|e| (e.text(text).unwrap().to_string(), e.label.to_string(), e.source.to_string()))
        .collect()
}

fn without(rule: &str) -> Rules {
    let mut r = Rules::all();
    r.set(rule, false).unwrap_or_else(|e| panic!("{e}"));
    r
}

/// `rule` finds `(span, label)` in `text`, and does not when switched off.
fn check(rule: &str, text: &str, span: &str, label: &str) {
    let on = run(Rules::all(), text);
    let hit = on.iter().find(|(t, l, _)| t == span && l == label);
    let hit = hit.unwrap_or_else(|| panic!("{rule}: {span} {label} missing from {on:?}"));
    assert_eq!(hit.2, format!("rule:{rule}"), "{rule}: {span} came from {}", hit.2);
    let off = run(without(rule), text);
    assert!(
        !off.iter().any(|(t, l, s)| t == span && l == label && s == &format!("rule:{rule}")),
        "{rule} switched off still finds {span}: {off:?}"
    );
}

#[test]
fn title_before_a_name() {
    check("title", "Talks were led by Prime Minister Orvan Telquist on Monday.", "Orvan Telquist", "PER");
    check("title", "The club sacked coach Pell Varnes after the defeat.", "Pell Varnes", "PER");
    check("title", "Brigadier Quentin Skarr met reporters.", "Quentin Skarr", "PER");
    // The title is not part of the span, and a role word followed by nothing is no name.
    let f = run(Rules::all(), "The Deputy Commanding General arrived.");
    assert!(f.iter().all(|(_, l, _)| l != "PER"), "{f:?}");
}

#[test]
fn given_names_initials_and_particles() {
    check("given-name", "A letter from Richard Quellbrook arrived.", "Richard Quellbrook", "PER");
    check("given-name", "Edited by John J. Varrowby for the desk.", "John J. Varrowby", "PER");
    check("given-name", "The piece was played by Peter van Teerhoven.", "Peter van Teerhoven", "PER");
    check("given-name", "Scores: C. Hollowgate 58, T. Marnock 12.", "C. Hollowgate", "PER");
    check("given-name", "Bowling: N. Knight 5-0-29-0.", "N. Knight", "PER");
    check("given-name", "A letter from Kim Chun-yeh arrived.", "Kim Chun-yeh", "PER");
}

#[test]
fn organizations_and_places_by_designator() {
    check("org-designator", "Shares of Korvath Industries Inc rose.", "Korvath Industries Inc", "ORG");
    check("org-designator", "the Ministry of Water Resources said", "Ministry of Water Resources", "ORG");
    check("org-designator", "the US-led Coalition to Defeat ISIS met", "Coalition to Defeat ISIS", "ORG");
    check("loc-designator", "Boats sailed up the Marrow River at dawn.", "Marrow River", "LOC");
    check("loc-designator", "Climbers left for Mount Tessaly on Friday.", "Mount Tessaly", "LOC");
    // A name does not start inside a hyphenated word.
    let f = run(Rules::all(), "an anti-ISIS Coalition met");
    assert!(f.iter().any(|(t, l, _)| t == "ISIS" && l == "ORG"), "{f:?}");
    assert!(!f.iter().any(|(t, _, _)| t.contains("Coalition")), "{f:?}");
}

#[test]
fn datelines() {
    check("dateline", "QUARRYTON (Newswire) - Officials said on Monday.", "QUARRYTON", "LOC");
    check("dateline", "VELMORE 1996-08-30\nPrices rose.", "VELMORE", "LOC");
    // A topic slug is no place.
    let f = run(Rules::all(), "TENNIS - KORVAN WINS AGAIN\nHe won.");
    assert!(!f.iter().any(|(t, _, _)| t == "TENNIS"), "{f:?}");
}

#[test]
fn common_words_at_a_sentence_start() {
    // The sentence-initial "May" goes (a part of "Theresa May" is no support); the full
    // name stays.
    let text = "May the talks go well. Theresa May spoke.";
    let on = run(Rules::all(), text);
    assert!(!on.iter().any(|(t, _, _)| t == "May"), "{on:?}");
    assert!(on.iter().any(|(t, _, _)| t == "Theresa May"), "{on:?}");
    let off = run(without("common-word"), text);
    assert_eq!(off.iter().filter(|(t, _, _)| t == "May").count(), 1, "{off:?}");
    // Used alone mid-sentence, the name supports its sentence-initial use.
    let text = "May the talks go well, said May.";
    assert_eq!(run(Rules::all(), text).iter().filter(|(t, _, _)| t == "May").count(), 2);
}

#[test]
fn acronyms_defined_in_the_text() {
    let mut g = gaz();
    g.push(Entry::new("Quorvian Democratic Union", Label::Org).id("org:qdu"));
    let t = Tagger::builder().gazetteer(g).rules(Rules::all()).build().unwrap();
    let text = "The Quorvian Democratic Union (QDU) won. Later the QDU split.";
    let es = t.tag(text);
    let later = es.iter().find(|e| e.start == text.rfind("QDU").unwrap()).expect("later QDU found");
    assert_eq!(
        (later.label.as_str(), later.id.as_deref(), later.source.as_ref()),
        ("ORG", Some("org:qdu"), "rule:acronym")
    );
}

#[test]
fn later_mentions_by_surname() {
    let text = "Minister Orvan Telquist arrived. Telquist said little. A Bell phone rang for Mr. Bell? \
                Then Richard Bell left; Bell smiled.";
    let on = run(Rules::all(), text);
    assert!(on.iter().any(|(t, l, s)| t == "Telquist" && l == "PER" && s == "rule:coref"), "{on:?}");
    // "Bell" is an organization in the gazetteer, but the document says it is a person.
    let bells: Vec<_> = on.iter().filter(|(t, _, _)| t == "Bell").collect();
    assert!(bells.iter().all(|(_, l, _)| l == "PER"), "{on:?}");
    let off = run(without("coref"), text);
    assert!(!off.iter().any(|(t, _, _)| t == "Telquist"), "{off:?}");
}

#[test]
fn the_document_decides_between_a_place_and_a_person() {
    let mut g = gaz();
    g.push(Entry::new("Jordan", Label::Loc).id("loc:jordan").priority(30));
    let t = Tagger::builder().gazetteer(g).rules(Rules::all()).build().unwrap();
    let text = "Guard Michael Jordan scored 30 points. Jordan said the team was tired.";
    let later = t.tag(text).into_iter().find(|e| e.start == text.rfind("Jordan").unwrap()).unwrap();
    assert_eq!((later.label.as_str(), later.source.as_ref()), ("PER", "rule:coref"));
    // The losing reading is reported.
    assert_eq!(later.alternatives[0].id.as_deref(), Some("loc:jordan"));
    // Without a person of that name in the document, the country stays.
    let text = "Jordan said the border was open.";
    assert_eq!(t.tag(text)[0].label, Label::Loc);
}

#[test]
fn unknown_name_pairs() {
    check("name-shape", "The award went to Falkor Brimsby and others.", "Falkor Brimsby", "PER");
}

#[test]
fn sports_teams() {
    let text = "SOCCER - LEAGUE RESULTS\nDorrington 2 Tarvik 1\nBasra 0 Iraq 3\nKorvan Thistle 1 Marnoch 0 (halftime 0-0)";
    let on = run(Rules::all(), text);
    let label = |t: &str| on.iter().find(|(x, _, _)| x == t).map(|(_, l, _)| l.clone());
    assert_eq!(label("Dorrington").as_deref(), Some("ORG"), "{on:?}");
    assert_eq!(label("Tarvik").as_deref(), Some("ORG"), "{on:?}");
    assert_eq!(label("Basra").as_deref(), Some("ORG"), "{on:?}");
    // Teams no gazetteer knows, in a results row.
    assert_eq!(label("Korvan Thistle").as_deref(), Some("ORG"), "{on:?}");
    assert_eq!(label("Marnoch").as_deref(), Some("ORG"), "{on:?}");
    // Countries stay places: national teams are read as places.
    assert_eq!(label("Iraq").as_deref(), Some("LOC"), "{on:?}");
    let off = run(without("sports-team"), text);
    assert!(
        off.iter().filter(|(t, _, _)| t == "Dorrington" || t == "Tarvik").all(|(_, l, _)| l == "LOC"),
        "{off:?}"
    );
}

#[test]
fn capital_lines_do_not_feed_capitalization_rules() {
    // In a headline every word is capitalized: no person is made from the shape alone.
    let f = run(Rules::all(), "MINISTER SAYS TALKS WITH RIVAL CAMP WILL GO ON\nNothing else.");
    assert!(f.is_empty(), "{f:?}");
    let f = run(Rules::all(), "Falls In Value Seen As Markets Turn");
    assert!(f.iter().all(|(_, l, _)| l != "PER"), "{f:?}");
}

#[test]
fn no_rules_is_the_bare_matcher() {
    let text = "Prime Minister Orvan Telquist met Richard Quellbrook in Basra.";
    let f = run(Rules::none(), text);
    assert_eq!(f, vec![("Basra".to_string(), "LOC".to_string(), "test".to_string())]);
}
