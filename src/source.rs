//! Source files and positions in them.
//!
//! A [`SourceFile`] is read once, checked (size, UTF-8) and kept whole so that diagnostics
//! can quote the line they point at. A [`Span`] is a byte range in one file with its 1-based
//! line and column, and names that file by its [`FileId`]; [`Sp<T>`] is a value with the
//! span of the YAML node it came from.
//!
//! A notice is read from at most two files: its own, and the shared office file it
//! `extends` (one level only, see `crate::office`). A span says which of the two it is in
//! with a [`FileId`], so a fact merged in from the office file keeps its place there and a
//! finding about it is reported in that file. The id is set when the file is read
//! ([`SourceFile::with_id`]) and carried into every span parsed from it.

use std::cell::Cell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer};

/// The largest notice file `notice` reads. Real notices are under 100 KB; anything near this
/// limit is not a notice.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Which of a notice's files a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum FileId {
    /// The notice's own file.
    #[default]
    Notice,
    /// The shared office file the notice `extends`.
    Office,
}

/// A notice file read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (used in diagnostics).
    pub path: PathBuf,
    /// Which of a notice's files this is; spans made from it carry the same id.
    pub id: FileId,
    /// The whole text.
    pub text: String,
    /// The byte offset of the start of each line, made on first use: finding the line of
    /// an offset is then a binary search, not a count from the top of the file (which
    /// made reporting many findings in a large file quadratic).
    line_starts: OnceLock<Vec<usize>>,
}

/// Why a file could not be read as a notice. Each names the path.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(PathBuf, std::io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(PathBuf, u64),
    /// The file is not UTF-8 text; the offset of the first bad byte.
    NotUtf8(PathBuf, usize),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(p, e) => write!(f, "cannot read `{}`: {e}", p.display()),
            ReadError::TooLarge(p, n) => write!(
                f,
                "`{}` is {:.1} MB; a notice file may be at most {} MB",
                p.display(),
                *n as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::NotUtf8(p, at) => write!(
                f,
                "`{}` is not UTF-8 text (invalid byte at offset {at}); save it as UTF-8",
                p.display()
            ),
        }
    }
}

impl std::error::Error for ReadError {}

impl SourceFile {
    /// Read a file, refusing anything too large or not UTF-8.
    pub fn read(path: &Path) -> Result<SourceFile, ReadError> {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(|e| ReadError::Io(path.to_owned(), e))?;
        let len = file
            .metadata()
            .map_err(|e| ReadError::Io(path.to_owned(), e))?
            .len();
        if len > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(path.to_owned(), len));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::Io(path.to_owned(), e))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(path.to_owned(), bytes.len() as u64));
        }
        Self::from_bytes(path, bytes)
    }

    /// Make a source from bytes already in memory (tests, fuzzing, `git show` output).
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, ReadError> {
        let text = String::from_utf8(bytes)
            .map_err(|e| ReadError::NotUtf8(path.to_owned(), e.utf8_error().valid_up_to()))?;
        Ok(SourceFile {
            path: path.to_owned(),
            id: FileId::Notice,
            text,
            line_starts: OnceLock::new(),
        })
    }

    /// Make a source from text.
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            id: FileId::Notice,
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// The same file, known by another id (an office file read for a notice that
    /// extends it is [`FileId::Office`]).
    pub fn with_id(mut self, id: FileId) -> SourceFile {
        self.id = id;
        self
    }

    /// The byte offset where each line starts (the first is 0).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|&(_, b)| b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .collect()
        })
    }

    /// The byte range of the 1-based line `line` without its newline, if there is one.
    fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).map_or(self.text.len(), |next| next - 1);
        Some(start..end)
    }

    /// The span of a 1-based line and column (in characters), one character long.
    pub fn span_at(&self, line: usize, column: usize) -> Span {
        let offset = match self.line_range(line) {
            Some(range) => {
                let line_text = &self.text[range.clone()];
                range.start
                    + line_text
                        .char_indices()
                        .nth(column.saturating_sub(1))
                        .map_or(line_text.len(), |(i, _)| i)
            }
            None => self.text.len(),
        };
        let len = self.text[offset..].chars().next().map_or(0, char::len_utf8);
        Span {
            start: offset,
            end: offset + len,
            line: line.max(1),
            column: column.max(1),
            file: self.id,
        }
    }

    /// The span of a byte range, with the line and column of its start.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let mut start = start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= start);
        let line_start = starts[line - 1];
        let column = self.text[line_start..start].chars().count() + 1;
        Span {
            start,
            end: end.clamp(start, self.text.len()),
            line,
            column,
            file: self.id,
        }
    }

    /// The text of the 1-based line `line`, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        self.line_range(line)
            .map_or("", |r| &self.text[r])
            .trim_end_matches('\r')
    }
}

/// Where every line of a text starts, so that many byte offsets can be turned into lines
/// and columns without rescanning the text for each ([`SourceFile::span_of`] does that
/// scan, which is fine once but quadratic for thousands of findings).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    file: FileId,
}

