//! The output-format registry: every format `notice build` can write, in one table.
//!
//! A format is a renderer module plus one [`FormatSpec`] entry in [`FORMATS`]: its name on
//! the command line, its file name, whether a plain `notice build` writes it, and the
//! function that turns the [`Document`] into bytes. The command line, the build, the
//! benchmarks and the fuzz pipeline all read this table, so a new format needs no other
//! change to reach them.

use std::fmt;

use crate::diag::Diagnostic;
use crate::document::Document;
use crate::registry;
use crate::source::{SourceFile, Span};

/// What every renderer may use besides the document.
#[derive(Debug)]
pub struct RenderContext<'a> {
    /// The templates (the HTML page shell is one).
    pub env: &'a minijinja::Environment<'a>,
    /// The body text size of large-print formats, in points (18 unless asked otherwise).
    pub body_size: f32,
    /// The braille grade: 2 (contracted, the default) or 1 (uncontracted).
    pub braille_grade: u8,
}

/// One format's output for one notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What a reader of the output should know about (see [`RenderWarning`]).
    pub warnings: Vec<RenderWarning>,
}

impl Output {
    /// An output with nothing to warn about.
    pub fn plain(bytes: Vec<u8>) -> Self {
        Self {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// Something a renderer could not do faithfully, such as a character that no embedded font
/// has. It carries what it is about (the character and the words around it) so the caller
/// can point at the place in the notice's file, as a diagnostic; the renderer itself never
/// sees the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderWarning {
    /// The registry rule it reports under (`PN950`).
    pub rule: &'static str,
    /// What is wrong, in plain English: lower-case start, no trailing period.
    pub message: String,
    /// The character concerned, if any.
    pub character: Option<char>,
    /// The words around it, as the document has them, to find it in the file.
    pub context: Option<String>,
}

impl RenderWarning {
    /// The warning as a diagnostic located in the notice's file: at the character, found
    /// inside its quoted context where the context can be found, else at its first use.
    pub fn to_diagnostic(&self, src: &SourceFile) -> Diagnostic {
        self.to_diagnostic_among(&[src])
    }

    /// The same, looking in each of a notice's files in turn (its own, then the shared
    /// office file it extends): the first that has the context, else the first that has
    /// the character.
    pub fn to_diagnostic_among(&self, sources: &[&SourceFile]) -> Diagnostic {
        let rule = registry::find(self.rule)
            .filter(|r| r.id == self.rule)
            .unwrap_or(&registry::MISSING_GLYPH);
        let at = self.character.and_then(|c| {
            let in_context = sources.iter().find_map(|src| {
                let ctx = self.context.as_deref()?;
                let start = src.text.find(ctx)?;
                Some((*src, start + ctx.find(c).unwrap_or(0)))
            });
            in_context.or_else(|| {
                sources
                    .iter()
                    .find_map(|src| src.text.find(c).map(|at| (*src, at)))
            })
        });
        let span = at.map_or(Span::UNKNOWN, |(src, at)| {
            let end = at + self.character.map_or(0, char::len_utf8);
            src.span_of(at, end)
        });
        let help =
            "write it another way (an emoji as words, a rare symbol by its name), or leave it out";
        rule.diag(span, "", self.message.clone(), Some(help))
    }
}

/// A format's entry in the registry.
pub struct FormatSpec {
    /// The name on the command line (`--format NAME`), e.g. `pdf`.
    pub name: &'static str,
    /// One line for `--help` and the docs.
    pub description: &'static str,
    /// Whether `notice build` writes it when no `--format` is given.
    pub default: bool,
    /// The output file name for a notice's stem, e.g. `kent.html`.
    pub file_name: fn(&str) -> String,
    /// The renderer: pure, no clock and no I/O.
    pub render: fn(&Document, &RenderContext<'_>) -> Result<Output, String>,
}

/// A format: a reference to its registry entry. Two formats are equal when their names
/// are.
#[derive(Clone, Copy)]
pub struct Format(&'static FormatSpec);

impl Format {
    /// The registry entry.
    pub fn spec(self) -> &'static FormatSpec {
        self.0
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The output file name for a notice stem: `kent.html`, `kent-large-print.pdf`, …
    pub fn file_name(self, stem: &str) -> String {
        (self.0.file_name)(stem)
    }

    /// Render a document in this format.
    pub fn render(self, doc: &Document, cx: &RenderContext<'_>) -> Result<Output, String> {
        (self.0.render)(doc, cx)
    }

    /// The format with this command-line name.
    pub fn by_name(name: &str) -> Option<Format> {
        FORMATS
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map(|f| Format(f))
    }

    /// Every format, in registry order.
    pub fn all() -> impl Iterator<Item = Format> {
        FORMATS.iter().map(|f| Format(f))
    }

    /// The formats `notice build` writes when none is asked for.
    pub fn defaults() -> Vec<Format> {
        Format::all().filter(|f| f.0.default).collect()
    }

    /// The web page.
    pub fn html() -> Format {
        Format(&super::html::FORMAT)
    }

    /// The large-print PDF.
    pub fn pdf() -> Format {
        Format(&super::pdf::FORMAT)
    }

    /// Plain text.
    pub fn text() -> Format {
        Format(&super::text::FORMAT)
    }
}

impl fmt::Debug for FormatSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormatSpec")
            .field("name", &self.name)
            .field("default", &self.default)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Format {}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// Every format, in the order `--help` lists them and `--format all` writes them.
pub static FORMATS: &[&FormatSpec] = &[
    &super::html::FORMAT,
    &super::pdf::FORMAT,
    &super::text::FORMAT,
    &super::docx::FORMAT,
    &super::docx::FORMAT_LARGE,
    &super::epub::FORMAT,
    &super::brf::FORMAT,
];

/// Parse a `--format` list: names separated by commas, or `all`. Order is kept and
/// repeats are dropped.
pub fn parse_list(list: &str) -> Result<Vec<Format>, String> {
    let mut out: Vec<Format> = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let found: Vec<Format> = if name.eq_ignore_ascii_case("all") {
            Format::all().collect()
        } else {
            match Format::by_name(name) {
                Some(f) => vec![f],
                None => {
                    let known: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
                    return Err(format!(
                        "`{name}` is not a format; choose from {} or `all`",
                        known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        };
        for f in found {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    if out.is_empty() {
        return Err("no format named; write for example `html,pdf,txt` or `all`".to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lower_case() {
        let mut names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
        assert!(
            names
                .iter()
                .all(|n| *n == n.to_ascii_lowercase() && *n != "all")
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FORMATS.len());
    }

    #[test]
    fn file_names_differ_for_one_stem() {
        let mut files: Vec<String> = FORMATS.iter().map(|f| (f.file_name)("kent")).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), FORMATS.len());
    }

    #[test]
    fn lists_parse_in_order_without_repeats() {
        let got = parse_list("txt, html,txt").unwrap();
        assert_eq!(got, vec![Format::text(), Format::html()]);
        assert_eq!(parse_list("all").unwrap().len(), FORMATS.len());
        let err = parse_list("html,docs").unwrap_err();
        assert!(err.contains("`docs` is not a format"), "{err}");
        assert!(parse_list(" , ").is_err());
    }
}
