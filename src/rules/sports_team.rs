//! `sports-team`: in sports reporting a city or region stands for its team, an
//! organization: before a score ("Grimsby 0 Portsmouth 1", a table row "Charlton 2 0 1
//! 1"), around "v" and before "AT" in fixtures ("MINNESOTA AT MILWAUKEE"), or after
//! "beat", "joined" and the like, or before "host", "beat" and the like and a club
//! ("Liverpool host Chelsea"). Countries stay places (national teams are read as places). A
//! name read as a team once is a team in the rest of the document; another place that is
//! also a club is read as the club only in a sentence where a team was read, unless the
//! report names its sport on its first line. A place after "in" or "at" is where something
//! happens and stays a place ("the match in Lyon", "AT MILWAUKEE").

use super::facts::gap;
use super::{collapse_space, Context, Phase, Stage};
use crate::entries::EntryData;
use crate::label::Label;
use crate::resolve::SpanCands;

/// Sports named in the first line of a sports report.
const SPORTS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "cycling",
    "athletics",
    "boxing",
    "motorsport",
    "motor",
    "racing",
    "sailing",
    "rowing",
    "swimming",
    "volleyball",
    "handball",
    "nfl",
    "nba",
    "nhl",
    "mlb",
    "sport",
    "sports",
];

/// Verbs between a place and a club that make the place a team: "Liverpool host Chelsea".
const TEAM_AFTER: &[&str] =
    &["beat", "beats", "host", "hosts", "hosted", "visit", "visits", "face", "faces", "v", "vs"];

/// Verbs and prepositions after which a place name is a team: "beat Somerset".
const TEAM_BEFORE: &[&str] = &[
    "beat", "beats", "defeated", "downed", "edged", "routed", "thrashed", "overcame", "joined", "drew",
    "lost", "v", "vs", "vs.",
];

/// The `sports-team` rule.
pub(super) struct SportsTeam;

impl Stage for SportsTeam {
    fn name(&self) -> &str {
        "sports-team"
    }

    fn phase(&self) -> Phase {
        Phase::Document
    }

    fn run(&self, cx: &mut Context<'_>) {
        // The spans are taken out while readings are added to the document.
        let mut spans = std::mem::take(&mut *cx.spans);
        sports_teams(cx, &mut spans);
        *cx.spans = spans;
    }
}

