//! The Python binding of the `gazetteer` library: the native module `gazetteer._gazetteer`.
//!
//! A thin layer: the library tags, this module converts. Offsets become Python string
//! indices (code points) here, so that `text[e.start:e.end] == e.text` holds in Python for
//! any text; the work that needs no Python objects runs with the GIL released.
#![forbid(unsafe_code)]

use gazetteer::{Candidate, CaseMode, Entry, ErrorKind, Gazetteer, Label, OffsetConverter, Overlap, Rules};
use pyo3::exceptions::{PyFileNotFoundError, PyNotImplementedError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

/// A library error as the Python exception a Python user expects: a file that is not
/// there is `FileNotFoundError`, another I/O failure `OSError`, a bad line, bad UTF-8 or
/// a matcher that cannot be built `ValueError`. The message is the library's, which names
/// the file and the line.
fn to_py_err(e: gazetteer::Error) -> PyErr {
    let msg = e.to_string();
    match e.kind() {
        ErrorKind::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(msg)
        }
        ErrorKind::Io { .. } => PyOSError::new_err(msg),
        _ => PyValueError::new_err(msg),
    }
}

fn parse_label(label: &str) -> PyResult<Label> {
    label.parse().map_err(|e: gazetteer::LabelError| PyValueError::new_err(e.to_string()))
}

/// One entity found in a text, with offsets in code points (Python string indices).
#[pyclass(frozen, eq, module = "gazetteer")]
#[derive(Clone, PartialEq)]
pub struct Entity {
    start: usize,
    end: usize,
    /// The span in UTF-8 bytes, for `replace`.
    bytes: (usize, usize),
    text: String,
    label: Label,
    name: Arc<str>,
    id: Option<Arc<str>>,
    source: Arc<str>,
    alternatives: Vec<Candidate>,
}

fn candidate_dict<'py>(py: Python<'py>, c: &Candidate) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("label", c.label.as_str())?;
    d.set_item("name", &*c.name)?;
    d.set_item("id", c.id.as_deref())?;
    d.set_item("source", &*c.source)?;
    Ok(d)
}

#[pymethods]
impl Entity {
    /// Index of the mention's first code point in the text.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Index one past the mention's last code point.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The mention as written in the text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The entity type: PER, ORG, LOC, MISC or a label of your own.
    #[getter]
    fn label(&self) -> &str {
        self.label.as_str()
    }

    /// The canonical name of the entry (or the mention's text, for a rule's find).
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The entry's id, or None.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The gazetteer's name, or `rule:NAME` for a context rule.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// The other readings of the same span, best first, as dicts with the keys label,
    /// name, id and source.
    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self.alternatives.iter().map(|c| candidate_dict(py, c)).collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// The entity as a dict (the keys are the attribute names).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("label", self.label.as_str())?;
        d.set_item("name", &*self.name)?;
        d.set_item("id", self.id.as_deref())?;
        d.set_item("source", &*self.source)?;
        d.set_item("alternatives", self.alternatives(py)?)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| -> PyResult<String> { Ok(PyString::new(py, s).repr()?.to_string()) };
        let id = match &self.id {
            Some(i) => repr(i)?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Entity(start={}, end={}, text={}, label={}, name={}, id={id})",
            self.start,
            self.end,
            repr(&self.text)?,
            repr(self.label.as_str())?,
            repr(&self.name)?
        ))
    }
}

/// The library's entities of `text` (byte offsets, in text order) as Python entities.
fn to_entities(text: &str, found: Vec<gazetteer::Entity>) -> Vec<Entity> {
    // In ASCII text a byte is a code point: no need to walk the text (most English news).
    let ascii = text.is_ascii();
    let mut conv = OffsetConverter::new(text);
    let mut chars = |byte: usize| if ascii { byte } else { conv.chars(byte) };
    found
        .into_iter()
        .map(|e| Entity {
            start: chars(e.start),
            end: chars(e.end),
            bytes: (e.start, e.end),
            text: e.text(text).to_string(),
            label: e.label,
            name: e.name,
            id: e.id,
            source: e.source,
            alternatives: e.alternatives,
        })
        .collect()
}

/// What a tagger is built from: the command's options. Kept so that the tagger can be
/// built again with entries added or removed.
struct Config {
    files: Vec<PathBuf>,
    default: bool,
    rules: Option<Rules>,
    ignore_case: bool,
    fold_accents: bool,
    all_overlaps: bool,
}

/// The tagger and the live changes made to it since it was built.
struct State {
    tagger: gazetteer::Tagger,
    /// Entries given to `add`, in order.
    added: Vec<Entry>,
    /// Surface forms given to `remove` (and not added again since).
    removed: HashSet<String>,
}

/// The name of the gazetteer that holds the entries given to `Tagger.add`.
const ADDED: &str = "added";

