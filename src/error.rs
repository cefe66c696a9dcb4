//! Errors.
//!
//! Errors come only from loading gazetteers and building a tagger: tagging a text never
//! fails (any `&str` is valid input). Every error says where and what: the file, the line
//! and the reason.

use std::fmt;
use std::io;

/// The error type of this crate.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: io::Error,
    },
    /// A line of a gazetteer (or another input file) is not valid.
    Parse {
        /// The file, or the name given to text parsed from memory.
        path: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file is not valid UTF-8.
    Utf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The matcher could not be built.
    Build(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn io(path: impl Into<String>, source: io::Error) -> Error {
        Error { kind: ErrorKind::Io { path: path.into(), source } }
    }

    pub(crate) fn parse(path: impl Into<String>, line: usize, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Parse { path: path.into(), line, message: message.into() } }
    }

    pub(crate) fn utf8(path: impl Into<String>, offset: usize) -> Error {
        Error { kind: ErrorKind::Utf8 { path: path.into(), offset } }
    }

    pub(crate) fn build(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Build(message.into()) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, source } => write!(f, "{path}: {source}"),
            ErrorKind::Parse { path, line, message } => write!(f, "{path}:{line}: {message}"),
            ErrorKind::Utf8 { path, offset } => {
                write!(f, "{path}: invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Build(m) => write!(f, "cannot build the matcher: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Reads a file as UTF-8, with errors that name the file (and the byte offset of the
/// first invalid byte).
pub fn read_utf8(path: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| Error::utf8(path, e.utf8_error().valid_up_to()))
}
