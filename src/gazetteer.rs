//! Gazetteers: named entries with labels, ids, aliases and priorities, and their file
//! formats.
//!
//! # TSV
//!
//! One surface form a line, tab-separated:
//!
//! ```text
//! name<TAB>label[<TAB>id[<TAB>priority[<TAB>flags]]]
//! ```
//!
//! - `#` at the start of a line begins a comment; blank lines are skipped.
//! - `label`: `PER`, `ORG`, `LOC`, `MISC` (in any case), or a label of your own declared
//!   by a line `#labels: PRODUCT, EVENT` anywhere in the file (or by the [`LabelSet`] given
//!   to [`Gazetteer::from_tsv_str_with`], the command's `--label`). A label that is
//!   neither is an error with a suggestion: `unknown label LCO; did you mean LOC?`.
//! - A header row (`name<TAB>label<TAB>id`) is refused with a hint to comment it out: it
//!   would be an entry tagging the word "name".
//! - `id` (optional): lines with the same id are aliases of one entry; the first of them
//!   gives the canonical name. Without an id each line is an entry of its own.
//! - `priority` (optional, an integer, default 0): higher wins when entries claim the
//!   same span.
//! - `flags` (optional, comma-separated): `exact-case` (only the exact capitalization),
//!   `ignore-case` (any capitalization), `fold-accents` ("Sao Paulo" matches "São Paulo").
//!
//! # JSON Lines
//!
//! One entry a line:
//!
//! ```text
//! {"name": "Angela Merkel", "label": "PER", "id": "Q567", "aliases": ["Merkel"], "priority": 5}
//! ```
//!
//! `case` (`"exact"`, `"upper"`, `"ignore"`) and `fold_accents` (bool) are optional too.
//! Lines with the same id are merged into one entry. A line `{"labels": ["PRODUCT"]}`
//! declares labels of one's own for the whole file, as `#labels:` does in TSV.
//!
//! Any bad line fails the whole load with an error naming the file, the line and the
//! problem: nothing is half-loaded. An id keeps one label within a file; across files
//! [`Gazetteer::check_ids`] checks the same.

use crate::error::{read_utf8, Error, Result};
use crate::fxhash::FxMap;
use crate::label::{Label, LabelSet};
use serde::{Deserialize, Serialize};

/// Which capitalizations of a name match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Only the exact form ("Bell" matches "Bell" only).
    Exact,
    /// The exact form and the all-capitals form ("Erbil" matches "Erbil" and "ERBIL",
    /// never "erbil"). The default: headlines and datelines are written in capitals.
    #[default]
    Upper,
    /// Any capitalization, by full Unicode case folding.
    Ignore,
}

/// One named thing: a canonical name, a label, and the other names it goes by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The canonical name.
    pub name: String,
    /// The entity type.
    pub label: Label,
    /// An identifier (a GeoNames or Wikidata id, or your own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Other surface forms of the same entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    /// Higher wins when several entries claim the same span. Default 0.
    #[serde(default)]
    pub priority: i32,
    /// Which capitalizations match; `None`: the gazetteer's setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseMode>,
    /// Whether accents are ignored; `None`: the gazetteer's setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fold_accents: Option<bool>,
}

impl Entry {
    /// An entry with a name and a label and nothing else.
    pub fn new(name: impl Into<String>, label: Label) -> Entry {
        Entry {
            name: name.into(),
            label,
            id: None,
            aliases: Vec::new(),
            priority: 0,
            case: None,
            fold_accents: None,
        }
    }

    /// Sets the id.
    pub fn id(mut self, id: impl Into<String>) -> Entry {
        self.id = Some(id.into());
        self
    }

    /// Adds an alias.
    pub fn alias(mut self, alias: impl Into<Alias>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the priority.
    pub fn priority(mut self, priority: i32) -> Entry {
        self.priority = priority;
        self
    }

    /// Sets the case mode of this entry.
    pub fn case(mut self, case: CaseMode) -> Entry {
        self.case = Some(case);
        self
    }

    /// Sets accent folding for this entry.
    pub fn fold_accents(mut self, yes: bool) -> Entry {
        self.fold_accents = Some(yes);
        self
    }

    /// The canonical name followed by the aliases.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(|a| a.name.as_str()))
    }