impl Config {
    /// The gazetteers of the files and, with `default`, the bundled ones.
    fn gazetteers(&self) -> PyResult<Vec<Gazetteer>> {
        let mut gs = Vec::new();
        if self.default {
            for g in bundled()? {
                gs.push(g.map_err(to_py_err)?);
            }
        }
        for p in &self.files {
            gs.push(Gazetteer::from_path(p).map_err(to_py_err)?);
        }
        Ok(gs)
    }

    fn build(&self, gazetteers: Vec<Gazetteer>) -> PyResult<gazetteer::Tagger> {
        let mut b = gazetteer::Tagger::builder().gazetteers(gazetteers);
        if self.ignore_case {
            b = b.case(CaseMode::Ignore);
        }
        if self.fold_accents {
            b = b.fold_accents(true);
        }
        if self.all_overlaps {
            b = b.overlap(Overlap::All);
        }
        if let Some(r) = self.rules {
            b = b.rules(r);
        }
        b.build().map_err(to_py_err)
    }

    /// The tagger as configured: the bundled default tagger, which the library builds
    /// once per process and shares, when the options are its own.
    fn first_build(&self) -> PyResult<gazetteer::Tagger> {
        let is_default = self.default
            && self.files.is_empty()
            && !self.ignore_case
            && !self.fold_accents
            && !self.all_overlaps
            && self.rules == Some(Rules::all());
        match default_tagger() {
            Some(t) if is_default => Ok(t),
            _ => self.build(self.gazetteers()?),
        }
    }
}

#[cfg(feature = "embedded")]
fn default_tagger() -> Option<gazetteer::Tagger> {
    Some(gazetteer::default_tagger())
}

#[cfg(not(feature = "embedded"))]
fn default_tagger() -> Option<gazetteer::Tagger> {
    None
}

#[cfg(feature = "embedded")]
fn bundled() -> PyResult<Vec<gazetteer::Result<Gazetteer>>> {
    Ok(gazetteer::bundled_gazetteers())
}

#[cfg(not(feature = "embedded"))]
fn bundled() -> PyResult<Vec<gazetteer::Result<Gazetteer>>> {
    Err(PyValueError::new_err("this build has no bundled gazetteers: pass default=False"))
}

/// `entries` without the surface form `form`: an entry whose canonical name it is keeps
/// its aliases, the first of them becoming its name.
fn without_form(g: &Gazetteer, removed: &HashSet<String>) -> Gazetteer {
    let mut out = Gazetteer::new(g.name());
    out.set_case(g.case());
    out.set_fold_accents(g.fold_accents());
    for e in g.entries() {
        let mut e = e.clone();
        e.aliases.retain(|a| !removed.contains(&a.name));
        if removed.contains(&e.name) {
            if e.aliases.is_empty() {
                continue;
            }
            let first = e.aliases.remove(0);
            e.name = first.name;
        }
        out.push(e);
    }
    out
}

/// Tags named entities. See the package's documentation for the arguments.
#[pyclass(frozen, subclass, module = "gazetteer")]
pub struct Tagger {
    config: Config,
    state: RwLock<State>,
}

impl Tagger {
    /// The current tagger (a cheap clone: the compiled data is shared).
    fn current(&self) -> gazetteer::Tagger {
        match self.state.read() {
            Ok(s) => s.tagger.clone(),
            Err(p) => p.into_inner().tagger.clone(),
        }
    }

    fn rebuild(&self, s: &mut State) -> PyResult<()> {
        let mut gs = vec![];
        if !s.added.is_empty() {
            let mut g = Gazetteer::new(ADDED);
            for e in &s.added {
                g.push(e.clone());
            }
            gs.push(g);
        }
        for g in self.config.gazetteers()? {
            gs.push(if s.removed.is_empty() { g } else { without_form(&g, &s.removed) });
        }
        s.tagger = self.config.build(gs)?;
        Ok(())
    }

    /// The entities of `text`, tagged with the GIL released.
    fn entities(&self, py: Python<'_>, text: &str) -> Vec<Entity> {
        let tagger = self.current();
        py.detach(|| to_entities(text, tagger.tag(text)))
    }

    fn with_state<R>(&self, f: impl FnOnce(&mut State) -> PyResult<R>) -> PyResult<R> {
        let mut guard = match self.state.write() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut guard)
    }
}

