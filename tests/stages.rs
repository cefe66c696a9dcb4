//! Stages through the public interface: a stage of one's own proposes and filters in
//! either phase, and the built-in rules that share work (the two designators, acronym
//! and coref) keep their precedence when one of them is switched off. Small word lists
//! of its own, so it runs without the bundled data.
use gazetteer::rules::{Context, Lexicon, LexiconLists, Phase, Rules, Stage};
use gazetteer::{Entry, Gazetteer, Label, Tagger};

fn lexicon() -> Lexicon {
    let lists = LexiconLists {
        person_titles: "Minister\ttitle\n",
        org_designators: "Group\tsuffix\nMinistry of\tprefix\n",
        loc_designators: "River\tsuffix\n",
        given_names: "Lars\n",
        common_words: "said\nthe\n",
        ..LexiconLists::default()
    };
    Lexicon::from_lists(&lists).unwrap_or_else(|e| panic!("{e}"))
}

fn gaz() -> Gazetteer {
    let mut g = Gazetteer::new("test");
    g.push(Entry::new("Basra", Label::Loc).id("loc:basra"));
    g.push(Entry::new("Lars KRG", Label::Per).id("per:lars"));
    g.push(Entry::new("Kurdistan Regional Government", Label::Org).id("org:krg"));
    g
}

/// (text, label, source) of each entity `tagger` finds in `text`.
fn run(tagger: &Tagger, text: &str) -> Vec<(String, String, String)> {
    let found = tagger.tag(text);
    found
        .into_iter()
        .map(|e| (e.text(text).unwrap_or_default().to_string(), e.label.to_string(), e.source.to_string()))
        .collect()
}

fn with(rules: Rules) -> Tagger {
    Tagger::builder()
        .gazetteer(gaz())
        .rules(rules)
        .lexicon(lexicon())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn only(names: &[&str]) -> Rules {
    let mut r = Rules::none();
    for n in names {
        r.set(n, true).unwrap_or_else(|e| panic!("{e}"));
    }
    r
}

fn has(found: &[(String, String, String)], text: &str, label: &str, source: &str) -> bool {
    found.iter().any(|f| (f.0.as_str(), f.1.as_str(), f.2.as_str()) == (text, label, source))
}

#[test]
fn the_designators_share_one_sequence() {
    let text = "Shares of the Korvath River Group rose.";
    let both = run(&with(only(&["org-designator", "loc-designator"])), text);
    assert!(has(&both, "Korvath River Group", "ORG", "rule:org-designator"), "{both:?}");
    assert!(!both.iter().any(|f| f.1 == "LOC"), "{both:?}");
    // With the organizational rule off, the place rule takes the sequence.
    let loc = run(&with(only(&["loc-designator"])), text);
    assert!(has(&loc, "Korvath River", "LOC", "rule:loc-designator"), "{loc:?}");
    let org = run(&with(only(&["org-designator"])), text);
    assert_eq!(org, both);
}

#[test]
fn an_acronym_is_not_a_surname() {
    let text = "Lars KRG met the Kurdistan Regional Government (KRG) on Monday.\nLater the KRG said no.";
    let both = run(&with(only(&["acronym", "coref"])), text);
    assert!(has(&both, "KRG", "ORG", "rule:acronym"), "{both:?}");
    assert!(!both.iter().any(|f| f.2 == "rule:coref"), "{both:?}");
    let coref = run(&with(only(&["coref"])), text);
    assert!(has(&coref, "KRG", "PER", "rule:coref"), "{coref:?}");
}

/// Proposes tokens `a..b` of every document, as `label`, in `phase`.
struct Fixed(Phase, usize, usize, Label);

impl Stage for Fixed {
    fn name(&self) -> &str {
        "fixed"
    }
    fn phase(&self) -> Phase {
        self.0
    }
    fn run(&self, cx: &mut Context<'_>) {
        assert_eq!(cx.phase(), self.0);
        cx.propose(self.1, self.2, self.3.clone(), 0);
    }
}

fn stage(s: impl Stage + 'static) -> Tagger {
    Tagger::builder().gazetteer(gaz()).stage(s).lexicon(lexicon()).build().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_stage_of_ones_own_proposes() {
    let text = "Talks in Basra with Orvan Telquist.";
    for phase in [Phase::Candidates, Phase::Document] {
        // Tokens 4..6: "Orvan Telquist", free.
        let found = run(&stage(Fixed(phase, 4, 6, Label::Per)), text);
        assert!(has(&found, "Orvan Telquist", "PER", "rule:fixed"), "{phase:?} {found:?}");
        assert!(has(&found, "Basra", "LOC", "test"), "{phase:?} {found:?}");
        // On the tokens of a span, a reading of another label is an alternative.
        let t = stage(Fixed(phase, 2, 3, Label::Org));
        let e = t.tag(text);
        let basra =
            e.iter().find(|e| e.text(text).unwrap_or_default() == "Basra").unwrap_or_else(|| panic!("{e:?}"));
        assert_eq!(basra.label, Label::Loc);
        assert_eq!(basra.alternatives.len(), 1);
        assert_eq!(&*basra.alternatives[0].source, "rule:fixed");
    }
    // After resolution, a proposal overlapping a span is dropped; before, the longer wins.
    let found = run(&stage(Fixed(Phase::Document, 1, 3, Label::Org)), text);
    assert!(!found.iter().any(|f| f.2 == "rule:fixed"), "{found:?}");
    let found = run(&stage(Fixed(Phase::Candidates, 1, 3, Label::Org)), text);
    assert!(has(&found, "in Basra", "ORG", "rule:fixed"), "{found:?}");
}

#[test]
fn a_bad_proposal_is_refused() {
    for (a, b) in [(3, 3), (4, 2), (0, 100), (usize::MAX - 1, usize::MAX)] {
        let t = stage(Fixed(Phase::Candidates, a, b, Label::Misc));
        for text in ["", "Basra", "Talks in Basra with Orvan Telquist."] {
            assert!(t.tag(text).iter().all(|e| &*e.source != "rule:fixed"));
        }
    }
}

/// Drops every candidate place and reports what it saw.
struct NoPlaces;

impl Stage for NoPlaces {
    fn name(&self) -> &str {
        "no-places"
    }
    fn phase(&self) -> Phase {
        Phase::Candidates
    }
    fn run(&self, cx: &mut Context<'_>) {
        let seen: Vec<_> = cx.spans().map(|s| (s.first_token, s.end_token, s.label.clone())).collect();
        for (i, s) in cx.spans().enumerate() {
            assert_eq!(cx.readings(i).count(), s.readings);
            assert_eq!(cx.readings(i).next(), Some((s.label, s.priority)));
            assert_eq!(
                &cx.text()[s.start..s.end],
                cx.tokens()[s.first_token..s.end_token]
                    .iter()
                    .map(|t| t.text(cx.text()))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        assert_eq!(cx.readings(seen.len()).count(), 0);
        cx.keep_spans(|s| *s.label != Label::Loc);
    }
}

#[test]
fn a_stage_of_ones_own_filters() {
    let text = "Talks in Basra with Lars KRG.";
    let found = run(&stage(NoPlaces), text);
    assert_eq!(found, [("Lars KRG".to_string(), "PER".to_string(), "test".to_string())]);
}