    /// Each surface form with its own priority and case mode, where it sets them.
    pub(crate) fn forms(&self) -> impl Iterator<Item = (&str, Option<i32>, Option<CaseMode>)> {
        std::iter::once((self.name.as_str(), None, None))
            .chain(self.aliases.iter().map(|a| (a.name.as_str(), a.priority, a.case)))
    }
}

/// Another surface form of an entry, optionally with its own priority and case mode
/// (a surname alone may be weaker than the full name: `Merkel` at -5, `Angela Merkel` at 10).
///
/// In JSON an alias is a string, or an object `{"name": ..., "priority": ..., "case": ...}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "AliasRepr", into = "AliasRepr")]
pub struct Alias {
    /// The surface form.
    pub name: String,
    /// Its priority; `None`: the entry's.
    pub priority: Option<i32>,
    /// Its case mode; `None`: the entry's.
    pub case: Option<CaseMode>,
}

impl Alias {
    /// An alias with the entry's priority and case mode.
    pub fn new(name: impl Into<String>) -> Alias {
        Alias { name: name.into(), priority: None, case: None }
    }

    /// Sets this form's priority.
    pub fn priority(mut self, p: i32) -> Alias {
        self.priority = Some(p);
        self
    }

    /// Sets this form's case mode.
    pub fn case(mut self, c: CaseMode) -> Alias {
        self.case = Some(c);
        self
    }
}

impl From<&str> for Alias {
    fn from(s: &str) -> Alias {
        Alias::new(s)
    }
}

impl From<String> for Alias {
    fn from(s: String) -> Alias {
        Alias::new(s)
    }
}

impl PartialEq<&str> for Alias {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other && self.priority.is_none() && self.case.is_none()
    }
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum AliasRepr {
    Name(String),
    Full {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<i32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case: Option<CaseMode>,
    },
}

impl From<AliasRepr> for Alias {
    fn from(r: AliasRepr) -> Alias {
        match r {
            AliasRepr::Name(name) => Alias::new(name),
            AliasRepr::Full { name, priority, case } => Alias { name, priority, case },
        }
    }
}

impl From<Alias> for AliasRepr {
    fn from(a: Alias) -> AliasRepr {
        match (a.priority, a.case) {
            (None, None) => AliasRepr::Name(a.name),
            (priority, case) => AliasRepr::Full { name: a.name, priority, case },
        }
    }
}

/// A named set of entries with default matching options.
///
/// ```
/// use gazetteer::{Entry, Gazetteer, Label};
/// let mut g = Gazetteer::new("people");
/// g.push(Entry::new("Angela Merkel", Label::Per).alias("Merkel"));
/// assert_eq!(g.len(), 1);
///
/// let g = Gazetteer::from_tsv_str("places.tsv", "Erbil\tLOC\tgeonames:95446\n").unwrap();
/// assert_eq!(g.entries()[0].id.as_deref(), Some("geonames:95446"));
/// ```
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Gazetteer {
    name: String,
    entries: Vec<Entry>,
    case: CaseMode,
    fold_accents: bool,
    /// The line of the file each loaded entry was first read from, by entry index (entries
    /// pushed in code have none), for messages that name `FILE:LINE`.
    #[serde(skip)]
    lines: Vec<usize>,
}

impl Gazetteer {
    /// An empty gazetteer. The name shows up as the `source` of its entities.
    pub fn new(name: impl Into<String>) -> Gazetteer {
        Gazetteer { name: name.into(), ..Gazetteer::default() }
    }

