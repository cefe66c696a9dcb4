//! Entity labels, and the set of labels a file or a command may use.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// The type of an entity: one of the four built-in labels or a label of the user's own.
///
/// Labels are written in upper case in files and output (`PER`, `ORG`, `LOC`, `MISC`,
/// `DRUG`, ...). A label is canonical by construction: the only way to make a custom label
/// is [`Label::custom`] (or [`LabelSet::declare`]), which gives the built-in variant for a
/// built-in name, so `Label::custom("per")` *is* `Label::Per`.
///
/// Parsing (`str::parse`) accepts the built-in labels only, in any case: a label of
/// one's own is declared first (a [`LabelSet`], a `#labels:` line in a gazetteer file, or
/// `--label` on the command line), so that a typo is an error and not a new label.
///
/// ```
/// use gazetteer::Label;
/// assert_eq!("per".parse::<Label>().unwrap(), Label::Per);
/// assert_eq!(Label::Loc.as_str(), "LOC");
/// assert_eq!(Label::custom("drug").unwrap().as_str(), "DRUG");
/// assert_eq!(Label::custom("ORG").unwrap(), Label::Org);
/// let e = "LCO".parse::<Label>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown label LCO; did you mean LOC?");
/// assert!("B-PER".parse::<Label>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Label {
    /// A person (`PER`).
    Per,
    /// An organization (`ORG`).
    Org,
    /// A place (`LOC`).
    Loc,
    /// Anything else with a name: nationalities, events, works (`MISC`).
    Misc,
    /// A label of the user's own, made by [`Label::custom`].
    Other(CustomLabel),
}

/// The name of a label of the user's own: valid, upper case, and none of the built-in
/// names. Only [`Label::custom`] makes one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomLabel(Arc<str>);

impl CustomLabel {
    /// The label as written in files and output.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Label {
    /// The built-in labels, in the order they are listed in messages.
    pub const BUILT_IN: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

    /// The label as written in files and output.
    pub fn as_str(&self) -> &str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Other(s) => s.as_str(),
        }
    }

    /// Whether this is one of [`Label::BUILT_IN`].
    pub fn is_built_in(&self) -> bool {
        !matches!(self, Label::Other(_))
    }

    /// The built-in label of that name (any case), if there is one.
    pub fn built_in(name: &str) -> Option<Label> {
        Label::BUILT_IN.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(name))
    }

    /// A label of any valid name, upper-cased: the built-in label for a built-in name.
    ///
    /// # Errors
    /// When the name is empty, has a character other than ASCII letters, digits, `_` and
    /// `-`, is `O`, or looks like an IOB tag (`B-PER`): labels are written without the
    /// tag's prefix.
    pub fn custom(name: &str) -> Result<Label, LabelError> {
        if let Some(l) = Label::built_in(name) {
            return Ok(l);
        }
        if name.is_empty() {
            return Err(LabelError("empty label".into()));
        }
        if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-')) {
            return Err(LabelError(format!(
                "invalid label {name:?}: {bad:?} is not allowed (use ASCII letters, digits, '_' or '-')"
            )));
        }
        let up = name.to_ascii_uppercase();
        if up == "O" {
            return Err(LabelError("invalid label O: O is the tag of tokens outside any entity".into()));
        }
        if let Some(rest) = iob_rest(&up) {
            return Err(LabelError(format!(
                "invalid label {up}: an IOB tag, not a label (the label is {rest})"
            )));
        }
        Ok(Label::Other(CustomLabel(up.into())))
    }
}

