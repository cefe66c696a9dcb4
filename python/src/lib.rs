//! The Python binding of the `gazetteer` library: the native module `gazetteer._gazetteer`.
//!
//! A thin layer: the library tags, this module converts. Offsets become Python string
//! indices (code points) here, so that `text[e.start:e.end] == e.text` holds in Python for
//! any text; the work that needs no Python objects runs with the GIL released.
#![forbid(unsafe_code)]

use gazetteer::patterns::{PatternSet, STAGE_NAME};
use gazetteer::{
    Candidate, CaseMode, Entry, ErrorKind, Gazetteer, Label, LabelSet, OffsetConverter, Overlap, Rules,
};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
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

/// Room for a mention's text inside the entity itself.
const INLINE: usize = 30;

/// A mention's text. Nearly all mentions are short, and these are kept inline, so making a
/// batch's entities on the tagging threads and freeing them under the GIL costs no
/// allocation for their text (freeing `tag_batch`'s result on Reuters: 11.5 ms against 16).
#[derive(Clone, PartialEq)]
enum Mention {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Mention {
    fn new(s: &str) -> Mention {
        if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Mention::Inline { len: s.len() as u8, bytes }
        } else {
            Mention::Heap(s.into())
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Copied from a `str` whole, so always UTF-8.
            Mention::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            Mention::Heap(s) => s,
        }
    }
}

/// One entity found in a text, with offsets in code points (Python string indices).
#[pyclass(frozen, eq, module = "gazetteer")]
#[derive(Clone, PartialEq)]
pub struct Entity {
    start: usize,
    end: usize,
    text: Mention,
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
        self.text.as_str()
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
        d.set_item("text", self.text.as_str())?;
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
            repr(self.text.as_str())?,
            repr(self.label.as_str())?,
            repr(&self.name)?
        ))
    }
}

/// Code-point offsets of byte offsets of one text, for offsets in increasing order.
struct CharOffsets<'t> {
    // In ASCII text a byte is a code point: no need to walk the text (most English news).
    ascii: bool,
    conv: OffsetConverter<'t>,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets { ascii: text.is_ascii(), conv: OffsetConverter::new(text) }
    }

    fn get(&mut self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.conv.chars(byte)
        }
    }
}

/// One of the library's entities of `text` as a Python entity.
fn to_entity(text: &str, e: gazetteer::Entity, chars: &mut CharOffsets<'_>) -> Entity {
    Entity {
        start: chars.get(e.start),
        end: chars.get(e.end),
        text: Mention::new(e.text(text).unwrap_or_default()),
        label: e.label,
        name: e.name,
        id: e.id,
        source: e.source,
        alternatives: e.alternatives,
    }
}

/// The library's entities of `text` (in text order) as Python entities.
fn to_entities(text: &str, found: Vec<gazetteer::Entity>) -> Vec<Entity> {
    let mut chars = CharOffsets::new(text);
    found.into_iter().map(|e| to_entity(text, e, &mut chars)).collect()
}

/// What a tagger is built from: the command's options.
struct Config {
    files: Vec<PathBuf>,
    default: bool,
    rules: Option<Rules>,
    ignore_case: bool,
    fold_accents: bool,
    all_overlaps: bool,
    /// The labels the pattern files declare.
    labels: LabelSet,
    patterns: PatternSet,
    overwrite_ents: bool,
    /// Stages switched off by name (the patterns' stage).
    disabled: Vec<String>,
}