    /// The gazetteer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds an entry.
    pub fn push(&mut self, entry: Entry) -> &mut Gazetteer {
        self.entries.push(entry);
        self
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The line of the file the entry at `index` was first read from; `None` for an entry
    /// pushed in code.
    pub fn line_of(&self, index: usize) -> Option<usize> {
        self.lines.get(index).copied()
    }

    /// Adds an entry read from line `line` of the file.
    fn push_read(&mut self, entry: Entry, line: usize) {
        // Entries pushed in code before would shift the lines: loaders start empty.
        debug_assert_eq!(self.lines.len(), self.entries.len());
        self.entries.push(entry);
        self.lines.push(line);
    }

    /// Checks that an id keeps one label across gazetteers, as each loader checks within
    /// its file: the same id with two labels names two different things.
    ///
    /// ```
    /// use gazetteer::Gazetteer;
    /// let a = Gazetteer::from_tsv_str("a.tsv", "Erbil\tLOC\tQ1\n").unwrap();
    /// let b = Gazetteer::from_tsv_str("b.tsv", "# org\nErbil FC\tORG\tQ1\n").unwrap();
    /// let e = Gazetteer::check_ids(&[a, b]).unwrap_err();
    /// assert_eq!(e.to_string(), "b.tsv:2: id \"Q1\" has label ORG here but LOC at a.tsv:1");
    /// ```
    ///
    /// # Errors
    /// On the first id with a second label, naming both places.
    pub fn check_ids(gazetteers: &[Gazetteer]) -> Result<()> {
        let mut first: FxMap<&str, (&Label, &Gazetteer, Option<usize>)> = FxMap::default();
        for g in gazetteers {
            for (ix, e) in g.entries.iter().enumerate() {
                let Some(id) = e.id.as_deref() else { continue };
                let (label, g0, line0) = *first.entry(id).or_insert((&e.label, g, g.line_of(ix)));
                if *label != e.label {
                    let at = match line0 {
                        Some(l) => format!("{}:{l}", g0.name),
                        None => g0.name.clone(),
                    };
                    let msg = format!("id {id:?} has label {} here but {label} at {at}", e.label);
                    return Err(match g.line_of(ix) {
                        Some(line) => Error::parse(&g.name, line, msg),
                        None => Error::build(format!("{}: {msg}", g.name)),
                    });
                }
            }
        }
        Ok(())
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets the case mode of entries that do not set their own.
    pub fn set_case(&mut self, case: CaseMode) -> &mut Gazetteer {
        self.case = case;
        self
    }

    /// The case mode of entries that do not set their own.
    pub fn case(&self) -> CaseMode {
        self.case
    }

    /// Sets accent folding for entries that do not set their own.
    pub fn set_fold_accents(&mut self, yes: bool) -> &mut Gazetteer {
        self.fold_accents = yes;
        self
    }

    /// Whether entries that do not say otherwise ignore accents.
    pub fn fold_accents(&self) -> bool {
        self.fold_accents
    }

    /// Loads a file: JSON Lines if the name ends in `.jsonl` or `.json`, TSV otherwise.
    ///
    /// # Errors
    /// When the file cannot be read, is not UTF-8, or has a bad line.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Gazetteer> {
        Gazetteer::from_path_with(path, &LabelSet::new())
    }

    /// [`Gazetteer::from_path`] with labels declared outside the file (`labels`).
    ///
    /// # Errors
    /// As [`Gazetteer::from_path`].
    pub fn from_path_with(path: impl AsRef<std::path::Path>, labels: &LabelSet) -> Result<Gazetteer> {
        let path = path.as_ref().to_string_lossy().into_owned();
        let text = read_utf8(&path)?;
        if path.ends_with(".jsonl") || path.ends_with(".json") {
            Gazetteer::from_jsonl_str_with(&path, &text, labels)
        } else {
            Gazetteer::from_tsv_str_with(&path, &text, labels)
        }
    }

    /// Parses TSV text; `name` names the gazetteer and its errors.
    ///
    /// # Errors
    /// On the first bad line: a missing, invalid or undeclared label, a header row, an
    /// empty name, a bad priority, an unknown flag, too many columns, or an id reused with
    /// another label.
    pub fn from_tsv_str(name: &str, text: &str) -> Result<Gazetteer> {
        Gazetteer::from_tsv_str_with(name, text, &LabelSet::new())
    }

    /// [`Gazetteer::from_tsv_str`] with labels declared outside the text (`labels`).
    ///
    /// # Errors
    /// As [`Gazetteer::from_tsv_str`].
    pub fn from_tsv_str_with(name: &str, text: &str, labels: &LabelSet) -> Result<Gazetteer> {
        let mut g = Gazetteer::new(name);
        // Ids are slices of `text`: no string a line.
        let mut by_id: FxMap<&str, usize> = FxMap::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // `#labels:` lines declare labels for the whole file, wherever they stand.
        let mut labels = labels.clone();
        for (i, line) in text.lines().enumerate() {
            if let Some(list) = labels_directive(line) {
                labels.declare_list(list).map_err(|e| Error::parse(name, i + 1, e.to_string()))?;
            }
        }
        let mut first_row = true;
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: String| Error::parse(name, lineno, m);
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 5 {
                return Err(err(format!(
                    "{} columns; expected name, label, and optionally id, priority, flags",
                    cols.len()
                )));
            }
            let surface = trim_name(cols[0]);
            if surface.is_empty() {
                return Err(err("empty name".into()));
            }
            if !has_visible(surface) {
                return Err(err("name has no visible character".into()));
            }
            let Some(label) = cols.get(1).map(|s| s.trim()) else {
                return Err(err(format!(
                    "missing label after name {surface:?} (columns are separated by tabs)"
                )));
            };
            let label = labels.parse(label).map_err(|e| {
                if first_row && is_header(&cols) {
                    err(format!(
                        "{line:?} looks like a header row, which would be an entry for the word \
                         {surface:?}; start the line with '#' to make it a comment"
                    ))
                } else {
                    err(e.to_string())
                }
            })?;
            first_row = false;
            let id = cols.get(2).map(|s| s.trim()).filter(|s| !s.is_empty());
            let priority = match cols.get(3).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                None => 0,
                Some(p) => p.parse::<i32>().map_err(|_| err(format!("priority {p:?} is not an integer")))?,
            };
            let mut case = None;
            let mut fold = None;
            if let Some(flags) = cols.get(4) {
                for f in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    match f {
                        "exact-case" => case = Some(CaseMode::Exact),
                        "ignore-case" => case = Some(CaseMode::Ignore),
                        "upper-case" => case = Some(CaseMode::Upper),
                        "fold-accents" => fold = Some(true),
                        _ => {
                            return Err(err(format!(
                            "unknown flag {f:?} (known: exact-case, ignore-case, upper-case, fold-accents)"
                        )))
                        }
                    }
                }
            }
            match id {
                Some(id) => {
                    if let Some(&ix) = by_id.get(id) {
                        let first = g.lines[ix];
                        let e = &mut g.entries[ix];
                        if e.label != label {
                            return Err(err(format!(
                                "id {id:?} has label {} on line {first} but {label} here",
                                e.label
                            )));
                        }
                        // An alias line may carry its own priority and case flag: they
                        // apply to that surface form only.
                        let given_priority = cols.get(3).is_some_and(|p| !p.trim().is_empty());
                        e.aliases.push(Alias {
                            name: surface.to_string(),
                            priority: given_priority.then_some(priority).filter(|p| *p != e.priority),
                            case: case.filter(|c| Some(*c) != e.case),
                        });
                        if e.fold_accents.is_none() {
                            e.fold_accents = fold;
                        }
                        continue;
                    }
                    by_id.insert(id, g.entries.len());
                    let mut e = Entry::new(surface, label).id(id).priority(priority);
                    e.case = case;
                    e.fold_accents = fold;
                    g.push_read(e, lineno);
                }
                None => {
                    let mut e = Entry::new(surface, label).priority(priority);
                    e.case = case;
                    e.fold_accents = fold;
                    g.push_read(e, lineno);
                }
            }
        }
        Ok(g)
    }

    /// Parses JSON Lines text; `name` names the gazetteer and its errors.
    ///
    /// # Errors
    /// On the first bad line: invalid JSON, a missing or invalid field, an undeclared
    /// label, an empty name or alias, an unknown field, or an id reused with another label.
    pub fn from_jsonl_str(name: &str, text: &str) -> Result<Gazetteer> {
        Gazetteer::from_jsonl_str_with(name, text, &LabelSet::new())
    }

    /// [`Gazetteer::from_jsonl_str`] with labels declared outside the text (`labels`).
    ///
    /// # Errors
    /// As [`Gazetteer::from_jsonl_str`].
    pub fn from_jsonl_str_with(name: &str, text: &str, labels: &LabelSet) -> Result<Gazetteer> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Line {
            name: String,
            label: String,
            #[serde(default)]
            id: Option<String>,
            #[serde(default)]
            aliases: Vec<Alias>,
            #[serde(default)]
            priority: Option<i32>,
            #[serde(default)]
            case: Option<CaseMode>,
            #[serde(default)]
            fold_accents: Option<bool>,
        }
        /// A line declaring labels: `{"labels": ["PRODUCT", "EVENT"]}`.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Labels {
            labels: Vec<String>,
        }
        let labels_line = |line: &str| -> Option<Labels> {
            // Only a line that names the key is parsed twice.
            line.contains("\"labels\"").then(|| serde_json::from_str(line).ok()).flatten()
        };
        let mut g = Gazetteer::new(name);
        let mut by_id: FxMap<String, usize> = FxMap::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut labels = labels.clone();
        for (i, line) in text.lines().enumerate() {
            for l in labels_line(line).map(|l| l.labels).unwrap_or_default() {
                labels.declare(&l).map_err(|e| Error::parse(name, i + 1, e.to_string()))?;
            }
        }
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            if line.trim().is_empty() || labels_line(line).is_some() {
                continue;
            }
            let err = |m: String| Error::parse(name, lineno, m);
            let l: Line = serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
            let label = labels.parse(&l.label).map_err(|e| err(e.to_string()))?;
            for s in std::iter::once(&l.name).chain(l.aliases.iter().map(|a| &a.name)) {
                if s.trim().is_empty() {
                    return Err(err("empty name or alias".into()));
                }
                if !has_visible(s) {
                    return Err(err(format!("name {s:?} has no visible character")));
                }
            }
            let id = l.id.filter(|s| !s.trim().is_empty());
            if let Some(id) = &id {
                if let Some(&ix) = by_id.get(id) {
                    let first = g.lines[ix];
                    let e = &mut g.entries[ix];
                    if e.label != label {
                        return Err(err(format!(
                            "id {id:?} has label {} on line {first} but {label} here",
                            e.label
                        )));
                    }
                    let own = l.priority.filter(|p| *p != e.priority);
                    e.aliases.push(Alias {
                        name: trim_name(&l.name).to_string(),
                        priority: own,
                        case: l.case,
                    });
                    e.aliases.extend(l.aliases.into_iter().map(|a| Alias {
                        name: trim_name(&a.name).to_string(),
                        priority: a.priority.or(own),
                        case: a.case.or(l.case),
                    }));
                    continue;
                }
                by_id.insert(id.clone(), g.entries.len());
            }
            let entry = Entry {
                name: trim_name(&l.name).to_string(),
                label,
                id,
                aliases: l
                    .aliases
                    .into_iter()
                    .map(|a| Alias { name: trim_name(&a.name).to_string(), ..a })
                    .collect(),
                priority: l.priority.unwrap_or(0),
                case: l.case,
                fold_accents: l.fold_accents,
            };
            g.push_read(entry, lineno);
        }
        Ok(g)
    }
}

