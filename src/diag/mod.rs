//! Diagnostics: what `notice` has to say about a notice, as values.
//!
//! Every finding, from a YAML syntax error to a missing disclosure, is a [`Diagnostic`]:
//! a severity, the rule that found it, a plain-English message, the place in the file, the
//! path of the field (`purposes[2].lawful_basis`), the article it rests on and a `help` line
//! saying what to write. Diagnostics are collected, never thrown; the emitters in [`emit`]
//! print them for people (rustc style), for programs (JSON), for GitHub code scanning (SARIF)
//! and as GitHub Actions annotations.

use serde::Serialize;

use crate::source::Span;

pub mod emit;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing; does not fail `check` unless `--deny-warnings`.
    Warning,
    /// A required disclosure is missing or the notice is invalid; `check` fails.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding about one notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The rule id, e.g. `PN201`.
    pub rule: &'static str,
    /// The rule's short name, e.g. `purpose-without-lawful-basis`.
    pub name: &'static str,
    /// The law it rests on, e.g. `UK GDPR Art 13(1)(c)`.
    pub citation: &'static str,
    /// What is wrong, in plain English: lower-case start, no trailing period.
    pub message: String,
    /// Where, if the finding points at a place in the file.
    #[serde(skip)]
    pub span: Span,
    /// The field path, e.g. `purposes[2].lawful_basis` (empty for the whole file).
    pub path: String,
    /// What to write to fix it.
    pub help: Option<String>,
    /// The other places the same finding applies to (one rule on many items is one
    /// finding with many locations), in file order.
    #[serde(skip)]
    pub also: Vec<Location>,
    /// For a finding in a shared office file: the notices it was found while checking
    /// (one finding, however many notices extend the file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

/// A further place a finding applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Where in the file.
    pub span: Span,
    /// The field path.
    pub path: String,
}

impl Diagnostic {
    /// Add a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The diagnostics for one file, with the file they are about.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The source they point into.
    pub source: crate::source::SourceFile,
    /// The findings, sorted by position then rule.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Sort diagnostics into a stable order: by file (the notice's own first), line, column,
/// rule, then message.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.file, a.span.line, a.span.column, a.rule, &a.message).cmp(&(
            b.span.file,
            b.span.line,
            b.span.column,
            b.rule,
            &b.message,
        ))
    });
}
