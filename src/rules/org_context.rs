//! Part of `org-designator`: business context around capitalized words no gazetteer knows
//! makes an organization: "shares of X", "a stake in X", "X shares", "X stock", "X's chief
//! executive" (and board, chairman, shares, profit ...), "analysts at X", "an economist
//! with X", "the (investment) bank X", "the retailer X", "the X newspaper", "X magazine",
//! "companies such as X", "X partner Ana Silva", an acronym no list knows written twice,
//! once after "the" or before "'s" ("the XYZU's campaign"), and a price that moves: "X
//! rose 3%", "X fell $1.20".

use super::facts::{gap, reach};
use super::Context;
use crate::label::Label;
use crate::tokenize::TokenKind;

/// Proposes the organizations that business context shows (see the module docs).
pub(super) fn org_context(cx: &mut Context<'_>) {
    let (text, tokens, s) = (cx.text, cx.tokens, cx.facts);
    let feats = &s.feats;
    let n = tokens.len();
    // How far the gazetteer names starting at or before each token go.
    let reach = reach(cx.spans, n);
    let word = |k: usize| tokens[k].text(text);
    let capword = |k: usize| {
        let f = &feats[k];
        tokens[k].kind == TokenKind::Word
            && f.cap
            && !f.caps_line
            && !f.not_name
            && (k == 0 || reach[k - 1] as usize <= k)
            && reach[k] as usize <= k
    };
    // An acronym no list knows, after "the" or before "'s" ("the XYZU's campaign"), when
    // the article writes it twice at least: an organization.
    let acronym = |k: usize| {
        let w = word(k);
        tokens[k].kind == TokenKind::Word
            && feats[k].upper
            && !feats[k].caps_line
            && (3..=6).contains(&w.len())
            && w.bytes().all(|c| c.is_ascii_uppercase())
            && (k == 0 || reach[k - 1] as usize <= k)
            && reach[k] as usize <= k
            && !ABBREVIATIONS.contains(&w)
    };
    for (k, f) in feats.iter().enumerate().take(n.saturating_sub(1)).skip(1) {
        // (the cheap test first: few tokens are in capitals)
        if f.upper && (word(k - 1) == "the" || matches!(word(k + 1), "'s" | "’s")) && acronym(k) {
            let w = word(k);
            // (one defined in brackets, "Name (XYZU)", is the `acronym` rule's, with its id)
            let same = |j: usize| j != k && tokens[j].text(text) == w;
            let defined = |j: usize| j >= 1 && j + 1 < n && word(j - 1) == "(" && word(j + 1) == ")";
            if (0..n).any(same) && !(0..n).any(|j| tokens[j].text(text) == w && defined(j)) {
                cx.proposals.push(k, k + 1, Label::Org, 0);
            }
        }
    }
    let mut push = |a: usize, b: usize, strong: bool| {
        // A given name first is a person ("Maria Lopez's chief executive" is rare, "Elena
        // Ruiz's shares" is not); a lone common word at a sentence start is no name.
        let f = &feats[a];
        if b <= a || f.given || f.given_ambiguous || (b == a + 1 && f.common) {
            return;
        }
        // Common words alone make a name only after a strong cue, and two of them at least
        // ("analysts at Harbour Research").
        if (a..b).all(|k| feats[k].common) && !(strong && b >= a + 2) {
            return;
        }
        cx.proposals.push(a, b, Label::Org, 0);
    };
    for k in 0..n {
        let w = word(k);
        // After: "shares of X", "shares in X", "stake in X"; "analysts at X", "an economist
        // with X"; "the investment bank X", "the retailer X".
        // (the cheap test of the neighbour first: most tokens have no capitalized one)
        let cue = k >= 1
            && k + 1 < n
            && capword(k + 1)
            && match w {
                "of" | "in" => matches!(word(k - 1), "shares" | "Shares" | "stake" | "Stake" | "stock"),
                // "companies such as X", "rivals such as X"
                "as" => word(k - 1) == "such" && k >= 2 && SUCH_AS.contains(&word(k - 2)),
                "at" | "with" | "from" => ANALYSTS.iter().any(|x| x.eq_ignore_ascii_case(word(k - 1))),
                _ => {
                    ORG_NOUNS.contains(&w)
                        && (word(k - 1) == "the" || k >= 2 && word(k - 2) == "the" && feats[k - 1].lower_word)
                }
            };
        if cue {
            let a = k + 1;
            let mut b = a;
            while b < n && b < a + 4 && capword(b) && gap(text, tokens, b) == 0 {
                b += 1;
            }
            push(a, b, w != "of" && w != "in");
        }
        // Before: "X shares", "X stock", "X's chief executive".
        let before = k >= 1
            && capword(k - 1)
            && gap(text, tokens, k) == 0
            && match w {
                "shares" | "stock" => true,
                // "the X newspaper", "X magazine", "the X daily"
                "newspaper" | "magazine" | "tabloid" | "broadcaster" | "daily" | "weekly" => true,
                "'s" | "’s" => k + 1 < n && ORG_AFTER_POSSESSIVE.contains(&word(k + 1)),
                // "said X partner Ana Silva": a firm of partners (law, accounting, consulting)
                // before a partner named by a given name.
                "partner" | "partners" => k + 1 < n && feats[k + 1].given && feats[k + 1].cap,
                // "X rose 3%", "X fell $2.10": a price moves.
                _ => {
                    MOVES.contains(&w)
                        && k + 1 < n
                        && (matches!(word(k + 1), "$" | "€" | "£" | "¥")
                            || word(k + 1).as_bytes()[0].is_ascii_digit())
                }
            };
        if before {
            let b = k;
            let mut a = k - 1;
            // (not over a common word that opens the sentence: "Later X rose")
            while a > 0
                && a + 4 > b
                && capword(a - 1)
                && gap(text, tokens, a) == 0
                && !feats[a].sent_start
                && !(feats[a - 1].sent_start && feats[a - 1].common)
            {
                a -= 1;
            }
            push(a, b, false);
        }
    }
}