fn sports_teams(cx: &mut Context<'_>, spans: &mut Vec<SpanCands>) {
    let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
    let n = tokens.len();
    let score = |k: usize| {
        k < n && {
            let w = tokens[k].text(text);
            !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
        }
    };
    let is_place = |cx: &Context<'_>, sp: &SpanCands| {
        let e = cx.entry(sp.cands[0]);
        *e.label == Label::Loc && sp.best_priority < 30
    };
    // The sentence of each token: a team read from one sentence's cue does not turn a
    // place of another sentence into a club ("Deutsche Bank shares rallied in Frankfurt"
    // after a football result).
    let mut sentence = vec![0u32; n];
    for k in 1..n {
        sentence[k] = sentence[k - 1] + u32::from(s.feats[k].sent_start || gap(text, tokens, k) > 0);
    }
    let mut cue_sentences: Vec<u32> = Vec::new();
    let mut teams: Vec<String> = Vec::new();
    for idx in 0..spans.len() {
        if !is_place(cx, &spans[idx]) {
            continue;
        }
        let (a, b) = (spans[idx].start_tok as usize, spans[idx].end_tok as usize);
        let same_line = |k: usize| gap(text, tokens, k) == 0;
        let after_score = score(b) && same_line(b);
        let fixture = b + 1 < n
            && same_line(b)
            && matches!(tokens[b].text(text), "v" | "vs" | "vs." | "AT")
            && spans.get(idx + 1).is_some_and(|nx| nx.start_tok as usize == b + 1);
        let fixture_after = a >= 2
            && same_line(a)
            && matches!(tokens[a - 1].text(text), "v" | "vs" | "vs." | "AT")
            && idx > 0
            && spans[idx - 1].end_tok as usize == a - 1;
        let verb = a >= 1
            && same_line(a)
            && TEAM_BEFORE.contains(&tokens[a - 1].text(text))
            && !s.feats[a - 1].caps_line;
        // "Liverpool host Chelsea": a place before a fixture verb and a club.
        let verb_after = b + 1 < n
            && same_line(b)
            && TEAM_AFTER.contains(&tokens[b].text(text))
            && !s.feats[b].caps_line
            && spans.get(idx + 1).is_some_and(|nx| {
                nx.start_tok as usize == b + 1 && nx.cands.iter().any(|&c| *cx.entry(c).label == Label::Org)
            });
        if after_score || fixture || fixture_after || verb || verb_after {
            teams.push(text[spans[idx].start..spans[idx].end].to_string());
            cue_sentences.push(sentence[a]);
        }
    }
    // A sports report: its first line names a sport ("CRICKET - ...", "Soccer: ..."), or
    // teams were seen. There, a place that is also a club is the club.
    let first_line_end = (1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
    let sport_line = tokens[..first_line_end.min(6)]
        .iter()
        .any(|t| SPORTS.contains(&t.text(text).to_lowercase().as_str()));
    let sports_doc = !teams.is_empty() || sport_line;
    if !sports_doc {
        return;
    }
    // Rows of results and tables: "Alloa 3 1 0 2", "Wigan 4 Chester 2", "Duisburg 1
    // Luebeck 0 (halftime 1-0)": one or two groups of capitalized words, each followed
    // by scores, maybe a bracket at the end. A group no name covers is a team.
    let mut covered = vec![false; n];
    for sp in spans.iter() {
        covered[sp.start_tok as usize..sp.end_tok as usize].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    let mut line = 0;
    while line < n {
        let mut end = (line + 1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
        if let Some(open) = (line..end).find(|&k| tokens[k].text(text) == "(") {
            end = open;
        }
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut k = line;
        let mut row = true;
        while k < end && row {
            let ws = k;
            while k < end && (s.feats[k].cap || s.feats[k].upper) && !s.feats[k].not_name {
                k += 1;
            }
            let we = k;
            while k < end && score(k) {
                k += 1;
            }
            row = we > ws && k > we && we - ws <= 3;
            groups.push((ws, we));
        }
        if row && (1..=2).contains(&groups.len()) {
            for &(ws, we) in &groups {
                if (ws..we).all(|m| !covered[m]) && !(ws..we).all(|m| s.feats[m].common) {
                    added.push(team(cx, ws, we));
                }
            }
        }
        line = (line + 1..n).find(|&k| gap(text, tokens, k) > 0).unwrap_or(n);
    }
    spans.extend(added);
    spans.sort_by_key(|sp| (sp.start, sp.end));
    // A place where something happens stays a place: after "in" or "at" ("the match in
    // Lyon", "MINNESOTA AT MILWAUKEE").
    let venue = |sp: &SpanCands| {
        let a = sp.start_tok as usize;
        a >= 1 && gap(text, tokens, a) == 0 && matches!(tokens[a - 1].text(text), "in" | "at" | "AT")
    };
    for sp in spans.iter_mut() {
        let named = teams.iter().any(|t| *t == text[sp.start..sp.end]);
        // Outside a report that names its sport, a place becomes its club only in a
        // sentence where a team was read.
        let in_scope = sport_line || cue_sentences.contains(&sentence[sp.start_tok as usize]);
        let has_club = in_scope && sp.cands.iter().any(|&c| *cx.entry(c).label == Label::Org);
        if !is_place(cx, sp) || !(named || has_club) || venue(sp) {
            continue;
        }
        // Prefer an organization the gazetteers offer for the span (the club), else
        // make one from the place.
        match sp.cands.iter().position(|&c| *cx.entry(c).label == Label::Org) {
            Some(pos) => {
                let c = sp.cands.remove(pos);
                sp.cands.insert(0, c);
            }
            None => {
                let d = cx.derive(sp.cands[0], Some(Label::Org));
                sp.cands.insert(0, d);
            }
        }
    }
}

/// Tokens `a..b` as a team the gazetteers do not know.
fn team(cx: &mut Context<'_>, a: usize, b: usize) -> SpanCands {
    let (start, end) = (cx.tokens[a].start, cx.tokens[b - 1].end);
    let c = cx.push_reading(EntryData {
        name: collapse_space(&cx.text[start..end]).into(),
        label: Label::Org,
        id: None,
        priority: 0,
        source: cx.source(),
    });
    SpanCands { start_tok: a as u32, end_tok: b as u32, start, end, best_priority: 0, cands: vec![c] }
}