impl Config {
    /// The tagger, built as the command builds it: the bundled gazetteers (with
    /// `default`) as the base, the files' gazetteers winning over them on a span both
    /// know. The bundled default tagger, which the library builds once per process and
    /// shares, when the options are its own.
    fn build(&self) -> PyResult<gazetteer::Tagger> {
        let is_default = self.default
            && self.files.is_empty()
            && !self.ignore_case
            && !self.fold_accents
            && !self.all_overlaps
            && self.patterns.is_empty()
            && self.rules == Some(Rules::all());
        if let (true, Some(t)) = (is_default, default_tagger()) {
            return Ok(t);
        }
        let mut b = gazetteer::Tagger::builder();
        if self.default {
            let mut base = Vec::new();
            for g in bundled()? {
                base.push(g.map_err(to_py_err)?);
            }
            b = b.base_gazetteers(base).transliterate(true);
        }
        for p in &self.files {
            b = b.gazetteer(Gazetteer::from_path_with(p, &self.labels).map_err(to_py_err)?);
        }
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
        if !self.patterns.is_empty() {
            for name in &self.disabled {
                b = b.disable_stage(name);
            }
        }
        b.patterns(self.patterns.clone()).overwrite_ents(self.overwrite_ents).build().map_err(to_py_err)
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

/// Tags named entities. See the package's documentation for the arguments.
#[pyclass(frozen, subclass, module = "gazetteer")]
pub struct Tagger {
    /// The library's tagger; `add` and `remove` change it in place (the compiled data
    /// is shared, so a read takes a cheap clone and releases the lock at once).
    tagger: RwLock<gazetteer::Tagger>,
}

impl Tagger {
    /// The current tagger (a cheap clone: the compiled data is shared).
    fn current(&self) -> gazetteer::Tagger {
        match self.tagger.read() {
            Ok(t) => t.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The entities of `text`, tagged with the GIL released.
    fn entities(&self, py: Python<'_>, text: &str) -> Vec<Entity> {
        let tagger = self.current();
        py.detach(|| to_entities(text, tagger.tag(text)))
    }

    fn change<R>(&self, f: impl FnOnce(&mut gazetteer::Tagger) -> R) -> R {
        let mut guard = match self.tagger.write() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut guard)
    }
}

/// Runs `f` with Python's cyclic garbage collector paused. Making a batch's result
/// allocates one object per entity, and each few hundred allocations would otherwise start
/// a collection that walks all young objects: a tenth of `tag_batch`'s time in a profile.
/// The entities hold no Python references, so they can form no cycle.
fn without_gc<'py, T>(py: Python<'py>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let enabled: bool = gc.call_method0("isenabled")?.extract()?;
    if enabled {
        gc.call_method0("disable")?;
    }
    let out = f();
    if enabled {
        gc.call_method0("enable")?;
    }
    out
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
    #[pyo3(signature = (gazetteers=Vec::new(), default=true, rules=None, ignore_case=false, fold_accents=false, all_overlaps=false, disable_rules=Vec::new(), patterns=None, overwrite_ents=false))]
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
        overwrite_ents: bool,
    ) -> PyResult<Tagger> {
        // Pattern files (spaCy EntityRuler JSON Lines): their labels count as declared, so
        // the gazetteer files may use them too.
        let mut pattern_set = PatternSet::new();
        for p in patterns.unwrap_or_default() {
            pattern_set.extend(PatternSet::load(&p.to_string_lossy()).map_err(to_py_err)?);
        }
        let mut labels = LabelSet::new();
        for p in pattern_set.patterns() {
            labels.declare(p.label().as_str()).map_err(|e| PyValueError::new_err(e.to_string()))?;
        }
        // As the command: the rules are on with the bundled gazetteers, off without them;
        // `patterns` in disable_rules switches off the patterns' stage.
        let on = rules.unwrap_or(default);
        let mut r = Rules::all();
        let mut disabled = Vec::new();
        for name in disable_rules {
            if name == STAGE_NAME {
                disabled.push(name);
            } else if on {
                r.set(&name, false).map_err(|e| PyValueError::new_err(e.to_string()))?;
            } else {
                // Checked all the same: a misspelt name is an error with the rules off too.
                Rules::all().set(&name, false).map_err(|e| PyValueError::new_err(e.to_string()))?;
            }
        }
        let config = Config {
            files: gazetteers,
            default,
            rules: on.then_some(r),
            ignore_case,
            fold_accents,
            all_overlaps,
            labels,
            patterns: pattern_set,
            overwrite_ents,
            disabled,
        };
        let tagger = py.detach(|| config.build())?;
        Ok(Tagger { tagger: RwLock::new(tagger) })
    }

    /// The entities of `text`, in text order.
    fn tag(&self, py: Python<'_>, text: PyBackedStr) -> Vec<Entity> {
        self.entities(py, &text)
    }

    /// The entities of each text, in the texts' order, tagged on `threads` threads (all
    /// cores by default) with the GIL released.
    #[pyo3(signature = (texts, threads=None))]
    fn tag_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<PyBackedStr>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = threads_arg(threads)?;
        let tagger = self.current();
        // Offsets and the Rust side of each entity are made on the tagging threads.
        let found: Vec<Vec<Entity>> = py.detach(|| tagger.map_batch(&texts, threads, to_entities));
        without_gc(py, || PyList::new(py, found))
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
    fn replace(&self, text: PyBackedStr, replacement: Bound<'_, PyAny>) -> PyResult<String> {
        let callable = replacement.is_callable();
        if !callable && !replacement.hasattr("get")? {
            return Err(PyTypeError::new_err("replace() needs a mapping or a function of an Entity"));
        }
        let lookup = |e: Entity| -> PyResult<Option<String>> {
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
            if new.is_none() {
                return Ok(None);
            }
            new.extract::<String>().map(Some).map_err(|_| {
                PyTypeError::new_err(format!("the replacement of {:?} is not a str or None", e.text.as_str()))
            })
        };
        // The library calls back for each entity in text order; the first Python error
        // stops the calls and is raised.
        let mut chars = CharOffsets::new(&text);
        let mut error = None;
        let out = self.current().replace(&text, |e| {
            if error.is_some() {
                return None;
            }
            lookup(to_entity(&text, e.clone(), &mut chars)).unwrap_or_else(|err| {
                error = Some(err);
                None
            })
        });
        match error {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// Adds an entry: `name` matches from the next call on (the library's live update:
    /// the tagger is not rebuilt).
    #[pyo3(signature = (name, label, id=None))]
    fn add(&self, py: Python<'_>, name: String, label: &str, id: Option<String>) -> PyResult<()> {
        if name.trim().is_empty() {
            return Err(PyValueError::new_err("add(): the name is empty"));
        }
        let mut entry = Entry::new(name, parse_label(label)?);
        entry.id = id;
        py.detach(|| self.change(|t| t.add(entry))).map_err(to_py_err)
    }

    /// Stops `name` (in any capitalization) from matching the gazetteers and the added
    /// entries. Returns whether the tagger had it. Context rules still run.
    fn remove(&self, py: Python<'_>, name: String) -> bool {
        py.detach(|| self.change(|t| t.remove(&name)))
    }
}

#[pymodule]
fn _gazetteer(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add_class::<Entity>()?;
    m.add("RULES", Rules::NAMES.to_vec())?;
    Ok(())
}