fn threads_arg(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1 (or None for every core)")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

#[pymethods]
impl Tagger {
    #[new]
    #[pyo3(signature = (gazetteers=Vec::new(), default=true, rules=None, ignore_case=false, fold_accents=false, all_overlaps=false, disable_rules=Vec::new(), patterns=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gazetteers: Vec<PathBuf>,
        default: bool,
        rules: Option<bool>,
        ignore_case: bool,
        fold_accents: bool,
        all_overlaps: bool,
        disable_rules: Vec<String>,
        patterns: Option<Vec<PathBuf>>,
    ) -> PyResult<Tagger> {
        if patterns.is_some_and(|p| !p.is_empty()) {
            return Err(PyNotImplementedError::new_err(
                "patterns= is not supported by this version of gazetteer (token patterns come in a later release)",
            ));
        }
        // As the command: the rules are on with the bundled gazetteers, off without them.
        let on = rules.unwrap_or(default);
        let rules = if on {
            let mut r = Rules::all();
            for name in &disable_rules {
                if !r.set(name, false) {
                    return Err(PyValueError::new_err(format!(
                        "unknown rule {name:?} (rules: {})",
                        Rules::NAMES.join(", ")
                    )));
                }
            }
            Some(r)
        } else {
            None
        };
        let config = Config { files: gazetteers, default, rules, ignore_case, fold_accents, all_overlaps };
        let tagger = py.detach(|| config.first_build())?;
        Ok(Tagger {
            config,
            state: RwLock::new(State { tagger, added: Vec::new(), removed: HashSet::new() }),
        })
    }

    /// The entities of `text`, in text order.
    fn tag(&self, py: Python<'_>, text: PyBackedStr) -> Vec<Entity> {
        self.entities(py, &text)
    }

    /// The entities of each text, in the texts' order, tagged on `threads` threads (all
    /// cores by default) with the GIL released.
    #[pyo3(signature = (texts, threads=None))]
    fn tag_batch(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Entity>>> {
        let threads = threads_arg(threads)?;
        let tagger = self.current();
        Ok(py.detach(|| {
            let found = tagger.tag_batch_threads(&texts, threads);
            texts.iter().zip(found).map(|(t, f)| to_entities(t, f)).collect()
        }))
    }

    /// The entries' canonical names found in `text`, in text order, or with
    /// `span_info=True` tuples `(name, start, end)`, as FlashText's `extract_keywords`.
    #[pyo3(signature = (text, span_info=false))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: PyBackedStr,
        span_info: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let found = self.entities(py, &text);
        if span_info {
            let items = found
                .iter()
                .map(|e| {
                    PyTuple::new(
                        py,
                        [
                            e.name.into_pyobject(py)?.into_any(),
                            e.start.into_pyobject(py)?.into_any(),
                            e.end.into_pyobject(py)?.into_any(),
                        ],
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)
        } else {
            PyList::new(py, found.iter().map(|e| &*e.name))
        }
    }

    /// `text` with mentions replaced. `replacement` is a mapping, looked up by the
    /// mention's text and then by the entry's canonical name, or a function called with
    /// each `Entity` that returns the new text or None. Mentions without a replacement
    /// stay as they are.
    fn replace(&self, py: Python<'_>, text: PyBackedStr, replacement: Bound<'_, PyAny>) -> PyResult<String> {
        let found = self.entities(py, &text);
        let callable = replacement.is_callable();
        if !callable && !replacement.hasattr("get")? {
            return Err(PyTypeError::new_err("replace() needs a mapping or a function of an Entity"));
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0usize;
        for e in found {
            let (start, end) = e.bytes;
            let new = if callable {
                replacement.call1((e.clone(),))?
            } else {
                let v = replacement.call_method1("get", (e.text.as_str(),))?;
                if v.is_none() {
                    replacement.call_method1("get", (&*e.name,))?
                } else {
                    v
                }
            };
            if new.is_none() || start < last {
                continue;
            }
            let new: PyBackedStr = new.extract().map_err(|_| {
                PyTypeError::new_err(format!("the replacement of {:?} is not a str or None", e.text))
            })?;
            out.push_str(&text[last..start]);
            out.push_str(&new);
            last = end;
        }
        out.push_str(&text[last..]);
        Ok(out)
    }

    /// Adds an entry: `name` matches from the next call on.
    #[pyo3(signature = (name, label, id=None))]
    fn add(&self, py: Python<'_>, name: String, label: &str, id: Option<String>) -> PyResult<()> {
        if name.trim().is_empty() {
            return Err(PyValueError::new_err("add(): the name is empty"));
        }
        let mut entry = Entry::new(name, parse_label(label)?);
        entry.id = id;
        py.detach(|| {
            self.with_state(|s| {
                s.removed.remove(&entry.name);
                s.added.push(entry);
                self.rebuild(s)
            })
        })
    }

    /// Stops `name` from matching, as a surface form of any entry. Returns whether the
    /// tagger had it.
    fn remove(&self, py: Python<'_>, name: String) -> PyResult<bool> {
        py.detach(|| {
            self.with_state(|s| {
                let before = s.added.len();
                s.added.retain(|e| e.name != name);
                let known = before != s.added.len()
                    || self
                        .config
                        .gazetteers()?
                        .iter()
                        .any(|g| g.entries().iter().any(|e| e.surface_forms().any(|f| f == name)));
                if known {
                    s.removed.insert(name.clone());
                    self.rebuild(s)?;
                }
                Ok(known)
            })
        })
    }
}

#[pymodule]
fn _gazetteer(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add_class::<Entity>()?;
    m.add("RULES", Rules::NAMES.to_vec())?;
    Ok(())
}