impl LineIndex {
    /// Index the lines of `text`, a text of the notice's own file.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            file: FileId::Notice,
        }
    }

    /// Index the lines of a source file; spans carry its id.
    pub fn of(src: &SourceFile) -> LineIndex {
        LineIndex {
            file: src.id,
            ..LineIndex::new(&src.text)
        }
    }

    /// The span of a byte range of `text` (the text this index was made from), with the
    /// line and column of its start; the same as [`SourceFile::span_of`].
    pub fn span_of(&self, text: &str, start: usize, end: usize) -> Span {
        let start = start.min(text.len());
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let column = text[line_start..start].chars().count() + 1;
        Span {
            start,
            end: end.clamp(start, text.len()),
            line,
            column,
            file: self.file,
        }
    }
}

/// A place in a source file: a byte range plus the 1-based line and column of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    /// The file: the notice's own, or the office file it extends.
    pub file: FileId,
}

impl Span {
    /// No known place (line 0).
    pub const UNKNOWN: Span = Span {
        start: 0,
        end: 0,
        line: 0,
        column: 0,
        file: FileId::Notice,
    };

    /// Whether this span points somewhere.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }

    fn from_location(loc: serde_saphyr::Location) -> Span {
        let span = loc.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Span {
            start,
            end: start + len,
            line: loc.line() as usize,
            column: loc.column() as usize,
            file: PARSING.get(),
        }
    }
}

thread_local! {
    /// The file being deserialised on this thread: serde gives [`Sp`]'s `Deserialize` no
    /// way to be told, so [`parsing`] sets it for the length of one parse.
    static PARSING: Cell<FileId> = const { Cell::new(FileId::Notice) };
}

/// Run `f` (a parse of `src`) with every [`Sp`] it deserialises placed in `src`'s file.
pub fn parsing<R>(src: &SourceFile, f: impl FnOnce() -> R) -> R {
    struct Restore(FileId);
    impl Drop for Restore {
        fn drop(&mut self) {
            PARSING.set(self.0);
        }
    }
    let _restore = Restore(PARSING.replace(src.id));
    f()
}

/// A value with the span of the YAML node it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Sp<T> {
    /// A value with no known place (for defaults and tests).
    pub fn detached(value: T) -> Self {
        Sp {
            value,
            span: Span::UNKNOWN,
        }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(d)?;
        // Where the value is written: for a YAML alias (`*name`), its anchor, so a finding
        // about repeated text is reported once, where the text is.
        Ok(Sp {
            value: spanned.value,
            span: Span::from_location(spanned.defined),
        })
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// A line without its YAML comment (a `#` at the start or after a space, outside quotes).
pub fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_at_finds_line_and_column() {
        let src = SourceFile::from_text("a.yaml", "one: 1\ntwo: ŵŷ x\n");
        // Columns count characters, not bytes: `ŵ` is column 6 and `ŷ` column 7.
        let s = src.span_at(2, 6);
        assert_eq!(&src.text[s.start..s.end], "ŵ");
        let s = src.span_at(2, 7);
        assert_eq!(&src.text[s.start..s.end], "ŷ");
        assert_eq!((s.line, s.column), (2, 7));
        assert_eq!(src.line_text(2), "two: ŵŷ x");
    }

    #[test]
    fn line_index_agrees_with_span_of() {
        let src = SourceFile::from_text("a.yaml", "one: 1\ntwo: ŵŷ x\n\nfour\n");
        let index = LineIndex::new(&src.text);
        for start in (0..=src.text.len()).filter(|&i| src.text.is_char_boundary(i)) {
            assert_eq!(
                index.span_of(&src.text, start, start + 1),
                src.span_of(start, start + 1),
                "offset {start}"
            );
        }
    }

    #[test]
    fn lines_and_spans_agree_with_a_count_from_the_top() {
        let text = "a: 1\r\nb: ŵŷ\n\nlast line without newline";
        let src = SourceFile::from_text("a.yaml", text);
        for start in 0..=text.len() {
            if !text.is_char_boundary(start) {
                continue;
            }
            let before = &text[..start];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..start].chars().count() + 1;
            let s = src.span_of(start, start + 1);
            assert_eq!((s.line, s.column), (line, column), "offset {start}");
            let again = src.span_at(line, column);
            assert_eq!(again.start, start, "line {line} column {column}");
        }
        assert_eq!(src.line_text(1), "a: 1");
        assert_eq!(src.line_text(2), "b: ŵŷ");
        assert_eq!(src.line_text(3), "");
        assert_eq!(src.line_text(4), "last line without newline");
        assert_eq!(src.line_text(5), "");
        assert_eq!(src.line_text(0), "");
        assert_eq!(src.span_at(9, 1).start, text.len());
        assert_eq!(src.span_of(text.len() + 5, 0).line, 4);
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = SourceFile::from_bytes(Path::new("bad.yaml"), b"ab\xffcd".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`bad.yaml` is not UTF-8 text (invalid byte at offset 2); save it as UTF-8"
        );
    }
}