/// Common abbreviations in capitals that name no organization.
const ABBREVIATIONS: &[&str] = &[
    "GDP", "GNP", "CEO", "CFO", "COO", "CTO", "CIO", "IPO", "ETF", "ETFS", "CPI", "PPI", "PMI", "USD", "EUR",
    "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "INR", "AGM", "EGM", "EPS", "ROE", "ROI", "API", "ESG", "FDI",
    "GMT", "EST", "EDT", "BST", "UTC", "CET", "PDF", "HTML", "LNG", "LPG", "VAT", "GST", "EBIT", "EBITDA",
    "NAV", "AUM", "OTC", "SME", "ADR", "ADS", "REIT", "SPAC", "IRA", "LLC", "LLP", "PLC", "PPE", "HIV",
    "AIDS", "COVID", "SARS", "DNA", "RNA", "CDS", "MBS", "CDO", "LBO", "ICO", "NFT", "SUV", "ATM", "GPS",
    "CCTV", "LED", "OLED", "LCD", "USB", "CEOS", "MBA", "PHD", "FAQ", "TBA", "YTD", "YOY", "QOQ", "BPS",
    "WTI", "OPEX", "CAPEX", "EBT", "P&L", "ISIN", "SKU", "IOU", "RSVP", "ASAP", "FYI", "CSR", "KPI", "HQ",
    "NEWS", "TV", "AM", "PM", "FOB", "CIF", "EFP", "SPR", "EEP", "RICO", "ROM", "RAM", "CPU", "DAT", "LOC",
    "GMP", "ECU", "ECUS", "SDR", "SDRS",
];

/// Verbs of a price that moves, before an amount: "X rose 3%".
const MOVES: &[&str] = &[
    "rose", "fell", "gained", "dropped", "slipped", "climbed", "jumped", "tumbled", "surged", "slumped",
    "declined", "advanced", "plunged", "soared", "slid", "eased", "added", "lost",
];

/// Plural nouns for organizations before "such as": "companies such as X".
const SUCH_AS: &[&str] = &[
    "companies",
    "firms",
    "banks",
    "lenders",
    "insurers",
    "retailers",
    "carmakers",
    "automakers",
    "chipmakers",
    "miners",
    "brokerages",
    "groups",
    "rivals",
    "competitors",
    "clients",
    "customers",
];

/// People whose employer follows "at", "with" or "from": "analysts at X".
const ANALYSTS: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "banker",
    "bankers",
    "trader",
    "traders",
];

/// Nouns for organizations after which, following "the", a name is an organization: "the
/// investment bank X", "the retailer X".
const ORG_NOUNS: &[&str] = &[
    "bank",
    "lender",
    "insurer",
    "retailer",
    "carmaker",
    "automaker",
    "chipmaker",
    "miner",
    "brokerage",
    "broker",
    "conglomerate",
    "company",
    "firm",
    "startup",
    "airline",
    "operator",
    "supermarket",
    "group",
    "fund",
];

/// Words after "X's" that make X an organization: "Korvath's chief executive".
const ORG_AFTER_POSSESSIVE: &[&str] = &[
    "chief",
    "CEO",
    "shares",
    "stock",
    "board",
    "chairman",
    "chairwoman",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "earnings",
    "headquarters",
    "CFO",
    "executives",
    "stake",
];