/// The list of a `#labels: A, B` line (`# labels:` too), if `line` is one.
fn labels_directive(line: &str) -> Option<&str> {
    line.strip_prefix('#')?.trim_start().strip_prefix("labels:")
}

/// Whether the columns of a TSV line are a header row: a label column that names the
/// column ("label", "type") rather than a label.
fn is_header(cols: &[&str]) -> bool {
    cols.get(1).is_some_and(|c| {
        let c = c.trim();
        ["label", "labels", "type", "tag", "kind", "category", "entity_type"]
            .iter()
            .any(|h| c.eq_ignore_ascii_case(h))
    })
}

/// A name without the white space and invisible formatting characters at its ends, which
/// are no part of any mention.
fn trim_name(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || crate::normalize::is_invisible(c))
}

/// Whether a name has a character that can be matched: not white space, not a control
/// or invisible formatting character (zero-width space, joiners, direction marks, BOM),
/// not a combining mark alone.
pub(crate) fn has_visible(s: &str) -> bool {
    s.chars().any(|c| {
        !(c.is_whitespace()
            || c.is_control()
            || crate::normalize::is_invisible(c)
            || unicode_normalization::char::is_combining_mark(c))
    })
}

impl Extend<Entry> for Gazetteer {
    fn extend<I: IntoIterator<Item = Entry>>(&mut self, iter: I) {
        self.entries.extend(iter);
    }
}
