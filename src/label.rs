//! Entity labels.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// The type of an entity: one of the three news labels or any label a user names.
///
/// Labels are written in upper case in files and output (`PER`, `ORG`, `LOC`, `MISC`,
/// `DRUG`, ...). Parsing accepts ASCII letters, digits, `_` and `-`, and upper-cases them.
///
/// ```
/// use gazetteer::Label;
/// assert_eq!("per".parse::<Label>().unwrap(), Label::Per);
/// assert_eq!(Label::Loc.as_str(), "LOC");
/// assert_eq!("DRUG".parse::<Label>().unwrap().as_str(), "DRUG");
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
    /// A label of the user's own.
    Other(Arc<str>),
}

impl Label {
    /// The label as written in files and output.
    pub fn as_str(&self) -> &str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Other(s) => s,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Why a label could not be parsed.
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

    fn from_str(s: &str) -> Result<Label, LabelError> {
        if s.is_empty() {
            return Err(LabelError("empty label".into()));
        }
        if let Some(bad) = s.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-')) {
            return Err(LabelError(format!(
                "invalid label {s:?}: {bad:?} is not allowed (use ASCII letters, digits, '_' or '-')"
            )));
        }
        let up = s.to_ascii_uppercase();
        Ok(match up.as_str() {
            "PER" => Label::Per,
            "ORG" => Label::Org,
            "LOC" => Label::Loc,
            "MISC" => Label::Misc,
            _ => Label::Other(up.into()),
        })
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
