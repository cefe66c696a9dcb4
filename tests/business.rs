//! Business news on the default tagger: companies at the start of a sentence, context that
//! makes an organization, and what must stay untouched. Sentences written for these tests.

#![cfg(feature = "embedded")]

use gazetteer::default_tagger;

/// (span text, label, source) of every entity.
fn tag(text: &str) -> Vec<(String, String, String)> {
    default_tagger()
        .tag(text)
        .into_iter()
        .map(|e| (text[e.start..e.end].to_string(), e.label.to_string(), e.source.to_string()))
        .collect()
}

fn check(text: &str, want: &[(&str, &str)]) {
    let got = tag(text);
    for (span, label) in want {
        assert!(
            got.iter().any(|(s, l, _)| s == span && l == label),
            "{text:?}: expected {span:?} {label}, got {got:?}"
        );
    }
}

fn absent(text: &str, span: &str, label: &str) {
    let got = tag(text);
    assert!(
        !got.iter().any(|(s, l, _)| s == span && l == label),
        "{text:?}: did not expect {span:?} {label}, got {got:?}"
    );
}

#[test]
fn companies_named_like_words_open_a_sentence() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Apple said on Monday it would hire 500 engineers.", &[("Apple", "ORG")]),
        ("Shell fell 2%.", &[("Shell", "ORG")]),
        ("Amazon shares fell.", &[("Amazon", "ORG")]),
        ("Oracle reported higher cloud revenue. Analysts were pleased.", &[("Oracle", "ORG")]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn common_words_stay_words() {
    // Sentence-initial words with no company context, lower case, and headlines in capitals.
    absent("Apple pie is a dessert.", "Apple", "ORG");
    absent("Target practice resumed after lunch.", "Target", "ORG");
    absent("shell fell off the table.", "shell", "ORG");
    absent("APPLE SAID TO PLAN LAYOFFS", "APPLE", "ORG");
    absent("Amazon rainforest fires spread.", "Amazon", "ORG");
}

#[test]
fn companies_the_lists_now_hold() {
    check(
        "Meta, BP, Red Bull and xAI were named in the report.",
        &[("BP", "ORG"), ("Red Bull", "ORG"), ("xAI", "ORG")],
    );
    check("The chipmaker's rival Advanced Micro Devices cut prices.", &[("Advanced Micro Devices", "ORG")]);
    check("The partner Hyundai Motor Group said it would build a plant.", &[("Hyundai Motor Group", "ORG")]);
    check("Apple Inc said it would buy back shares.", &[("Apple Inc", "ORG")]);
}

#[test]
fn one_id_for_a_company_in_its_legal_forms() {
    let id =
        |text: &str| default_tagger().tag(text).into_iter().find_map(|e| e.id.as_deref().map(str::to_string));
    let apple = id("He works at Apple.");
    assert!(apple.is_some());
    assert_eq!(id("He works at Apple Inc. now."), apple);
    assert_eq!(id("He works at Apple Inc now."), apple);
    let amd = id("Shares of AMD rose.");
    assert!(amd.is_some());
    assert_eq!(id("Advanced Micro Devices makes chips."), amd);
}

#[test]
fn people_named_like_companies_stay_people() {
    check("Henry Ford founded the company in 1903.", &[("Henry Ford", "PER")]);
    check("Michael Dell spoke at the conference.", &[("Michael Dell", "PER")]);
}

#[test]
fn roles_before_companies_make_no_person() {
    absent("Its rival Korvath Industries Group cut prices.", "Korvath Industries Group", "PER");
    check("Its rival Korvath Industries Group cut prices.", &[("Korvath Industries Group", "ORG")]);
    absent("The partner Hyundai Motor Group said it would build a plant.", "Hyundai Motor Group", "PER");
    absent("Their rival Toyota Motor said sales rose.", "Toyota Motor", "PER");
    // A role before a person's name still makes the person.
    check("His rival Maribel Ostrander conceded on Sunday.", &[("Maribel Ostrander", "PER")]);
}

#[test]
fn the_arabic_article_is_no_given_name() {
    absent("Riyadh side beat Al Hilal 2-0 in the final.", "Al Hilal", "PER");
    absent("Fans of Al Wahda celebrated in the streets.", "Al Wahda", "PER");
    check("Former vice president Al Gore spoke on climate.", &[("Al Gore", "PER")]);
}

#[test]
fn sports_teams_stay_in_their_sentence() {
    let text = "Bayern beat Dortmund 2-1 on Saturday. Deutsche Bank shares rallied in Frankfurt on Monday.";
    check(text, &[("Bayern", "ORG"), ("Deutsche Bank", "ORG"), ("Frankfurt", "LOC")]);
    check("Liverpool host Chelsea on Sunday.", &[("Liverpool", "ORG"), ("Chelsea", "ORG")]);
    // A report that names its sport on its first line reads its places as clubs throughout.
    check("SOCCER - LEAGUE RESULTS\nMilan drew at home. Later Liverpool won again.", &[("Liverpool", "ORG")]);
}

#[test]
fn business_context_makes_an_organization() {
    let cases: &[(&str, &str)] = &[
        ("Shares of Brenmoor Vantis rose 3% in early trade.", "Brenmoor Vantis"),
        ("The fund bought a stake in Quellant last year.", "Quellant"),
        ("Investors sold Tessaly shares after the warning.", "Tessaly"),
        ("Tessaly's chief executive resigned on Friday.", "Tessaly"),
        ("Analysts said Orvanto Mining's board would meet.", "Orvanto Mining"),
        ("Jo Smith, an analyst at Brenmoor Vantis, said prices would fall.", "Brenmoor Vantis"),
        ("The fund sold its stake to the investment bank Quellant on Friday.", "Quellant"),
        ("Shoppers deserted the retailer Tessaly after the recall.", "Tessaly"),
        ("In Tokyo, Quellant rose 3 percent after the results.", "Quellant"),
        ("Later Tessaly fell $1.20 to $14.", "Tessaly"),
    ];
    for (text, span) in cases {
        check(text, &[(span, "ORG")]);
    }
    // People stay people; common words stay words.
    check("Elena Ruiz's shares in the firm were sold.", &[("Elena Ruiz", "PER")]);
    absent("Preferred shares rose.", "Preferred", "ORG");
    absent("shares of the company rose.", "the", "ORG");
    check("The analyst at Goldman Sachs, Maribel Ostrander, spoke.", &[("Maribel Ostrander", "PER")]);
    check("In the final Maribel Ostrander lost 6-4, 6-3.", &[("Maribel Ostrander", "PER")]);
    // Common words make a name after a strong cue, two of them at least.
    check("Analysts at Harbour Research expect a cut.", &[("Harbour Research", "ORG")]);
    absent("Analysts at Research expect a cut.", "Research", "ORG");
    absent("Shares of Common Stock fell.", "Common Stock", "ORG");
    absent("Temperatures rose 3 degrees.", "Temperatures", "ORG");
    absent("She met the bank chief Maribel Ostrander on Monday.", "Maribel Ostrander", "ORG");
}

#[test]
fn an_organization_found_once_is_found_in_its_short_forms() {
    let text =
        "Korvath Mining Holdings Ltd said output rose in May. Analysts expect Korvath to raise its dividend.";
    check(text, &[("Korvath Mining Holdings Ltd", "ORG"), ("Korvath", "ORG")]);
    // The short form of a listed company carries the company's id.
    let text = "Tata Consultancy Services reported a higher profit. Tata also said it would hire.";
    let es = default_tagger().tag(text);
    let id_of = |span: &str| es.iter().find(|e| &text[e.start..e.end] == span).and_then(|e| e.id.clone());
    assert!(id_of("Tata Consultancy Services").is_some());
    assert_eq!(id_of("Tata"), id_of("Tata Consultancy Services"), "{es:?}");
    // Given names, surnames and common words are no short forms.
    absent("Morgan Stanley raised its forecast. Morgan said nothing else.", "Morgan", "ORG");
    absent("Reliance Industries Limited opened a store. Reliance on it grew.", "Reliance", "ORG");
    // A short form that is a common word counts inside a sentence only.
    let text = "The Harvest Party won 12 seats. Critics said Harvest would lose them. Harvest prices rose.";
    let es = default_tagger().tag(text);
    let harvest: Vec<_> = es.iter().filter(|e| &text[e.start..e.end] == "Harvest").map(|e| e.start).collect();
    assert_eq!(harvest, [text.find("Harvest would").unwrap()], "{es:?}");
    // The last word of a club's or a firm's name.
    let text = "The Kansas City Royals won 4-2. The Royals scored twice in the first inning.";
    check(text, &[("Royals", "ORG")]);
    absent("The Kansas City Royals won 4-2. Royals were seen at the match.", "Royals", "ORG");
    check("Korvath Brenmoor Ltd hired staff, and Brenmoor said more would follow.", &[("Brenmoor", "ORG")]);
    absent("Korvath Mining Group hired staff. The Group said more would follow.", "Group", "ORG");
    // A person of the same name stays a person.
    let text =
        "Maribel Ostrander founded Ostrander Capital Partners in 2004. Ostrander said the fund would grow.";
    check(text, &[("Ostrander Capital Partners", "ORG"), ("Ostrander", "PER")]);
    // A longer run of capitalized words is another name.
    absent(
        "Korvath Mining Holdings Ltd said output rose. Korvath Drilling Services hired staff.",
        "Korvath",
        "ORG",
    );
}

#[test]
fn legal_forms_after_a_comma_and_the_acronyms_they_define() {
    let text = "Korvath Systems, Inc. (KSI) reported higher sales. KSI shares rose.";
    check(text, &[("Korvath Systems, Inc", "ORG"), ("KSI", "ORG")]);
    let text = "Brenwick, Talley & Osgood, LLP (BTO) said it had hired 40 staff. BTO is based in Ohio.";
    check(text, &[("Brenwick, Talley & Osgood, LLP", "ORG"), ("BTO", "ORG"), ("Ohio", "LOC")]);
    // Without "&" or "and", names before commas are a list, not partners.
    let text = "Offices opened in Lagos, Nairobi, Korvath Systems, Inc. said.";
    check(text, &[("Lagos", "LOC"), ("Nairobi", "LOC"), ("Korvath Systems, Inc", "ORG")]);
    // A comma before a word that is no legal form ends the name.
    absent("Korvath Systems, Corporate Affairs said.", "Korvath Systems, Corporate", "ORG");
}

#[test]
fn short_capitals_of_companies_listed_abroad() {
    check("Miners such as BHP and Glencore fell in Sydney.", &[("BHP", "ORG"), ("Glencore", "ORG")]);
    check("The steelmaker SSAB raised prices.", &[("SSAB", "ORG")]);
    // Abbreviations that are more often something else are no company.
    absent("The temple dates from 500 BCE.", "BCE", "ORG");
    absent("The film used CGI for its battle scenes.", "CGI", "ORG");
}

#[test]
fn an_abbreviation_after_a_role_is_no_person() {
    absent("Markets waited for the official CPI release on Tuesday.", "CPI", "PER");
    absent("A senior IMF economist spoke.", "IMF", "PER");
    // Names after roles are still people.
    check("The official Maribel Ostrander said growth slowed.", &[("Maribel Ostrander", "PER")]);
}

#[test]
fn a_venue_stays_a_place_in_sports_reports() {
    let text =
        "SOCCER - LEAGUE RESULTS\nLiverpool drew at home. The next match will be played in Lyon in May.";
    check(text, &[("Liverpool", "ORG"), ("Lyon", "LOC")]);
    let text = "BASEBALL - RESULTS\nMINNESOTA AT MILWAUKEE\nMilwaukee 5 Minnesota 3";
    check(text, &[("MINNESOTA", "ORG"), ("MILWAUKEE", "LOC"), ("Milwaukee", "ORG")]);
}

#[test]
fn the_press_by_what_it_is() {
    check("The Brenmoor Herald newspaper reported the sale.", &[("Brenmoor Herald", "ORG")]);
    check("According to Quellant magazine, sales rose.", &[("Quellant", "ORG")]);
    check("The Vantisk daily said talks would resume.", &[("Vantisk", "ORG")]);
    absent("Prices rose daily in March.", "Prices", "ORG");
}

#[test]
fn firms_of_partners_and_companies_such_as() {
    check(
        "\"The ruling helps,\" said Varrow Quill partner Maria Lindqvist.",
        &[("Varrow Quill", "ORG"), ("Maria Lindqvist", "PER")],
    );
    check("Chipmakers were weak, but companies such as Torvane rallied.", &[("Torvane", "ORG")]);
    // A given name after the cue is the person, not the firm.
    absent("Her business partner John Doe left.", "John Doe", "ORG");
}

/// Each sentence with the company it names, by the word that ends the name.
fn each_names_its_company(cases: &[(&str, &str)]) {
    for (text, company) in cases {
        check(text, &[(company, "ORG")]);
    }
}

#[test]
fn industry_words_end_a_company_name() {
    each_names_its_company(&[
        ("Shares of Brenholt Cement slipped after the results.", "Brenholt Cement"),
        ("The deal was advised by Quarrow Associates.", "Quarrow Associates"),
        ("Telvane Consulting said the plan was sound.", "Telvane Consulting"),
        ("Ostrava Metals said output rose.", "Ostrava Metals"),
        ("Kalvari Uranium cut its forecast.", "Kalvari Uranium"),
        ("Orders at Vestrum Machinery doubled.", "Vestrum Machinery"),
        ("Dunmere Reinsurance raised its rates.", "Dunmere Reinsurance"),
    ]);
}

#[test]
fn legal_forms_of_south_east_asia_and_the_gulf() {
    each_names_its_company(&[
        ("Norvika Berhad posted a loss.", "Norvika Berhad"),
        ("Sathep PCL agreed to the deal.", "Sathep PCL"),
        ("PT Suryaraya Logam Tbk said sales fell.", "PT Suryaraya Logam Tbk"),
        ("Qadira Holding QPSC rose.", "Qadira Holding QPSC"),
    ]);
}

#[test]
fn an_industry_word_alone_is_no_company() {
    absent("Tobacco taxes rose again.", "Tobacco", "ORG");
    absent("Uranium prices rose.", "Uranium", "ORG");
    absent("Lithium demand is growing.", "Lithium", "ORG");
}

#[test]
fn an_unknown_acronym_written_twice_after_the() {
    let text = "The KVRU is running ads against the plan. Ministers said the KVRU's campaign was misleading.";
    check(text, &[("KVRU", "ORG")]);
    // Written once, or a common abbreviation: no organization.
    absent("Ministers said the KVRU's campaign was misleading.", "KVRU", "ORG");
    absent("The GDP figure rose. Analysts said the GDP data were weak.", "GDP", "ORG");
}