/// What follows the prefix of an IOB tag (`B-PER`, `I-PER`), if `s` is one.
fn iob_rest(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("B-").or_else(|| s.strip_prefix("I-"))?;
    (!rest.is_empty()).then_some(rest)
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Why a label could not be parsed or made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelError(String);

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LabelError {}

impl FromStr for Label {
    type Err = LabelError;

    /// A built-in label, in any case; anything else is an error with a suggestion.
    fn from_str(s: &str) -> Result<Label, LabelError> {
        LabelSet::new().parse(s)
    }
}

/// The labels a gazetteer file or a command may use: the built-in ones and those declared.
///
/// ```
/// use gazetteer::{Label, LabelSet};
/// let mut set = LabelSet::new();
/// let product = set.declare("PRODUCT").unwrap();
/// assert_eq!(set.parse("product").unwrap(), product);
/// assert_eq!(set.parse("loc").unwrap(), Label::Loc);
/// assert_eq!(set.parse("PRODCUT").unwrap_err().to_string(), "unknown label PRODCUT; did you mean PRODUCT?");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSet {
    /// The declared labels, in the order of declaration, without duplicates.
    declared: Vec<Label>,
}

impl LabelSet {
    /// The built-in labels only.
    pub fn new() -> LabelSet {
        LabelSet::default()
    }

    /// Declares a label (declaring a built-in one, or one twice, changes nothing).
    ///
    /// # Errors
    /// When the name is not a valid label ([`Label::custom`]).
    pub fn declare(&mut self, name: &str) -> Result<Label, LabelError> {
        let l = Label::custom(name.trim())?;
        if !l.is_built_in() && !self.declared.contains(&l) {
            self.declared.push(l.clone());
        }
        Ok(l)
    }

    /// Declares each name of a comma-separated list (`"PRODUCT, EVENT"`).
    ///
    /// # Errors
    /// On the first name that is not a valid label.
    pub fn declare_list(&mut self, list: &str) -> Result<(), LabelError> {
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            self.declare(name)?;
        }
        Ok(())
    }

    /// Whether `label` may be used: built in or declared.
    pub fn contains(&self, label: &Label) -> bool {
        label.is_built_in() || self.declared.contains(label)
    }

    /// The built-in labels, then the declared ones.
    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        Label::BUILT_IN.iter().chain(&self.declared)
    }

    /// The label of that name (any case), if it is built in or declared.
    ///
    /// # Errors
    /// When it is neither: the message suggests the nearest label by edit distance ("unknown
    /// label LCO; did you mean LOC?") or else says how to declare it.
    pub fn parse(&self, s: &str) -> Result<Label, LabelError> {
        let name = s.trim();
        // The common case, a built-in label, without the allocations below.
        if let Some(l) = Label::built_in(name) {
            return Ok(l);
        }
        let shown = name.to_ascii_uppercase();
        match Label::custom(name) {
            Ok(l) if self.contains(&l) => return Ok(l),
            Ok(_) => {}
            // An IOB tag is refused below, with the label inside it as the suggestion.
            Err(_) if iob_rest(&shown).is_some() => {}
            Err(e) => return Err(e),
        }
        if let Some(near) = self.nearest(&shown) {
            return Err(LabelError(format!("unknown label {shown}; did you mean {near}?")));
        }
        let known: Vec<&str> = self.iter().map(Label::as_str).collect();
        Err(LabelError(format!(
            "unknown label {shown} (labels: {}; declare another with a \"#labels: NAME\" line in the \
             gazetteer file or --label NAME)",
            known.join(", ")
        )))
    }

    /// The known label nearest to `name`: within a small edit distance, or, for an IOB tag,
    /// the label inside it, or a known label that `name` begins with ("PERSON": PER).
    fn nearest(&self, name: &str) -> Option<&Label> {
        let target = iob_rest(name).unwrap_or(name);
        let limit = if target.len() <= 4 { 1 } else { 2 };
        let best = self
            .iter()
            .map(|l| (edit_distance(l.as_str(), target), l))
            .min_by_key(|(d, _)| *d)
            .filter(|(d, _)| *d <= limit)
            .map(|(_, l)| l);
        best.or_else(|| self.iter().find(|l| l.as_str().len() >= 3 && target.starts_with(l.as_str())))
    }
}

/// The edit distance of two strings with adjacent transpositions counted as one edit
/// (optimal string alignment), by chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Rows i-2, i-1 and i of the table.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Any valid label ([`Label::custom`]): data written by this crate (entities, entries)
/// reads back whatever labels it holds. Gazetteer files check their labels against the
/// declared ones.
impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        let s = String::deserialize(d)?;
        Label::custom(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_suggest() {
        let mut set = LabelSet::new();
        set.declare_list("PRODUCT, event").unwrap();
        for (input, want) in [
            ("PER", Ok("PER")),
            ("loc", Ok("LOC")),
            (" Misc ", Ok("MISC")),
            ("event", Ok("EVENT")),
            ("LCO", Err("unknown label LCO; did you mean LOC?")),
            ("ORGG", Err("unknown label ORGG; did you mean ORG?")),
            ("PRODUKT", Err("unknown label PRODUKT; did you mean PRODUCT?")),
            ("B-PER", Err("unknown label B-PER; did you mean PER?")),
            ("i-loc", Err("unknown label I-LOC; did you mean LOC?")),
            ("PERSON", Err("unknown label PERSON; did you mean PER?")),
            ("LOCATION", Err("unknown label LOCATION; did you mean LOC?")),
            ("", Err("empty label")),
            (
                "L O C",
                Err("invalid label \"L O C\": ' ' is not allowed (use ASCII letters, digits, '_' or '-')"),
            ),
        ] {
            let got = set.parse(input).map(|l| l.to_string()).map_err(|e| e.to_string());
            assert_eq!(got, want.map(str::to_string).map_err(str::to_string), "{input:?}");
        }
        let e = set.parse("PLACE").unwrap_err().to_string();
        assert!(e.starts_with("unknown label PLACE (labels: PER, ORG, LOC, MISC, PRODUCT, EVENT;"), "{e}");
        let e = set.parse("Ort\u{e9}").unwrap_err().to_string();
        assert!(e.starts_with("invalid label \"Orté\": 'é' is not allowed"), "{e}");
    }

    #[test]
    fn custom_labels_are_canonical() {
        for (name, want) in
            [("PER", Label::Per), ("org", Label::Org), ("Loc", Label::Loc), ("misc", Label::Misc)]
        {
            assert_eq!(Label::custom(name).unwrap(), want);
            assert!(want.is_built_in());
        }
        let drug = Label::custom("drug").unwrap();
        assert_eq!((drug.as_str(), drug.is_built_in()), ("DRUG", false));
        assert_eq!(drug, Label::custom("DRUG").unwrap());
        for bad in ["", "O", "o", "B-PER", "I-X", "A B", "é", "A\"<B>"] {
            assert!(Label::custom(bad).is_err(), "{bad:?}");
        }
        // "B-" alone is no tag: a name like any other.
        assert_eq!(Label::custom("b-").unwrap().as_str(), "B-");
        // Declaring is canonical too, and idempotent.
        let mut set = LabelSet::new();
        assert_eq!(set.declare("per").unwrap(), Label::Per);
        set.declare("X").unwrap();
        set.declare("x").unwrap();
        assert_eq!(set.iter().map(Label::as_str).collect::<Vec<_>>(), ["PER", "ORG", "LOC", "MISC", "X"]);
    }

    #[test]
    fn serde_reads_any_valid_label() {
        let l: Label = serde_json::from_str("\"drug\"").unwrap();
        assert_eq!(l.as_str(), "DRUG");
        let l: Label = serde_json::from_str("\"per\"").unwrap();
        assert_eq!(l, Label::Per);
        assert!(serde_json::from_str::<Label>("\"B-PER\"").is_err());
        assert_eq!(serde_json::to_string(&Label::custom("x-y").unwrap()).unwrap(), "\"X-Y\"");
    }

    #[test]
    fn edit_distances() {
        for (a, b, d) in [
            ("LOC", "LCO", 1),
            ("LOC", "LOC", 0),
            ("", "ORG", 3),
            ("ORG", "OGR", 1),
            ("MISC", "MICS", 1),
            ("ab", "ba", 1),
            ("kitten", "sitting", 3),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
            assert_eq!(edit_distance(b, a), d, "{b} {a}");
        }
    }
}
